/// A place on the screen: column from the left, line from the top, both from 0.
struct Position: Sendable, Hashable {
    var column: Int
    var line: Int
}

/// A screen or area size in columns and lines.
struct Size: Sendable, Hashable {
    var columns: Int
    var lines: Int

    init(columns: Int, lines: Int) {
        self.columns = max(0, columns)
        self.lines = max(0, lines)
    }
}

/// A rectangle of the screen: where panes, the status bar and overlays are drawn.
struct Rect: Sendable, Hashable {
    var origin: Position
    var size: Size

    init(column: Int, line: Int, columns: Int, lines: Int) {
        origin = Position(column: column, line: line)
        size = Size(columns: columns, lines: lines)
    }

    /// A rect of `size` at the screen's origin: a pane's area as `handle` sees it, to page by.
    init(_ size: Size) {
        self.init(column: 0, line: 0, columns: size.columns, lines: size.lines)
    }

    var column: Int { origin.column }
    var line: Int { origin.line }
    var columns: Int { size.columns }
    var lines: Int { size.lines }
    var bottom: Int { line + lines }
    var right: Int { column + columns }

    /// The top `count` lines, and what is left below them.
    func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, count), lines)
        return (Rect(column: column, line: line, columns: columns, lines: n),
                Rect(column: column, line: line + n, columns: columns, lines: lines - n))
    }

    func inset(by amount: Int) -> Rect {
        Rect(column: column + amount, line: line + amount,
             columns: columns - 2 * amount, lines: lines - 2 * amount)
    }
}
