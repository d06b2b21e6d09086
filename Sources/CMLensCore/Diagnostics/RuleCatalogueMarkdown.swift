/// The rule list of the README, written from the rules themselves, so the documentation cannot
/// drift from what `cmlens diagnose` runs (a test compares the two).
public enum RuleCatalogueMarkdown {
    public static func table(_ rules: [DiagnosticRule]) -> String {
        var out = "| id | severity | starts at | reads | finds | raised by | reference |\n"
        out += "| --- | --- | --- | --- | --- | --- | --- |\n"
        for rule in rules {
            let cells = [
                "`\(rule.id)`", rule.severity.rawValue, rule.confidence.rawValue, reads(rule), finds(rule),
                rule.corroboration.isEmpty ? "–" : rule.corroboration.map { "`\($0)`" }.joined(separator: ", "),
                reference(rule),
            ]
            out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// The logs a rule reads, or the facts it is answered from.
    private static func reads(_ rule: DiagnosticRule) -> String {
        var logs = rule.logs
        for pattern in rule.patterns { logs += pattern.logs ?? [] }
        var seen = Set<String>()
        logs = logs.filter { seen.insert($0.lowercased()).inserted }
        let facts = rule.patterns.compactMap { pattern -> String? in
            if case .fact(let kind) = pattern.source { return "`\(kind)` facts" }
            return nil
        }
        return (logs + facts).joined(separator: ", ")
    }

    /// The title, its placeholders read as "…" (`Program failing and retrying: {program}`).
    private static func finds(_ rule: DiagnosticRule) -> String {
        var text = ""
        var inPlaceholder = false
        for character in rule.title {
            if character == "{" { inPlaceholder = true; text += "…"; continue }
            if character == "}" { inPlaceholder = false; continue }
            if !inPlaceholder { text.append(character) }
        }
        return text
    }

    private static func reference(_ rule: DiagnosticRule) -> String {
        guard let reference = rule.reference, !reference.isEmpty else { return "–" }
        guard let link = reference.split(separator: " ").first(where: { $0.hasPrefix("https://") }) else { return reference }
        return "[\(page(String(link)))](\(link))"
    }

    /// The page's own name, the last part of its path (`…/understand-troubleshoot-client-installation`).
    private static func page(_ url: String) -> String {
        let path = url.split(separator: "#").first.map(String.init) ?? url
        return path.split(separator: "/").last.map(String.init) ?? url
    }

    /// A table cell: a `|` or a line break would break the row.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
