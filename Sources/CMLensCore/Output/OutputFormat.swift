/// The `--format` of every headless command.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, csv
}

/// ANSI colours for text output, used only on a terminal and never under NO_COLOR.
public struct TextStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func paint(_ text: String, _ sgr: String) -> String {
        enabled ? "\u{1B}[\(sgr)m\(text)\u{1B}[0m" : text
    }

    public func level(_ level: LogLevel, _ text: String) -> String {
        switch level {
        case .error: paint(text, "31;1")
        case .warning: paint(text, "33")
        case .verbose: paint(text, "2")
        case .info: text
        }
    }
}
