/// `?`: every key and `:` command, generated from the key table, grouped by who handles it.
enum HelpOverlay {
    static func lines(focus: Int, bindings: KeyBindings) -> [(String, Role)] {
        var out: [(String, Role)] = [("Keys (Esc closes, j/k scroll). Every command also runs as :name.", .title)]
        let paneCommands = Set(PaneRegistry.all.flatMap { $0.commands })
        func entryLine(_ e: KeyBindings.Entry) -> String {
            let keys = e.keys.map(\.label).joined(separator: " ")
            return "  " + DisplayWidth.fit(keys, to: 16) + " " + DisplayWidth.fit(":" + e.command.name, to: 18) + " " + e.command.help
        }
        out.append(("Console", .header))
        for e in bindings.entries where !paneCommands.contains(e.command) || e.command == .toggleUTC {
            out.append((entryLine(e), .popup))
        }
        out.append(("  " + DisplayWidth.fit("", to: 16) + " " + DisplayWidth.fit(":open PATH", to: 18) + " " + Command.openPath("").help, .popup))
        out.append(("  " + DisplayWidth.fit("", to: 16) + " " + DisplayWidth.fit(":theme NAME", to: 18) + " " + Command.theme("").help, .popup))
        out.append(("  " + DisplayWidth.fit("", to: 16) + " " + DisplayWidth.fit(":problems", to: 18) + " " + Command.problems.help, .popup))
        for pane in PaneRegistry.all {
            out.append(("\(pane.descriptor.title) pane", .header))
            for e in bindings.entries where pane.commands.contains(e.command) && e.command != .toggleUTC {
                out.append((entryLine(e), .popup))
            }
            // Commands that take words are typed after `:`, with no key of their own.
            for command in pane.commands where bindings.keys(for: command).isEmpty {
                out.append(("  " + DisplayWidth.fit("", to: 16) + " " + DisplayWidth.fit(":" + command.name, to: 18) + " " + command.help, .popup))
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
