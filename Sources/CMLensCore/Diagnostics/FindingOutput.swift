/// How findings print: text grouped by client for people, one JSON object per finding for scripts.
/// Everything that came from a log is escaped before it can reach a terminal.
public enum FindingOutput {
    /// Findings in the order given (the engine's: by client, most severe first), each client once
    /// as a heading.
    public static func text(_ findings: [DiagnosticFinding]) -> [StyledText] {
        // Each finding worded on its own core (a tree of clients has tens of thousands), then joined.
        let worded = Concurrently.map(count: findings.count) { text(findings[$0]) }
        var lines: [StyledText] = []
        var client: String?
        for (finding, text) in zip(findings, worded) {
            if finding.client != client {
                if client != nil { lines.append("") }
                client = finding.client
                lines.append(StyledText(TerminalText.escape(finding.client), .heading))
            }
            lines += text
        }
        return lines
    }

    public static func text(_ finding: DiagnosticFinding) -> [StyledText] {
        let severity = StyledText(finding.severity.rawValue.uppercased(), Meaning(finding.severity))
        let heading = "  " + severity + "  \(TerminalText.escape(finding.title))  [\(finding.rule)]"
        // Below the heading, prose without meanings of its own.
        var prose: [String] = []
        if let span = span(finding) { prose.append("    when: \(span)") }
        prose.append("    sure: \(confidenceText(finding))")
        prose += wrap(TerminalText.escape(finding.explanation), first: "    what: ", rest: "          ")
        prose += wrap(TerminalText.escape(finding.fix), first: "    fix:  ", rest: "          ")
        for code in finding.errorCodes {
            prose.append("    code: \(code.code)" + (code.meaning.map { " " + TerminalText.escape($0) } ?? ""))
        }
        if let reference = finding.reference {
            prose += wrap(TerminalText.escape(reference), first: "    see:  ", rest: "          ")
        }
        let count = finding.evidence.count
        prose.append("    evidence (\(count) line\(count == 1 ? "" : "s")):")
        for item in finding.evidence {
            prose.append("      " + TerminalText.escape(item.location) + "  " + TerminalText.escape(item.text, expandTabs: 4))
        }
        return [heading] + prose.map { StyledText($0) }
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
        // Counted as it grows: `String.count` walks the whole line every time.
        var length = first.count
        var empty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordLength = word.count
            if !empty && length + 1 + wordLength > width {
                lines.append(current)
                current = rest
                length = rest.count
                empty = true
            }
            if !empty {
                current += " "
                length += 1
            }
            current += word
            length += wordLength
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
