/// Turns one indexed record's bytes back into a full `LogRecord`. The scanner keeps only what
/// sorting and filtering need; everything else is read here, when a record is shown.
enum RecordDecoding {
    static func decode(_ b: UnsafeRawBufferPointer, format: LogFormat, level: LogLevel, rawType: Bool,
                       client: String, file: String, line: Int) -> LogRecord {
        switch format {
        case .cmtrace:
            if let record = cmtrace(b, client: client, file: file, line: line) { return record }
        case .sms:
            if let record = sms(b, level: level, client: client, file: file, line: line) { return record }
        case .plain, .unparsed:
            break
        }
        return LogRecord(client: client, file: file, line: line, time: nil, level: level, component: "",
                         thread: "", source: "", format: format == .plain ? .plain : .unparsed,
                         message: TextDecoding.message(b, 0..<b.count))
    }

    private static func cmtrace(_ b: UnsafeRawBufferPointer, client: String, file: String, line: Int) -> LogRecord? {
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
            return LogRecord(
                client: client, file: file, line: line, time: time(b, a.time, a.date), level: level,
                rawType: rawType ? text(b, a.type) : nil, component: text(b, a.component),
                context: text(b, a.context), thread: text(b, a.thread), source: text(b, a.file),
                format: .cmtrace, message: TextDecoding.message(b, messageStart..<close))
        }
        return nil
    }

    private static func sms(_ b: UnsafeRawBufferPointer, level: LogLevel, client: String, file: String,
                            line: Int) -> LogRecord? {
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
        let time = SMSTimestamp.parse(b, (timeStart + 1)..<timeEnd)?.time
        return LogRecord(
            client: client, file: file, line: line, time: time, level: level,
            component: text(b, (marker + 3)..<componentEnd), thread: text(b, threadStart..<threadValueEnd),
            source: "", format: .sms, message: TextDecoding.message(b, messageStart..<messageEnd))
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

    private static func text(_ b: UnsafeRawBufferPointer, _ range: Range<Int>?) -> String {
        guard let range, !range.isEmpty else { return "" }
        return TextDecoding.string(UnsafeRawBufferPointer(rebasing: b[range]))
    }
}
