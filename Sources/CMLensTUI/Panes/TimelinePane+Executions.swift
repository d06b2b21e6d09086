import CMLensCore

/// The Timeline's other stories beside execmgr's programs: applications' deployment types, task
/// sequences and software-update jobs, read by the core's execution model, listed after the
/// programs grouped by kind, and stepped through the same way.
extension TimelinePane {
    /// An application, task sequence or update job, found again after a reload by what it is.
    struct ExecutionKey: Sendable, Hashable {
        var kind: ExecutionKind
        var client: String
        var name: String
        var start: Evidence?

        init(_ execution: Execution) {
            kind = execution.kind
            client = execution.client
            name = execution.name
            start = execution.steps.first?.evidence
        }
    }

    /// What Enter opened: a program, or one of the other executions.
    enum Opened: Sendable, Hashable {
        case program(ProgramKey)
        case execution(ExecutionKey)
    }

    /// A row of the Timeline's list.
    enum Item {
        case program(ExecutionTimeline)
        case execution(Execution)

        var opened: Opened {
            switch self {
            case .program(let timeline): .program(timeline.key)
            case .execution(let execution): .execution(ExecutionKey(execution))
            }
        }
    }

    /// `[TS]`, `[App]`, `[Updates]`: the kind in the list's name column, so the groups read at a glance.
    static func shortKind(_ kind: ExecutionKind) -> String {
        switch kind {
        case .program: ""
        case .application: "[App] "
        case .taskSequence: "[TS] "
        case .softwareUpdates: "[Updates] "
        }
    }

    /// An open execution: its verdict, its steps around the one shown, that step in detail, and its
    /// line in the log.
    func renderExecution(_ execution: Execution, step index: Int, into grid: inout Grid, area: Rect, context: ConsoleContext) {
        let steps = execution.steps
        guard steps.indices.contains(index) else { return }
        let step = steps[index]
        var line = area.line
        func write(_ text: String, _ role: Role) {
            guard line < area.bottom else { return }
            grid.write(text, at: Position(column: area.column, line: line), role: role, clip: area)
            line += 1
        }
        var title = " " + execution.kind.title.dropLast() + ": " + TerminalText.escape(execution.name)
        for detail in execution.details.prefix(3) { title += "  \(detail.label) " + TerminalText.escape(detail.value) }
        write(title + "  on " + TerminalText.escape(execution.client), .title)
        for (n, text) in WordWrap.lines(TerminalText.escape(execution.verdict.text), columns: area.columns - 10)
            .prefix(area.lines >= 30 ? 3 : 2).enumerated() {
            write((n == 0 ? " Verdict: " : "          ") + text, Role(Meaning(execution.verdict.status)))
        }
        let listRoom = max(1, area.lines - (line - area.line) - (area.lines >= 30 ? 16 : 12))
        let list = Rect(column: area.column, line: line, columns: area.columns, lines: max(0, min(listRoom, area.bottom - line)))
        let around = ListCursor.centered(on: index, count: steps.count, visible: listRoom)
        ListView.renderRows(ExecutionStepRows(steps: steps, shown: index, focus: execution.verdict.focus,
                                              utc: context.showUTC, wide: area.columns >= 120),
                            cursor: around, in: list, into: &grid)
        line += around.visibleRows(count: steps.count, visible: list.lines).count
        if line < area.bottom {
            let mark = index == execution.verdict.focus ? "  ★ the verdict rests on this step" : ""
            StyledLine.rule("Step \(index + 1) of \(steps.count)\(mark)").draw(into: &grid, line: line, in: area)
            line += 1
        }
        let label = { (name: String) in " " + DisplayWidth.fit(name, to: 12) }
        write(label("step") + TerminalText.escape(step.name) + "  (" + step.outcome.rawValue + ")", Role(Meaning(step.outcome)))
        for text in WordWrap.lines(TerminalText.escape(step.text), columns: max(10, area.columns - 13)).prefix(2) {
            write(label("") + text, .text)
        }
        if let time = step.time {
            write(label("time") + (context.showUTC ? time.iso8601UTC : time.displayWithOffset), .text)
        }
        if let code = step.exitCode {
            let meaning = step.exitCodeMeaning.map { ": " + TerminalText.escape($0) } ?? ""
            write(label("exit code") + "\(code)" + meaning, step.outcome == .failed ? .error : .text)
        }
        renderContext(step.evidence, into: &grid, area: Rect(column: area.column, line: line, columns: area.columns, lines: area.bottom - line),
                      context: context)
    }

    /// An open execution's steps, a line each: ▶ marks the one shown, ★ the one its verdict rests on.
    struct ExecutionStepRows: RowSource {
        var steps: [Execution.Step]
        var shown: Int
        var focus: Int?
        var utc: Bool
        var wide: Bool

        var count: Int { steps.count }

        func row(_ index: Int, width: Int) -> StyledLine {
            let step = steps[index]
            let marker = (index == shown ? "▶" : " ") + (index == focus ? "★" : " ")
            let time = step.time.map { TimeText.of($0, utc: utc, withDate: wide) } ?? "(no time)"
            var line = StyledLine(marker + " " + DisplayWidth.fit(time, to: wide ? 29 : 18) + "  ", index == shown ? .text : .dim)
            line.add(DisplayWidth.fit(step.outcome.rawValue, to: 16), Role(Meaning(step.outcome), plain: index == shown ? .text : .dim))
            line.add(TerminalText.escape(step.name) + "  " + TerminalText.escape(step.text), index == shown ? .text : .dim)
            return line
        }
    }
}
