/// RFC 4180 rows: fields with a comma, quote or line break are quoted, quotes doubled. Control
/// characters other than line breaks and tabs are shown escaped, as on a terminal.
public enum CSVRow {
    public static func render(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    static func field(_ value: String) -> String {
        let safe = TerminalText.escape(value, keepNewlines: true)
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
