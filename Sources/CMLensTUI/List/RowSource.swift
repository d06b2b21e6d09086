/// What a list shows, row by row: the one thing a list pane writes (htop's items drawing
/// themselves into a panel). The list view does the rest: the page, the selection, the rule over
/// the detail area.
protocol RowSource {
    var count: Int { get }
    /// The line over the rows (column names); nil: none.
    func header(width: Int) -> StyledLine?
    /// Row `index` for a list `width` columns wide.
    func row(_ index: Int, width: Int) -> StyledLine
    /// What the detail area says about the selected row (nil when there is none).
    func detail(_ selected: Int?, width: Int) -> ListDetail?
    /// Said where the rows would be when there are none.
    var emptyNote: StyledLine? { get }
}

extension RowSource {
    func header(width: Int) -> StyledLine? { nil }
    func detail(_ selected: Int?, width: Int) -> ListDetail? { nil }
    var emptyNote: StyledLine? { nil }
}

/// The area under a list about its selected row: a rule with a title (what Enter does), then the
/// row in full; or, unruled, one line of notes.
struct ListDetail: Sendable {
    var title: String?
    var lines: [(text: String, role: Role)]
    /// A rule (`─ title `) on its first line; false: the lines alone (one note under a table).
    var ruled = true

    init(title: String?, lines: [(text: String, role: Role)] = [], ruled: Bool = true) {
        self.title = title
        self.lines = lines
        self.ruled = ruled
    }
}
