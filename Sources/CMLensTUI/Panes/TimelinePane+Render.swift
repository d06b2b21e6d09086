import CMLensCore

extension TimelinePane {
    static func verdictName(_ kind: ExecutionVerdict.Kind) -> String { ClientSummary.phrase(kind) }

    func renderSteps(_ timeline: ExecutionTimeline, step index: Int, into grid: inout Grid, area: Rect, context: ConsoleContext) {
        let steps = Self.steps(of: timeline)
        guard steps.indices.contains(index) else { return }
        let step = steps[index]
        let key = timeline.key
        var line = area.line
        func write(_ text: String, _ role: Role, in rect: Rect? = nil) {
            guard line < area.bottom else { return }
            grid.write(text, at: Position(column: area.column, line: line), role: role, clip: rect ?? area)
            line += 1
        }
        var title = " " + TerminalText.escape(key.program)
        if let advert = key.advertisement { title += "  advert " + TerminalText.escape(advert) }
        if let package = key.package { title += "  package " + TerminalText.escape(package) }
        title += "  on " + TerminalText.escape(key.client)
        write(title, .title)
        for (n, text) in WordWrap.lines(TerminalText.escape(timeline.verdict.text), columns: area.columns - 10).prefix(area.lines >= 30 ? 3 : 2).enumerated() {
            write((n == 0 ? " Verdict: " : "          ") + text, Role(Meaning(timeline.verdict.kind)))
        }
        // The steps around the one shown, one line each; ▶ is this one, ★ the one the verdict rests on.
        let listRoom = max(1, area.lines - (line - area.line) - (area.lines >= 30 ? 20 : 15))
        let list = Rect(column: area.column, line: line, columns: area.columns, lines: max(0, min(listRoom, area.bottom - line)))
        let around = ListCursor.centered(on: index, count: steps.count, visible: listRoom)
        ListView.renderRows(StepRows(timeline: timeline, steps: steps, shown: index, utc: context.showUTC, wide: area.columns >= 120),
                            cursor: around, in: list, into: &grid)
        line += around.visibleRows(count: steps.count, visible: list.lines).count
        // This step in detail.
        if line < area.bottom {
            let mark = step.evidence == timeline.verdict.evidence ? "  ★ the verdict rests on this step" : ""
            StyledLine.rule("Step \(index + 1) of \(steps.count)\(mark)").draw(into: &grid, line: line, in: area)
            line += 1
        }
        let label = { (name: String) in " " + DisplayWidth.fit(name, to: 12) }
        let what = step.changesState ? "\(step.from ?? "(start)") → \(step.state ?? "?")" : TimelineOutput.describe(step)
        write(label("transition") + TerminalText.escape(what), Role(step.unknownState ? .unrecognised : .plain))
        if let time = step.time {
            var when = context.showUTC ? time.iso8601UTC : time.displayWithOffset
            if index > 0, let previous = steps[index - 1].time {
                when += "   +" + DurationText.of(seconds: time.seconds(since: previous)) + " since previous"
            }
            write(label("time") + when, .text)
        } else {
            write(label("time") + "(the line has no time)", .dim)
        }
        if let code = step.exitCode {
            let kind = ExitCodeClass.of(code, policy: timeline.policy)
            let meaning = ErrorExplainer.exitCodeMeaning(code).map { TerminalText.escape($0) + "; " } ?? ""
            write(label("exit code") + "\(code): " + meaning + kind.phrase, Role(Meaning(kind)))
        }
        let policy = timeline.policy
        let maximum = policy.isUnlimited ? "no limit" : "\(policy.maxAttempts)"
        switch step.retried {
        case true?: write(label("retried") + "yes: the code is on the retry list", .warning)
        case false?: write(label("retried") + "no: the code is not on the retry list, the failure is final", .error)
        case nil: break
        }
        write(label("attempts") + (step.attempt > 0 ? "run \(step.attempt) of \(maximum) allowed" : "not run yet") + "  (\(policy.summary))", .text)
        if let prediction = Self.prediction(at: index, steps) {
            write(label("next retry") + "due " + (context.showUTC ? prediction.dueAt.iso8601UTC : prediction.dueAt.displayWithOffset), .warning)
            // Wrapped under the value column, so the reasoning reads as one block beside its label.
            let why = WordWrap.lines("why: " + TerminalText.escape(prediction.reasoning), columns: max(10, area.columns - 13))
            for text in why.prefix(2) { write(label("") + text, .dim) }
        }
        for note in step.notes.prefix(2) { write(label("note") + TerminalText.escape(note), .warning) }
        renderContext(step.evidence, into: &grid, area: Rect(column: area.column, line: line, columns: area.columns, lines: area.bottom - line), context: context)
    }

    /// The retry due after this step: its own prediction, or the one still pending from an earlier step of the same run.
    static func prediction(at index: Int, _ steps: [ExecutionStep]) -> RetryPrediction? {
        let step = steps[index]
        if let own = step.prediction { return own }
        guard step.state == ExecutionState.waitingRetry || step.state == ExecutionState.failureRetry else { return nil }
        return steps[..<index].last { $0.prediction != nil && $0.attempt == step.attempt }?.prediction
    }

    /// The line in its log with a few records either side, the step's own highlighted.
    func renderContext(_ evidence: Evidence, into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard area.lines >= 2, let workspace = context.workspace else { return }
        let place = ShortPlace.of(file: evidence.file, line: evidence.line)
        StyledLine.rule(TerminalText.escape(place) + " (Enter opens it in Logs, x explains)").draw(into: &grid, line: area.line, in: area)
        guard let ref = Self.reference(of: evidence, in: workspace.logs) else {
            grid.write(" (not in the loaded logs)", at: Position(column: area.column, line: area.line + 1), role: .dim, clip: area)
            return
        }
        let file = workspace.logs.files[Int(ref.file)]
        let list = Rect(column: area.column, line: area.line + 1, columns: area.columns, lines: area.lines - 1)
        let center = Int(ref.index)
        ListView.renderRows(ContextRows(workspace: workspace, file: Int(ref.file), count: file.count, utc: context.showUTC, center: center),
                            cursor: .centered(on: center, count: file.count, visible: list.lines), in: list, into: &grid)
    }
}
