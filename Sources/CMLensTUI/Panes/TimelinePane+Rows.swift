import CMLensCore

extension TimelinePane {
    /// A program a line: its client (all clients shown), name, verdict and runs; its advert and
    /// package on a wide screen. The selected one's verdict in full below.
    struct ProgramRows: RowSource {
        var programs: [Item]
        var showClient: Bool
        var clientWidth: Int
        var programWidth: Int
        var wide: Bool
        var empty: String

        static let verdictWidth = 17, runsWidth = 6

        init(programs: [Item], showClient: Bool, width: Int, empty: String) {
            self.programs = programs
            self.showClient = showClient
            self.empty = empty
            wide = width >= 120
            clientWidth = showClient ? (wide ? 16 : 13) : 0
            programWidth = max(10, width - clientWidth - Self.verdictWidth - Self.runsWidth - (wide ? 24 : 3))
        }

        var count: Int { programs.count }

        func header(width: Int) -> StyledLine? {
            var text = " " + (showClient ? DisplayWidth.fit("Client", to: clientWidth) + " " : "")
            text += DisplayWidth.fit("Program", to: programWidth) + " " + DisplayWidth.fit("Verdict", to: Self.verdictWidth)
                + DisplayWidth.fit("Runs", to: Self.runsWidth)
            if wide { text += " Advert   Package" }
            return .header(text)
        }

        var emptyNote: StyledLine? { StyledLine(" " + empty, .dim) }

        func row(_ index: Int, width: Int) -> StyledLine {
            guard case .program(let timeline) = programs[index] else { return executionRow(index) }
            var line = StyledLine(" ", .text)
            if showClient { line.add(DisplayWidth.fit(TerminalText.escape(timeline.key.client), to: clientWidth) + " ", .text) }
            line.add(DisplayWidth.fit(TerminalText.escape(timeline.key.program), to: programWidth) + " ", .text)
            line.add(DisplayWidth.fit(TimelinePane.verdictName(timeline.verdict.kind), to: Self.verdictWidth),
                     Role(Meaning(timeline.verdict.kind)))
            line.add(DisplayWidth.fit(String(timeline.verdict.attemptsUsed), to: Self.runsWidth), .text)
            if wide {
                line.add(" " + DisplayWidth.fit(TerminalText.escape(timeline.key.advertisement ?? "-"), to: 8) + " "
                         + TerminalText.escape(timeline.key.package ?? "-"), .dim)
            }
            return line
        }

        /// An application, task sequence or update job: its kind in the name column, the verdict's
        /// word in the verdict column, its steps where the runs go.
        func executionRow(_ index: Int) -> StyledLine {
            guard case .execution(let execution) = programs[index] else { return StyledLine("", .text) }
            var line = StyledLine(" ", .text)
            if showClient { line.add(DisplayWidth.fit(TerminalText.escape(execution.client), to: clientWidth) + " ", .text) }
            line.add(DisplayWidth.fit(TimelinePane.shortKind(execution.kind) + TerminalText.escape(execution.name), to: programWidth) + " ", .text)
            line.add(DisplayWidth.fit(execution.verdict.phrase, to: Self.verdictWidth), Role(Meaning(execution.verdict.status)))
            line.add(DisplayWidth.fit("-", to: Self.runsWidth), .dim)
            if wide, let failed = execution.verdict.failedStep {
                line.add(" at " + TerminalText.escape(failed), .dim)
            }
            return line
        }

        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            var detail = ListDetail(title: "─ Verdict (Enter steps through the program) ")
            guard let selected else { return detail }
            guard case .program(let timeline) = programs[selected] else {
                guard case .execution(let execution) = programs[selected] else { return detail }
                detail.title = "─ Verdict (Enter steps through the " + execution.kind.title.lowercased().dropLast() + ") "
                detail.lines = WordWrap.lines(TerminalText.escape(execution.verdict.text), columns: width - 1)
                    .map { ($0, Role(Meaning(execution.verdict.status))) }
                return detail
            }
            let verdict = timeline.verdict
            detail.lines = WordWrap.lines(TerminalText.escape(verdict.text), columns: width - 1).map { ($0, Role(Meaning(verdict.kind))) }
            for note in verdict.notes {
                detail.lines += WordWrap.lines("note: " + TerminalText.escape(note), columns: width - 1).map { ($0, Role.warning) }
            }
            return detail
        }
    }

    /// An open program's steps, a line each: ▶ marks the one shown, ★ the one its verdict rests on.
    struct StepRows: RowSource {
        var timeline: ExecutionTimeline
        var steps: [ExecutionStep]
        var shown: Int
        var utc: Bool
        var wide: Bool

        var count: Int { steps.count }

        func row(_ index: Int, width: Int) -> StyledLine {
            let step = steps[index]
            let marker = (index == shown ? "▶" : " ") + (step.evidence == timeline.verdict.evidence ? "★" : " ")
            let time = step.time.map { TimeText.of($0, utc: utc, withDate: wide) } ?? "(no time)"
            return StyledLine(marker + " " + DisplayWidth.fit(time, to: wide ? 29 : 18) + "  " + TerminalText.escape(TimelineOutput.describe(step)),
                              index == shown ? .text : .dim)
        }
    }

    /// A step's line in its log with the records around it; the step's own is the selected row.
    struct ContextRows: RowSource {
        var workspace: ConsoleWorkspace
        var file: Int
        var count: Int
        var utc: Bool
        /// The step's own record, drawn as text; its neighbours dim.
        var center: Int

        func row(_ index: Int, width: Int) -> StyledLine {
            let record = workspace.records[RecordReference(file: file, index: index)]
            let time = TimeText.of(record.time, utc: utc, withDate: false)
            return StyledLine(" " + DisplayWidth.fit(time, to: utc ? 13 : 18) + " " + TimeText.level(record.level) + " "
                              + TerminalText.escape(String(record.firstLine), expandTabs: 8), index == center ? .text : .dim)
        }
    }
}
