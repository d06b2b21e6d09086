/// A box of text over the focused pane (an error code's explanation, where a code occurs):
/// Esc closes it, j/k and PgUp/PgDn scroll it.
struct Popup: Sendable {
    struct Line: Sendable, Hashable {
        var text: String
        var role: Role

        init(_ text: String, _ role: Role = .popup) {
            self.text = text
            self.role = role
        }
    }

    var title: String
    var lines: [Line]
    var scroll = 0
    /// What `/` searches the loaded logs for from the popup (the codes it explains, in every form).
    var searchPattern: String?

    init(title: String, lines: [Line]) {
        self.title = title
        self.lines = lines
    }
}

/// Draws a popup over the whole pane area, like the help.
enum PopupOverlay {
    static func render(_ popup: Popup, into grid: inout Grid) {
        let area = ConsoleView.paneArea(grid.size)
        grid.fill(area, role: .popup)
        let titleRow = Rect(column: area.column, line: area.line, columns: area.columns, lines: 1)
        grid.fill(titleRow, role: .title)
        let room = max(0, area.lines - 2)
        let first = min(popup.scroll, max(0, popup.lines.count - room))
        let more = popup.lines.count > room ? "  (\(first + 1)-\(min(popup.lines.count, first + room)) of \(popup.lines.count), j/k scroll)" : ""
        grid.write(" " + popup.title + more, at: titleRow.origin, role: .title, clip: titleRow)
        for (n, line) in popup.lines.dropFirst(first).prefix(room).enumerated() {
            grid.write(" " + line.text, at: Position(column: area.column, line: area.line + 1 + n), role: line.role, clip: area)
        }
        let footer = Position(column: area.column, line: area.bottom - 1)
        grid.write(popup.searchPattern == nil ? " Esc closes" : " Esc closes · / finds these codes in the logs",
                   at: footer, role: .dim, clip: area)
    }
}
