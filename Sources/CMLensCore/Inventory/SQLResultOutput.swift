import Foundation

/// `cmlens sql`'s output forms: an aligned table, one JSON object per row, or CSV with a header.
public enum SQLResultOutput {
    /// Column names as keys, in the query's order; a repeated name gets `_2`, `_3`.
    public static func jsonKeys(_ columns: [String]) -> [String] {
        var counts: [String: Int] = [:]
        return columns.map { name in
            counts[name, default: 0] += 1
            let n = counts[name]!
            return n == 1 ? name : "\(name)_\(n)"
        }
    }

    public static func json(_ row: [SQLValue], keys: [String]) -> String {
        var o = JSONLine()
        for (key, value) in zip(keys, row) {
            switch value {
            case .null: o.add(key, nil as String?)
            case .integer(let v): o.addRaw(key, String(v))
            case .real(let v): o.add(key, v)
            case .text(let v): o.add(key, v)
            case .blob: o.add(key, value.text)
            }
        }
        return o.rendered
    }

    public static func csv(_ row: [SQLValue]) -> String {
        CSVRow.render(row.map { $0.text ?? "" })
    }

    /// A table whose columns fit their widest cell (cells cut at `maxWidth`); NULL shown as `NULL`.
    public static func text(columns: [String], rows: [[SQLValue]], maxWidth: Int = 60) -> [String] {
        let cells = rows.map { row in
            row.map { cell -> String in
                let text = TerminalText.escape(cell.text ?? "NULL").replacingOccurrences(of: "\n", with: " ")
                return text.count > maxWidth ? String(text.prefix(maxWidth - 1)) + "…" : text
            }
        }
        let header = columns.map { TerminalText.escape($0) }
        var widths = header.map(\.count)
        for row in cells {
            for (k, cell) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], cell.count) }
        }
        func line(_ fields: [String]) -> String {
            zip(fields, widths).map { $0.padded(to: $1) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = columns.isEmpty ? [] : [line(header), line(widths.map { String(repeating: "-", count: $0) })]
        lines += cells.map(line)
        lines.append("(\(rows.count) row\(rows.count == 1 ? "" : "s"))")
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex && self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}
