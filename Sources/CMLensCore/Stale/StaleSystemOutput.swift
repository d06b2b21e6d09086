/// `cmlens stale`'s three output forms. Column and field names are a documented contract.
public enum StaleSystemOutput {
    public static let csvHeader = ["Name", "IP", "Reverse", "Status"]

    /// The seed's PowerShell table: header, dashed underline as long as each header, columns one
    /// space apart, "-" where there is nothing; the last column unpadded.
    public static func table(_ rows: [StaleSystemRow]) -> [StyledText] {
        let cells = rows.map { row in
            [row.name, row.ip ?? "-", row.reverse ?? "-", row.status.rawValue].map { TerminalText.escape($0) }
        }
        var widths = csvHeader.map(\.count)
        for line in cells {
            for (k, cell) in line.enumerated() { widths[k] = max(widths[k], cell.count) }
        }
        func layout(_ fields: [String], last: Meaning = .plain) -> StyledText {
            var out = StyledText()
            for (k, field) in fields.enumerated() {
                if k == fields.count - 1 {
                    out.append(field, last)
                } else {
                    out += field + String(repeating: " ", count: widths[k] - field.count + 1)
                }
            }
            return out
        }
        var lines = [layout(csvHeader), layout(csvHeader.map { String(repeating: "-", count: $0.count) })]
        for (row, line) in zip(rows, cells) {
            lines.append(layout(line, last: Meaning(row.status)))
        }
        return lines
    }

    public static func csv(_ row: StaleSystemRow) -> String {
        CSVRow.render([row.name, row.ip ?? "", row.reverse ?? "", row.status.rawValue])
    }

    /// `{"name":…,"ip":…,"reverse":…,"status":…}`; `ip` and `reverse` are null when absent.
    public static func json(_ row: StaleSystemRow) -> String {
        var o = JSONLine()
        o.add("name", row.name)
        o.add("ip", row.ip)
        o.add("reverse", row.reverse)
        o.add("status", row.status.rawValue)
        return o.rendered
    }
}
