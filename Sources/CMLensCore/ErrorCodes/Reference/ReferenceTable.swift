/// The rows of one of the reference TSV tables (header first, tab-separated, no quoting: the
/// reference README's conventions), as fields. The tables are small (at most 429 rows), so they are
/// read whole on first use.
struct ReferenceTable {
    let header: [String]
    let rows: [[String]]

    init(_ text: String) {
        // Split as bytes: splitting a String by Character walks grapheme clusters, which costs every
        // `cmlens explain` milliseconds on tables of a few hundred rows.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true).map { line in
            line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        let header = lines.isEmpty ? [] : lines.removeFirst()
        self.header = header
        // A row with fewer fields than the header is not ours to guess at.
        rows = lines.filter { $0.count >= header.count }
    }

    /// `0x87D00324` → 0x87D00324; the tables write every code as 0x + 8 hex digits.
    static func code(_ field: String) -> UInt32? {
        guard field.hasPrefix("0x") else { return nil }
        return UInt32(field.dropFirst(2), radix: 16)
    }
}
