/// Draws any row source into a list layout: the header, the page of rows the cursor is on with
/// the selected one highlighted, and the detail area. Panes never loop over visible rows.
enum ListView {
    static func render(_ source: some RowSource, cursor: ListCursor, layout: ListLayout, into grid: inout Grid) {
        if layout.header.lines > 0, let header = source.header(width: layout.header.columns) {
            header.draw(into: &grid, line: layout.header.line, in: layout.header)
        }
        renderRows(source, cursor: cursor, in: layout.list, into: &grid)
        let selected = (0..<source.count).contains(cursor.selected) ? cursor.selected : nil
        renderDetail(source.detail(selected, width: layout.detail.columns),
                     in: layout.detail, into: &grid)
    }

    /// The rows on the cursor's page, the selected one painted (over the columns its line says).
    static func renderRows(_ source: some RowSource, cursor: ListCursor, in list: Rect, into grid: inout Grid) {
        if source.count == 0, let note = source.emptyNote {
            note.draw(into: &grid, line: list.line, in: list)
        }
        for (screenLine, index) in cursor.visibleRows(count: source.count, visible: list.lines).enumerated() {
            let row = source.row(index, width: list.columns)
            let line = list.line + screenLine
            row.draw(into: &grid, line: line, in: list)
            if index == cursor.selected {
                let columns = row.selection.map { (list.column + $0.lowerBound)..<(list.column + $0.upperBound) }
                grid.paint(.selection, line: line, columns: columns ?? list.column..<list.right)
            }
        }
    }

    /// The detail area: its rule (always, so the list ends visibly) and the text under it.
    static func renderDetail(_ detail: ListDetail?, in area: Rect, into grid: inout Grid) {
        guard area.lines > 0 else { return }
        let ruled = detail?.ruled ?? true
        if ruled { grid.fill(Rect(column: area.column, line: area.line, columns: area.columns, lines: 1), role: .border) }
        guard let detail else { return }
        if let title = detail.title { grid.write(title, at: area.origin, role: .border, clip: area) }
        let first = ruled ? 1 : 0
        for (n, item) in detail.lines.prefix(area.lines - first).enumerated() {
            grid.write(" " + item.text, at: Position(column: area.column, line: area.line + first + n), role: item.role, clip: area)
        }
    }
}
