import CMLensCore

/// Draws the whole screen from the state: tab bar, the focused pane, status line, hints or prompt,
/// and the help overlay on top.
enum ConsoleView {
    /// Where panes draw: everything but the tab bar (top) and the two status lines (bottom).
    static func paneArea(_ size: Size) -> Rect {
        Rect(column: 0, line: 1, columns: size.columns, lines: max(0, size.lines - 3))
    }

    static func render(_ state: ConsoleState) -> Grid {
        let bindings = state.bindings
        var grid = Grid(size: state.size)
        guard state.size.lines >= 4, state.size.columns >= 20 else {
            grid.write("cmlens: enlarge the window", at: Position(column: 0, line: 0), role: .text)
            return grid
        }
        TabBar.render(into: &grid, line: 0, panes: bindings.panes, focus: state.focus)
        state.focusedPane.render(into: &grid, area: paneArea(state.size), context: state.context)
        StatusLine.render(state, into: &grid, line: state.size.lines - 2)
        if let prompt = state.prompt {
            PromptLine.render(prompt, into: &grid, line: state.size.lines - 1)
        } else if let message = state.message {
            grid.fill(Rect(column: 0, line: state.size.lines - 1, columns: state.size.columns, lines: 1), role: .text)
            grid.write(message, at: Position(column: 0, line: state.size.lines - 1), role: .warning)
        } else {
            HintLine.render(state, bindings: bindings, into: &grid, line: state.size.lines - 1)
        }
        if let popup = state.popup { PopupOverlay.render(popup, into: &grid) }
        if let scroll = state.help {
            HelpOverlay.render(into: &grid, scroll: scroll, focus: state.focus, bindings: bindings)
        }
        return grid
    }
}

/// The pane names across the top: the focused one highlighted, the ones still to come dimmed.
enum TabBar {
    static func render(into grid: inout Grid, line: Int, panes: [any Pane.Type], focus: Int) {
        let row = Rect(column: 0, line: line, columns: grid.size.columns, lines: 1)
        grid.fill(row, role: .tabInactive)
        // Below 100 columns the name goes and the panes to come get one space each, so all fit in 80;
        // when that is still too wide, the spaces around the panes go too, then every word but the first,
        // then the panes' short titles.
        let wide = row.columns >= 100
        var column = wide ? grid.write(" cmlens ", at: Position(column: 0, line: line), role: .title, clip: row) : 0
        // A pane past the ninth has no number key, so no number either.
        let number = { (n: Int) in n < 9 ? "\(n + 1) " : "" }
        let titles = panes.enumerated().map { n, pane in (number(n) + pane.descriptor.title, n == focus ? Role.tabActive : .tabInactive) }
            + PaneRegistry.planned.map { ($0, Role.tabUnavailable) }
        let roomy = titles.map { $0.1 == .tabUnavailable ? " \($0.0)" + (wide ? " " : "") : " \($0.0) " }
        let tight = titles.map { " " + $0.0 }
        let shortest = titles.map { title in
            let words = title.0.split(separator: " ")
            return " " + (title.1 == .tabUnavailable ? String(words[0]) : words.prefix(2).joined(separator: " "))
        }
        // Last, each pane's one-word short title (`6 Diag`, `7 Hotfix`): nine panes in 80 columns.
        let oneWord = panes.enumerated().map { n, pane in " " + number(n) + pane.descriptor.shortTitle } + PaneRegistry.planned.map { " " + String($0.split(separator: " ")[0]) }
        let fits = { (texts: [String]) in column + texts.reduce(0) { $0 + DisplayWidth.of($1) } <= row.columns }
        let chosen = fits(roomy) ? roomy : fits(tight) ? tight : fits(shortest) ? shortest : oneWord
        // More panes than fit even so: the first ones give way until the focused one shows.
        var first = 0
        while first < focus && !fits(Array(chosen[first...focus])) { first += 1 }
        for (text, title) in zip(chosen, titles).dropFirst(first) {
            column = grid.write(text, at: Position(column: column, line: line), role: title.1, clip: row)
        }
    }
}

/// The line above the bottom: what the pane says, what runs, and READY when all is computed.
enum StatusLine {
    static func render(_ state: ConsoleState, into grid: inout Grid, line: Int) {
        let row = Rect(column: 0, line: line, columns: grid.size.columns, lines: 1)
        grid.fill(row, role: .statusBar)
        var right: [String] = []
        if let loading = state.context.loading { right.append(loading) }
        right += state.running.values.sorted().map { $0 + "…" }
        let ready = state.isReady && right.isEmpty
        var rightText = right.joined(separator: " · ")
        if ready { rightText = "READY" }
        if state.showsFrameCounter { rightText += " frame=\(state.frame)" }
        let rightWidth = DisplayWidth.of(rightText)
        let leftRoom = max(0, row.columns - rightWidth - 2)
        let left = state.focusedPane.status(context: state.context).joined(separator: " · ")
        grid.write(" " + DisplayWidth.truncate(left, to: max(0, leftRoom - 1)), at: row.origin, role: .statusBar, clip: row)
        grid.write(rightText + " ", at: Position(column: max(0, row.right - rightWidth - 1), line: line),
                   role: ready ? .ready : .statusBar, clip: row)
    }
}

/// The bottom line: the keys that matter in the focused pane, from the key table.
enum HintLine {
    static func render(_ state: ConsoleState, bindings: KeyBindings, into grid: inout Grid, line: Int) {
        let row = Rect(column: 0, line: line, columns: grid.size.columns, lines: 1)
        grid.fill(row, role: .statusBar)
        var column = 0
        for hint in hints(for: type(of: state.focusedPane), bindings: bindings) {
            guard column + DisplayWidth.of(hint.key) + DisplayWidth.of(hint.word) + 2 <= row.columns else { break }
            column = grid.write(" " + hint.key, at: Position(column: column, line: line), role: .statusKey, clip: row)
            column = grid.write(" " + hint.word, at: Position(column: column, line: line), role: .statusBar, clip: row)
        }
    }

    /// Hinted commands the pane handles and the console's own, in the table's order; Esc is not
    /// hinted on the first pane, where the console starts and nothing is behind.
    static func hints(for pane: any Pane.Type, bindings: KeyBindings) -> [(key: String, word: String)] {
        let first = bindings.panes.first?.id
        return bindings.entries.compactMap { row in
            guard let word = row.hint, row.isConsole || row.panes.contains(pane.id),
                  !(row.command == .back && pane.id == first) else { return nil }
            return (key: row.keys[0].label, word: word)
        }
    }
}

/// The command line while the user types a `:` command or a `/` search.
enum PromptLine {
    static func render(_ prompt: Prompt, into grid: inout Grid, line: Int) {
        let row = Rect(column: 0, line: line, columns: grid.size.columns, lines: 1)
        grid.fill(row, role: .prompt)
        // Show the end of a long line, where the user types.
        var text = prompt.leader + TerminalText.escape(prompt.text)  // pasted control bytes too
        while DisplayWidth.of(text) > row.columns - 1 { text.removeFirst() }
        let end = grid.write(text, at: row.origin, role: .prompt, clip: row)
        grid.write(" ", at: Position(column: end, line: line), role: .selection, clip: row)
    }
}

