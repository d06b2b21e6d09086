import CMLensCore

/// The programs of the selected client (or all) with their verdicts, then its applications, task
/// sequences and software-update jobs; Enter opens one and steps through it one state change at a
/// time (←/→, n/p), with the line in its log around it — a task sequence at its failing step.
struct TimelinePane: Pane {
    static let descriptor = PaneDescriptor(id: "timeline", title: "Timeline")
    static let commands: [Command] = [
        .open, .nextStep, .previousStep, .explain(nil), .up, .down, .pageUp, .pageDown, .top, .bottom,
    ]

    /// Every program of the workspace (all clients); the list shows those of the selected client.
    var history: ExecutionHistory?
    /// The programs, and over them the program opened with Enter, its cursor on the step shown;
    /// kept by key, so a drill into another client (Enter on a step opens its line in Logs) and
    /// Esc back find it again.
    var levels = Levels<Opened>()
    /// Applications, task sequences and update jobs of every client.
    var others: [Execution] = []
    /// The program under the cursor, to find it again when the client changes.
    var selectedKey: Opened?

    /// A follow-mode reload keeps the program and step shown (checked when the history arrives).
    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace else { return .handled }
        return .run(Job("reading execution logs", for: Self.self) { _ in
            (workspace.executionHistory(), workspace.executions())
        } then: { pane, built, context in
            pane.others = built.1
            pane.built(built.0, context: context)
            return .handled
        })
    }

    /// Another client: its programs, the cursor on the one selected before when it has it.
    mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        let programs = items(context)
        if let key = levels.top, !programs.contains(where: { $0.opened == key }) { levels.closeAll() }
        levels.base = ListCursor()
        if let key = selectedKey, let index = programs.firstIndex(where: { $0.opened == key }) {
            levels.base.select(index, count: programs.count, visible: layout(Rect(context.paneSize)).page)
        }
        return .handled
    }

    /// The history read: the program and step shown are found again, or closed.
    mutating func built(_ history: ExecutionHistory, context: ConsoleContext) {
        self.history = history
        let programs = items(context)
        if let key = levels.top, let item = programs.first(where: { $0.opened == key }) {
            levels.cursor = ListCursor(selected: min(levels.cursor.selected, Self.stepCount(of: item) - 1))
        } else {
            levels.closeAll()
        }
        let index = selectedKey.flatMap { key in programs.firstIndex { $0.opened == key } }
        if index == nil { selectedKey = nil }
        levels.base = ListCursor()
        levels.base.select(index ?? 0, count: programs.count, visible: layout(Rect(context.paneSize)).page)
    }

    /// The programs of the selected client, or of all.
    func timelines(_ context: ConsoleContext) -> [ExecutionTimeline] {
        guard let history else { return [] }
        guard let client = context.client else { return history.timelines }
        return history.timelines.filter { $0.key.client == client }
    }

    /// Every row of the list: the programs, then the other executions of the selected client (or all),
    /// grouped by kind.
    func items(_ context: ConsoleContext) -> [Item] {
        let mine = others.filter { context.client == nil || $0.client == context.client }
            .enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
        return timelines(context).map(Item.program) + mine.map(Item.execution)
    }

    static func stepCount(of item: Item) -> Int {
        switch item {
        case .program(let timeline): steps(of: timeline).count
        case .execution(let execution): execution.steps.count
        }
    }

    /// The steps worth stepping through: state changes, exit codes, removals, and the verdict's line.
    static func steps(of timeline: ExecutionTimeline) -> [ExecutionStep] {
        timeline.steps.filter { step in
            step.changesState || step.exitCode != nil || step.event == .policyRemoved || step.event == .willRetry
                || step.evidence == timeline.verdict.evidence
        }
    }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        let programs = items(context)
        if let key = levels.top, let item = programs.first(where: { $0.opened == key }) {
            switch item {
            case .program(let timeline):
                return handleStep(command, Self.steps(of: timeline).map(\.evidence), client: timeline.key.client, context: context)
            case .execution(let execution):
                return handleStep(command, execution.steps.map(\.evidence), client: execution.client, context: context)
            }
        }
        if command == .back, let back = levels.pop() { return back }
        if levels.base.apply(command, count: programs.count, visible: layout(Rect(context.paneSize)).page) {
            selectedKey = programs.indices.contains(levels.base.selected) ? programs[levels.base.selected].opened : nil
            return .handled
        }
        guard command == .open else { return .ignored }
        guard programs.indices.contains(levels.base.selected) else {
            return .say(context.isRunning(Self.id) ? "still reading the execution logs" : "no program to open")
        }
        let item = programs[levels.base.selected]
        selectedKey = item.opened
        levels.closeAll()
        // A task sequence opens on its failing step, an application on the step its verdict rests on.
        if case .execution(let execution) = item, let focus = execution.verdict.focus, execution.steps.indices.contains(focus) {
            levels.push(item.opened, cursor: ListCursor(selected: focus))
        } else {
            levels.push(item.opened)
        }
        return .handled
    }

    /// Keys on an open program or execution: a step at a time, Enter opens the step's line in Logs.
    private mutating func handleStep(_ command: Command, _ steps: [Evidence], client: String,
                                     context: ConsoleContext) -> Reaction {
        var step = levels.cursor.selected
        switch command {
        case .back: return levels.pop() ?? .ignored
        case .nextStep, .searchNext, .down: step += 1
        case .previousStep, .searchPrevious, .up: step -= 1
        case .pageDown: step += 5
        case .pageUp: step -= 5
        case .top: step = 0
        case .bottom: step = steps.count - 1
        case .open:
            guard steps.indices.contains(step), let workspace = context.workspace,
                  let ref = Self.reference(of: steps[step], in: workspace.logs) else {
                return .say("this step's line is not in the loaded logs")
            }
            return Reaction(handled: true, drill: .init(client: client, pane: LogsPane.id, record: ref))
        default: return .ignored
        }
        guard steps.indices.contains(step) else {
            return .say(step < 0 ? "this is the first step" : "this is the last step")
        }
        levels.cursor = ListCursor(selected: step)
        return .handled
    }

    /// A drill onto a program: its steps, on the one its verdict rests on.
    mutating func focus(on focus: Reaction.Focus, context: ConsoleContext) -> Reaction {
        guard case .program(let key) = focus else { return .handled }
        let programs = timelines(context)
        selectedKey = .program(key)
        levels.closeAll()
        guard let index = programs.firstIndex(where: { $0.key == key }) else {
            // Still reading the execmgr logs: the program opens at its first step when they arrive.
            levels.push(.program(key), byDrill: true)
            return .handled
        }
        levels.base.select(index, count: programs.count, visible: layout(Rect(context.paneSize)).page)
        let steps = Self.steps(of: programs[index])
        let verdictStep = steps.lastIndex { $0.evidence == programs[index].verdict.evidence }
        levels.push(.program(key), cursor: ListCursor(selected: verdictStep ?? 0), byDrill: true)
        return .handled
    }

    func explainText(context: ConsoleContext) -> String? {
        let programs = items(context)
        if let key = levels.top, case .execution(let execution)? = programs.first(where: { $0.opened == key }) {
            guard execution.steps.indices.contains(levels.cursor.selected) else { return nil }
            let step = execution.steps[levels.cursor.selected]
            return step.message + (step.exitCode.map { "\nexit code \($0)" } ?? "")
        }
        if let key = levels.top, case .program(let program)? = programs.first(where: { $0.opened == key }) {
            let steps = Self.steps(of: program)
            guard steps.indices.contains(levels.cursor.selected) else { return nil }
            let step = steps[levels.cursor.selected]
            // The step's own words, and its exit code as such so a bare number is read as one.
            return step.message + (step.exitCode.map { "\nexit code \($0)" } ?? "")
        }
        guard programs.indices.contains(levels.base.selected) else { return nil }
        switch programs[levels.base.selected] {
        case .program(let timeline): return timeline.verdict.exitCode.map { "exit code \($0)" } ?? ""
        case .execution(let execution): return execution.verdict.exitCode.map { "exit code \($0)" } ?? ""
        }
    }

    /// The record an evidence line points at, by the identity it carries (by `path:line` only for
    /// evidence read elsewhere).
    static func reference(of evidence: Evidence, in logs: LoadedLogs) -> RecordReference? {
        logs.reference(to: evidence)
    }

    func status(context: ConsoleContext) -> [String] {
        let programs = items(context)
        var items = [context.client ?? "all clients"]
        if context.isRunning(Self.id) { items.append("reading execution logs"); return items }
        if let key = levels.top, let item = programs.first(where: { $0.opened == key }) {
            items.append("step \(levels.cursor.selected + 1)/\(Self.stepCount(of: item))")
            switch item {
            case .program(let timeline): items.append(TerminalText.escape(timeline.key.program))
            case .execution(let execution): items.append(TerminalText.escape(execution.name))
            }
        } else {
            let executions = programs.count - timelines(context).count
            items.append("\(programs.isEmpty ? 0 : levels.base.selected + 1)/\(programs.count) "
                         + (executions == 0 ? "programs" : "executions"))
        }
        if let history { items.append("policy: " + (history.policy.source == .defaults ? "defaults" : "site control file")) }
        return items
    }

    /// The programs' column names, the programs, and the selected one's verdict below.
    func layout(_ area: Rect) -> ListLayout { ListLayout(area, detail: area.lines >= 30 ? 8 : 5) }

    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        let programs = items(context)
        if let key = levels.top, let item = programs.first(where: { $0.opened == key }) {
            switch item {
            case .program(let timeline): renderSteps(timeline, step: levels.cursor.selected, into: &grid, area: area, context: context)
            case .execution(let execution): renderExecution(execution, step: levels.cursor.selected, into: &grid, area: area, context: context)
            }
        } else {
            let rows = ProgramRows(programs: programs, showClient: context.client == nil, width: area.columns,
                                   empty: context.isRunning(Self.id) ? "Reading the execution logs…" : "No program executions in the execmgr logs"
                                       + (context.client.map { " of " + TerminalText.escape($0) } ?? "") + ".")
            ListView.render(rows, cursor: levels.base, layout: layout(area), into: &grid)
        }
    }
}
