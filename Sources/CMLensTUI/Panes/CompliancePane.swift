import CMLensCore

/// The hotfix table of `cmlens compliance`: each KB of the catalogue (built in, plus the
/// workspace's catalogues) with how many clients of the inventory have it, lack it, or cannot
/// tell; Enter lists the clients by state with the version seen, `Q` shows the collection queries.
public struct CompliancePane: Pane {
    public static let descriptor = PaneDescriptor(id: "compliance", title: "Compliance", shortTitle: "Hotfix")
    public static let commands: [Command] = [.open, .collectionQueries, .up, .down, .pageUp, .pageDown, .top, .bottom]

    public var inventory: Inventory?
    public var report: ComplianceReport?
    public var cursor = ListCursor()
    /// Enter on a KB: its verdicts, missing first, then unknown, then installed.
    public var opened: (kb: Int, verdicts: [ComplianceVerdict], cursor: ListCursor)?
    var computedFor: ObjectIdentifier?
    var running = false
    /// The KB was opened by a drill (the Client pane): Esc closes it and goes back there.
    var drilledIn = false
    /// A drill that came before the inventory was read: applied when it arrives.
    var pendingFocus: (kb: String, client: String)?

    struct Result: Sendable {
        var inventory: Inventory
        var report: ComplianceReport
    }

    public init() {}

    public var isBusy: Bool { running }

