import CShims

/// How many columns text takes on a terminal, by the C library's wcwidth (locale must be UTF-8).
enum DisplayWidth {
    /// 0 for combining marks, 2 for wide characters, -1 for controls (which must be escaped first).
    static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return scalar.value >= 0x20 ? 1 : -1 }
        return Int(cshims_wcwidth(scalar.value))
    }

    static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + max(0, of($1)) }
    }

    /// The longest prefix of `text` that fits in `columns`, with an ellipsis when cut.
    static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        guard of(text) > columns else { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = max(0, of(scalar))
            if used + w > columns - 1 { break }
            out.append(scalar)
            used += w
        }
        return String(out) + "…"
    }

    /// `text` cut or padded with spaces to exactly `columns`.
    static func fit(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        let pad = columns - of(cut)
        return pad > 0 ? cut + String(repeating: " ", count: pad) : cut
    }
}
