/// The severity CMTrace shows for a record, from its `type` attribute.
///
/// `type` 0 is verbose, 1 info, 2 warning, 3 error; any other value is kept raw on the
/// record and shown as info, which is what CMTrace does.
public enum LogLevel: Int, Sendable, CaseIterable, Comparable, Codable {
    case verbose = 0
    case info = 1
    case warning = 2
    case error = 3

    public var name: String {
        switch self {
        case .verbose: "verbose"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    /// Accepts the names (`warning`, `warn`, `err`, ...) and the CMTrace numbers.
    public init?(name: String) {
        switch name.lowercased() {
        case "verbose", "debug", "0": self = .verbose
        case "info", "information", "1": self = .info
        case "warning", "warn", "2": self = .warning
        case "error", "err", "3": self = .error
        default: return nil
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a record was read.
public enum LogFormat: String, Sendable, Codable, CaseIterable {
    /// `<![LOG[message]LOG]!><time=… date=… …>`
    case cmtrace
    /// ConfigMgr 2007 / SMS server logs: `message  $$<Component><date time+bias><thread=N (0xN)>`
    case sms
    /// A line of a log with no structure.
    case plain
    /// A fragment that looked like a structured record but could not be read; kept, never dropped.
    case unparsed
}
