/// The levels a pane has opened over its list, each with its own cursor: Enter pushes one (a
/// code's occurrences, a finding's evidence), Esc pops it and the level under it is as it was.
///
/// A level a drill opened (the Client pane's Enter on a program) remembers it: Esc closing it
/// also takes the console back to where the drill came from.
struct Levels<Level: Sendable>: Sendable {
    struct Opened: Sendable {
        var level: Level
        var cursor: ListCursor
        var byDrill: Bool
    }

    /// The pane's own list's cursor, under every level.
    var base = ListCursor()
    private(set) var opened: [Opened] = []

    /// The level shown; nil: the pane's own list.
    var top: Level? { opened.last?.level }

    var isOpen: Bool { !opened.isEmpty }

    /// The cursor of the level shown.
    var cursor: ListCursor {
        get { opened.last?.cursor ?? base }
        set { if opened.isEmpty { base = newValue } else { opened[opened.count - 1].cursor = newValue } }
    }

    /// Opens `level` over the current one.
    mutating func push(_ level: Level, cursor: ListCursor = ListCursor(), byDrill: Bool = false) {
        opened.append(Opened(level: level, cursor: cursor, byDrill: byDrill))
    }

    /// Replaces what the level shown holds, keeping its cursor (a reload found the program again).
    mutating func replaceTop(_ level: Level) {
        guard !opened.isEmpty else { return }
        opened[opened.count - 1].level = level
    }

    /// Esc: closes the level shown. The reaction is `.ignored` when a drill opened it, so the
    /// console goes back on to the pane the drill came from; nil when no level is open.
    mutating func pop() -> Reaction? {
        guard let closed = opened.popLast() else { return nil }
        return closed.byDrill ? .ignored : .handled
    }

    /// Back to the pane's own list.
    mutating func closeAll() { opened = [] }
}
