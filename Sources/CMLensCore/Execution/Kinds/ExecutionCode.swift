/// Codes as the kinds' logs write them: a process's exit code in decimal (`1603`, `2147942402`),
/// an HRESULT in hex with or without `0x` (`80004005`, `0x87D00324`).
public enum ExecutionCode {
    /// `0x87D00324`, `87d00324`, `1603`, `-2147467259` → the code as an unsigned 32-bit value.
    static func parse(_ text: Substring) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.lowercased().hasPrefix("0x") { return UInt32(t.dropFirst(2), radix: 16).map { Int($0) } }
        if let value = Int64(t), value >= Int64(Int32.min), value <= Int64(UInt32.max) {
            return Int(UInt32(truncatingIfNeeded: value))
        }
        return nil
    }

    /// An HRESULT written bare in hex, as `(Error: 80004005; Source: Windows)` does.
    static func parseHex(_ text: Substring) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let digits = t.lowercased().hasPrefix("0x") ? Substring(t.dropFirst(2)) : Substring(t)
        return UInt32(digits, radix: 16).map { Int($0) }
    }

    /// Small codes (a process's 1603) in decimal, HRESULTs in hex: the way each is looked up.
    public static func display(_ code: Int) -> String {
        code >= 0 && code < 0x10000 ? String(code) : "0x" + String(UInt32(truncatingIfNeeded: code), radix: 16, uppercase: true)
            .leftPadded(to: 8)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// Text between the first `open` and the next `close` after it: `(Install)` out of a longer line.
func between(_ text: Substring, _ open: String, _ close: String) -> Substring? {
    guard let start = text.range(of: open) else { return nil }
    let rest = text[start.upperBound...]
    guard let end = rest.range(of: close) else { return nil }
    return rest[..<end.lowerBound]
}

/// The last parenthesised name closed by `close`: action names hold parentheses of their own
/// (`Format and Partition Disk (UEFI)`), so the name runs to the `)` before `close`.
func name(in text: Substring, after open: String, before close: String) -> Substring? {
    guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex)
    else { return nil }
    return text[start.upperBound..<end.lowerBound]
}
