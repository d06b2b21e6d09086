import CMLensCore

/// The faults `cmlens diagnose` finds, most severe first, for the selected client or all; Enter
/// shows one finding's explanation, fix and evidence lines, and Enter on an evidence line opens
/// the Logs pane on it.
public struct DiagnosticsPane: Pane {
    public static let descriptor = PaneDescriptor(id: "diagnostics", title: "Diagnostics", shortTitle: "Diag")
    public static let commands: [Command] = [.open, .explain(nil), .toggleDetail, .up, .down, .pageUp, .pageDown, .top, .bottom]

    /// Every client's findings, in the engine's order (most severe, then earliest, first).
    public var findings: [DiagnosticFinding] = []
    public var cursor = ListCursor()
    /// Enter on a finding: the finding and a cursor over its evidence lines; nil in the list.
    public var opened: (finding: DiagnosticFinding, cursor: ListCursor)? {
        didSet { if opened?.finding != oldValue?.finding { wholeText = nil } }
    }
    /// `d` on an open finding: its whole text (explanation, fix, reference, codes) in the pane,
    /// scrolled this far; nil shows the evidence. A small screen cuts the explanation short.
    public var wholeText: Int?
    var computedFor: ObjectIdentifier?
    var computedPaths: [String] = []
    var shownClient: String??
    var running = false
    /// The finding was opened by a drill (the Client pane): Esc closes it and goes back there.
    var drilledIn = false

    struct Result: Sendable { var findings: [DiagnosticFinding] }

    public init() {}

    public var isBusy: Bool { running }

