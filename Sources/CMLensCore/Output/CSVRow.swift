/// RFC 4180 rows: fields with a comma, quote or line break are quoted, quotes doubled. Control
/// characters other than line breaks and tabs are shown escaped, as on a terminal.
public enum CSVRow {
    public static func render(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    static func field(_ value: String) -> String {
        let safe = TerminalText.escape(value, keepNewlines: true)
        // On bytes: a comma or quote followed by a combining mark is one Character, not a comma.
        guard safe.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return safe }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(safe.utf8.count + 4)
        for byte in safe.utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
