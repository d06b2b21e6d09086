import CMLensCore

extension DiagnosticsPane {
    /// The title, the findings' column names, the findings, the selected one's explanation below.
    func listLayout(_ area: Rect) -> ListLayout { ListLayout(area, above: 1, detail: area.lines >= 30 ? 8 : 5) }

    /// An open finding: its title, its explanation and fix (about half the pane), its evidence lines.
    func evidenceLayout(_ area: Rect) -> ListLayout { ListLayout(area, above: 1 + max(2, area.lines / 2 - 1)) }

    /// The whole text: the title, a line saying which lines are shown, the text.
    func wholeTextLayout(_ area: Rect) -> ListLayout { ListLayout(area, above: 1) }

    /// `CLIENT/file.log:line`: the folder and file, enough to tell the lines apart on screen.
    static func place(_ evidence: FindingEvidence) -> String { ShortPlace.of(file: evidence.file, line: evidence.line) }

    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        if context.isRunning(Self.id) {
            grid.write("Diagnosing…", at: area.origin, role: .dim, clip: area)
            return
        }
        switch levels.top {
        case .wholeText(let finding)?: renderWholeText(finding, from: levels.cursor.top, into: &grid, area: area)
        case .finding(let finding)?: renderFinding(finding, into: &grid, area: area, context: context)
        case nil: renderList(into: &grid, area: area, context: context)
        }
    }

    private func renderList(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        let list = shown(context)
        let errors = list.filter { $0.severity == .error }.count, warnings = list.filter { $0.severity == .warning }.count
        let scope = context.client.map { "client " + TerminalText.escape($0) } ?? "all clients"
        let title = listLayout(area).above
        grid.write("\(list.count) finding\(list.count == 1 ? "" : "s") (\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")) for \(scope)",
                   at: title.origin, role: .title, clip: title)
        ListView.render(FindingRows(findings: list, width: area.columns), cursor: levels.base, layout: listLayout(area), into: &grid)
    }

    private func renderFinding(_ finding: DiagnosticFinding, into grid: inout Grid, area: Rect, context: ConsoleContext) {
        let title = area.splitTop(1).top
        let column = grid.write(TimeText.severity(finding.severity) + " ", at: title.origin, role: Role(Meaning(finding.severity)), clip: title)
        grid.write(TerminalText.escape(finding.client) + ": " + TerminalText.escape(finding.title),
                   at: Position(column: column, line: title.line), role: .title, clip: title)
        let layout = evidenceLayout(area)
        let textArea = layout.above.splitTop(1).rest
        let text = Self.textLines(finding, columns: textArea.columns)
        var explanation = Array(text.prefix { $0.part == .explanation }.map { ($0.text, $0.role) })
        let tail = Array(text.drop { $0.part == .explanation }.map { ($0.text, $0.role) })
        // On a small screen the explanation gives way so the fix is always shown (the whole text: cmlens diagnose).
        if explanation.count + tail.count > textArea.lines {
            let keep = max(2, textArea.lines - min(tail.count, textArea.lines / 2))
            if explanation.count > keep {
                explanation = Array(explanation.prefix(keep))
                let more = " … (d: all)"
                let room = max(0, textArea.columns - 1 - DisplayWidth.of(more))
                explanation[keep - 1].0 = DisplayWidth.truncate(explanation[keep - 1].0, to: room) + more
            }
        }
        let lines = explanation + tail
        for (n, item) in lines.prefix(textArea.lines).enumerated() {
            grid.write(" " + item.0, at: Position(column: textArea.column, line: textArea.line + n), role: item.1, clip: textArea)
        }
        ListView.render(EvidenceRows(finding: finding, utc: context.showUTC, wide: area.columns >= 120), cursor: levels.cursor,
                        layout: layout, into: &grid)
    }

    enum TextPart { case explanation, rest }

    /// The confidence column: as wide as its longest word (`confirmed`).
    static let sureWidth = 9

    /// An open finding's text wrapped to `columns`: the explanation, then the fix, the reference
    /// and what each error code means.
    static func textLines(_ finding: DiagnosticFinding, columns: Int) -> [(text: String, role: Role, part: TextPart)] {
        let width = max(1, columns - 1)
        var lines = WordWrap.lines(TerminalText.escape(finding.explanation), columns: width).map { ($0, Role.text, TextPart.explanation) }
        lines += WordWrap.lines("Fix: " + TerminalText.escape(finding.fix), columns: width).map { ($0, Role.text, TextPart.rest) }
        lines += WordWrap.lines("Confidence: " + FindingOutput.confidenceText(finding), columns: width).map { ($0, Role.dim, TextPart.rest) }
        if let reference = finding.reference {
            lines += WordWrap.lines("See: " + TerminalText.escape(reference), columns: width).map { ($0, Role.dim, TextPart.rest) }
        }
        for code in finding.errorCodes {
            lines.append((TerminalText.escape(code.code) + ": " + TerminalText.escape(code.meaning ?? "not in the catalogue"), .dim, .rest))
        }
        return lines
    }

    private func renderWholeText(_ finding: DiagnosticFinding, from offset: Int, into grid: inout Grid, area: Rect) {
        let (title, rest) = area.splitTop(1)
        let column = grid.write(TimeText.severity(finding.severity) + " ", at: title.origin, role: Role(Meaning(finding.severity)), clip: title)
        grid.write(TerminalText.escape(finding.client) + ": " + TerminalText.escape(finding.title),
                   at: Position(column: column, line: title.line), role: .title, clip: title)
        let (header, body) = rest.splitTop(1)
        let lines = Self.textLines(finding, columns: body.columns)
        let first = min(offset, max(0, lines.count - body.lines))
        let last = min(lines.count, first + body.lines)
        grid.fill(header, role: .header)
        grid.write(" Lines \(first + 1)–\(last) of \(lines.count) (↑↓ scroll, d or Esc: the evidence)", at: header.origin,
                   role: .header, clip: header)
        for (n, item) in lines[first..<last].enumerated() {
            grid.write(" " + item.text, at: Position(column: body.column, line: body.line + n), role: item.role, clip: body)
        }
    }
}
