import CMLensCore

extension ClientPane {
    /// The list for a client: hotfixes, programs, findings, logs, components, each under its title;
    /// an empty section says why it is empty.
    static func rows(_ summary: ClientSummary) -> [Row] {
        var rows: [Row] = []
        let order: [ComplianceStatus] = [.missing, .unknown, .installed]
        let counts = order.map { "\(summary.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        rows.append(.section("Hotfixes" + (summary.hotfixes.isEmpty ? "" : ": " + counts)))
        if summary.hotfixes.isEmpty {
            rows.append(.note(summary.inInventory ? "No KB in the catalogue." : "Not judged: not in the inventory.", .dim))
        }
        rows += order.flatMap { status in summary.hotfixes.filter { $0.status == status }.map(Row.hotfix) }

        let failing = summary.failingPrograms.count
        rows.append(.section("Programs" + (summary.programs.isEmpty ? "" : ": \(failing) of \(summary.programs.count) failing")))
        if summary.programs.isEmpty {
            let why = !summary.hasLogs ? "Unknown: no logs." :
                summary.logs.contains { ExecutionHistory.isExecmgrLog($0.name) } ? "No program ran in its execmgr log." : "Unknown: no execmgr log."
            rows.append(.note(why, .dim))
        }
        rows += summary.programs.map(Row.program)

        // Applications, task sequences and update jobs: what failed, in the core's words (Timeline, 3, steps through them).
        let others = summary.executionConcerns
        if !others.isEmpty {
            rows.append(.section("Applications, task sequences, updates: \(others.count) failing (3 steps through them)"))
            rows += others.map { Row.note(TerminalText.escape($0), .error) }
        }

        let errors = summary.count(.error), warnings = summary.count(.warning)
        rows.append(.section("Findings" + (summary.findings.isEmpty ? "" : ": \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")))
        if summary.findings.isEmpty { rows.append(.note(summary.hasLogs ? "No rule matched its logs." : "Unknown: no logs.", .dim)) }
        rows += summary.findings.map(Row.finding)

        rows.append(.section("Logs" + (summary.logs.isEmpty ? "" : ": \(summary.logs.count), \(summary.errors.grouped) errors, \(summary.warnings.grouped) warnings")))
        if summary.logs.isEmpty { rows.append(.note("None in the workspace.", .dim)) }
        rows += summary.logs.map(Row.log)

        rows.append(.section("Components" + (summary.components.isEmpty ? "" : ": \(summary.components.count)")))
        if summary.components.isEmpty {
            rows.append(.note(summary.inInventory ? "The inventory reports none." : "Unknown: not in the inventory.", .dim))
        }
        rows += summary.components.map(Row.component)
        return rows
    }

    /// Above the list the title, what is wrong, and one line per gap (at most two on a small
    /// screen); under it the selected row in full.
    func layout(_ area: Rect) -> ListLayout {
        let tall = area.lines >= 30
        return ListLayout(area, above: 2 + min(summary?.gaps.count ?? 0, tall ? 4 : 2), header: false, detail: tall ? 7 : 4)
    }

    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        guard let client else {
            grid.write("No client opened: Enter on a client in the Clients pane (1) or in a KB's list of clients (7) opens it here.",
                       at: area.origin, role: .dim, clip: area)
            return
        }
        let running = context.isRunning(Self.id)
        guard let summary, !running else {
            let text = running ? "Reading what the workspace says about \(TerminalText.escape(client))…"
                : "\(TerminalText.escape(client)): no log, inventory row or finding names this client."
            grid.write(text, at: area.origin, role: .dim, clip: area)
            return
        }
        let layout = self.layout(area)
        renderHead(summary, into: &grid, area: layout.above)
        ListView.render(SummaryRows(rows: rows, summary: summary, report: summaries?.report, utc: context.showUTC),
                        cursor: cursor, layout: layout, into: &grid)
    }

    private func renderHead(_ summary: ClientSummary, into grid: inout Grid, area: Rect) {
        var title = " " + TerminalText.escape(summary.name)
        if let id = summary.resourceID { title += "  ResourceID \(id)" }
        if let version = summary.system?.clientVersion { title += " · client " + TerminalText.escape(version) }
        if summary.hasLogs { title += " · \(summary.logs.count) log\(summary.logs.count == 1 ? "" : "s")" }
        grid.write(title, at: area.origin, role: .title, clip: area)
        // What is wrong, in counts: the lines below say which.
        let failing = summary.failingPrograms.count, missing = summary.count(.missing), errors = summary.count(.error)
        var wrong: [String] = []
        if failing > 0 { wrong.append("\(failing) failing program\(failing == 1 ? "" : "s")") }
        let apps = summary.failingApplications.count, sequences = summary.failedTaskSequences.count, updates = summary.failedUpdates.count
        if apps > 0 { wrong.append("\(apps) failing application\(apps == 1 ? "" : "s")") }
        if sequences > 0 { wrong.append("\(sequences) failed task sequence\(sequences == 1 ? "" : "s")") }
        if updates > 0 { wrong.append("\(updates) failed update\(updates == 1 ? "" : "s")") }
        if missing > 0 { wrong.append("\(missing) KB\(missing == 1 ? "" : "s") missing") }
        if errors > 0 { wrong.append("\(errors) error finding\(errors == 1 ? "" : "s")") }
        let warnings = summary.count(.warning)
        if errors == 0 && warnings > 0 { wrong.append("\(warnings) warning finding\(warnings == 1 ? "" : "s")") }
        let verdict = wrong.isEmpty ? " Nothing wrong found" + (summary.gaps.isEmpty ? "." : " in what is known:")
            : " Wrong: " + wrong.joined(separator: " · ")
        grid.write(verdict, at: Position(column: area.column, line: area.line + 1), role: wrong.isEmpty ? .info : .error, clip: area)
        for (n, gap) in summary.gaps.prefix(area.lines - 2).enumerated() {
            grid.write(" " + TerminalText.escape(gap), at: Position(column: area.column, line: area.line + 2 + n), role: .warning, clip: area)
        }
    }

    /// `run 2 of 1009 · next 2011-01-13 10:22:12` for a program waiting (`run 2/1009 · next 01-13 10:22`
    /// on a small screen); its exit code otherwise.
    static func programFacts(_ program: ClientSummary.Program, utc: Bool, wide: Bool) -> String {
        let verdict = program.verdict
        var facts = "run \(verdict.attemptsUsed)" + (verdict.maxAttempts.map { (wide ? " of " : "/") + "\($0)" } ?? "")
        if let due = program.nextRetry {
            let time = TimeText.of(due, utc: utc, withDate: true)
            facts += " · next " + (wide ? time.prefix(19) : time.dropFirst(5).prefix(11))
        } else if let code = verdict.exitCode {
            facts += " · exit \(code)"
        }
        return facts
    }

    /// `v_GS_SMS_ADVANCED_CLIENT_STAT.csv:6`: the inventory row a verdict rests on.
    static func place(_ source: InventorySource) -> String {
        ShortPlace.tail(source.file, components: 1) + ":\(source.line)"
    }
}
