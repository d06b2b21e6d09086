/// Builds one JSON object on one line, fields in the order given (stable for scripts and diffs).
///
/// Hand-written rather than JSONEncoder: it keeps field order, and it escapes every control
/// character, DEL, C1 and bidi control as `\uXXXX`, so JSON printed to a terminal is still safe.
public struct JSONLine {
    private var text = "{"
    private var first = true

    public init() {}

    public mutating func add(_ key: String, _ value: String?) {
        addKey(key)
        if let value { Self.appendString(value, to: &text) } else { text += "null" }
    }

    public mutating func add(_ key: String, _ value: Int?) {
        addKey(key)
        text += value.map(String.init) ?? "null"
    }

    public mutating func add(_ key: String, _ value: Bool?) {
        addKey(key)
        text += value.map { $0 ? "true" : "false" } ?? "null"
    }

    public mutating func add(_ key: String, _ value: Double?) {
        addKey(key)
        text += value.map { $0.isFinite ? String($0) : "null" } ?? "null"
    }

    /// A value that is already JSON (a nested object or array).
    public mutating func addRaw(_ key: String, _ json: String) {
        addKey(key)
        text += json
    }

    public mutating func add(_ key: String, strings: [String]) {
        addKey(key)
        text += "["
        for (k, value) in strings.enumerated() {
            if k > 0 { text += "," }
            Self.appendString(value, to: &text)
        }
        text += "]"
    }

    public var rendered: String { text + "}" }

    private mutating func addKey(_ key: String) {
        if !first { text += "," }
        first = false
        Self.appendString(key, to: &text)
        text += ":"
    }

    public static func quoted(_ value: String) -> String {
        var out = ""
        appendString(value, to: &out)
        return out
    }

    static func appendString(_ value: String, to out: inout String) {
        // Plain printable ASCII (most fields) needs no escape: appended whole, not scalar by scalar.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            out += "\""
            out += value
            out += "\""
            return
        }
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TerminalText.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
