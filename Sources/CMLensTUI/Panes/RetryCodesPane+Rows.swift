import CMLensCore

extension RetryCodesPane {
    /// Enter on a code programs exited with: the execmgr lines that say so.
    struct Occurrences: Sendable {
        var code: Int
        var records: [RecordReference]
    }

    /// The rows of the level shown: the table, or a code's occurrences.
    func rows(_ context: ConsoleContext) -> any RowSource {
        if let open = levels.top, let workspace = context.workspace {
            return OccurrenceRows(open: open, workspace: workspace, utc: context.showUTC)
        }
        return CodeRows(table: table, seen: seen)
    }

    /// Each code with how often programs exited with it, its name and its message.
    struct CodeRows: RowSource {
        var table: RetryCodeTable
        var seen: [Int: [RecordReference]]

        var count: Int { table.rows.count }

        static func nameWidth(_ width: Int) -> Int { width >= 120 ? 32 : 24 }

        func header(width: Int) -> StyledLine? {
            return .header(" Code  Seen " + DisplayWidth.fit("Name", to: Self.nameWidth(width)) + " Message")
        }

        func row(_ index: Int, width: Int) -> StyledLine {
            let row = table.rows[index]
            let count = seen[row.code]?.count ?? 0
            var line = StyledLine(" " + DisplayWidth.fit(String(row.code), to: 5), .text)
            line.add(DisplayWidth.fit(count > 0 ? " ● \(count)" : "", to: 6), count > 0 ? .warning : .dim)
            line.add(DisplayWidth.fit(TerminalText.escape(row.name ?? "-"), to: Self.nameWidth(width)) + " ", .text)
            line.add(TerminalText.escape(row.message ?? "(not in the catalogue)"), .dim)
            return line
        }

        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            guard let selected else { return nil }
            let row = table.rows[selected]
            let count = seen[row.code]?.count ?? 0
            let title = "─ \(row.code) " + (count > 0 ? "seen \(count) time\(count == 1 ? "" : "s"): Enter lists where " : "not seen in the loaded logs ")
            var lines = WordWrap.lines(TerminalText.escape(row.message ?? "(not in the catalogue)"), columns: width - 1).map { ($0, Role.text) }
            lines += WordWrap.lines("Why retried: " + row.why, columns: width - 1).map { ($0, Role.dim) }
            return ListDetail(title: title, lines: lines)
        }
    }

    /// The lines where programs exited with one code: place, time, the line.
    struct OccurrenceRows: RowSource {
        var open: Occurrences
        var workspace: ConsoleWorkspace
        var utc: Bool

        var count: Int { open.records.count }

        func header(width: Int) -> StyledLine? {
            return .header(" Exit code \(open.code): \(count) line\(count == 1 ? "" : "s") (Enter opens in Logs, Esc back)")
        }

        func row(_ index: Int, width: Int) -> StyledLine {
            let record = workspace.records[open.records[index]]
            let place = TerminalText.escape(ShortPlace.of(file: record.file, line: record.line))
            var line = StyledLine(" " + place + "  ", .text)
            line.add(TimeText.of(record.time, utc: utc, withDate: true) + "  ", .dim)
            line.add(TerminalText.escape(String(record.firstLine), expandTabs: 8), record.level == .error ? .error : .text)
            return line
        }
    }
}
