import CMLensCore

extension ClientPane {
    /// The client's sections, a row per hotfix verdict, program, finding, log and component under
    /// each title; the selected row in full below, with what Enter does.
    struct SummaryRows: RowSource {
        var rows: [Row]
        var summary: ClientSummary
        var report: ComplianceReport?
        var utc: Bool

        var count: Int { rows.count }

        func row(_ index: Int, width: Int) -> StyledLine {
            let wide = width >= 120
            var line = StyledLine()
            switch rows[index] {
            case .section(let title):
                return .rule(title)
            case .note(let text, let role):
                line.add("   " + TerminalText.escape(text), role)
            case .hotfix(let verdict):
                line.add(" " + DisplayWidth.fit(verdict.status.rawValue, to: 10), Role(Meaning(verdict.status)))
                line.add(DisplayWidth.fit("KB" + TerminalText.escape(verdict.kb), to: 11), .text)
                line.add(DisplayWidth.fit(TerminalText.escape(verdict.component), to: wide ? 26 : 24) + " ", .text)
                let seen = verdict.found.map { TerminalText.escape($0) + (verdict.status == .missing ? " < " : " ≥ ") }
                    ?? "none, needs "
                line.add(seen + TerminalText.escape(verdict.required.text), .dim)
                if verdict.disagrees { line.add("  ≠ other components", .warning) }
            case .program(let program):
                line.add(" " + DisplayWidth.fit(ClientSummary.phrase(program.verdict.kind), to: 17), Role(Meaning(program.verdict.kind)))
                let factsWidth = wide ? 40 : 30
                let nameWidth = max(12, width - 18 - factsWidth - 1)
                line.add(DisplayWidth.fit(TerminalText.escape(program.key.program), to: nameWidth) + " ", .text)
                line.add(ClientPane.programFacts(program, utc: utc, wide: wide), program.verdict.kind == .waitingRetry ? .warning : .dim)
            case .finding(let finding):
                line.add(" " + TimeText.severity(finding.severity) + "  ", Role(Meaning(finding.severity)))
                line.add(TerminalText.escape(finding.title), .text)
                line.add("  (\(finding.evidence.count) line\(finding.evidence.count == 1 ? "" : "s"))", .dim)
            case .log(let log):
                line.add(" " + DisplayWidth.fit(TerminalText.escape(log.name), to: wide ? 34 : 26), .text)
                line.add(CountText.column(log.records, width: 8) + " rec", .dim)
                line.add(CountText.column(log.errors, width: 6) + " err", log.errors > 0 ? .error : .dim)
                line.add(CountText.column(log.warnings, width: 6) + " warn", log.warnings > 0 ? .warning : .dim)
                let last = log.lastActivity.map { TimeText.of($0, utc: utc, withDate: true) } ?? "no dated record"
                line.add("  " + (wide ? last : String(last.prefix(16))), .dim)
            case .component(let component):
                line.add(" " + DisplayWidth.fit(TerminalText.escape(component.name), to: 26), .text)
                line.add(DisplayWidth.fit(TerminalText.escape(component.versionText), to: 18), component.version == nil ? .warning : .text)
                line.add(TerminalText.escape(component.displayName), .dim)
            }
            return line
        }

        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            guard let selected else { return nil }
            let (action, lines) = describe(rows[selected], columns: width - 1)
            return ListDetail(title: "─ " + action + " · l its logs · Esc back ", lines: lines)
        }

        /// What Enter does on a row, and the row in full.
        private func describe(_ row: Row, columns: Int) -> (String, [(text: String, role: Role)]) {
            func wrapped(_ text: String, _ role: Role) -> [(text: String, role: Role)] {
                WordWrap.lines(TerminalText.escape(text), columns: columns).map { ($0, role) }
            }
            switch row {
            case .hotfix(let verdict):
                var lines: [(text: String, role: Role)] = []
                let title = summary.hotfixes.isEmpty ? nil : report?.kbs.first { $0.hotfix.kb == verdict.kb }?.hotfix.title
                lines += wrapped("KB\(verdict.kb)" + (title.map { ": " + $0 } ?? ""), .text)
                if let row = verdict.evidence {
                    lines += wrapped("has \(row.name) \(row.versionText), needs \(verdict.required.text) (\(ClientPane.place(row.source)))", .dim)
                }
                if let note = verdict.note { lines += wrapped(note, .warning) }
                for other in verdict.corroboration {
                    lines += wrapped("also raises \(other.component) to \(other.required.text): \(other.found?.versionText ?? "not reported") (\(other.status.rawValue))", .dim)
                }
                return ("Enter: the KB's clients", lines)
            case .program(let program):
                var lines = wrapped(program.verdict.text, Role(Meaning(program.verdict.kind)))
                for note in program.verdict.notes { lines += wrapped("note: " + note, .warning) }
                return ("Enter: its steps", lines)
            case .finding(let finding):
                return ("Enter: its evidence", wrapped(finding.explanation, .text) + wrapped("Fix: " + finding.fix, .text))
            case .log(let log):
                // What the log records, in Microsoft's words; a log the reference does not list says so.
                let about = LogFileReference.describe(fileName: log.name).map { $0.summary }
                    ?? "Not in Microsoft's ConfigMgr log file reference."
                return ("Enter: this log alone", wrapped(TerminalText.escape(about), .text)
                        + log.paths.flatMap { wrapped(ShortPlace.tail($0, components: 3), .dim) })
            case .component(let component):
                return ("Enter: its KB's clients",
                        wrapped("\(component.displayName) \(component.versionText) (\(ClientPane.place(component.source)))", .dim))
            case .section(let text), .note(let text, _):
                return ("", wrapped(text, .dim))
            }
        }
    }
}
