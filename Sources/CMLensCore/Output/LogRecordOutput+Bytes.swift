/// `LogRecordOutput.json` and `.csv` written from a record's bytes: the same output, without the
/// `LogRecord` and its seven strings. Fields that are plain ASCII (nearly all of a ConfigMgr log)
/// are copied or escaped on the bytes; anything else goes through the string path, so the two
/// cannot disagree on text that needs decoding.
public struct JSONRecordWriter: RecordWriter {
    private var head = FileHead { log in
        var bytes = Array(#"{"client":"#.utf8)
        JSONLine.appendString(log.client, to: &bytes)
        bytes.append(contentsOf: #","file":"#.utf8)
        JSONLine.appendString(log.path, to: &bytes)
        bytes.append(contentsOf: #","line":"#.utf8)
        return bytes
    }

    public init() {}

    public mutating func append(_ record: borrowing RawRecord, to out: inout [UInt8]) {
        guard record.loss == nil else {
            out.append(contentsOf: LogRecordOutput.json(record.decoded).utf8)
            return
        }
        head.append(for: record.log, to: &out)
        LogRecordOutput.appendJSONFields(record, to: &out)
    }
}

public struct CSVRecordWriter: RecordWriter {
    private var head = FileHead { log in
        var bytes: [UInt8] = []
        LogRecordOutput.appendCSVString(log.client, to: &bytes)
        bytes.append(0x2C)
        LogRecordOutput.appendCSVString(log.path, to: &bytes)
        bytes.append(0x2C)
        return bytes
    }

    public init() {}

    public mutating func append(_ record: borrowing RawRecord, to out: inout [UInt8]) {
        guard record.loss == nil else {
            out.append(contentsOf: LogRecordOutput.csv(record.decoded).utf8)
            return
        }
        head.append(for: record.log, to: &out)
        LogRecordOutput.appendCSVFields(record, to: &out)
    }
}

/// What every line of one file starts with (its client and path, written once per file rather than
/// once per record): a record's file is nearly always the one before's.
struct FileHead: Sendable {
    private let make: @Sendable (LogFileIndex) -> [UInt8]
    private var last: (file: ObjectIdentifier, bytes: [UInt8])?

    init(_ make: @escaping @Sendable (LogFileIndex) -> [UInt8]) { self.make = make }

    mutating func append(for log: LogFileIndex, to out: inout [UInt8]) {
        let file = ObjectIdentifier(log)
        if last?.file != file { last = (file, make(log)) }
        out.append(contentsOf: last!.bytes)
    }
}

extension LogRecordOutput {
    /// Everything after `"line":`.
    static func appendJSONFields(_ record: borrowing RawRecord, to out: inout [UInt8]) {
        let b = record.bytes
        let f = RecordDecoding.fields(b, format: record.entry.format, level: record.entry.level)
        appendDecimal(Int(record.entry.line), to: &out)
        out.append(static: #","time":"#)
        if let time = f.time {
            out.append(0x22)
            time.appendISO8601(to: &out)
            out.append(0x22)
        } else {
            out.append(static: "null")
        }
        out.append(static: #","level":""#)
        out.append(static: f.level.staticName)
        out.append(static: #"","component":"#)
        appendJSONField(b, f.component, to: &out)
        out.append(static: #","thread":"#)
        appendJSONField(b, f.thread, to: &out)
        out.append(static: #","source":"#)
        appendJSONField(b, f.source, to: &out)
        out.append(static: #","format":""#)
        out.append(static: f.format.staticName)
        out.append(static: #"","message":"#)
        if !appendASCIIMessageJSON(b, f.message, to: &out) {
            JSONLine.appendString(TextDecoding.message(b, f.message), to: &out)
        }
        if let rawType = f.rawType {
            out.append(static: #","type":"#)
            appendJSONField(b, rawType, to: &out)
        }
        out.append(0x7D)
    }

    /// Everything after `client,file,`.
    static func appendCSVFields(_ record: borrowing RawRecord, to out: inout [UInt8]) {
        let b = record.bytes
        let f = RecordDecoding.fields(b, format: record.entry.format, level: record.entry.level)
        appendDecimal(Int(record.entry.line), to: &out)
        out.append(0x2C)
        f.time?.appendISO8601(to: &out)
        out.append(0x2C)
        out.append(static: f.level.staticName)
        out.append(0x2C)
        appendCSVField(b, f.component, to: &out)
        out.append(0x2C)
        appendCSVField(b, f.thread, to: &out)
        out.append(0x2C)
        appendCSVField(b, f.source, to: &out)
        out.append(0x2C)
        out.append(static: f.format.staticName)
        out.append(0x2C)
        if !appendASCIIMessageCSV(b, f.message, to: &out) {
            out.append(contentsOf: CSVRow.field(TextDecoding.message(b, f.message)).utf8)
        }
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value >= 0 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        // Digits from the right into a small buffer, appended once.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { p in
            var i = p.count
            var rest = value
            repeat {
                i -= 1
                p[i] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[i...]))
        }
    }

    /// A short field (component, thread, source, type): quoted as is when it is printable ASCII
    /// needing no escape, else through the string path.
    private static func appendJSONField(_ b: UnsafeRawBufferPointer, _ range: Range<Int>?, to out: inout [UInt8]) {
        guard let range, !range.isEmpty else {
            out.append(static: #""""#)
            return
        }
        for k in range {
            let c = b[k]
            if c < 0x20 || c >= 0x7F || c == 0x22 || c == 0x5C {
                JSONLine.appendString(RecordDecoding.text(b, range), to: &out)
                return
            }
        }
        out.append(0x22)
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[range]))
        out.append(0x22)
    }

    /// A message of ASCII bytes, written as `JSONLine` writes the decoded message (each CRLF made
    /// LF, trailing CRs dropped); false, with nothing written, for a byte past ASCII.
    private static func appendASCIIMessageJSON(_ b: UnsafeRawBufferPointer, _ range: Range<Int>,
                                               to out: inout [UInt8]) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound && b[end - 1] == 0x0D { end -= 1 }
        let mark = out.count
        out.append(0x22)
        // Runs of bytes that need nothing are copied whole.
        var run = range.lowerBound
        var k = range.lowerBound
        while k < end {
            k = PlainBytes.firstSpecial(b, k..<end, 0x22, 0x5C)
            guard k < end else { break }
            let c = b[k]
            if c >= 0x7F {
                out.removeSubrange(mark...)
                return false
            }
            if run < k { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[run..<k])) }
            switch c {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x0D where k + 1 < end && b[k + 1] == 0x0A: break
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            default:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(c >> 4)])
                out.append(hexDigits[Int(c & 0xF)])
            }
            k += 1
            run = k
        }
        if run < end { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[run..<end])) }
        out.append(0x22)
        return true
    }

    static func appendCSVString(_ text: String, to out: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { appendPlainCSV(UnsafeRawBufferPointer($0), 0..<$0.count, to: &out) }
        if !plain { out.append(contentsOf: CSVRow.field(text).utf8) }
    }

    private static func appendCSVField(_ b: UnsafeRawBufferPointer, _ range: Range<Int>?, to out: inout [UInt8]) {
        guard let range, !range.isEmpty else { return }
        if !appendPlainCSV(b, range, to: &out) {
            out.append(contentsOf: CSVRow.field(RecordDecoding.text(b, range)).utf8)
        }
    }

    private static func appendASCIIMessageCSV(_ b: UnsafeRawBufferPointer, _ range: Range<Int>,
                                              to out: inout [UInt8]) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound && b[end - 1] == 0x0D { end -= 1 }
        return appendPlainCSV(b, range.lowerBound..<end, message: true, to: &out)
    }

