import CMLensCore

/// The hotfix table of `cmlens compliance`: each KB of the catalogue (built in, plus the
/// workspace's catalogues) with how many clients of the inventory have it, lack it, or cannot
/// tell; Enter lists the clients by state with the version seen, `Q` shows the collection queries.
struct CompliancePane: Pane {
    static let descriptor = PaneDescriptor(id: "compliance", title: "Compliance", shortTitle: "Hotfix")
    static let commands: [Command] = [.open, .collectionQueries, .up, .down, .pageUp, .pageDown, .top, .bottom]

    var inventory: Inventory?
    var report: ComplianceReport?
    /// The KBs, and over them (Enter on a KB) its clients' verdicts.
    var levels = Levels<Verdicts>()
    /// A drill that came before the inventory was read: applied when it arrives.
    var pendingFocus: (kb: String, client: String)?

    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace else { return .handled }
        levels.closeAll()
        return .run(Job("judging hotfixes", for: Self.self) { _ in workspace.compliance() } then: { pane, report, context in
            pane.inventory = workspace.inventory
            pane.report = report
            guard let pending = pane.pendingFocus else { return .handled }
            pane.pendingFocus = nil
            return pane.focus(on: .hotfix(kb: pending.kb, client: pending.client), context: context)
        })
    }

    /// A drill onto a client's verdict for a KB: the KB's clients listed, the cursor on the client.
    mutating func focus(on focus: Reaction.Focus, context: ConsoleContext) -> Reaction {
        guard case .hotfix(let kb, let client) = focus else { return .handled }
        guard report != nil else { pendingFocus = (kb, client); return .handled }
        guard let index = kbs.firstIndex(where: { $0.hotfix.kb == Hotfix.normalisedKB(kb) }) else {
            return .say("KB\(kb) is not in the catalogue")
        }
        let page = layout(Rect(context.paneSize)).page
        levels.base.select(index, count: kbs.count, visible: page)
        let verdicts = Self.order.flatMap { kbs[index].verdicts($0) }
        var list = ListCursor()
        if let row = verdicts.firstIndex(where: { $0.client.caseInsensitiveCompare(client) == .orderedSame }) {
            list.select(row, count: verdicts.count, visible: page)
        }
        levels.closeAll()
        levels.push(Verdicts(kb: index, verdicts: verdicts), cursor: list, byDrill: true)
        return .handled
    }

    var kbs: [ComplianceReport.KBSummary] { report?.kbs ?? [] }

    static let order: [ComplianceStatus] = [.missing, .unknown, .installed]

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        if command == .collectionQueries { return queries(context) }
        if command == .back, let back = levels.pop() { return back }
        let visible = layout(Rect(context.paneSize)).page
        if let open = levels.top {
            if levels.cursor.apply(command, count: open.verdicts.count, visible: visible) { return .handled }
            guard command == .open, open.verdicts.indices.contains(levels.cursor.selected) else { return .ignored }
            // The client, whatever is known of it: its logs may be missing, the Client pane says so.
            let client = open.verdicts[levels.cursor.selected].client
            let known = context.workspace?.logs.files.first { $0.client.caseInsensitiveCompare(client) == .orderedSame }
            return Reaction(handled: true, drill: .init(client: known?.client ?? client, pane: ClientPane.id))
        }
        if levels.base.apply(command, count: kbs.count, visible: visible) { return .handled }
        guard command == .open else { return .ignored }
        guard kbs.indices.contains(levels.base.selected) else { return .say(context.isRunning(Self.id) ? "still reading the inventory" : "no KBs") }
        let summary = kbs[levels.base.selected]
        levels.push(Verdicts(kb: levels.base.selected, verdicts: Self.order.flatMap { summary.verdicts($0) }))
        return .handled
    }

    /// The WQL (for a ConfigMgr collection) and SQL (for the site database) that select the
    /// clients lacking the selected KB.
    func queries(_ context: ConsoleContext) -> Reaction {
        let index = levels.top?.kb ?? levels.base.selected
        guard kbs.indices.contains(index), let inventory else { return .say(context.isRunning(Self.id) ? "still reading the inventory" : "no KB selected") }
        let hotfix = kbs[index].hotfix
        var lines: [Popup.Line] = []
        for query in [CollectionQuery.wql(for: hotfix, inventory: inventory), CollectionQuery.sql(for: hotfix)] {
            lines.append(Popup.Line(query.language == .wql ? "WQL (collection query):" : "SQL (site database):", .header))
            lines += query.text.split(separator: "\n", omittingEmptySubsequences: false).map { Popup.Line("  " + TerminalText.escape(String($0))) }
            // Notes are prose: wrapped to fit an 80-column screen; the query lines are kept whole to copy.
            lines += query.notes.flatMap { WordWrap.lines("Note: " + TerminalText.escape($0), columns: 76).map { Popup.Line($0, .dim) } }
            lines.append(Popup.Line(""))
        }
        var reaction = Reaction.handled
        reaction.popup = Popup(title: "Collection queries for KB\(TerminalText.escape(hotfix.kb))", lines: lines)
        return reaction
    }

    func status(context: ConsoleContext) -> [String] {
        if context.isRunning(Self.id) { return ["reading the inventory"] }
        var items = ["\(kbs.count) KBs", "\(inventory?.clients.count ?? 0) clients in the inventory"]
        if let open = levels.top { items.append("KB\(kbs[open.kb].hotfix.kb): \(levels.cursor.selected + 1)/\(open.verdicts.count)") }
        return items
    }

    /// The title, the column names, the KBs or a KB's clients, the KB in full below.
    func layout(_ area: Rect) -> ListLayout { ListLayout(area, above: 1, detail: area.lines >= 30 ? 6 : 4) }

    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        guard !context.isRunning(Self.id), let inventory else {
            grid.write("Reading the inventory…", at: area.origin, role: .dim, clip: area)
            return
        }
        let layout = self.layout(area)
        if inventory.clients.isEmpty {
            grid.write("No inventory in the workspace: add the clients' component table (CSV) to judge hotfixes.",
                       at: layout.above.origin, role: .dim, clip: layout.above)
        } else {
            grid.write("\(kbs.count) KBs, \(inventory.clients.count) clients in the inventory", at: layout.above.origin, role: .title,
                       clip: layout.above)
        }
        if let open = levels.top {
            ListView.render(VerdictRows(summary: kbs[open.kb], verdicts: open.verdicts, width: area.columns), cursor: levels.cursor,
                            layout: layout, into: &grid)
        } else {
            ListView.render(KBRows(kbs: kbs, width: area.columns), cursor: levels.base, layout: layout, into: &grid)
        }
    }
}
