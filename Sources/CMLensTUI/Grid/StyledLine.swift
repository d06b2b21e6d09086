/// One line of text in runs of roles: what a row source hands the list view to draw, so that a
/// pane says what a row is and never where the screen is.
///
/// Spans follow one another unless a span names its column (a table's fixed columns); columns are
/// counted from the left of the line's area, and text past its right edge is cut.
struct StyledLine: Sendable {
    struct Span: Sendable {
        var text: String
        var role: Role
        /// Where the span starts, from the line's left; nil: right after the previous span.
        var column: Int?
    }

    var spans: [Span] = []
    /// Painted over the whole line before the text: a section's rule fills its line with `.border`.
    var fill: Role?
    /// The columns the selection covers when this line is selected; nil: the whole line.
    var selection: Range<Int>?
    /// Roles painted over the text once it is written (the selected column of a table's header).
    var paints: [Paint] = []

    struct Paint: Sendable {
        var columns: Range<Int>
        var role: Role
    }

    init(_ text: String = "", _ role: Role = .text) {
        if !text.isEmpty { spans = [Span(text: text, role: role)] }
    }

    /// Adds text after what is there.
    mutating func add(_ text: String, _ role: Role) {
        spans.append(Span(text: text, role: role))
    }

    /// Adds text from `column` (from the line's left), whatever came before.
    mutating func add(_ text: String, _ role: Role, at column: Int) {
        spans.append(Span(text: text, role: role, column: column))
    }

    /// A table's column names on a line filled with `.header`.
    static func header(_ text: String) -> StyledLine {
        var line = StyledLine(text, .header)
        line.fill = .header
        return line
    }

    /// A section's title across the line: `─ Programs ` on a rule.
    static func rule(_ title: String) -> StyledLine {
        var line = StyledLine("─ " + title + " ", .border)
        line.fill = .border
        return line
    }

    /// Draws the line at `line` of `area`, clipped to `area`.
    func draw(into grid: inout Grid, line: Int, in area: Rect) {
        if let fill { grid.fill(Rect(column: area.column, line: line, columns: area.columns, lines: 1), role: fill) }
        var column = area.column
        for span in spans {
            let start = span.column.map { area.column + $0 } ?? column
            column = grid.write(span.text, at: Position(column: start, line: line), role: span.role, clip: area)
        }
        for paint in paints {
            grid.paint(paint.role, line: line, columns: (area.column + paint.columns.lowerBound)..<(area.column + paint.columns.upperBound))
        }
    }
}
