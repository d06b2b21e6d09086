/// Turns one indexed record's bytes back into a full `LogRecord`. The scanner keeps only what
/// sorting and filtering need; everything else is read here, when a record is shown.
enum RecordDecoding {
    static func decode(_ b: UnsafeRawBufferPointer, format: LogFormat, level: LogLevel, rawType: Bool,
                       client: String, file: String, line: Int) -> LogRecord {
        let f = fields(b, format: format, level: level)
        return LogRecord(
            client: client, file: file, line: line, time: f.time, level: f.level, rawType: f.rawType.map { text(b, $0) },
            component: text(b, f.component), context: text(b, f.context), thread: text(b, f.thread),
            source: text(b, f.source), format: f.format, message: TextDecoding.message(b, f.message))
    }

    /// Where the record's fields lie in `b`; a record that cannot be read whole is its bytes as the
    /// message (`plain`, or `unparsed` when it looked structured).
    static func fields(_ b: UnsafeRawBufferPointer, format: LogFormat, level: LogLevel) -> RecordFields {
        switch format {
        case .cmtrace:
            if let fields = cmtrace(b) { return fields }
        case .sms:
            if let fields = sms(b, level: level) { return fields }
        case .plain, .unparsed:
            break
        }
        return RecordFields(format: format == .plain ? .plain : .unparsed, level: level, message: 0..<b.count)
    }

    private static func cmtrace(_ b: UnsafeRawBufferPointer) -> RecordFields? {
        let n = b.count
        // A record whose start the writer lost has no `<![LOG[`: its message starts at once.
        let messageStart = Bytes.isLogOpen(b, at: 0) ? Bytes.logOpenLength : 0
        var search = messageStart
        while let close = Bytes.find(Bytes.logClose, in: b, from: search, to: n) {
            let attributesStart = close + Bytes.logCloseLength
            guard attributesStart < n, b[attributesStart] == UInt8(ascii: "<") else {
                search = close + 1
                continue
            }
            var a = CMTraceAttributes()
            guard case .complete = CMTraceAttributes.parse(b, start: attributesStart, end: n, into: &a) else { return nil }
            let (level, rawType) = RecordScanner.level(b, a.type)
            var fields = RecordFields(format: .cmtrace, level: level, message: messageStart..<close)
            fields.time = time(b, a.time, a.date)
            // An unreadable type is kept as written, even when the attribute is empty.
            fields.rawType = rawType ? a.type ?? 0..<0 : nil
            fields.component = a.component
            fields.context = a.context
            fields.thread = a.thread
            fields.source = a.file
            return fields
        }
        return nil
    }

    private static func sms(_ b: UnsafeRawBufferPointer, level: LogLevel) -> RecordFields? {
        let n = b.count
        guard let marker = lastMarker(b),
              let componentEnd = Bytes.find(UInt8(ascii: ">"), in: b, from: marker + 3, to: n),
              let timeStart = Bytes.find(UInt8(ascii: "<"), in: b, from: componentEnd + 1, to: n),
              let timeEnd = Bytes.find(UInt8(ascii: ">"), in: b, from: timeStart + 1, to: n),
              let threadEnd = Bytes.find(UInt8(ascii: ">"), in: b, from: timeEnd + 1, to: n) else { return nil }
        var messageEnd = marker
        while messageEnd > 0 && (b[messageEnd - 1] == 0x20 || b[messageEnd - 1] == 0x09) { messageEnd -= 1 }
        var messageStart = 0
        if messageStart < messageEnd && b[messageStart] == UInt8(ascii: "~") { messageStart += 1 }
        // `<thread=2484 (0x9B4)>` → "2484"
        var threadStart = timeEnd + 1 + "<thread=".utf8.count
        threadStart = min(threadStart, threadEnd)
        var threadValueEnd = threadStart
        while threadValueEnd < threadEnd && b[threadValueEnd] != 0x20 { threadValueEnd += 1 }
        var fields = RecordFields(format: .sms, level: level, message: messageStart..<messageEnd)
        fields.time = SMSTimestamp.parse(b, (timeStart + 1)..<timeEnd)?.time
        fields.component = (marker + 3)..<componentEnd
        fields.thread = threadStart..<threadValueEnd
        return fields
    }

    /// The record's own trailer is the last `$$<` before the end (a message may quote another).
    private static func lastMarker(_ b: UnsafeRawBufferPointer) -> Int? {
        var found: Int?
        var from = 0
        while let hit = Bytes.find(Bytes.smsMarker, in: b, from: from, to: b.count) {
            found = hit
            from = hit + 1
        }
        return found
    }

    static func time(_ b: UnsafeRawBufferPointer, _ time: Range<Int>?, _ date: Range<Int>?) -> LogTime? {
        guard let time, let date, let clock = TimestampParsing.clock(b, time),
              let (year, month, day) = TimestampParsing.date(b, date) else { return nil }
        return LogTime(year: year, month: month, day: day, hour: clock.secondOfDay / 3600,
                       minute: clock.secondOfDay % 3600 / 60, second: clock.secondOfDay % 60,
                       nanoseconds: clock.nanoseconds, biasMinutes: clock.bias)
    }

    static func text(_ b: UnsafeRawBufferPointer, _ range: Range<Int>?) -> String {
        guard let range, !range.isEmpty else { return "" }
        return TextDecoding.string(UnsafeRawBufferPointer(rebasing: b[range]))
    }
}

/// One record's fields as places in its bytes, read once: decoded into a `LogRecord` for the
/// console, or written straight out by `cmlens log` without making a string per field.
struct RecordFields {
    var format: LogFormat
    var level: LogLevel
    var time: LogTime?
    /// The `type` attribute as written, when it was not one of 0…3.
    var rawType: Range<Int>?
    var component: Range<Int>?
    var context: Range<Int>?
    var thread: Range<Int>?
    var source: Range<Int>?
    /// Before CRLFs are made LFs (`TextDecoding.message`).
    var message: Range<Int>

    init(format: LogFormat, level: LogLevel, message: Range<Int>) {
        self.format = format
        self.level = level
        self.message = message
    }
}
