/// Makes log text safe to put on a terminal: the bytes of a log must never drive the terminal.
///
/// ESC and the other C0 controls are shown in caret notation (`^[`), DEL as `^?`, C1 controls
/// as `\x9b`, and the bidirectional overrides and isolates that can reorder what a line appears to
/// say as `<U+202E>`. Tabs are kept (or expanded by the caller); newlines are kept only when asked.
public enum TerminalText {
    public static func escape(_ text: String, keepNewlines: Bool = false, expandTabs: Int? = nil) -> String {
        // Tabs are kept as they are unless they are to be expanded; newlines when asked.
        let kept = { (scalar: Unicode.Scalar) in (scalar == "\t" && expandTabs == nil) || (scalar == "\n" && keepNewlines) }
        if isPrintableASCII(text, tabsKept: expandTabs == nil) { return text }
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !kept($0) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var column = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x0A where keepNewlines:
                out.append(0x0A)
                column = 0
            case 0x09:
                if let expandTabs {
                    let width = max(1, expandTabs)  // a tab stop of 0 or less would divide by zero
                    let spaces = width - column % width
                    out.append(contentsOf: repeatElement(0x20, count: spaces))
                    column += spaces
                } else {
                    out.append(0x09)
                    column += 1
                }
            case 0..<0x20:
                out += [UInt8(ascii: "^"), UInt8(v + 0x40)]
                column += 2
            case 0x7F:
                out += Array("^?".utf8)
                column += 2
            case 0x80...0x9F:
                out += Array("\\x\(String(v, radix: 16))".utf8)
                column += 4
            default:
                if isBidiControl(v) {
                    out += Array("<U+\(String(v, radix: 16, uppercase: true))>".utf8)
                    column += 8
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                    column += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The common case, checked on bytes: nothing but printable ASCII (and tabs, when they are kept).
    static func isPrintableASCII(_ text: String, tabsKept: Bool = true) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || ($0 == 0x09 && tabsKept) }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || isBidiControl(v)
    }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
