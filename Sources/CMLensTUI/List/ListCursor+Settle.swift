extension ListCursor {
    /// Moves off rows that cannot be chosen (a section's title, a note): to the next row that
    /// can, else the previous one (`forward` false: the other way round); the first row of a
    /// section is shown with its title above it.
    mutating func settle(forward: Bool, count: Int, visible: Int, isSelectable: (Int) -> Bool, isTitle: (Int) -> Bool) {
        guard count > 0 else { self = ListCursor(); return }
        let start = min(max(0, selected), count - 1)
        let ahead = forward ? (start..<count).first(where: isSelectable) : (0...start).last(where: isSelectable)
        let behind = forward ? (0...start).last(where: isSelectable) : (start..<count).first(where: isSelectable)
        select(ahead ?? behind ?? start, count: count, visible: visible)
        showTitle(isTitle)
    }

    /// The row selected is the page's first and a title is just above it: the title shows too.
    mutating func showTitle(_ isTitle: (Int) -> Bool) {
        guard selected > 0, top == selected, isTitle(selected - 1) else { return }
        top = selected - 1
    }
}
