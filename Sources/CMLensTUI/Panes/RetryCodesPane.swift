import CMLensCore

/// The codes ConfigMgr retries (the site control file's list, else the defaults), what each means
/// and why it counts as infrastructure; codes that programs exited with in the loaded execmgr logs
/// are marked, and Enter lists where.
struct RetryCodesPane: Pane {
    static let descriptor = PaneDescriptor(id: "retry-codes", title: "Retry codes")
    static let commands: [Command] = [.open, .explain(nil), .up, .down, .pageUp, .pageDown, .top, .bottom]

    var table = RetryCodeTable(policy: .defaults)
    /// Exit-code lines of execmgr logs, by the code they report.
    var seen: [Int: [RecordReference]] = [:]
    /// The table, and over it (Enter on a seen code) the lines where the code occurs.
    var levels = Levels<Occurrences>()

    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace else { return .handled }
        table = RetryCodeTable(policy: workspace.policy)
        levels.closeAll()
        // The occurrences found are places in the old workspace's files: none of them is shown
        // against this one while it is scanned.
        seen = [:]
        // Another site's policy may list fewer codes.
        levels.base.select(levels.base.selected, count: table.rows.count, visible: layout(Rect(context.paneSize)).page)
        return .run(Job("finding exit codes", for: Self.self) { _ in
            workspace.executionHistory().exitCodeOccurrences(in: workspace.logs)
        } then: { pane, found, _ in
            pane.seen = found
            return .handled
        })
    }

    /// Every program exit of the execmgr logs, by code: the line execmgr writes when a program ends
    /// (`Program exit code 999`), as the execution timeline reads it, so an exit counts once and not
    /// once for each of the half-dozen lines that repeat its code. Only execmgr logs are read.
    static func exitCodes(in logs: LoadedLogs, policy: RetryPolicy = .defaults) -> [Int: [RecordReference]] {
        ExecutionHistory.build(logs: logs, policy: policy).exitCodeOccurrences(in: logs)
    }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        if command == .back, let back = levels.pop() { return back }
        let source = rows(context)
        if levels.cursor.apply(command, count: source.count, visible: layout(Rect(context.paneSize)).page) { return .handled }
        guard command == .open, source.count > 0 else { return .ignored }
        if let open = levels.top {
            guard let workspace = context.workspace else { return .ignored }
            let ref = open.records[levels.cursor.selected]
            let client = workspace.logs.files[Int(ref.file)].client
            return Reaction(handled: true, drill: .init(client: client, pane: LogsPane.id, record: ref))
        }
        let code = table.rows[levels.cursor.selected].code
        guard let records = seen[code], !records.isEmpty else {
            return .say(context.isRunning(Self.id) ? "still reading the execmgr logs" : "no program exited with \(code) in the loaded execmgr logs")
        }
        levels.push(Occurrences(code: code, records: records))
        return .handled
    }

    func explainText(context: ConsoleContext) -> String? {
        let selected = levels.cursor.selected
        if let open = levels.top, open.records.indices.contains(selected), let workspace = context.workspace {
            return workspace.records[open.records[selected]].message
        }
        return table.rows.indices.contains(selected) ? "exit code \(table.rows[selected].code)" : nil
    }

    func status(context: ConsoleContext) -> [String] {
        let marked = table.rows.filter { seen[$0.code] != nil }.count
        var items = ["\(table.rows.count) retry codes", context.isRunning(Self.id) ? "reading execmgr logs" : "\(marked) seen in the logs"]
        if let open = levels.top { items.append("exit \(open.code): \(levels.cursor.selected + 1)/\(open.records.count)") }
        return items
    }

    /// The policy's two lines, the header, the rows, and under the table the selected code in full.
    func layout(_ area: Rect) -> ListLayout {
        ListLayout(area, above: 2, detail: levels.isOpen ? 0 : area.lines >= 30 ? 6 : 4)
    }

    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        let policy = table.policy
        let source: String
        switch policy.source {
        case .defaults: source = "ConfigMgr defaults (no site control file loaded)"
        case .siteControl(let path, _):
            source = "site control file " + ShortPlace.path(TerminalText.escape(path), room: area.columns - 27)
        }
        let retries = policy.isUnlimited ? "unlimited retries" : "up to \(policy.count) retries"
        grid.write("\(table.rows.count) codes, \(retries), \(policy.interval) s apart (+\(RetryPolicy.mandatoryCountdown) s countdown if mandatory)",
                   at: area.origin, role: .title, clip: area)
        grid.write("from the " + source, at: Position(column: area.column, line: area.line + 1), role: .dim, clip: area)
        let layout = self.layout(area)
        ListView.render(rows(context), cursor: levels.cursor, layout: layout, into: &grid)
    }
}
