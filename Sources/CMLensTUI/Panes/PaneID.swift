/// A pane's name in `:` commands, drills and the registry (`logs`, `retry-codes`): never its
/// position, which changes as panes are added.
struct PaneID: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    let rawValue: String

    init(_ rawValue: String) { self.rawValue = rawValue }
    init(stringLiteral value: String) { rawValue = value }

    var description: String { rawValue }
}
