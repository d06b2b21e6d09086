/// `?`: every key and `:` command, generated from the command table, grouped by who handles it.
enum HelpOverlay {
    static func lines(focus: Int, bindings: KeyBindings) -> [(String, Role)] {
        var out: [(String, Role)] = [("Keys (Esc closes, j/k scroll). Every command also runs as :name.", .title)]
        func line(_ keys: [Key], _ row: KeyBindings.Row) -> String {
            "  " + DisplayWidth.fit(keys.map(\.label).joined(separator: " "), to: 16) + " " + DisplayWidth.fit(row.usage, to: 18) + " " + row.help
        }
        out.append(("Console", .header))
        for row in bindings.entries where row.isConsole { out.append((line(row.keys, row), .popup)) }
        for row in bindings.rows where row.isConsole && row.keys.isEmpty { out.append((line([], row), .popup)) }
        for pane in bindings.panes {
            out.append(("\(pane.descriptor.title) pane", .header))
            for row in bindings.entries where row.panes.contains(pane.id) { out.append((line(row.keys, row), .popup)) }
            // Commands that take words are typed after `:`, with no key of their own.
            for command in pane.commands where bindings.keys(for: command).isEmpty {
                if let row = bindings.row(for: command) { out.append((line([], row), .popup)) }
            }
        }
        return out
    }

    static func render(into grid: inout Grid, scroll: Int, focus: Int, bindings: KeyBindings) {
        let area = ConsoleView.paneArea(grid.size)
        grid.fill(area, role: .popup)
        let all = lines(focus: focus, bindings: bindings)
        let first = min(scroll, max(0, all.count - area.lines))
        for (n, item) in all.dropFirst(first).prefix(area.lines).enumerated() {
            grid.write(" " + item.0, at: Position(column: area.column, line: area.line + n), role: item.1, clip: area)
        }
    }
}
