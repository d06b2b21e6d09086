import CMLensCore

extension ComparePane {
    /// The label column's width, each client column's, and how many client columns fit: two at
    /// 80 columns, four at 120; the others scroll into view with ←/→.
    func columnLayout(_ columns: Int) -> (label: Int, cell: Int, count: Int) {
        let label = 16
        let clients = max(1, comparison?.clients.count ?? 1)
        let count = max(1, min(clients, (columns - label) / 25))
        return (label, max(1, (columns - label) / count), count)
    }

    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
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
        guard let comparison, !context.isRunning(Self.id) else {
            grid.write("Reading what the workspace says about \(context.marked.count) clients…", at: area.origin, role: .dim, clip: area)
            return
        }
        let (label, cell, count) = columnLayout(area.columns)
        let first = ListCursor.top(for: column, current: firstColumn, count: comparison.clients.count, visible: count)
        let shown = first..<min(comparison.clients.count, first + count)
        let layout = self.layout(area)
        let differences = comparison.differences.count
        var text = "\(comparison.clients.count) clients compared: \(differences) row\(differences == 1 ? "" : "s") differ (≠)"
        if shown.count < comparison.clients.count { text += " · clients \(shown.lowerBound + 1)-\(shown.upperBound) of \(comparison.clients.count), ←/→" }
        grid.write(" " + text, at: layout.above.origin, role: .title, clip: layout.above)
        let rows = CompareRows(comparison: comparison, shown: shown, column: column, label: label, cell: cell, utc: context.showUTC)
        ListView.render(rows, cursor: cursor, layout: layout, into: &grid)
    }
}
