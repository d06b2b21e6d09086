/// How findings print: text grouped by client for people, one JSON object per finding for scripts.
/// Everything that came from a log is escaped before it can reach a terminal.
public enum FindingOutput {
    /// Findings in the order given (the engine's: by client, most severe first), each client once
    /// as a heading.
    public static func text(_ findings: [DiagnosticFinding], style: TextStyle) -> [String] {
        var lines: [String] = []
        var client: String?
        for finding in findings {
            if finding.client != client {
                if client != nil { lines.append("") }
                client = finding.client
                lines.append(style.paint(TerminalText.escape(finding.client), "1"))
            }
            lines += text(finding, style: style)
        }
        return lines
    }

    public static func text(_ finding: DiagnosticFinding, style: TextStyle) -> [String] {
        let label = finding.severity.rawValue.uppercased()
        let painted = switch finding.severity {
        case .error: style.paint(label, "31;1")
        case .warning: style.paint(label, "33")
        case .info: label
        }
        var lines = ["  \(painted)  \(TerminalText.escape(finding.title))  [\(finding.rule)]"]
        if let span = span(finding) { lines.append("    when: \(span)") }
        lines.append("    sure: \(confidenceText(finding))")
        lines += wrap(TerminalText.escape(finding.explanation), first: "    what: ", rest: "          ")
        lines += wrap(TerminalText.escape(finding.fix), first: "    fix:  ", rest: "          ")
        for code in finding.errorCodes {
            lines.append("    code: \(code.code)" + (code.meaning.map { " " + TerminalText.escape($0) } ?? ""))
        }
        if let reference = finding.reference {
            lines += wrap(TerminalText.escape(reference), first: "    see:  ", rest: "          ")
        }
        let count = finding.evidence.count
        lines.append("    evidence (\(count) line\(count == 1 ? "" : "s")):")
        for item in finding.evidence {
            lines.append("      " + TerminalText.escape(item.location) + "  " + TerminalText.escape(item.text, expandTabs: 4))
        }
        return lines
    }

    /// `likely`, or `confirmed (corroborated by regtask, sleeping)`.
    public static func confidenceText(_ finding: DiagnosticFinding) -> String {
        finding.corroboratedBy.isEmpty ? finding.confidence.rawValue
            : "\(finding.confidence.rawValue) (corroborated by \(finding.corroboratedBy.joined(separator: ", ")))"
    }

    /// Prose broken at spaces to fit `width` columns; a word longer than a line stays whole.
    static func wrap(_ text: String, first: String, rest: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var current = first
        var empty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !empty && current.count + 1 + word.count > width {
                lines.append(current)
                current = rest
                empty = true
            }
            current += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(current)
        return lines
    }

    /// `2011-01-13 10:23:48 – 15:20:31 (UTC-05:00)`, on the log's own clock.
    static func span(_ finding: DiagnosticFinding) -> String? {
        guard let first = finding.first, let last = finding.last else { return nil }
        let a = DiagnosticTemplate.display(first), b = DiagnosticTemplate.display(last)
        if a == b { return a }
        // Same day and offset: the second time alone.
        if a.prefix(10) == b.prefix(10), first.biasMinutes == last.biasMinutes {
            return String(a.prefix(19)) + " – " + String(b.dropFirst(11))
        }
        return a + " – " + b
    }

    /// One finding as one JSON line: rule, client, severity, title, explanation, fix, first, last
    /// (ISO 8601 with offset), evidence (`file:line`), then error codes and the reference.
    public static func json(_ finding: DiagnosticFinding) -> String {
        var line = JSONLine()
        line.add("rule", finding.rule)
        line.add("client", finding.client)
        line.add("severity", finding.severity.rawValue)
        line.add("confidence", finding.confidence.rawValue)
        line.add("corroboratedBy", strings: finding.corroboratedBy)
        line.add("title", finding.title)
        line.add("explanation", finding.explanation)
        line.add("fix", finding.fix)
        line.add("first", finding.first?.iso8601)
        line.add("last", finding.last?.iso8601)
        line.add("evidence", strings: finding.evidenceLocations)
        let codes = finding.errorCodes.map { code -> String in
            var object = JSONLine()
            object.add("code", code.code)
            object.add("meaning", code.meaning)
            return object.rendered
        }
        line.addRaw("errorCodes", "[" + codes.joined(separator: ",") + "]")
        line.add("reference", finding.reference)
        return line.rendered
    }
}
