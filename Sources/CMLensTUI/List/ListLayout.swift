/// Where a list's parts go in a pane: lines above it (titles, notes), its header, its rows and
/// the detail area below. One computation, used by `handle` to page and by `render` to draw, so
/// the page a key moves by is the page on the screen.
///
///     ┌ above   (titles: `2 findings for all clients`)
///     ├ header  (` Sev Client  Lines Finding`)
///     ├ list    (the rows; the cursor's page)
///     └ detail  (`─ rule: Enter shows the fix ` and the selected row in full)
struct ListLayout: Sendable, Equatable {
    var above: Rect
    var header: Rect
    var list: Rect
    var detail: Rect

    /// Splits `area` top to bottom: `above` lines, a header line when `header`, the rows, and
    /// `detail` lines at the bottom (none when the pane is too small to keep a row).
    init(_ area: Rect, above: Int = 0, header: Bool = true, detail: Int = 0) {
        let (top, rest) = area.splitTop(above)
        let (head, body) = rest.splitTop(header ? 1 : 0)
        let (rows, below) = body.splitTop(body.lines - detail)
        self.above = top
        self.header = head
        self.list = rows
        self.detail = below
    }

    /// The rows a page key moves over: at least one, so a tiny pane still moves.
    var page: Int { max(1, list.lines) }
}
