import CMLensCore

extension ClientsPane {
    /// A client a line: its name (marked `*` to compare), errors, warnings, records, files and
    /// last activity; a machine only the inventory names says so.
    struct ClientRows: RowSource {
        var rows: [Row]
        var marked: [String]
        var utc: Bool
        /// As wide as the longest name, within what the numbers leave.
        var nameWidth: Int

        init(rows: [Row], marked: [String], utc: Bool, width: Int) {
            self.rows = rows
            self.marked = marked
            self.utc = utc
            nameWidth = max(12, min(width - 53, rows.map { DisplayWidth.of(TerminalText.escape($0.name)) }.max() ?? 12))
        }

        var count: Int { rows.count }

        func header(width: Int) -> StyledLine? {
            StyledLine("  " + DisplayWidth.fit("Client", to: nameWidth) + "   Errors Warnings   Records Files  Last activity", .header)
        }

        func row(_ index: Int, width: Int) -> StyledLine {
            let row = rows[index]
            let isMarked = !row.isAll && marked.contains(row.name)
            var line = StyledLine(isMarked ? "* " : "  ", .mark)
            line.add(DisplayWidth.fit(TerminalText.escape(row.name), to: nameWidth), row.isAll ? .title : .text)
            if row.inventoryOnly {
                line.add("  in the inventory only: no logs", .dim)
                return line
            }
            line.add(CountText.column(row.errors, width: 9), row.errors > 0 ? .error : .dim)
            line.add(CountText.column(row.warnings, width: 9), row.warnings > 0 ? .warning : .dim)
            line.add(CountText.column(row.records, width: 10) + CountText.column(row.files, width: 6), .text)
            let last = row.last.map { utc ? $0.utcDisplay + "Z" : $0.iso8601.replacingFirstT } ?? "—"
            line.add("  " + last, .text)
            return line
        }
    }
}
