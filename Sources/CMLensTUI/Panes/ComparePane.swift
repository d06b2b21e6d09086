import CMLensCore

/// The clients marked in the Clients pane side by side: per client a column with its hotfix
/// verdicts, failing programs with their retries left and next retry, findings and logs; a row
/// where the clients disagree is flagged `≠`. ←/→ choose a client (scrolling the columns that do
/// not fit), Enter opens it in the Client pane, `m` drops it from the comparison.
struct ComparePane: Pane {
    static let descriptor = PaneDescriptor(id: "compare", title: "Compare")
    static let commands: [Command] = [.open, .clientLogs, .mark, .explain(nil), .up, .down, .pageUp, .pageDown, .top, .bottom]

    var summaries: ClientSummaries?
    /// The marked clients this comparison was made for.
    var compared: [String] = []
    var comparison: ClientComparison?
    /// The selected row (never a section title) and client column.
    var cursor = ListCursor()
    var column = 0
    /// The first client column on screen.
    var firstColumn = 0

    /// Clients are compared: their summaries are read again for this workspace.
    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        compare(context)
        guard compared.count >= 2, let workspace = context.workspace else {
            summaries = nil
            return .handled
        }
        return .run(Self.summing(workspace))
    }

    mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        compare(context)
        guard compared.count >= 2, summaries == nil, !context.isRunning(Self.id), let workspace = context.workspace else {
            return .handled
        }
        return .run(Self.summing(workspace))
    }

    /// The clients marked, when they changed.
    mutating func compare(_ context: ConsoleContext) {
        guard context.marked != compared else { return }
        compared = context.marked
        update(context)
    }

    static func summing(_ workspace: ConsoleWorkspace) -> Job {
        Job.clientSummaries(workspace, for: Self.self) { pane, summaries, context in
            pane.summaries = summaries
            pane.update(context)
            return .handled
        }
    }

    mutating func update(_ context: ConsoleContext) {
        guard compared.count >= 2, let summaries else {
            // Nothing to compare: no row to stay on either.
            comparison = nil
            cursor = ListCursor()
            column = 0
            return
        }
        comparison = ClientComparison(compared.map { summaries.summary(of: $0) ?? ClientSummary(name: $0) })
        column = min(column, compared.count - 1)
        settle(forward: true, context: context)
    }

    var rows: [ClientComparison.Row] { comparison?.rows ?? [] }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        guard let comparison else {
            return .say(context.isRunning(Self.id) ? "still reading the workspace" : "mark two or more clients in the Clients pane (m), then C")
        }
        let visible = layout(Rect(context.paneSize)).page
        let before = cursor.selected
        if cursor.apply(command, count: rows.count, visible: visible) {
            settle(forward: command == .top || (command != .bottom && cursor.selected >= before), context: context)
            return .handled
        }
        let client = comparison.clients[column].name
        switch command {
        case .nextStep, .previousStep:
            let next = column + (command == .nextStep ? 1 : -1)
            guard comparison.clients.indices.contains(next) else {
                return .say(next < 0 ? "this is the first client" : "this is the last client")
            }
            column = next
            let shown = columnLayout(context.paneSize.columns).count
            firstColumn = ListCursor.top(for: column, current: firstColumn, count: comparison.clients.count, visible: shown)
            return .handled
        case .open:
            return Reaction(handled: true, drill: .init(client: client, pane: ClientPane.id))
        case .clientLogs:
            guard comparison.clients[column].hasLogs else { return .say("no logs of \(client) are in the workspace") }
            return Reaction(handled: true, drill: .init(client: client, pane: LogsPane.id, focus: .logFile(nil)))
        case .mark:
            var reaction = Reaction.say("\(client) is no longer compared" + (compared.count <= 2 ? ": mark another in the Clients pane" : ""))
            reaction.marks = compared.filter { $0 != client }
            return reaction
        default:
            return .ignored
        }
    }

    /// Keeps the cursor off section titles.
    mutating func settle(forward: Bool, context: ConsoleContext) {
        let rows = self.rows
        let isTitle = { (k: Int) in rows[k].kind == .section }
        cursor.settle(forward: forward, count: rows.count, visible: layout(Rect(context.paneSize)).page,
                      isSelectable: { !isTitle($0) }, isTitle: isTitle)
    }

    /// The selected cell's text: a failing program's exit code, a finding's title.
    func explainText(context: ConsoleContext) -> String? {
        guard let comparison, rows.indices.contains(cursor.selected) else { return nil }
        let row = rows[cursor.selected]
        let client = comparison.clients[column]
        // A failing program's rows (its name, retries left, next retry) follow its own title row.
        let k = rows[...cursor.selected].filter { $0.kind == .failingProgram }.count - 1
        if [.failingProgram, .programVerdict, .retriesLeft, .nextRetry].contains(row.kind), client.failingPrograms.indices.contains(k) {
            let program = client.failingPrograms[k]
            return program.verdict.text + (program.verdict.exitCode.map { "\nexit code \($0)" } ?? "")
        }
        if row.kind == .topFinding, let top = client.topFinding, !top.errorCodes.isEmpty {
            return top.errorCodes.map(\.code).joined(separator: " ")
        }
        return row.cells[column].text
    }

    func status(context: ConsoleContext) -> [String] {
        guard let comparison else { return ["\(context.marked.count) marked"] }
        let differences = comparison.differences.count
        return ["\(comparison.clients.count) clients", "\(differences) row\(differences == 1 ? "" : "s") differ",
                TerminalText.escape(comparison.clients[column].name)]
    }

    /// The title, the client names, the rows, and the selected cell in full below.
    func layout(_ area: Rect) -> ListLayout { ListLayout(area, above: 1, detail: area.lines >= 30 ? 4 : 2) }
}
