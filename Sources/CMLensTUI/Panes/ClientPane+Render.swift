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

    func detailLines(_ paneLines: Int) -> Int { paneLines >= 30 ? 7 : 4 }

    /// Lines above the list: the title, what is wrong, and one per gap (at most two on a small screen).
    func headLines(_ paneLines: Int) -> Int { 2 + min(summary?.gaps.count ?? 0, paneLines >= 30 ? 4 : 2) }

    func listLines(_ paneSize: Size) -> Int { max(1, paneSize.lines - headLines(paneSize.lines) - detailLines(paneSize.lines)) }

    public func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        guard let client else {
            grid.write("No client opened: Enter on a client in the Clients pane (1) or in a KB's list of clients (7) opens it here.",
                       at: area.origin, role: .dim, clip: area)
            return
        }
        guard let summary, !running else {
            let text = running ? "Reading what the workspace says about \(TerminalText.escape(client))…"
                : "\(TerminalText.escape(client)): no log, inventory row or finding names this client."
            grid.write(text, at: area.origin, role: .dim, clip: area)
            return
        }
        let (head, rest) = area.splitTop(headLines(area.lines))
        let (list, below) = rest.splitTop(rest.lines - detailLines(area.lines))
        renderHead(summary, into: &grid, area: head)
        renderList(into: &grid, area: list, context: context)
        renderDetail(summary, into: &grid, area: below, context: context)
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

    private func renderList(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        let wide = area.columns >= 120
        for (screenLine, index) in cursor.visibleRows(count: rows.count, visible: area.lines).enumerated() {
            let line = area.line + screenLine
            var column = area.column
            func put(_ text: String, _ role: Role) {
                column = grid.write(text, at: Position(column: column, line: line), role: role, clip: area)
            }
            switch rows[index] {
            case .section(let title):
                grid.fill(Rect(column: area.column, line: line, columns: area.columns, lines: 1), role: .border)
                put("─ " + title + " ", .border)
            case .note(let text, let role):
                put("   " + TerminalText.escape(text), role)
            case .hotfix(let verdict):
                let role: Role = verdict.status == .missing ? .error : verdict.status == .unknown ? .warning : .info
                put(" " + DisplayWidth.fit(verdict.status.rawValue, to: 10), role)
                put(DisplayWidth.fit("KB" + TerminalText.escape(verdict.kb), to: 11), .text)
                put(DisplayWidth.fit(TerminalText.escape(verdict.component), to: wide ? 26 : 24) + " ", .text)
                let seen = verdict.found.map { TerminalText.escape($0) + (verdict.status == .missing ? " < " : " ≥ ") }
                    ?? "none, needs "
                put(seen + TerminalText.escape(verdict.required.text), .dim)
                if verdict.disagrees { put("  ≠ other components", .warning) }
            case .program(let program):
                put(" " + DisplayWidth.fit(ClientSummary.phrase(program.verdict.kind), to: 17), TimelinePane.verdictRole(program.verdict.kind))
                let factsWidth = wide ? 40 : 30
                let nameWidth = max(12, area.columns - 18 - factsWidth - 1)
                put(DisplayWidth.fit(TerminalText.escape(program.key.program), to: nameWidth) + " ", .text)
                put(Self.programFacts(program, context: context, wide: wide), program.verdict.kind == .waitingRetry ? .warning : .dim)
            case .finding(let finding):
                let (severity, role) = DiagnosticsPane.severityText(finding.severity)
                put(" " + severity + "  ", role)
                put(TerminalText.escape(finding.title), .text)
                put("  (\(finding.evidence.count) line\(finding.evidence.count == 1 ? "" : "s"))", .dim)
            case .log(let log):
                put(" " + DisplayWidth.fit(TerminalText.escape(log.name), to: wide ? 34 : 26), .text)
                put(ClientsPane.number(log.records, 8) + " rec", .dim)
                put(ClientsPane.number(log.errors, 6) + " err", log.errors > 0 ? .error : .dim)
                put(ClientsPane.number(log.warnings, 6) + " warn", log.warnings > 0 ? .warning : .dim)
                let last = log.lastActivity.map { LogsPane.timeText($0, utc: context.showUTC, withDate: true) } ?? "no dated record"
                put("  " + (wide ? last : String(last.prefix(16))), .dim)
            case .component(let component):
                put(" " + DisplayWidth.fit(TerminalText.escape(component.name), to: 26), .text)
                put(DisplayWidth.fit(TerminalText.escape(component.versionText), to: 18), component.version == nil ? .warning : .text)
                put(TerminalText.escape(component.displayName), .dim)
            }
            if index == cursor.selected { grid.paint(.selection, line: line, columns: area.column..<area.right) }
        }
    }

    /// `run 2 of 1009 · next 2011-01-13 10:22:12` for a program waiting (`run 2/1009 · next 01-13 10:22`
    /// on a small screen); its exit code otherwise.
    static func programFacts(_ program: ClientSummary.Program, context: ConsoleContext, wide: Bool) -> String {
        let verdict = program.verdict
        var facts = "run \(verdict.attemptsUsed)" + (verdict.maxAttempts.map { (wide ? " of " : "/") + "\($0)" } ?? "")
        if let due = program.nextRetry {
            let time = LogsPane.timeText(due, utc: context.showUTC, withDate: true)
            facts += " · next " + (wide ? time.prefix(19) : time.dropFirst(5).prefix(11))
        } else if let code = verdict.exitCode {
            facts += " · exit \(code)"
        }
        return facts
    }

    private func renderDetail(_ summary: ClientSummary, into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard area.lines > 0 else { return }
        grid.fill(Rect(column: area.column, line: area.line, columns: area.columns, lines: 1), role: .border)
        guard rows.indices.contains(cursor.selected) else { return }
        let (action, lines) = detail(rows[cursor.selected], summary: summary, columns: area.columns - 1)
        grid.write("─ " + action + " · l its logs · Esc back ", at: area.origin, role: .border, clip: area)
        for (n, item) in lines.prefix(area.lines - 1).enumerated() {
            grid.write(" " + item.0, at: Position(column: area.column, line: area.line + 1 + n), role: item.1, clip: area)
        }
    }

    /// `v_GS_SMS_ADVANCED_CLIENT_STAT.csv:6`: the inventory row a verdict rests on.
    static func place(_ source: InventorySource) -> String {
        ShortPlace.tail(source.file, components: 1) + ":\(source.line)"
    }

    /// What Enter does on a row, and the row in full.
    private func detail(_ row: Row, summary: ClientSummary, columns: Int) -> (String, [(String, Role)]) {
        func wrapped(_ text: String, _ role: Role) -> [(String, Role)] {
            LogsPane.wrap(TerminalText.escape(text), columns: columns).map { ($0, role) }
        }
        switch row {
        case .hotfix(let verdict):
            var lines: [(String, Role)] = []
            let title = summary.hotfixes.isEmpty ? nil : summaries?.report.kbs.first { $0.hotfix.kb == verdict.kb }?.hotfix.title
            lines += wrapped("KB\(verdict.kb)" + (title.map { ": " + $0 } ?? ""), .text)
            if let row = verdict.evidence {
                lines += wrapped("has \(row.name) \(row.versionText), needs \(verdict.required.text) (\(Self.place(row.source)))", .dim)
            }
            if let note = verdict.note { lines += wrapped(note, .warning) }
            for other in verdict.corroboration {
                lines += wrapped("also raises \(other.component) to \(other.required.text): \(other.found?.versionText ?? "not reported") (\(other.status.rawValue))", .dim)
            }
            return ("Enter: the KB's clients", lines)
        case .program(let program):
            var lines = wrapped(program.verdict.text, TimelinePane.verdictRole(program.verdict.kind))
            for note in program.verdict.notes { lines += wrapped("note: " + note, .warning) }
            return ("Enter: its steps", lines)
        case .finding(let finding):
            return ("Enter: its evidence", wrapped(finding.explanation, .text) + wrapped("Fix: " + finding.fix, .text))
        case .log(let log):
            return ("Enter: this log alone", log.paths.flatMap { wrapped(ShortPlace.tail($0, components: 3), .dim) })
        case .component(let component):
            return ("Enter: its KB's clients",
                    wrapped("\(component.displayName) \(component.versionText) (\(Self.place(component.source)))", .dim))
        case .section(let text), .note(let text, _):
            return ("", wrapped(text, .dim))
        }
    }
}
