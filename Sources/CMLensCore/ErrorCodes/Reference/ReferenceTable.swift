/// The rows of one of the reference TSV tables (header first, tab-separated, no quoting: the
/// reference README's conventions), as fields. The tables are small (at most 429 rows), so they are
/// read whole on first use.
struct ReferenceTable {
    let header: [String]
    let rows: [[String]]

    init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
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