    public mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace, computedFor != workspace.identity else { return .handled }
        computedFor = workspace.identity
        opened = nil
        running = true
        return .run(Job(label: "judging hotfixes") { _ in
            let judged = workspace.compliance()
            return Result(inventory: judged.inventory, report: judged.report)
        })
    }

    public mutating func receive(_ result: any Sendable, context: ConsoleContext) -> Reaction {
        if let result = result as? Result {
            inventory = result.inventory
            report = result.report
            running = false
            if let pending = pendingFocus {
                pendingFocus = nil
                return focus(on: .hotfix(kb: pending.kb, client: pending.client), context: context)
            }
        }
        return .handled
    }

    /// A drill onto a client's verdict for a KB: the KB's clients listed, the cursor on the client.
    public mutating func focus(on focus: Reaction.Focus, context: ConsoleContext) -> Reaction {
        guard case .hotfix(let kb, let client) = focus else { return .handled }
        drilledIn = true
        guard report != nil else { pendingFocus = (kb, client); return .handled }
        guard let index = kbs.firstIndex(where: { $0.hotfix.kb == Hotfix.normalisedKB(kb) }) else {
            return .say("KB\(kb) is not in the catalogue")
        }
        cursor.select(index, count: kbs.count, visible: listLines(context.paneSize.lines))
        let verdicts = Self.order.flatMap { kbs[index].verdicts($0) }
        var list = ListCursor()
        if let row = verdicts.firstIndex(where: { $0.client.caseInsensitiveCompare(client) == .orderedSame }) {
            list.select(row, count: verdicts.count, visible: listLines(context.paneSize.lines))
        }
        opened = (index, verdicts, list)
        return .handled
    }

    var kbs: [ComplianceReport.KBSummary] { report?.kbs ?? [] }

    static let order: [ComplianceStatus] = [.missing, .unknown, .installed]

    public mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        if command == .collectionQueries { return queries() }
        let visible = listLines(context.paneSize.lines)
        if var open = opened {
            if command == .back {
                opened = nil
                defer { drilledIn = false }
                return drilledIn ? .ignored : .handled
            }
            if open.cursor.apply(command, count: open.verdicts.count, visible: visible) {
                opened = open
                return .handled
            }
            guard command == .open, open.verdicts.indices.contains(open.cursor.selected) else { return .ignored }
            // The client, whatever is known of it: its logs may be missing, the Client pane says so.
            let client = open.verdicts[open.cursor.selected].client
            let known = context.workspace?.logs.files.first { $0.client.caseInsensitiveCompare(client) == .orderedSame }
            return Reaction(handled: true, drill: .init(client: known?.client ?? client, pane: ClientPane.id))
        }
        if cursor.apply(command, count: kbs.count, visible: visible) { return .handled }
        guard command == .open else { return .ignored }
        guard kbs.indices.contains(cursor.selected) else { return .say(running ? "still reading the inventory" : "no KBs") }
        let summary = kbs[cursor.selected]
        opened = (cursor.selected, Self.order.flatMap { summary.verdicts($0) }, ListCursor())
        drilledIn = false
        return .handled
    }

    /// The WQL (for a ConfigMgr collection) and SQL (for the site database) that select the
    /// clients lacking the selected KB.
    func queries() -> Reaction {
        let index = opened?.kb ?? cursor.selected
        guard kbs.indices.contains(index), let inventory else { return .say(running ? "still reading the inventory" : "no KB selected") }
        let hotfix = kbs[index].hotfix
        var lines: [Popup.Line] = []
        for query in [CollectionQuery.wql(for: hotfix, inventory: inventory), CollectionQuery.sql(for: hotfix)] {
            lines.append(Popup.Line(query.language == .wql ? "WQL (collection query):" : "SQL (site database):", .header))
            lines += query.text.split(separator: "\n", omittingEmptySubsequences: false).map { Popup.Line("  " + TerminalText.escape(String($0))) }
            // Notes are prose: wrapped to fit an 80-column screen; the query lines are kept whole to copy.
            lines += query.notes.flatMap { LogsPane.wrap("Note: " + TerminalText.escape($0), columns: 76).map { Popup.Line($0, .dim) } }
            lines.append(Popup.Line(""))
        }
        var reaction = Reaction.handled
        reaction.popup = Popup(title: "Collection queries for KB\(TerminalText.escape(hotfix.kb))", lines: lines)
        return reaction
    }

    public func status(context: ConsoleContext) -> [String] {
        if running { return ["reading the inventory"] }
        var items = ["\(kbs.count) KBs", "\(inventory?.clients.count ?? 0) clients in the inventory"]
        if let open = opened { items.append("KB\(kbs[open.kb].hotfix.kb): \(open.cursor.selected + 1)/\(open.verdicts.count)") }
        return items
    }

    func detailLines(_ paneLines: Int) -> Int { paneLines >= 30 ? 6 : 4 }

    /// Lines of the list: the pane less the title, the header and the detail area.
    func listLines(_ paneLines: Int) -> Int { max(1, paneLines - 2 - detailLines(paneLines)) }

    public func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        guard !running, let inventory else {
            grid.write("Reading the inventory…", at: area.origin, role: .dim, clip: area)
            return
        }
        let (title, rest) = area.splitTop(1)
        let (body, below) = rest.splitTop(rest.lines - detailLines(area.lines))
        if inventory.clients.isEmpty {
            grid.write("No inventory in the workspace: add the clients' component table (CSV) to judge hotfixes.",
                       at: title.origin, role: .dim, clip: title)
        } else {
            grid.write("\(kbs.count) KBs, \(inventory.clients.count) clients in the inventory", at: title.origin, role: .title, clip: title)
        }
        if let open = opened {
            renderVerdicts(open, into: &grid, area: body)
        } else {
            renderTable(into: &grid, area: body)
        }
        guard below.lines > 0 else { return }
        grid.fill(Rect(column: below.column, line: below.line, columns: below.columns, lines: 1), role: .border)
        let index = opened?.kb ?? cursor.selected
        guard kbs.indices.contains(index) else { return }
        let hotfix = kbs[index].hotfix
        grid.write("─ KB\(TerminalText.escape(hotfix.kb)) " + (opened == nil ? "Enter lists the clients, Q the collection queries " : "Enter opens a client, Q the queries "),
                   at: below.origin, role: .border, clip: below)
        var lines = LogsPane.wrap(TerminalText.escape(hotfix.title ?? "(no title)"), columns: below.columns - 1).map { ($0, Role.text) }
        lines.append(("needs " + TerminalText.escape(hotfix.component) + " " + TerminalText.escape(hotfix.minimumVersion.text)
                      + " or later · from " + TerminalText.escape(hotfix.source), .dim))
        if let open = opened, open.verdicts.indices.contains(open.cursor.selected), let note = open.verdicts[open.cursor.selected].note {
            lines.insert((TerminalText.escape(note), .dim), at: 0)
        }
        for (n, item) in lines.prefix(below.lines - 1).enumerated() {
            grid.write(" " + item.0, at: Position(column: below.column, line: below.line + 1 + n), role: item.1, clip: below)
        }
    }

    private func renderTable(into grid: inout Grid, area: Rect) {
        let (header, rows) = area.splitTop(1)
        let componentWidth = area.columns >= 120 ? 30 : 22
        grid.fill(header, role: .header)
        grid.write(" KB         " + DisplayWidth.fit("Component", to: componentWidth) + " " + DisplayWidth.fit("Required", to: 16)
                   + " Installed Missing Unknown", at: header.origin, role: .header, clip: header)
        for (screenLine, index) in cursor.visibleRows(count: kbs.count, visible: rows.lines).enumerated() {
            let summary = kbs[index]
            let line = rows.line + screenLine
            var column = grid.write(" " + DisplayWidth.fit("KB" + TerminalText.escape(summary.hotfix.kb), to: 10) + " ",
                                    at: Position(column: rows.column, line: line), role: .text, clip: rows)
            column = grid.write(DisplayWidth.fit(TerminalText.escape(summary.hotfix.component), to: componentWidth) + " "
                                + DisplayWidth.fit(TerminalText.escape(summary.hotfix.minimumVersion.text), to: 16) + " ",
                                at: Position(column: column, line: line), role: .text, clip: rows)
            let counts: [(ComplianceStatus, Int, Role)] = [(.installed, 9, .text), (.missing, 7, .error), (.unknown, 7, .warning)]
            for (status, width, role) in counts {
                let n = summary.count(status)
                column = grid.write(DisplayWidth.fit(String(n), to: width) + " ", at: Position(column: column, line: line),
                                    role: n > 0 ? role : .dim, clip: rows)
            }
            if index == cursor.selected { grid.paint(.selection, line: line, columns: rows.column..<rows.right) }
        }
    }

    private func renderVerdicts(_ open: (kb: Int, verdicts: [ComplianceVerdict], cursor: ListCursor), into grid: inout Grid, area: Rect) {
        let (header, rows) = area.splitTop(1)
        let summary = kbs[open.kb]
        grid.fill(header, role: .header)
        grid.write(" KB\(TerminalText.escape(summary.hotfix.kb)): " + Self.order.map { "\(summary.count($0)) \($0.rawValue)" }.joined(separator: ", ")
                   + " (Enter opens a client, Esc back)", at: header.origin, role: .header, clip: header)
        let clientWidth = area.columns >= 120 ? 24 : 18
        for (screenLine, index) in open.cursor.visibleRows(count: open.verdicts.count, visible: rows.lines).enumerated() {
            let verdict = open.verdicts[index]
            let line = rows.line + screenLine
            let role: Role = verdict.status == .missing ? .error : verdict.status == .unknown ? .warning : .text
            var column = grid.write(" " + DisplayWidth.fit(verdict.status.rawValue, to: 9) + " ",
                                    at: Position(column: rows.column, line: line), role: role, clip: rows)
            column = grid.write(DisplayWidth.fit(TerminalText.escape(verdict.client), to: clientWidth) + " ",
                                at: Position(column: column, line: line), role: .text, clip: rows)
            let seen = verdict.found.map { "version " + TerminalText.escape($0) } ?? "no version seen"
            column = grid.write(DisplayWidth.fit(seen, to: 24) + " ", at: Position(column: column, line: line), role: .text, clip: rows)
            if let source = verdict.evidence?.source {
                // The line number is what finds the row: on a narrow screen the file name's start gives way.
                let file = ShortPlace.tail(source.file, components: 1)
                let place = ShortPlace.path(TerminalText.escape(file) + ":\(source.line)", room: rows.right - column - 5)
                grid.write("from " + place, at: Position(column: column, line: line), role: .dim, clip: rows)
            }
            if index == open.cursor.selected { grid.paint(.selection, line: line, columns: rows.column..<rows.right) }
        }
    }
}
