import CMLensCore

extension ComparePane {
    /// The comparison's rows: a label, then a cell per client on screen; a row where the clients
    /// disagree is flagged `≠`. The selection is one cell: the chosen client's.
    struct CompareRows: RowSource {
        var comparison: ClientComparison
        /// The client columns on screen.
        var shown: Range<Int>
        /// The chosen client.
        var column: Int
        var label: Int
        var cell: Int
        var utc: Bool

        var count: Int { comparison.rows.count }

        /// Where client `k`'s column starts.
        func start(_ k: Int) -> Int { label + (k - shown.lowerBound) * cell }

        func header(width: Int) -> StyledLine? {
            var line = StyledLine(shown.lowerBound > 0 ? " ‹" : "", .header)
            line.fill = .header
            for k in shown {
                line.add(DisplayWidth.fit(TerminalText.escape(comparison.clients[k].name), to: cell - 1), .header, at: start(k))
                if k == column { line.paints.append(.init(columns: start(k)..<(start(k) + cell - 1), role: .selection)) }
            }
            if shown.upperBound < comparison.clients.count { line.add("›", .header, at: width - 1) }
            return line
        }

        func row(_ index: Int, width: Int) -> StyledLine {
            let row = comparison.rows[index]
            if row.kind == .section {
                var rule = StyledLine.rule(row.label)
                rule.selection = 0..<0
                return rule
            }
            // A difference stands out: ≠ and the label highlighted.
            var line = StyledLine(row.differs ? "≠" : " ", row.differs ? .match : .text)
            line.add(DisplayWidth.fit(TerminalText.escape(row.label), to: label - 2), row.differs ? .match : .dim, at: 1)
            for k in shown {
                let value = row.cells[k]
                // A time as logged, shortened to the minute when the column is narrow (the line below has it whole).
                var text = value.time.map { TimeText.of($0, utc: utc, withDate: true) } ?? value.text
                if value.time != nil && DisplayWidth.of(text) > cell - 1 { text = String(text.prefix(16)) }
                line.add(DisplayWidth.fit(TerminalText.escape(text), to: cell - 1), Role(Meaning(value.tone)), at: start(k))
            }
            line.selection = shown.contains(column) ? start(column)..<(start(column) + cell - 1) : 0..<0
            return line
        }

        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            var detail = ListDetail(title: "─ Enter opens the client · l its logs · m drops it · ←/→ client ")
            guard let selected else { return detail }
            let row = comparison.rows[selected], value = row.cells[column]
            let full = TerminalText.escape(comparison.clients[column].name) + " · " + TerminalText.escape(row.label.trimmingWhitespace)
                + ": " + TerminalText.escape(value.time.map { utc ? $0.iso8601UTC : $0.iso8601 } ?? value.text)
            detail.lines = WordWrap.lines(full, columns: width - 1).map { ($0, Role(Meaning(value.tone))) }
            return detail
        }
    }
}
