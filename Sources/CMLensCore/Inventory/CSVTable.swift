import Foundation

/// A CSV file read per RFC 4180: a header, then rows, each with the physical line it starts on.
///
/// Accepts a UTF-8 BOM, UTF-16 with a BOM (what SQL Server Management Studio can save), CRLF or
/// LF, quoted fields with commas, doubled quotes and line breaks. A row whose field count differs
/// from the header's is kept here as read; the loaders decide and report it.
public struct CSVTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// 1-based physical line where the row starts.
        public var line: Int
        public var fields: [String]
    }

    public var file: String
    public var header: [String] { didSet { lowercasedHeader = Self.lowercased(header) } }
    public var rows: [Row]
    /// A quote left open at the end of the file, and the like.
    public var problems: [LoadProblem]

    /// The header's column names, trimmed and lowercased, for recognising a table (kept: the
    /// loaders look columns up by name for every table, the hotfix reader for every row).
    public private(set) var lowercasedHeader: [String]

    public init(file: String, header: [String], rows: [Row], problems: [LoadProblem]) {
        self.file = file
        self.header = header
        self.lowercasedHeader = Self.lowercased(header)
        self.rows = rows
        self.problems = problems
    }

    private static func lowercased(_ header: [String]) -> [String] { header.map { $0.trimmingWhitespace.lowercased() } }

    /// The index of a column, by name, case-insensitively.
    public func column(_ names: String...) -> Int? {
        let lower = lowercasedHeader
        for name in names {
            if let k = lower.firstIndex(of: name.lowercased()) { return k }
        }
        return nil
    }

    public static func read(path: String) throws(LoadProblem) -> CSVTable {
        do {
            return parse(try InputFile.read(atPath: path, limit: InputFile.Limit.csv), file: path)
        } catch {
            throw LoadProblem(file: path, message: "CSV file \(error); \(error.advice)")
        }
    }

    public static func parse(_ data: Data, file: String) -> CSVTable {
        let text = decode(data)
        var rows = split(text, file: file)
        var problems = rows.problems
        guard !rows.rows.isEmpty else {
            problems.append(LoadProblem(file: file, line: 1, severity: .warning, message: "empty file: no header row"))
            return CSVTable(file: file, header: [], rows: [], problems: problems)
        }
        let header = rows.rows.removeFirst().fields
        return CSVTable(file: file, header: header, rows: rows.rows, problems: problems)
    }

    static func decode(_ data: Data) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes[3...], as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var k = 2
            while k + 1 < bytes.count {
                units.append(little ? UInt16(bytes[k]) | UInt16(bytes[k + 1]) << 8
                                    : UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1]))
                k += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(data: data, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// Splits text into records of fields, on the UTF-8 bytes. A large export (a million rows) is cut
    /// in two at a row boundary and both halves are read at once, one per core.
    static func split(_ text: String, file: String) -> (rows: [Row], problems: [LoadProblem]) {
        var text = text
        text.makeContiguousUTF8()
        let whole = text
        return withBytes(of: whole) { bytes in
            guard bytes.count >= parallelThreshold, let cut = rowBoundary(near: bytes.count / 2, in: bytes) else {
                let one = split(bytes, file: file)
                return (one.rows, one.problems)
            }
            let parts = Concurrently.map(count: 2) { k in
                withBytes(of: whole) { all in split(UnsafeBufferPointer(rebasing: k == 0 ? all[..<cut] : all[cut...]), file: file) }
            }
            // The second half counted its lines from 1; it starts where the first one ended.
            let shift = parts[0].lines - 1
            var rows = parts[0].rows
            rows.reserveCapacity(parts[0].rows.count + parts[1].rows.count)
            rows += parts[1].rows.map { Row(line: $0.line + shift, fields: $0.fields) }
            let problems = parts[0].problems + parts[1].problems.map { problem in
                var moved = problem
                moved.line = problem.line.map { $0 + shift }
                return moved
            }
            return (rows, problems)
        }
    }

    /// The text's UTF-8 bytes in place (a contiguous string's own storage; a copy otherwise).
    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Below this size one core reads the file faster than two can be started and joined.
    static let parallelThreshold = 4 << 20

    /// The index just after the first newline at or after `middle` that lies outside quotes (an even
    /// number of `"` before it: RFC 4180's doubled quotes keep the parity); nil when there is none.
    static func rowBoundary(near middle: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var quotes = 0
        for k in 0..<middle where bytes[k] == 0x22 { quotes += 1 }
        var k = middle
        while k < bytes.count {
            let b = bytes[k]
            if b == 0x22 { quotes += 1 } else if b == 0x0A && quotes % 2 == 0 { return k + 1 < bytes.count ? k + 1 : nil }
            k += 1
        }
        return nil
    }

    /// One stretch of the file that starts at a row boundary; `lines` is the line number after its end.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> (rows: [Row], problems: [LoadProblem], lines: Int) {
        var rows: [Row] = []
        var problems: [LoadProblem] = []
        var endLine = 1
        do {
            let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
            var fields: [String] = []
            var line = 1
            var rowLine = 1
            var inQuotes = false
            var quotedFieldStart = 0
            var rowHasContent = false
            // A field without quotes is a slice of the input; a quoted one is unescaped into `scratch`.
            var fieldStart = 0
            var quoted = false
            var scratch: [UInt8] = []
            var interner = FieldInterner()
            var k = 0
            let n = bytes.count
            while k <= n {
                // The end reads as one more newline, which closes the last row.
                if k == n { endLine = line }
                let b: UInt8 = k < n ? bytes[k] : lf
                if inQuotes {
                    if k == n {
                        problems.append(LoadProblem(file: file, line: quotedFieldStart,
                                                    message: "a quoted field opened here is never closed; the rest of the file was read as that field"))
                        inQuotes = false
                        continue
                    }
                    if b == quote {
                        if k + 1 < n && bytes[k + 1] == quote {
                            scratch.append(quote)
                            k += 2
                            continue
                        }
                        inQuotes = false
                    } else {
                        if b == lf { line += 1 }
                        scratch.append(b)
                    }
                    k += 1
                    continue
                }
                if b == quote && !quoted && k == fieldStart {
                    inQuotes = true
                    quoted = true
                    quotedFieldStart = line
                    rowHasContent = true
                    scratch.removeAll(keepingCapacity: true)
                    k += 1
                    continue
                }
                let endsRow = b == lf || b == cr
                if b == comma || endsRow {
                    if quoted {
                        fields.append(String(decoding: scratch, as: UTF8.self))
                    } else {
                        fields.append(interner.string(UnsafeBufferPointer(rebasing: bytes[fieldStart..<k]), column: fields.count))
                    }
                    quoted = false
                    if b == comma {
                        rowHasContent = true
                    } else {
                        // A blank line is no row (a trailing newline, or spacing in a hand-written file).
                        if rowHasContent || fields.count > 1 || !fields[0].isEmpty {
                            rows.append(Row(line: rowLine, fields: fields))
                        }
                        fields.removeAll(keepingCapacity: true)
                        rowHasContent = false
                        if b == cr && k + 1 < n && bytes[k + 1] == lf { k += 1 }
                        line += 1
                        rowLine = line
                    }
                    k += 1
                    fieldStart = k
                    continue
                }
                if quoted { scratch.append(b) }  // text after a closing quote: kept, leniently
                k += 1
            }
        }
        return (rows, problems, endLine)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs; the string itself (no copy) when it has none.
    var trimmedOfSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        guard let start = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let end = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        return String(decoding: utf8[start...end], as: UTF8.self)
    }
}
