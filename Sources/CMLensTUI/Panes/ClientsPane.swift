import CMLensCore

/// Every client with its errors, warnings and last activity, then the machines only the inventory
/// names; Enter opens the client (the Client pane), `l` its logs; `m` marks clients and `C`
/// compares the marked ones side by side.
struct ClientsPane: Pane {
    static let descriptor = PaneDescriptor(id: "clients", title: "Clients")
    static let commands: [Command] = [.open, .clientLogs, .mark, .compare, .up, .down, .pageUp, .pageDown, .top, .bottom]

    /// Row 0 is "all clients".
    var cursor = ListCursor()
    /// Machines the inventory names that have no logs, by name: listed after the clients with logs.
    var inventoryOnly: [String] = []

    /// The inventory's machine names, from the workspace's shared compliance analysis.
    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace else { return .handled }
        inventoryOnly = []
        // Another workspace may have fewer clients: the cursor stays on a row that exists.
        cursor.select(cursor.selected, count: rows(context).count, visible: Self.layout(Rect(context.paneSize)).page)
        guard !workspace.inputs.tableFiles.isEmpty else { return .handled }
        let logClients = workspace.summary.clients.map(\.name)
        return .run(Job("reading the inventory", for: Self.self) { _ in
            workspace.inventory.machinesWithoutLogs(logClients: logClients)
        } then: { pane, names, _ in
            pane.inventoryOnly = names
            return .handled
        })
    }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        let rows = self.rows(context)
        if cursor.apply(command, count: rows.count, visible: Self.layout(Rect(context.paneSize)).page) { return .handled }
        if command == .compare { return compare(context) }
        guard rows.indices.contains(cursor.selected) else { return .ignored }
        let chosen = rows[cursor.selected]
        switch command {
        case .clientLogs where chosen.inventoryOnly:
            return .say("no logs of \(chosen.name) are in the workspace: it is only in the inventory")
        case .open where chosen.isAll, .clientLogs:
            return Reaction(handled: true, drill: .init(client: chosen.isAll ? nil : chosen.name, pane: LogsPane.id,
                                                        focus: .logFile(nil)))
        case .open:
            return Reaction(handled: true, drill: .init(client: chosen.name, pane: ClientPane.id))
        case .mark:
            guard !chosen.isAll else { return .say("mark clients one by one (m on each), then C compares them") }
            var marks = context.marked
            if let k = marks.firstIndex(of: chosen.name) { marks.remove(at: k) } else { marks.append(chosen.name) }
            var reaction = Reaction.handled
            reaction.marks = marks
            if marks.count == 1 { reaction.message = "marked \(chosen.name): mark another (m), then C compares them" }
            return reaction
        default:
            return .ignored
        }
    }

    func compare(_ context: ConsoleContext) -> Reaction {
        guard context.marked.count >= 2 else {
            return .say("mark two or more clients with m first (\(context.marked.count) marked)")
        }
        return Reaction(handled: true, drill: .init(client: context.client, pane: ComparePane.id))
    }

    struct Row {
        var name: String
        var isAll: Bool
        var inventoryOnly = false
        var errors: Int
        var warnings: Int
        var records: Int
        var files: Int
        var last: LogTime?
    }

    func rows(_ context: ConsoleContext) -> [Row] {
        guard let summary = context.workspace?.summary else { return [] }
        let all = Row(name: "(all clients)", isAll: true, errors: summary.clients.reduce(0) { $0 + $1.errors },
                      warnings: summary.clients.reduce(0) { $0 + $1.warnings }, records: summary.records,
                      files: summary.clients.reduce(0) { $0 + $1.files },
                      last: summary.clients.compactMap(\.lastActivity).max { $0.utcNanoseconds < $1.utcNanoseconds })
        return [all] + summary.clients.map {
            Row(name: $0.name, isAll: false, errors: $0.errors, warnings: $0.warnings, records: $0.records,
                files: $0.files, last: $0.lastActivity)
        } + inventoryOnly.map {
            Row(name: $0, isAll: false, inventoryOnly: true, errors: 0, warnings: 0, records: 0, files: 0, last: nil)
        }
    }

    /// The column names, then a row per client.
    static func layout(_ area: Rect) -> ListLayout { ListLayout(area) }

    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace… (keys work; ? for help)", at: area.origin, role: .dim, clip: area)
            return
        }
        ListView.render(ClientRows(rows: rows(context), marked: context.marked, utc: context.showUTC, width: area.columns),
                        cursor: cursor, layout: Self.layout(area), into: &grid)
    }

    func status(context: ConsoleContext) -> [String] {
        guard let workspace = context.workspace else { return [] }
        let summary = workspace.summary
        var items = ["\(summary.clients.count) client\(summary.clients.count == 1 ? "" : "s")",
                     "\(summary.records.grouped) records"]

        if !context.marked.isEmpty { items.append("\(context.marked.count) marked (C compares)") }
        if !inventoryOnly.isEmpty { items.append("\(inventoryOnly.count) in the inventory only") }
        // Every problem of the workspace, as `:problems` lists them; the logs' are also on `cmlens log`'s standard error.
        let problems = workspace.problems.count
        if problems > 0 { items.append("\(problems) load problem\(problems == 1 ? "" : "s") (cmlens log PATH lists them)") }
        return items
    }
}

extension String {
    /// `2011-01-14T10:15:31.123-05:00` → `2011-01-14 10:15:31.123-05:00`, easier to read on screen.
    var replacingFirstT: String {
        guard let t = firstIndex(of: "T") else { return self }
        var copy = self
        copy.replaceSubrange(t...t, with: " ")
        return copy
    }
}
