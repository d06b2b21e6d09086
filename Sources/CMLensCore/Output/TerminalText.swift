/// Makes log text safe to put on a terminal: the bytes of a log must never drive the terminal.
///
/// ESC and the other C0 controls are shown in caret notation (`^[`), DEL as `^?`, C1 controls
/// as `\x9b`, and the bidirectional overrides and isolates that can reorder what a line appears to
/// say as `<U+202E>`. Tabs are kept (or expanded by the caller); newlines are kept only when asked.
public enum TerminalText {
    public static func escape(_ text: String, keepNewlines: Bool = false, expandTabs: Int? = nil) -> String {
        guard !isPrintableASCII(text), text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A && keepNewlines { out.append(scalar); column = 0; continue }
            if v == 0x09 {
                if let width = expandTabs {
                    let spaces = width - column % width
                    for _ in 0..<spaces { out.append(" ") }
                    column += spaces
                } else {
                    out.append(scalar)
                    column += 1
                }
                continue
            }
            if v < 0x20 {
                out.append("^")
                out.append(Unicode.Scalar(UInt8(v + 0x40)))
                column += 2
            } else if v == 0x7F {
                out.append(contentsOf: "^?".unicodeScalars)
                column += 2
            } else if (0x80...0x9F).contains(v) {
                let hex = String(v, radix: 16)
                out.append(contentsOf: "\\x\(hex)".unicodeScalars)
                column += 4
            } else if isBidiControl(v) {
                out.append(contentsOf: "<U+\(String(v, radix: 16, uppercase: true))>".unicodeScalars)
                column += 8
            } else {
                out.append(scalar)
                column += 1
            }
        }
        return String(out)
    }

    /// The common case, checked on bytes: nothing but printable ASCII (and tabs).
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || isBidiControl(v)
    }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
