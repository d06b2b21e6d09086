/// A place on the screen: column from the left, line from the top, both from 0.
public struct Position: Sendable, Hashable {
    public var column: Int
    public var line: Int

    public init(column: Int, line: Int) {
        self.column = column
        self.line = line
    }
}

/// A screen or area size in columns and lines.
public struct Size: Sendable, Hashable {
    public var columns: Int
    public var lines: Int

    public init(columns: Int, lines: Int) {
        self.columns = max(0, columns)
        self.lines = max(0, lines)
    }
}

/// A rectangle of the screen: where panes, the status bar and overlays are drawn.
public struct Rect: Sendable, Hashable {
    public var origin: Position
    public var size: Size

    public init(column: Int, line: Int, columns: Int, lines: Int) {
        origin = Position(column: column, line: line)
        size = Size(columns: columns, lines: lines)
    }

    /// A rect of `size` at the screen's origin: a pane's area as `handle` sees it, to page by.
    init(_ size: Size) {
        self.init(column: 0, line: 0, columns: size.columns, lines: size.lines)
    }

    public var column: Int { origin.column }
    public var line: Int { origin.line }
    public var columns: Int { size.columns }
    public var lines: Int { size.lines }
    public var bottom: Int { line + lines }
    public var right: Int { column + columns }

    /// The top `count` lines, and what is left below them.
    public func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, count), lines)
        return (Rect(column: column, line: line, columns: columns, lines: n),
                Rect(column: column, line: line + n, columns: columns, lines: lines - n))
    }

    public func inset(by amount: Int) -> Rect {
        Rect(column: column + amount, line: line + amount,
             columns: columns - 2 * amount, lines: lines - 2 * amount)
    }
}
