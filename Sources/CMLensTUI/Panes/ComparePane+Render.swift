import CMLensCore

extension ComparePane {
    /// The label column's width, each client column's, and how many client columns fit: two at
    /// 80 columns, four at 120; the others scroll into view with ←/→.
    func layout(_ columns: Int) -> (label: Int, cell: Int, count: Int) {
        let label = 16
        let clients = max(1, comparison?.clients.count ?? 1)
        let count = max(1, min(clients, (columns - label) / 25))
        return (label, max(1, (columns - label) / count), count)
    }

    static func role(_ tone: ClientComparison.Cell.Tone) -> Role {
        switch tone {
        case .good: .info
        case .bad: .error
        case .doubtful: .warning
        case .neutral: .text
        case .empty: .dim
        }
    }

    public func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        guard context.marked.count >= 2 else {
            var text = "Mark two or more clients in the Clients pane (1): m on each, then C compares them side by side."
            if let only = context.marked.first { text += " Marked: " + TerminalText.escape(only) + "." }
            grid.write(text, at: area.origin, role: .dim, clip: area)
            return
        }
        guard let comparison, !running else {
            grid.write("Reading what the workspace says about \(context.marked.count) clients…", at: area.origin, role: .dim, clip: area)
            return
        }
        let (label, cell, count) = layout(area.columns)
        let first = ListCursor.top(for: column, current: firstColumn, count: comparison.clients.count, visible: count)
        let shown = first..<min(comparison.clients.count, first + count)
        let (title, rest) = area.splitTop(1)
        let (header, body) = rest.splitTop(1)
        let (list, below) = body.splitTop(body.lines - detailLines(area.lines))
        let differences = comparison.differences.count
        var text = "\(comparison.clients.count) clients compared: \(differences) row\(differences == 1 ? "" : "s") differ (≠)"
        if shown.count < comparison.clients.count { text += " · clients \(shown.lowerBound + 1)-\(shown.upperBound) of \(comparison.clients.count), ←/→" }
        grid.write(" " + text, at: title.origin, role: .title, clip: title)

        grid.fill(header, role: .header)
        grid.write(shown.lowerBound > 0 ? " ‹" : "", at: header.origin, role: .header, clip: header)
        for (n, k) in shown.enumerated() {
            let name = DisplayWidth.fit(TerminalText.escape(comparison.clients[k].name), to: cell - 1)
            let at = Position(column: header.column + label + n * cell, line: header.line)
            grid.write(name, at: at, role: .header, clip: header)
            if k == column { grid.paint(.selection, line: header.line, columns: at.column..<(at.column + cell - 1)) }
        }
        if shown.upperBound < comparison.clients.count { grid.write("›", at: Position(column: header.right - 1, line: header.line), role: .header, clip: header) }

        let rows = self.rows
        for (screenLine, index) in cursor.visibleRows(count: rows.count, visible: list.lines).enumerated() {
            let row = rows[index]
            let line = list.line + screenLine
            if row.kind == .section {
                grid.fill(Rect(column: list.column, line: line, columns: list.columns, lines: 1), role: .border)
                grid.write("─ " + row.label + " ", at: Position(column: list.column, line: line), role: .border, clip: list)
                continue
            }
            // A difference stands out: ≠ and the label highlighted.
            grid.write(row.differs ? "≠" : " ", at: Position(column: list.column, line: line), role: row.differs ? .match : .text, clip: list)
            grid.write(DisplayWidth.fit(TerminalText.escape(row.label), to: label - 2), at: Position(column: list.column + 1, line: line),
                       role: row.differs ? .match : .dim, clip: list)
            for (n, k) in shown.enumerated() {
                let value = row.cells[k]
                // A time as logged, shortened to the minute when the column is narrow (the line below has it whole).
                var text = value.time.map { LogsPane.timeText($0, utc: context.showUTC, withDate: true) } ?? value.text
                if value.time != nil && DisplayWidth.of(text) > cell - 1 { text = String(text.prefix(16)) }
                let at = Position(column: list.column + label + n * cell, line: line)
                grid.write(DisplayWidth.fit(TerminalText.escape(text), to: cell - 1), at: at, role: Self.role(value.tone), clip: list)
                if index == cursor.selected && k == column { grid.paint(.selection, line: line, columns: at.column..<(at.column + cell - 1)) }
            }
        }

        guard below.lines > 0 else { return }
        grid.fill(Rect(column: below.column, line: below.line, columns: below.columns, lines: 1), role: .border)
        grid.write("─ Enter opens the client · l its logs · m drops it · ←/→ client ", at: below.origin, role: .border, clip: below)
        guard rows.indices.contains(cursor.selected) else { return }
        let row = rows[cursor.selected], value = row.cells[column]
        let full = TerminalText.escape(comparison.clients[column].name) + " · " + TerminalText.escape(row.label.trimmingWhitespace)
            + ": " + TerminalText.escape(value.time.map { context.showUTC ? $0.iso8601UTC : $0.iso8601 } ?? value.text)
        for (n, piece) in LogsPane.wrap(full, columns: below.columns - 1).prefix(below.lines - 1).enumerated() {
            grid.write(" " + piece, at: Position(column: below.column, line: below.line + 1 + n), role: Self.role(value.tone), clip: below)
        }
    }
}
