/// A pane's name in `:` commands, drills and the registry (`logs`, `retry-codes`): never its
/// position, which changes as panes are added.
public struct PaneID: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
}
