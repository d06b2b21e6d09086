import CMLensCore

/// The programs of the selected client (or all) with their verdicts; Enter opens one and steps
/// through it one state change at a time (←/→, n/p), with the line in its log around it.
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
    var levels = Levels<ProgramKey>()
    /// The program under the cursor, to find it again when the client changes.
    var selectedKey: ProgramKey?

    /// A follow-mode reload keeps the program and step shown (checked when the history arrives).
    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace else { return .handled }
        return .run(Job("reading execmgr logs", for: Self.self) { _ in workspace.executionHistory() } then: { pane, history, context in
            pane.built(history, context: context)
            return .handled
        })
    }

    /// Another client: its programs, the cursor on the one selected before when it has it.
    mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        let programs = timelines(context)
        if let key = levels.top, !programs.contains(where: { $0.key == key }) { levels.closeAll() }
        levels.base = ListCursor()
        if let key = selectedKey, let index = programs.firstIndex(where: { $0.key == key }) {
            levels.base.select(index, count: programs.count, visible: layout(Rect(context.paneSize)).page)
        }
        return .handled
    }

    /// The history read: the program and step shown are found again, or closed.
    mutating func built(_ history: ExecutionHistory, context: ConsoleContext) {
        self.history = history
        let programs = timelines(context)
        if let key = levels.top, let program = programs.first(where: { $0.key == key }) {
            levels.cursor = ListCursor(selected: min(levels.cursor.selected, Self.steps(of: program).count - 1))
        } else {
            levels.closeAll()
        }
        let index = selectedKey.flatMap { key in programs.firstIndex { $0.key == key } }
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

    /// The steps worth stepping through: state changes, exit codes, removals, and the verdict's line.
    static func steps(of timeline: ExecutionTimeline) -> [ExecutionStep] {
        timeline.steps.filter { step in
            step.changesState || step.exitCode != nil || step.event == .policyRemoved || step.event == .willRetry
                || step.evidence == timeline.verdict.evidence
        }
    }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        let programs = timelines(context)
        if let key = levels.top, let program = programs.firstIndex(where: { $0.key == key }) {
            return handleStep(command, Self.steps(of: programs[program]), key: key, context: context)
        }
        if command == .back, let back = levels.pop() { return back }
        if levels.base.apply(command, count: programs.count, visible: layout(Rect(context.paneSize)).page) {
            selectedKey = programs.indices.contains(levels.base.selected) ? programs[levels.base.selected].key : nil
            return .handled
        }
        guard command == .open else { return .ignored }
        guard programs.indices.contains(levels.base.selected) else {
            return .say(context.isRunning(Self.id) ? "still reading the execmgr logs" : "no program to open")
        }
        selectedKey = programs[levels.base.selected].key
        levels.closeAll()
        levels.push(programs[levels.base.selected].key)
        return .handled
    }

    /// Keys on an open program: a step at a time, Enter opens the step's line in Logs.
    private mutating func handleStep(_ command: Command, _ steps: [ExecutionStep], key: ProgramKey,
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
                  let ref = Self.reference(of: steps[step].evidence, in: workspace.logs) else {
                return .say("this step's line is not in the loaded logs")
            }
            return Reaction(handled: true, drill: .init(client: key.client, pane: LogsPane.id, record: ref))
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
        selectedKey = key
        levels.closeAll()
        guard let index = programs.firstIndex(where: { $0.key == key }) else {
            // Still reading the execmgr logs: the program opens at its first step when they arrive.
            levels.push(key, byDrill: true)
            return .handled
        }
        levels.base.select(index, count: programs.count, visible: layout(Rect(context.paneSize)).page)
        let steps = Self.steps(of: programs[index])
        let verdictStep = steps.lastIndex { $0.evidence == programs[index].verdict.evidence }
        levels.push(key, cursor: ListCursor(selected: verdictStep ?? 0), byDrill: true)
        return .handled
    }

    func explainText(context: ConsoleContext) -> String? {
        let programs = timelines(context)
        if let key = levels.top, let program = programs.first(where: { $0.key == key }) {
            let steps = Self.steps(of: program)
            guard steps.indices.contains(levels.cursor.selected) else { return nil }
            let step = steps[levels.cursor.selected]
            // The step's own words, and its exit code as such so a bare number is read as one.
            return step.message + (step.exitCode.map { "\nexit code \($0)" } ?? "")
        }
        guard programs.indices.contains(levels.base.selected) else { return nil }
        return programs[levels.base.selected].verdict.exitCode.map { "exit code \($0)" } ?? ""
    }

    /// The record an evidence line points at: the file by path, the record by its physical line.
    static func reference(of evidence: Evidence, in logs: LoadedLogs) -> RecordReference? {
        logs.reference(file: evidence.file, line: evidence.line)
    }

    func status(context: ConsoleContext) -> [String] {
        let programs = timelines(context)
        var items = [context.client ?? "all clients"]
        if context.isRunning(Self.id) { items.append("reading execmgr logs"); return items }
        if let key = levels.top, let program = programs.first(where: { $0.key == key }) {
            items.append("step \(levels.cursor.selected + 1)/\(Self.steps(of: program).count)")
            items.append(TerminalText.escape(key.program))
        } else {
            items.append("\(programs.isEmpty ? 0 : levels.base.selected + 1)/\(programs.count) programs")
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
        let programs = timelines(context)
        if let key = levels.top, let program = programs.first(where: { $0.key == key }) {
            renderSteps(program, step: levels.cursor.selected, into: &grid, area: area, context: context)
        } else {
            let rows = ProgramRows(programs: programs, showClient: context.client == nil, width: area.columns,
                                   empty: context.isRunning(Self.id) ? "Reading the execmgr logs…" : "No program executions in the execmgr logs"
                                       + (context.client.map { " of " + TerminalText.escape($0) } ?? "") + ".")
            ListView.render(rows, cursor: levels.base, layout: layout(area), into: &grid)
        }
    }
}
