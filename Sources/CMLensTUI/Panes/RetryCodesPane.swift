import CMLensCore

/// The codes ConfigMgr retries (the site control file's list, else the defaults), what each means
/// and why it counts as infrastructure; codes that programs exited with in the loaded execmgr logs
/// are marked, and Enter lists where.
public struct RetryCodesPane: Pane {
    public static let descriptor = PaneDescriptor(id: "retry-codes", title: "Retry codes")
    public static let commands: [Command] = [.open, .explain(nil), .up, .down, .pageUp, .pageDown, .top, .bottom]

    public var table = RetryCodeTable(policy: .defaults)
    /// Exit-code lines of execmgr logs, by the code they report.
    public var seen: [Int: [RecordReference]] = [:]
    public var cursor = ListCursor()
    /// Enter on a seen code: its occurrences, with their own cursor; nil in the table.
    public var occurrences: (code: Int, records: [RecordReference], cursor: ListCursor)?
    var scannedFor: ObjectIdentifier?
    var scanning = false

    public init() {}

    public var isBusy: Bool { scanning }

    public mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace, scannedFor != workspace.identity else { return .handled }
        scannedFor = workspace.identity
        table = RetryCodeTable(policy: workspace.retryPolicy)
        occurrences = nil
        // The occurrences found are places in the old workspace's files: none of them is shown
        // against this one while it is scanned.
        seen = [:]
        // Another site's policy may list fewer codes.
        cursor.select(cursor.selected, count: table.rows.count, visible: listLines(context.paneSize.lines))
        scanning = true
        return .run(Job(label: "finding exit codes") { _ in
            workspace.executionHistory().exitCodeOccurrences(in: workspace.logs)
        })
    }

    /// Every program exit of the execmgr logs, by code: the line execmgr writes when a program ends
    /// (`Program exit code 999`), as the execution timeline reads it, so an exit counts once and not
    /// once for each of the half-dozen lines that repeat its code. Only execmgr logs are read.
    public static func exitCodes(in logs: LoadedLogs, policy: RetryPolicy = .defaults) -> [Int: [RecordReference]] {
        ExecutionHistory.build(logs: logs, policy: policy).exitCodeOccurrences(in: logs)
    }

    public mutating func receive(_ result: any Sendable, context: ConsoleContext) -> Reaction {
        if let found = result as? [Int: [RecordReference]] {
            seen = found
            scanning = false
        }
        return .handled
    }

    public mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        let visible = listLines(context.paneSize.lines)
        if var open = occurrences {
            if command == .back { occurrences = nil; return .handled }
            if open.cursor.apply(command, count: open.records.count, visible: visible) {
                occurrences = open
                return .handled
            }
            guard command == .open, open.records.indices.contains(open.cursor.selected),
                  let workspace = context.workspace else { return .ignored }
            let ref = open.records[open.cursor.selected]
            open.cursor.select(open.cursor.selected, count: open.records.count, visible: visible)
            occurrences = open
            let client = workspace.logs.files[Int(ref.file)].client
            return Reaction(handled: true, drill: .init(client: client, pane: LogsPane.id, record: ref))
        }
        if cursor.apply(command, count: table.rows.count, visible: visible) { return .handled }
        guard command == .open, table.rows.indices.contains(cursor.selected) else { return .ignored }
        let code = table.rows[cursor.selected].code
        guard let records = seen[code], !records.isEmpty else {
            return .say(scanning ? "still reading the execmgr logs" : "no program exited with \(code) in the loaded execmgr logs")
        }
        occurrences = (code, records, ListCursor())
        return .handled
    }

    public func explainText(context: ConsoleContext) -> String? {
        if let open = occurrences, open.records.indices.contains(open.cursor.selected), let workspace = context.workspace {
            return workspace.records[open.records[open.cursor.selected]].message
        }
        return table.rows.indices.contains(cursor.selected) ? "exit code \(table.rows[cursor.selected].code)" : nil
    }

    public func status(context: ConsoleContext) -> [String] {
        let marked = table.rows.filter { seen[$0.code] != nil }.count
        var items = ["\(table.rows.count) retry codes", scanning ? "reading execmgr logs" : "\(marked) seen in the logs"]
        if let open = occurrences { items.append("exit \(open.code): \(open.cursor.selected + 1)/\(open.records.count)") }
        return items
    }

    /// Lines of the list: the pane less the policy lines, the header and the detail area.
    func listLines(_ paneLines: Int) -> Int { max(1, paneLines - 3 - detailLines(paneLines)) }

    func detailLines(_ paneLines: Int) -> Int { paneLines >= 30 ? 6 : 4 }

    public func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
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
        let body = Rect(column: area.column, line: area.line + 2, columns: area.columns, lines: area.lines - 2)
        if let open = occurrences {
            renderOccurrences(open, into: &grid, area: body, context: context)
        } else {
            renderTable(into: &grid, area: body)
        }
    }

    private func renderTable(into grid: inout Grid, area: Rect) {
        let detail = detailLines(area.lines + 2)
        let (header, rest) = area.splitTop(1)
        let (list, below) = rest.splitTop(rest.lines - detail)
        let nameWidth = area.columns >= 120 ? 32 : 24
        grid.fill(header, role: .header)
        grid.write(" Code  Seen " + DisplayWidth.fit("Name", to: nameWidth) + " Message", at: header.origin, role: .header, clip: header)
        for (screenLine, index) in cursor.visibleRows(count: table.rows.count, visible: list.lines).enumerated() {
            let row = table.rows[index]
            let line = list.line + screenLine
            let count = seen[row.code]?.count ?? 0
            var column = list.column
            column = grid.write(" " + DisplayWidth.fit(String(row.code), to: 5), at: Position(column: column, line: line), role: .text, clip: list)
            column = grid.write(DisplayWidth.fit(count > 0 ? " ● \(count)" : "", to: 6), at: Position(column: column, line: line),
                                role: count > 0 ? .warning : .dim, clip: list)
            column = grid.write(DisplayWidth.fit(TerminalText.escape(row.name ?? "-"), to: nameWidth) + " ",
                                at: Position(column: column, line: line), role: .text, clip: list)
            grid.write(TerminalText.escape(row.message ?? "(not in the catalogue)"), at: Position(column: column, line: line),
                       role: .dim, clip: list)
            if index == cursor.selected { grid.paint(.selection, line: line, columns: list.column..<list.right) }
        }
        guard below.lines > 0 else { return }
        grid.fill(Rect(column: below.column, line: below.line, columns: below.columns, lines: 1), role: .border)
        guard table.rows.indices.contains(cursor.selected) else { return }
        let row = table.rows[cursor.selected]
        let count = seen[row.code]?.count ?? 0
        grid.write("─ \(row.code) " + (count > 0 ? "seen \(count) time\(count == 1 ? "" : "s"): Enter lists where " : "not seen in the loaded logs "),
                   at: below.origin, role: .border, clip: below)
        var lines = LogsPane.wrap(TerminalText.escape(row.message ?? "(not in the catalogue)"), columns: below.columns - 1).map { ($0, Role.text) }
        lines += LogsPane.wrap("Why retried: " + row.why, columns: below.columns - 1).map { ($0, Role.dim) }
        for (n, item) in lines.prefix(below.lines - 1).enumerated() {
            grid.write(" " + item.0, at: Position(column: below.column, line: below.line + 1 + n), role: item.1, clip: below)
        }
    }

    private func renderOccurrences(_ open: (code: Int, records: [RecordReference], cursor: ListCursor), into grid: inout Grid,
                                   area: Rect, context: ConsoleContext) {
        guard let workspace = context.workspace else { return }
        let (header, list) = area.splitTop(1)
        grid.fill(header, role: .header)
        grid.write(" Exit code \(open.code): \(open.records.count) line\(open.records.count == 1 ? "" : "s") (Enter opens in Logs, Esc back)",
                   at: header.origin, role: .header, clip: header)
        for (screenLine, index) in open.cursor.visibleRows(count: open.records.count, visible: list.lines).enumerated() {
            let record = workspace.records[open.records[index]]
            let line = list.line + screenLine
            var column = list.column
            let place = TerminalText.escape(ShortPlace.of(file: record.file, line: record.line))
            column = grid.write(" " + place + "  ", at: Position(column: column, line: line), role: .text, clip: list)
            column = grid.write(LogsPane.timeText(record.time, utc: context.showUTC, withDate: true) + "  ",
                                at: Position(column: column, line: line), role: .dim, clip: list)
            grid.write(TerminalText.escape(String(record.firstLine), expandTabs: 8), at: Position(column: column, line: line),
                       role: record.level == .error ? .error : .text, clip: list)
            if index == open.cursor.selected { grid.paint(.selection, line: line, columns: list.column..<list.right) }
        }
    }
}
