/// The user asked for something that cannot be done as asked; the message says what to type instead.
/// Commands exit with status 2 on it.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