    /// ASCII written as `CSVRow.field` writes it (controls but tab and line feed shown as `^X`,
    /// quoted when it holds a comma, a quote or a line break); in a message each CRLF is a line
    /// feed, as decoding makes it. False, with nothing written, for a byte past ASCII.
    private static func appendPlainCSV(_ b: UnsafeRawBufferPointer, _ range: Range<Int>, message: Bool = false,
                                       to out: inout [UInt8]) -> Bool {
        let first = PlainBytes.firstSpecial(b, range, 0x2C, 0x22)
        if first == range.upperBound {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[range]))
            return true
        }
        var quote = false
        for k in first..<range.upperBound {
            let c = b[k]
            if c >= 0x80 { return false }
            if c == 0x2C || c == 0x22 || c == 0x0A { quote = true }
        }
        if quote { out.append(0x22) }
        var k = range.lowerBound
        while k < range.upperBound {
            let next = PlainBytes.firstSpecial(b, k..<range.upperBound, 0x22, 0x22)
            if k < next { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[k..<next])) }
            k = next
            guard k < range.upperBound else { break }
            let c = b[k]
            k += 1
            switch c {
            case 0x22: out.append(0x22); out.append(0x22)
            case 0x09, 0x0A: out.append(c)
            case 0x0D where message && k < range.upperBound && b[k] == 0x0A: break
            case 0x00..<0x20: out.append(UInt8(ascii: "^")); out.append(c + 0x40)
            case 0x7F: out.append(UInt8(ascii: "^")); out.append(UInt8(ascii: "?"))
            default: out.append(c)
            }
        }
        if quote { out.append(0x22) }
        return true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

extension [UInt8] {
    /// A literal's bytes, copied straight from the binary: no string to look into per record.
    @inline(__always)
    mutating func append(static text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

extension LogLevel {
    /// `name` as a literal, for the byte writers.
    var staticName: StaticString {
        switch self {
        case .verbose: "verbose"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }
}

extension LogFormat {
    /// `rawValue` as a literal, for the byte writers.
    var staticName: StaticString {
        switch self {
        case .cmtrace: "cmtrace"
        case .sms: "sms"
        case .plain: "plain"
        case .unparsed: "unparsed"
        }
    }
}
