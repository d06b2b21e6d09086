/// The screen as a value: panes draw into it, tests read it, the backend puts it on the terminal.
struct Grid: Sendable, Equatable {
    let size: Size
    private(set) var cells: [Cell]

    init(size: Size, role: Role = .text) {
        self.size = size
        cells = Array(repeating: Cell(" ", role: role), count: size.columns * size.lines)
    }

    var bounds: Rect { Rect(column: 0, line: 0, columns: size.columns, lines: size.lines) }

    subscript(column: Int, line: Int) -> Cell {
        get { cells[line * size.columns + column] }
        set { cells[line * size.columns + column] = newValue }
    }

    func contains(_ column: Int, _ line: Int) -> Bool {
        column >= 0 && line >= 0 && column < size.columns && line < size.lines
    }

    /// Writes text from `position`, clipped to `clip` (the whole grid by default); returns the
    /// column after the last cell written. Text from logs must have been escaped already
    /// (`TerminalText.escape`); any control that slipped through is shown as `?`.
    @discardableResult
    mutating func write(_ text: some StringProtocol, at position: Position, role: Role,
                               clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        let line = position.line
        guard line >= area.line, line < area.bottom, line < size.lines else { return position.column }
        let limit = min(area.right, size.columns)
        var column = position.column
        for scalar in text.unicodeScalars {
            var shown = scalar
            var width = DisplayWidth.of(scalar)
            if width < 0 { shown = "?"; width = 1 }
            if width == 0 { continue }  // combining marks: not composed in this grid
            if column + width > limit {
                if width == 2 && column < limit && column >= area.column { put(" ", column, line, role) }
                return limit
            }
            if column >= area.column {
                put(shown, column, line, role)
                if width == 2 { put(" ", column + 1, line, role, continuation: true) }
            }
            column += width
        }
        return column
    }

    /// Paints `role` over a run of cells without changing their characters (selection, matches).
    mutating func paint(_ role: Role, line: Int, columns: Range<Int>) {
        let low = max(0, columns.lowerBound), high = min(size.columns, columns.upperBound)
        guard line >= 0, line < size.lines, low < high else { return }
        for column in low..<high {
            self[column, line].role = role
        }
    }

    mutating func fill(_ rect: Rect, role: Role) {
        let top = max(0, rect.line), bottom = min(size.lines, rect.bottom)
        let left = max(0, rect.column), right = min(size.columns, rect.right)
        guard top < bottom, left < right else { return }
        for line in top..<bottom {
            for column in left..<right {
                self[column, line] = Cell(" ", role: role)
            }
        }
    }

    /// Keeps wide characters whole: overwriting either half of one blanks the other.
    private mutating func put(_ scalar: Unicode.Scalar, _ column: Int, _ line: Int, _ role: Role,
                              continuation: Bool = false) {
        let old = self[column, line]
        if old.isContinuation && !continuation && column > 0 {
            self[column - 1, line].scalar = " "
        }
        if !old.isContinuation && column + 1 < size.columns && self[column + 1, line].isContinuation && !continuation {
            self[column + 1, line] = Cell(" ", role: self[column + 1, line].role)
        }
        self[column, line] = Cell(scalar, role: role, isContinuation: continuation)
    }
}

extension Grid {
    /// The grid as a terminal shows it: one string per line, trailing spaces trimmed (what
    /// `tmux capture-pane -p` prints).
    var plainText: String { lines.joined(separator: "\n") }

    var lines: [String] {
        (0..<size.lines).map { line in
            var text = String.UnicodeScalarView()
            for column in 0..<size.columns where !self[column, line].isContinuation {
                text.append(self[column, line].scalar)
            }
            var s = String(text)
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// One letter per cell naming its role (see `Role.letter`), a line per row, for tests.
    var roleText: String {
        (0..<size.lines).map { line in
            String((0..<size.columns).map { self[$0, line].role.letter })
        }.joined(separator: "\n")
    }

    /// The cells that differ from `previous`, as the backend must send them; everything when the
    /// sizes differ.
    func changes(since previous: Grid?) -> [Position] {
        guard let previous, previous.size == size else {
            return (0..<cells.count).map { Position(column: $0 % size.columns, line: $0 / size.columns) }
        }
        var out: [Position] = []
        for i in 0..<cells.count where cells[i] != previous.cells[i] {
            out.append(Position(column: i % size.columns, line: i / size.columns))
        }
        return out
    }
}
