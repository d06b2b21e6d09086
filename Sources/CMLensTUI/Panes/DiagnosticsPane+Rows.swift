import CMLensCore

extension DiagnosticsPane {
    /// A finding a line: severity, client, evidence lines, how sure, title; the selected one's
    /// explanation below.
    struct FindingRows: RowSource {
        var findings: [DiagnosticFinding]
        var clientWidth: Int

        init(findings: [DiagnosticFinding], width: Int) {
            self.findings = findings
            clientWidth = width >= 120 ? 18 : 14
        }

        var count: Int { findings.count }

        func header(width: Int) -> StyledLine? {
            return .header(" Sev " + DisplayWidth.fit("Client", to: clientWidth) + " Lines "
                           + DisplayWidth.fit("Sure", to: DiagnosticsPane.sureWidth) + " Finding")
        }

        var emptyNote: StyledLine? { StyledLine(" No findings: no rule matched the loaded logs.", .dim) }

        func row(_ index: Int, width: Int) -> StyledLine {
            let finding = findings[index]
            var line = StyledLine(" " + TimeText.severity(finding.severity) + " ", Role(Meaning(finding.severity)))
            line.add(DisplayWidth.fit(TerminalText.escape(finding.client), to: clientWidth) + " ", .text)
            line.add(DisplayWidth.fit(String(finding.evidence.count), to: 5) + " ", .dim)
            line.add(DisplayWidth.fit(finding.confidence.rawValue, to: DiagnosticsPane.sureWidth) + " ",
                     Role(Meaning(finding.confidence)))
            line.add(TerminalText.escape(finding.title), .text)
            return line
        }

        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            guard let selected else { return nil }
            let finding = findings[selected]
            return ListDetail(title: "─ \(TerminalText.escape(finding.rule)): Enter shows the fix and the evidence ",
                              lines: WordWrap.lines(TerminalText.escape(finding.explanation), columns: width - 1).map { ($0, .text) })
        }
    }

    /// An open finding's evidence: a log line a row, with its place (and time on a wide screen).
    struct EvidenceRows: RowSource {
        var finding: DiagnosticFinding
        var utc: Bool
        var wide: Bool

        var count: Int { finding.evidence.count }

        func header(width: Int) -> StyledLine? {
            return .header(" Evidence: \(count) line\(count == 1 ? "" : "s") (Enter opens in Logs, Esc back)")
        }

        func row(_ index: Int, width: Int) -> StyledLine {
            let evidence = finding.evidence[index]
            var line = StyledLine(" " + TerminalText.escape(DiagnosticsPane.place(evidence)) + "  ", .text)
            if wide { line.add(TimeText.of(evidence.time, utc: utc, withDate: false) + "  ", .dim) }
            line.add(TerminalText.escape(evidence.text, expandTabs: 8), .text)
            return line
        }
    }
}
