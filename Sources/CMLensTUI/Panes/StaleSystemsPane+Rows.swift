import CMLensCore

extension StaleSystemsPane {
    /// A name a line: the address it resolved to, the name that address reverses to, the status.
    struct SystemRows: RowSource {
        var rows: [StaleSystemRow]
        var nameWidth: Int
        var ipWidth: Int
        var reverseWidth: Int

        init(rows: [StaleSystemRow], width: Int) {
            self.rows = rows
            nameWidth = min(24, max(8, rows.map { DisplayWidth.of(TerminalText.escape($0.name)) }.max() ?? 8))
            ipWidth = width >= 120 ? 32 : 15
            reverseWidth = width >= 120 ? 28 : 12
        }

        var count: Int { rows.count }

        func header(width: Int) -> StyledLine? {
            return .header(" " + DisplayWidth.fit("Name", to: nameWidth) + " " + DisplayWidth.fit("IP", to: ipWidth) + " "
                           + DisplayWidth.fit("Reverse", to: reverseWidth) + " Status")
        }

        func row(_ index: Int, width: Int) -> StyledLine {
            let row = rows[index]
            var line = StyledLine(" " + DisplayWidth.fit(TerminalText.escape(row.name), to: nameWidth) + " "
                                  + DisplayWidth.fit(TerminalText.escape(row.ip ?? "-"), to: ipWidth) + " "
                                  + DisplayWidth.fit(TerminalText.escape(row.reverse ?? "-"), to: reverseWidth) + " ", .text)
            line.add(row.status.rawValue, Role(Meaning(row.status)))
            return line
        }

        /// What the lookups found, unruled under the table.
        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            let text = selected.flatMap { rows[$0].detail }.map { [(TerminalText.escape($0), Role.dim)] } ?? []
            return ListDetail(title: nil, lines: text, ruled: false)
        }
    }
}
