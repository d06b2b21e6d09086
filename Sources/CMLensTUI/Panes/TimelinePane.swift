import CMLensCore

/// The programs of the selected client (or all) with their verdicts; Enter opens one and steps
/// through it one state change at a time (←/→, n/p), with the line in its log around it.
public struct TimelinePane: Pane {
    public static let descriptor = PaneDescriptor(id: "timeline", title: "Timeline")
    public static let commands: [Command] = [
        .open, .nextStep, .previousStep, .explain(nil), .up, .down, .pageUp, .pageDown, .top, .bottom,
    ]

    /// Every program of the workspace (all clients); the list shows those of the selected client.
    public var history: ExecutionHistory?
    public var cursor = ListCursor()
    /// The program opened with Enter and the step shown; kept by key, so a drill into another
    /// client (Enter on a step opens its line in Logs) and Esc back find it again.
    public var opened: (key: ProgramKey, step: Int)?
    /// The program under the cursor, to find it again when the client changes.
    var selectedKey: ProgramKey?
    var builtFor: ObjectIdentifier?
    var building = false
    /// The program was opened by a drill (the Client pane's Enter on a program): Esc closes it
    /// and goes straight back there.
    var drilledIn = false

    public init() {}

    public var isBusy: Bool { building }

    public mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace else { return .handled }
        guard builtFor != workspace.identity else {
            let programs = timelines(context)
            if let key = opened?.key, !programs.contains(where: { $0.key == key }) { opened = nil }
            let visible = max(1, context.paneSize.lines - 1 - detailLines(context.paneSize.lines))
            cursor = ListCursor()
            if let key = selectedKey, let index = programs.firstIndex(where: { $0.key == key }) {
                cursor.select(index, count: programs.count, visible: visible)
            }
            return .handled
        }
        // A follow-mode reload keeps the program and step shown (checked when the history arrives).
        builtFor = workspace.identity
        building = true
        return .run(Job(label: "reading execmgr logs") { _ in workspace.executionHistory() })
    }

    public mutating func receive(_ result: any Sendable, context: ConsoleContext) -> Reaction {
        if let built = result as? ExecutionHistory {
            history = built
            building = false
            let programs = timelines(context)
            if let open = opened, let program = programs.first(where: { $0.key == open.key }) {
                opened = (open.key, min(open.step, Self.steps(of: program).count - 1))
            } else {
                opened = nil
            }
            let visible = max(1, context.paneSize.lines - 1 - detailLines(context.paneSize.lines))
            let index = selectedKey.flatMap { key in programs.firstIndex { $0.key == key } }
            if index == nil { selectedKey = nil }
            cursor = ListCursor()
            cursor.select(index ?? 0, count: programs.count, visible: visible)
        }
        return .handled
    }

    /// The programs of the selected client, or of all.
    public func timelines(_ context: ConsoleContext) -> [ExecutionTimeline] {
        guard let history else { return [] }
        guard let client = context.client else { return history.timelines }
        return history.timelines.filter { $0.key.client == client }
    }

    /// The steps worth stepping through: state changes, exit codes, removals, and the verdict's line.
    public static func steps(of timeline: ExecutionTimeline) -> [ExecutionStep] {
        timeline.steps.filter { step in
            step.changesState || step.exitCode != nil || step.event == .policyRemoved || step.event == .willRetry
                || step.evidence == timeline.verdict.evidence
        }
    }

    public mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        let programs = timelines(context)
        if let open = opened, let program = programs.firstIndex(where: { $0.key == open.key }) {
            let steps = Self.steps(of: programs[program])
            var step = open.step
            switch command {
            case .back:
                opened = nil
                defer { drilledIn = false }
                return drilledIn ? .ignored : .handled
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
                return Reaction(handled: true, drill: .init(client: open.key.client, pane: LogsPane.id, record: ref))
            default: return .ignored
            }
            guard steps.indices.contains(step) else {
                return .say(step < 0 ? "this is the first step" : "this is the last step")
            }
            opened = (open.key, step)
            return .handled
        }
        let visible = max(1, context.paneSize.lines - 1 - detailLines(context.paneSize.lines))
        if cursor.apply(command, count: programs.count, visible: visible) {
            selectedKey = programs.indices.contains(cursor.selected) ? programs[cursor.selected].key : nil
            return .handled
        }
        guard command == .open else { return .ignored }
        guard programs.indices.contains(cursor.selected) else {
            return .say(building ? "still reading the execmgr logs" : "no program to open")
        }
        selectedKey = programs[cursor.selected].key
        opened = (programs[cursor.selected].key, 0)
        drilledIn = false
        return .handled
    }

    /// A drill onto a program: its steps, on the one its verdict rests on.
    public mutating func focus(on focus: Reaction.Focus, context: ConsoleContext) -> Reaction {
        guard case .program(let key) = focus else { return .handled }
        let programs = timelines(context)
        selectedKey = key
        drilledIn = true
        guard let index = programs.firstIndex(where: { $0.key == key }) else {
            // Still reading the execmgr logs: the program opens at its first step when they arrive.
            opened = (key, 0)
            return .handled
        }
        let visible = max(1, context.paneSize.lines - 1 - detailLines(context.paneSize.lines))
        cursor.select(index, count: programs.count, visible: visible)
        let steps = Self.steps(of: programs[index])
        let verdictStep = steps.lastIndex { $0.evidence == programs[index].verdict.evidence }
        opened = (key, verdictStep ?? 0)
        return .handled
    }

    public func explainText(context: ConsoleContext) -> String? {
        let programs = timelines(context)
        if let open = opened, let program = programs.first(where: { $0.key == open.key }) {
            let steps = Self.steps(of: program)
            guard steps.indices.contains(open.step) else { return nil }
            let step = steps[open.step]
            // The step's own words, and its exit code as such so a bare number is read as one.
            return step.message + (step.exitCode.map { "\nexit code \($0)" } ?? "")
        }
        guard programs.indices.contains(cursor.selected) else { return nil }
        return programs[cursor.selected].verdict.exitCode.map { "exit code \($0)" } ?? ""
    }

    /// The record an evidence line points at: the file by path, the record by its physical line.
    public static func reference(of evidence: Evidence, in logs: LoadedLogs) -> RecordReference? {
        logs.reference(file: evidence.file, line: evidence.line)
    }

    public func status(context: ConsoleContext) -> [String] {
        let programs = timelines(context)
        var items = [context.client ?? "all clients"]
        if building { items.append("reading execmgr logs"); return items }
        if let open = opened, let program = programs.first(where: { $0.key == open.key }) {
            items.append("step \(open.step + 1)/\(Self.steps(of: program).count)")
            items.append(TerminalText.escape(open.key.program))
        } else {
            items.append("\(programs.isEmpty ? 0 : cursor.selected + 1)/\(programs.count) programs")
        }
        if let history { items.append("policy: " + (history.policy.source == .defaults ? "defaults" : "site control file")) }
        return items
    }

    func detailLines(_ paneLines: Int) -> Int { paneLines >= 30 ? 8 : 5 }

    public func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        let programs = timelines(context)
        if let open = opened, let program = programs.first(where: { $0.key == open.key }) {
            renderSteps(program, step: open.step, into: &grid, area: area, context: context)
        } else {
            renderList(programs, into: &grid, area: area, context: context)
        }
    }
}