    public mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        if shownClient != .some(context.client) {
            shownClient = .some(context.client)
            // An open finding stays open: the Logs pane it drilled into comes back here with Esc.
            // The list under it is now another client's: the cursor goes to the finding, or stays in the list.
            if let open = opened, let index = shown(context).firstIndex(of: open.finding) {
                cursor.select(index, count: shown(context).count, visible: listLines(context.paneSize.lines))
            } else if opened == nil {
                cursor = ListCursor()
            } else {
                keepCursorInList(context)
            }
        }
        guard let workspace = context.workspace, computedFor != workspace.identity else { return .handled }
        computedFor = workspace.identity
        // Another workspace's findings are not this one's; a follow-mode reload keeps them until
        // the new ones land.
        if computedPaths != workspace.paths { findings = [] }
        computedPaths = workspace.paths
        keepCursorInList(context)
        opened = nil
        running = true
        return .run(Job(label: "diagnosing") { _ in Result(findings: workspace.diagnosis()) })
    }

    public mutating func receive(_ result: any Sendable, context: ConsoleContext) -> Reaction {
        if let result = result as? Result {
            // Most severe first across clients; within a severity, the engine's order (earliest first).
            let rank: [DiagnosticSeverity: Int] = [.error: 0, .warning: 1, .info: 2]
            findings = result.findings.enumerated()
                .sorted { (rank[$0.element.severity]!, $0.offset) < (rank[$1.element.severity]!, $1.offset) }
                .map(\.element)
            running = false
            keepCursorInList(context)
        }
        return .handled
    }

    /// The list changed under the cursor (new findings, fewer of them): it stays on a row that exists.
    mutating func keepCursorInList(_ context: ConsoleContext) {
        cursor.select(cursor.selected, count: shown(context).count, visible: listLines(context.paneSize.lines))
    }

    /// The findings of the selected client, or all.
    public func shown(_ context: ConsoleContext) -> [DiagnosticFinding] {
        guard let client = context.client else { return findings }
        return findings.filter { $0.client == client }
    }

    public mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        if var open = opened {
            if command == .toggleDetail {
                wholeText = wholeText == nil ? 0 : nil
                return .handled
            }
            if let offset = wholeText {
                let total = Self.textLines(open.finding, columns: context.paneSize.columns).count
                let visible = max(1, context.paneSize.lines - 2)
                let last = max(0, total - visible)
                switch command {
                case .back, .open: wholeText = nil
                case .up: wholeText = max(0, offset - 1)
                case .down: wholeText = min(last, offset + 1)
                case .pageUp: wholeText = max(0, offset - visible)
                case .pageDown: wholeText = min(last, offset + visible)
                case .top: wholeText = 0
                case .bottom: wholeText = last
                default: return .ignored
                }
                return .handled
            }
            if command == .back {
                opened = nil
                defer { drilledIn = false }
                return drilledIn ? .ignored : .handled
            }
            let visible = evidenceLines(context.paneSize.lines, open.finding)
            if open.cursor.apply(command, count: open.finding.evidence.count, visible: visible) {
                opened = open
                return .handled
            }
            guard command == .open, open.finding.evidence.indices.contains(open.cursor.selected),
                  let workspace = context.workspace else { return .ignored }
            let evidence = open.finding.evidence[open.cursor.selected]
            guard let ref = TimelinePane.reference(of: Evidence(file: evidence.file, line: evidence.line), in: workspace.logs) else {
                return .say("\(evidence.location) is not among the loaded logs")
            }
            return Reaction(handled: true, drill: .init(client: workspace.logs.files[Int(ref.file)].client, pane: LogsPane.id, record: ref))
        }
        let list = shown(context)
        if cursor.apply(command, count: list.count, visible: listLines(context.paneSize.lines)) { return .handled }
        guard command == .open else { return .ignored }
        guard list.indices.contains(cursor.selected) else {
            return .say(running ? "still diagnosing" : "no findings")
        }
        opened = (list[cursor.selected], ListCursor())
        drilledIn = false
        return .handled
    }

    /// A drill onto a finding: it opens with its evidence, and the list's cursor is put on it.
    public mutating func focus(on focus: Reaction.Focus, context: ConsoleContext) -> Reaction {
        guard case .finding(let finding) = focus else { return .handled }
        let list = shown(context)
        if let index = list.firstIndex(of: finding) {
            cursor.select(index, count: list.count, visible: listLines(context.paneSize.lines))
        }
        opened = (finding, ListCursor())
        drilledIn = true
        return .handled
    }

    /// The selected evidence line; in the list, the finding's error codes (else its evidence).
    public func explainText(context: ConsoleContext) -> String? {
        if let open = opened {
            return open.finding.evidence.indices.contains(open.cursor.selected) ? open.finding.evidence[open.cursor.selected].text : nil
        }
        let list = shown(context)
        guard list.indices.contains(cursor.selected) else { return nil }
        let finding = list[cursor.selected]
        if !finding.errorCodes.isEmpty { return finding.errorCodes.map(\.code).joined(separator: " ") }
        return finding.evidence.map(\.text).joined(separator: "\n")
    }

    public func status(context: ConsoleContext) -> [String] {
        if running { return ["diagnosing"] }
        let list = shown(context)
        var items = ["\(list.count) finding\(list.count == 1 ? "" : "s")"]
        if let open = opened { items.append("evidence \(open.cursor.selected + 1)/\(open.finding.evidence.count)") }
        return items
    }

    func detailLines(_ paneLines: Int) -> Int { paneLines >= 30 ? 8 : 5 }

    /// Lines of the findings list: the pane less the title, the header and the detail area.
    func listLines(_ paneLines: Int) -> Int { max(1, paneLines - 2 - detailLines(paneLines)) }

    /// Lines of the evidence list of an open finding: what the explanation and fix leave.
    func evidenceLines(_ paneLines: Int, _ finding: DiagnosticFinding) -> Int {
        max(1, paneLines - 2 - textLines(paneLines))
    }

    /// Lines given to the explanation and fix of an open finding: about half the pane.
    func textLines(_ paneLines: Int) -> Int { max(2, paneLines / 2 - 1) }

    /// `CLIENT/file.log:line`: the folder and file, enough to tell the lines apart on screen.
    static func place(_ evidence: FindingEvidence) -> String { ShortPlace.of(file: evidence.file, line: evidence.line) }

    static func severityText(_ severity: DiagnosticSeverity) -> (String, Role) {
        switch severity {
        case .error: ("ERR", .error)
        case .warning: ("WRN", .warning)
        case .info: ("INF", .info)
        }
    }

    public func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        if running {
            grid.write("Diagnosing…", at: area.origin, role: .dim, clip: area)
            return
        }
        if let open = opened, let offset = wholeText {
            renderWholeText(open.finding, from: offset, into: &grid, area: area)
        } else if let open = opened {
            renderFinding(open, into: &grid, area: area, context: context)
        } else {
            renderList(into: &grid, area: area, context: context)
        }
    }

    private func renderList(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        let list = shown(context)
        let errors = list.filter { $0.severity == .error }.count, warnings = list.filter { $0.severity == .warning }.count
        let scope = context.client.map { "client " + TerminalText.escape($0) } ?? "all clients"
        let (title, rest) = area.splitTop(1)
        grid.write("\(list.count) finding\(list.count == 1 ? "" : "s") (\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")) for \(scope)",
                   at: title.origin, role: .title, clip: title)
        let detail = detailLines(area.lines)
        let (header, body) = rest.splitTop(1)
        let (rows, below) = body.splitTop(body.lines - detail)
        let clientWidth = area.columns >= 120 ? 18 : 14
        grid.fill(header, role: .header)
        grid.write(" Sev " + DisplayWidth.fit("Client", to: clientWidth) + " Lines " + DisplayWidth.fit("Sure", to: Self.sureWidth)
                   + " Finding", at: header.origin, role: .header, clip: header)
        for (screenLine, index) in cursor.visibleRows(count: list.count, visible: rows.lines).enumerated() {
            let finding = list[index]
            let line = rows.line + screenLine
            let (sev, role) = Self.severityText(finding.severity)
            var column = grid.write(" " + sev + " ", at: Position(column: rows.column, line: line), role: role, clip: rows)
            column = grid.write(DisplayWidth.fit(TerminalText.escape(finding.client), to: clientWidth) + " ",
                                at: Position(column: column, line: line), role: .text, clip: rows)
            column = grid.write(DisplayWidth.fit(String(finding.evidence.count), to: 5) + " ",
                                at: Position(column: column, line: line), role: .dim, clip: rows)
            column = grid.write(DisplayWidth.fit(finding.confidence.rawValue, to: Self.sureWidth) + " ",
                                at: Position(column: column, line: line), role: finding.confidence == .confirmed ? .text : .dim, clip: rows)
            grid.write(TerminalText.escape(finding.title), at: Position(column: column, line: line), role: .text, clip: rows)
            if index == cursor.selected { grid.paint(.selection, line: line, columns: rows.column..<rows.right) }
        }
        if list.isEmpty {
            grid.write(" No findings: no rule matched the loaded logs.", at: rows.origin, role: .dim, clip: rows)
        }
        guard below.lines > 0 else { return }
        grid.fill(Rect(column: below.column, line: below.line, columns: below.columns, lines: 1), role: .border)
        guard list.indices.contains(cursor.selected) else { return }
        let finding = list[cursor.selected]
        grid.write("─ \(TerminalText.escape(finding.rule)): Enter shows the fix and the evidence ", at: below.origin, role: .border, clip: below)
        let lines = LogsPane.wrap(TerminalText.escape(finding.explanation), columns: below.columns - 1)
        for (n, text) in lines.prefix(below.lines - 1).enumerated() {
            grid.write(" " + text, at: Position(column: below.column, line: below.line + 1 + n), role: .text, clip: below)
        }
    }

    private func renderFinding(_ open: (finding: DiagnosticFinding, cursor: ListCursor), into grid: inout Grid, area: Rect,
                               context: ConsoleContext) {
        let finding = open.finding
        let (sev, role) = Self.severityText(finding.severity)
        let (title, rest) = area.splitTop(1)
        let column = grid.write(sev + " ", at: title.origin, role: role, clip: title)
        grid.write(TerminalText.escape(finding.client) + ": " + TerminalText.escape(finding.title),
                   at: Position(column: column, line: title.line), role: .title, clip: title)
        let (textArea, evidenceArea) = rest.splitTop(textLines(area.lines))
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
        let (header, list) = evidenceArea.splitTop(1)
        grid.fill(header, role: .header)
        let count = finding.evidence.count
        grid.write(" Evidence: \(count) line\(count == 1 ? "" : "s") (Enter opens in Logs, Esc back)", at: header.origin, role: .header, clip: header)
        for (screenLine, index) in open.cursor.visibleRows(count: count, visible: list.lines).enumerated() {
            let evidence = finding.evidence[index]
            let line = list.line + screenLine
            var column = grid.write(" " + TerminalText.escape(Self.place(evidence)) + "  ", at: Position(column: list.column, line: line),
                                    role: .text, clip: list)
            if area.columns >= 120 {
                column = grid.write(LogsPane.timeText(evidence.time, utc: context.showUTC, withDate: false) + "  ",
                                    at: Position(column: column, line: line), role: .dim, clip: list)
            }
            grid.write(TerminalText.escape(evidence.text, expandTabs: 8), at: Position(column: column, line: line), role: .text, clip: list)
            if index == open.cursor.selected { grid.paint(.selection, line: line, columns: list.column..<list.right) }
        }
    }

    enum TextPart { case explanation, rest }

    /// The confidence column: as wide as its longest word (`confirmed`).
    static let sureWidth = 9

    /// An open finding's text wrapped to `columns`: the explanation, then the fix, the reference
    /// and what each error code means.
    static func textLines(_ finding: DiagnosticFinding, columns: Int) -> [(text: String, role: Role, part: TextPart)] {
        let width = max(1, columns - 1)
        var lines = LogsPane.wrap(TerminalText.escape(finding.explanation), columns: width).map { ($0, Role.text, TextPart.explanation) }
        lines += LogsPane.wrap("Fix: " + TerminalText.escape(finding.fix), columns: width).map { ($0, Role.text, TextPart.rest) }
        lines += LogsPane.wrap("Confidence: " + FindingOutput.confidenceText(finding), columns: width).map { ($0, Role.dim, TextPart.rest) }
        if let reference = finding.reference {
            lines += LogsPane.wrap("See: " + TerminalText.escape(reference), columns: width).map { ($0, Role.dim, TextPart.rest) }
        }
        for code in finding.errorCodes {
            lines.append((TerminalText.escape(code.code) + ": " + TerminalText.escape(code.meaning ?? "not in the catalogue"), .dim, .rest))
        }
        return lines
    }

    private func renderWholeText(_ finding: DiagnosticFinding, from offset: Int, into grid: inout Grid, area: Rect) {
        let (sev, role) = Self.severityText(finding.severity)
        let (title, rest) = area.splitTop(1)
        let column = grid.write(sev + " ", at: title.origin, role: role, clip: title)
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
