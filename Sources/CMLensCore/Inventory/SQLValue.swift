import Foundation

/// One cell of a query's result.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    /// The value as text for text and CSV output; nil for NULL.
    public var text: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        case .blob(let data): "x'" + data.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }
}

/// Why `cmlens sql` did not run a query.
public enum SQLQueryError: Error, Sendable, CustomStringConvertible {
    /// The query would change the database: the workspace is read-only.
    case writeRefused(query: String)
    /// SQLite could not prepare or run it.
    case sqlite(message: String, query: String)
    /// The workspace database could not be built.
    case unavailable(String)

    public var description: String {
        switch self {
        case .writeRefused(let query):
            "refused: this query would change the database, and the workspace is read-only (use SELECT)\n  query: \(query)"
        case .sqlite(let message, let query):
            "SQLite: \(message)\n  query: \(query)"
        case .unavailable(let reason):
            "cannot build the workspace database: \(reason)"
        }
    }
}
