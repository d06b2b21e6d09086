/// The selected row of a list and the first row on screen: the scrolling every list pane shares.
struct ListCursor: Sendable, Equatable {
    var selected = 0
    var top = 0

    init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves for up/down/page/top/bottom; false for any other command.
    mutating func apply(_ command: Command, count: Int, visible: Int) -> Bool {
        let page = max(1, visible - 1)
        switch command {
        case .up: select(selected - 1, count: count, visible: visible)
        case .down: select(selected + 1, count: count, visible: visible)
        case .pageUp: top = max(0, top - page); select(selected - page, count: count, visible: visible)
        case .pageDown: top += page; select(selected + page, count: count, visible: visible)
        case .top: select(0, count: count, visible: visible)
        case .bottom: select(count - 1, count: count, visible: visible)
        default: return false
        }
        return true
    }

    /// Selects `index` (clamped) and scrolls just enough to show it.
    mutating func select(_ index: Int, count: Int, visible: Int) {
        selected = max(0, min(index, count - 1))
        top = Self.top(for: selected, current: top, count: count, visible: visible)
    }

    /// The first row to draw so that `selected` is on screen (also after a resize).
    static func top(for selected: Int, current: Int, count: Int, visible: Int) -> Int {
        guard visible > 0, count > 0 else { return 0 }
        var top = min(current, max(0, count - visible))
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        return max(0, top)
    }

    /// `index` selected in the middle of a page of `visible` rows (a step among its neighbours,
    /// a line in its log), the page kept inside the list.
    static func centered(on index: Int, count: Int, visible: Int) -> ListCursor {
        ListCursor(selected: index, top: max(0, min(index - visible / 2, count - visible)))
    }

    /// The rows on screen for `visible` lines.
    func visibleRows(count: Int, visible: Int) -> Range<Int> {
        let first = Self.top(for: selected, current: top, count: count, visible: visible)
        return first..<min(count, first + visible)
    }
}
