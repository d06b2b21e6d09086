/// Finds the records in a stretch of a log's bytes and indexes them.
///
/// Fed in chunks: `scan` consumes every record that ends inside the buffer and returns where the
/// first incomplete one starts, so the reader can carry it into the next read. A CMTrace record
/// ends at `]LOG]!><…>`, never at a newline; an SMS record at its `$$<…><…><thread=…>` trailer;
/// anything else is a line. Nothing is dropped: what cannot be read becomes an `unparsed` record.
struct RecordScanner {
    /// The file holds CMTrace or SMS records; otherwise every line is a plain record.
    let structured: Bool
    /// The file is an SMS (legacy) log: lines without a trailer belong to the next record.
    let legacy: Bool

    private(set) var entries = EntryStore()
    private(set) var components = ComponentTable()
    private(set) var notes = ScanNotes()
    /// Lengths of records longer than the index entry can hold, by record number.
    private(set) var longRecords: [Int: Int] = [:]

    /// 1-based line number at the scan position.
    private(set) var line = 1
    private var lastTicks = Int64.min
    /// The last date text seen and its day number.
    private var lastDate = DateCache()

    /// A date text of 8 to 16 bytes as its first and last eight bytes (overlapping), and its day number.
    fileprivate struct DateCache {
        var length = -1
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var days: Int64 = 0
    }

    init(structured: Bool, legacy: Bool, firstLine: Int = 1) {
        self.structured = structured
        self.legacy = legacy
        self.line = firstLine
    }

    /// Scans `b`, whose first byte is at `base` in the file's text. Returns how many bytes were consumed.
    mutating func scan(_ b: UnsafeRawBufferPointer, base: Int, final: Bool) -> Int {
        let n = b.count
        var p = 0
        // SMS lines waiting for the trailer that ends their record.
        var pending: (start: Int, line: Int)?
        while p < n {
            let c = b[p]
            if c == Bytes.newline {
                if pending == nil { line += 1; p += 1; continue }
            }
            if structured && pending == nil && (c == Bytes.carriageReturn || c == 0x20 || c == 0x09) {
                p += 1
                continue
            }
            if c == UInt8(ascii: "<") && Bytes.isLogOpen(b, at: p) {
                if let open = pending {
                    flushPending(b, base: base, from: open, to: p)
                    pending = nil
                }
                guard let next = scanCMTrace(b, at: p, base: base, final: final) else { return p }
                p = next
                continue
            }
            // A line (or the rest of one) that is not a CMTrace record.
            let lineEnd: Int
            if let newline = Bytes.find(Bytes.newline, in: b, from: p, to: n) {
                lineEnd = newline
            } else if final {
                lineEnd = n
            } else {
                if let open = pending { line = open.line; return open.start }
                return p
            }
            if structured, let embedded = Bytes.find(Bytes.logOpen, in: b, from: p + 1, to: lineEnd) {
                // Junk, then a record on the same line (a BOM mid-file, a writer killed mid-line).
                // SMS lines still waiting for a trailer end here, before the junk, or they would take it in again.
                if let open = pending {
                    flushPending(b, base: base, from: open, to: p)
                    pending = nil
                }
                if !Self.isBlank(b, p..<embedded) {
                    emitLine(b, base: base, range: p..<embedded, format: .unparsed)
                }
                p = embedded
                continue
            }
            var attributes = CMTraceAttributes()
            if structured, let close = Bytes.find(Bytes.logClose, in: b, from: p, to: lineEnd),
               close + Bytes.logCloseLength < lineEnd, b[close + Bytes.logCloseLength] == UInt8(ascii: "<"),
               case .complete(let end) = CMTraceAttributes.parse(b, start: close + Bytes.logCloseLength, end: lineEnd, into: &attributes) {
                // The writer lost the start of this record (`<![LOG[` and some text); the rest still reads.
                // SMS lines waiting for a trailer end before it: flushed later, they would hold this
                // record a second time (and in pieces, a carry would scan it again; found by FuzzLog).
                if let open = pending {
                    flushPending(b, base: base, from: open, to: p)
                    pending = nil
                }
                notes.damagedStart += 1
                notes.remember(line: line, "record's start is missing (no `<![LOG[`); read from its attributes")
                emitCMTrace(b, base: base, range: p..<end, attributes: attributes)
                p = end
                continue
            }
            if structured, let marker = Bytes.find(Bytes.smsMarker, in: b, from: p, to: lineEnd) {
                let start = pending?.start ?? p
                let startLine = pending?.line ?? line
                switch scanSMSTrailer(b, recordStart: start, marker: marker, base: base, final: final, startLine: startLine) {
                case .record(let next):
                    pending = nil
                    p = next
                    continue
                case .incomplete:
                    line = startLine
                    return start
                case .notATrailer:
                    break
                }
            }
            if Self.isRollover(b, p..<lineEnd) {
                // SMS logs mark their own rotation with a bare ROLLOVER line.
            } else if legacy {
                if pending == nil { pending = (p, line) }
            } else if !Self.isBlank(b, p..<lineEnd) {
                emitLine(b, base: base, range: p..<lineEnd, format: structured ? .unparsed : .plain)
            }
            p = lineEnd + 1
            line += 1
        }
        if let open = pending {
            if final {
                flushPending(b, base: base, from: open, to: n)
            } else {
                line = open.line
                return open.start
            }
        }
        return min(p, n)
    }

    /// Called once the whole file is scanned: gives untimed records at the top the first time seen.
    mutating func finish() {
        entries.shrinkToFit()
        components.compact()
        var firstTimed: Int64?
        for i in 0..<entries.count where entries[i].hasTime {
            firstTimed = entries[i].ticks
            break
        }
        guard let firstTimed else { return }
        var i = 0
        while i < entries.count && !entries[i].hasTime {
            entries[i].ticks = firstTimed
            i += 1
        }
    }

    /// Appends the records of the scanner that read the next stretch of the same file.
    mutating func absorb(_ next: inout RecordScanner) {
        let lineOffset = line - 1
        // Component ids are dense, so the renumbering is an array indexed by the other scanner's id.
        let remap = next.components.names.map { components.id(forName: $0) }
        let firstIndex = entries.count
        var inherited = lastTicks
        var seenTime = false
        entries.drain(&next.entries) { entry in
            entry.line &+= UInt32(truncatingIfNeeded: lineOffset)
            entry.component = Int(entry.component) < remap.count ? remap[Int(entry.component)] : ComponentTable.overflow
            if entry.hasTime { seenTime = true; inherited = entry.ticks } else if !seenTime { entry.ticks = inherited }
        }
        for (index, length) in next.longRecords { longRecords[firstIndex + index] = length }
        var shifted = next.notes
        shifted.examples = shifted.examples.map { ($0.line + lineOffset, $0.message) }
        notes.merge(shifted)
        line = next.line + lineOffset
        if next.lastTicks != Int64.min { lastTicks = next.lastTicks }
    }

    /// Appends the records of a scanner that read a later stretch of the same file, beginning on
    /// `line`: a sparse read skips the stretches between. The stretch must begin with a timed
    /// record unless it follows on from this one, or its first records would take a wrong time.
    mutating func absorb(_ next: inout RecordScanner, startingOnLine line: Int) {
        self.line = line
        absorb(&next)
    }

    /// What a stretch scanned by a sparse read changed, so that it can be taken back: a stretch
    /// that opens on an untimed record is scanned again from further back.
    struct Checkpoint {
        fileprivate let count: Int
        fileprivate let notes: ScanNotes
        fileprivate let lastTicks: Int64
        fileprivate let lastDate: DateCache
    }

    func checkpoint() -> Checkpoint { Checkpoint(count: entries.count, notes: notes, lastTicks: lastTicks, lastDate: lastDate) }

    /// Drops the records scanned since `mark` (component names stay interned; unused ids are harmless).
    mutating func rollback(to mark: Checkpoint) {
        entries.removeLast(entries.count - mark.count)
        if !longRecords.isEmpty { longRecords = longRecords.filter { $0.key < mark.count } }
        notes = mark.notes
        lastTicks = mark.lastTicks
        lastDate = mark.lastDate
    }

    /// The next bytes scanned begin on `line` (a sparse read skips the stretches between).
    mutating func resume(atLine line: Int) { self.line = line }

    /// Whether the first record scanned since `mark` has a time of its own; nil when none was.
    func firstRecordHasTime(since mark: Checkpoint) -> Bool? {
        entries.count > mark.count ? entries[mark.count].hasTime : nil
    }

    /// Whether the first record read has a time of its own; nil when none was read.
    var firstRecordHasTime: Bool? { entries.count > 0 ? entries[0].hasTime : nil }

    // MARK: CMTrace

    /// Scans the record at `p`; nil when the buffer ends before it does (and more is to come).
    private mutating func scanCMTrace(_ b: UnsafeRawBufferPointer, at p: Int, base: Int, final: Bool) -> Int? {
        let n = b.count
        // One pass over the message for both the terminator and the newlines it spans.
        var scan = p + Bytes.logOpenLength
        var messageNewlines = 0
        while true {
            guard let stop = Bytes.findEither(UInt8(ascii: "]"), Bytes.newline, in: b, from: scan, to: n) else {
                guard final else { return nil }
                return cutOff(b, base: base, recordStart: p, at: Self.nextRecordLine(b, after: p) ?? n)
            }
            if b[stop] == Bytes.newline {
                // A line that starts a new record inside this message means this one was cut off.
                if Bytes.isLogOpen(b, at: stop + 1) {
                    return cutOff(b, base: base, recordStart: p, at: stop)
                }
                messageNewlines += 1
                scan = stop + 1
                continue
            }
            let close = stop
            if close + Bytes.logCloseLength + 1 > n && !final { return nil }
            guard Bytes.isLogClose(b, at: close) else {
                scan = close + 1
                continue
            }
            let attributesStart = close + Bytes.logCloseLength
            guard attributesStart < n else {
                return final ? cutOff(b, base: base, recordStart: p, at: n) : nil
            }
            guard b[attributesStart] == UInt8(ascii: "<") else {
                // `]LOG]!>` quoted inside the message: the record goes on.
                scan = close + 1
                continue
            }
            var attributes = CMTraceAttributes()
            switch CMTraceAttributes.parse(b, start: attributesStart, end: n, into: &attributes) {
            case .incomplete:
                guard final else { return nil }
                return cutOff(b, base: base, recordStart: p, at: n)
            case .broken(let at):
                // Resume at a record that starts on the same line; otherwise at the line's end.
                if b[at] == UInt8(ascii: "<") { return cutOff(b, base: base, recordStart: p, at: at) }
                guard let newline = Bytes.find(Bytes.newline, in: b, from: at, to: n) else {
                    // The line goes on past this read: where it ends decides the record.
                    return final ? cutOff(b, base: base, recordStart: p, at: n) : nil
                }
                return cutOff(b, base: base, recordStart: p, at: newline)
            case .complete(let end):
                emitCMTrace(b, base: base, range: p..<end, attributes: attributes)
                // Attribute values hold no newline, so the message's are all there are.
                line += messageNewlines
                return end
            }
        }
    }

    /// The newline before the first line that starts another record after the one at `p`: a record
    /// with no terminator anywhere after it ends there, as it does when a terminator comes later
    /// (and as it must when the file is split at that line for the parallel scan).
    static func nextRecordLine(_ b: UnsafeRawBufferPointer, after p: Int) -> Int? {
        var scan = p + Bytes.logOpen.count
        while let newline = Bytes.find(Bytes.newline, in: b, from: scan, to: b.count) {
            if Bytes.isLogOpen(b, at: newline + 1) { return newline }
            scan = newline + 1
        }
        return nil
    }

    /// A record that never got its terminator: kept as unparsed up to `at` (a newline or the end).
    private mutating func cutOff(_ b: UnsafeRawBufferPointer, base: Int, recordStart: Int, at: Int) -> Int {
        notes.truncated += 1
        notes.remember(line: line, "record cut off before its end (`]LOG]!><…>` missing); kept as unparsed")
        // Cut at the end of the bytes, the record must not keep the line break after it: read whole, the
        // same record is cut at that newline (the next line starts a record), and so it must read alike
        // when the file is split there for the parallel scan.
        var end = at
        while end > recordStart && (b[end - 1] == Bytes.newline || b[end - 1] == Bytes.carriageReturn) { end -= 1 }
        emitLine(b, base: base, range: recordStart..<end, format: .unparsed, countsAsUnparsed: false)
        line += Bytes.countNewlines(in: b, from: recordStart, to: at)
        return at
    }

    private mutating func emitCMTrace(_ b: UnsafeRawBufferPointer, base: Int, range: Range<Int>,
                                      attributes: CMTraceAttributes) {
        let (level, rawType) = Self.level(b, attributes.type)
        let ticks = timeTicks(b, time: attributes.time, date: attributes.date)
        let component = components.id(for: b, attributes.component)
        append(offset: base + range.lowerBound, length: range.count, ticks: ticks, component: component,
               level: level, format: .cmtrace, rawType: rawType)
    }

    private mutating func timeTicks(_ b: UnsafeRawBufferPointer, time: Range<Int>?, date: Range<Int>?) -> Int64? {
        guard let time, let date else {
            notes.missingTime += 1
            return nil
        }
        guard let clock = TimestampParsing.clock(b, time) else {
            notes.badTime += 1
            notes.remember(line: line, "time \"\(TextDecoding.string(b[time]))\" is not a time of day; record kept without a time")
            return nil
        }
        guard let days = days(b, date) else {
            notes.badTime += 1
            notes.remember(line: line, "date \"\(TextDecoding.string(b[date]))\" is not a month-day-year date; record kept without a time")
            return nil
        }
        if clock.biasNote != nil { noteBias(clock.biasNote, b, time) }
        let seconds = days * 86_400 + Int64(clock.secondOfDay) + Int64(clock.bias ?? 0) * 60
        return seconds &* 10_000_000 &+ Int64(clock.nanoseconds / 100)
    }

    /// Days since 1970 of a `M-D-YYYY` date; consecutive records share their date, so the last one is kept.
    private mutating func days(_ b: UnsafeRawBufferPointer, _ date: Range<Int>) -> Int64? {
        let length = date.count
        let cacheable = length >= 8 && length <= 16
        if cacheable && length == lastDate.length && ByteWord.load(b, date.lowerBound) == lastDate.head
            && ByteWord.load(b, date.upperBound - 8) == lastDate.tail {
            return lastDate.days
        }
        guard let (year, month, day) = TimestampParsing.date(b, date), (1...9999).contains(year), (1...12).contains(month),
              (1...CivilCalendar.daysIn(month: month, year: year)).contains(day) else { return nil }
        let days = CivilCalendar.daysFromEpoch(year: year, month: month, day: day)
        if cacheable {
            lastDate = DateCache(length: length, head: ByteWord.load(b, date.lowerBound),
                                 tail: ByteWord.load(b, date.upperBound - 8), days: days)
        }
        return days
    }

    private mutating func noteBias(_ note: TimestampParsing.BiasNote?, _ b: UnsafeRawBufferPointer, _ time: Range<Int>) {
        switch note {
        case .doubleSign?:
            notes.doubleSignBias += 1
            if notes.doubleSignBias == 1 {
                notes.remember(line: line, ScanNotes.doubleSignNote + "\(TextDecoding.string(b[time]))\" has two signs (a script wrote WMI's bias after \"+\"); read with WMI's sign flipped")
            }
        case .outOfRange?:
            notes.outOfRangeBias += 1
            if notes.outOfRangeBias == 1 {
                notes.remember(line: line, ScanNotes.outOfRangeNote + "\(TextDecoding.string(b[time]))\" is beyond ±14 hours; offset treated as unknown")
            }
        case nil:
            break
        }
    }

    static func ticks(_ time: LogTime) -> Int64 {
        time.utcSeconds &* 10_000_000 &+ Int64(time.nanoseconds / 100)
    }

    @inline(__always)
    static func level(_ b: UnsafeRawBufferPointer, _ type: Range<Int>?) -> (LogLevel, Bool) {
        guard let type, !type.isEmpty else { return (.info, false) }
        if type.count == 1, case let d = b[type.lowerBound], d >= 0x30, d <= 0x33 {
            return (LogLevel(rawValue: Int(d - 0x30))!, false)
        }
        return (.info, true)
    }

    // MARK: SMS

    private enum TrailerOutcome { case record(next: Int), incomplete, notATrailer }

    /// `message  $$<Component><MM-DD-YYYY HH:MM:SS.fff+bias><thread=N (0xN)>`, the header possibly
    /// wrapped onto the next line.
    private mutating func scanSMSTrailer(_ b: UnsafeRawBufferPointer, recordStart: Int, marker: Int, base: Int,
                                         final: Bool, startLine: Int) -> TrailerOutcome {
        let n = b.count
        var i = marker + Bytes.smsMarker.count
        guard let componentEnd = Bytes.find(UInt8(ascii: ">"), in: b, from: i, to: n) else {
            return final ? .notATrailer : .incomplete
        }
        let componentRange = i..<componentEnd
        if Bytes.find(Bytes.newline, in: b, from: i, to: componentEnd) != nil { return .notATrailer }
        i = componentEnd + 1
        var wrapped = 0
        while i < n && (b[i] == 0x20 || b[i] == 0x09 || b[i] == Bytes.carriageReturn || b[i] == Bytes.newline) {
            if b[i] == Bytes.newline { wrapped += 1 }
            i += 1
        }
        guard wrapped <= 1 else { return .notATrailer }
        guard i < n else { return final ? .notATrailer : .incomplete }
        guard b[i] == UInt8(ascii: "<") else { return .notATrailer }
        // A line that opens a CMTrace record is that record, not the rest of a wrapped header: a file
        // split for parallel scanning is cut there, and each part must read it the same way (found by FuzzLog).
        if wrapped == 1 && Bytes.isLogOpen(b, at: i) { return .notATrailer }
        // Where the read ends before a `>`, the next read decides: a trailer must not depend on how the bytes arrive.
        guard let timeEnd = Bytes.find(UInt8(ascii: ">"), in: b, from: i + 1, to: n) else {
            return final ? .notATrailer : .incomplete
        }
        let timeRange = (i + 1)..<timeEnd
        i = timeEnd + 1
        guard i + 8 <= n || final else { return .incomplete }
        guard Bytes.hasPrefix(Self.threadOpen, in: b, at: i) else { return .notATrailer }
        guard let threadEnd = Bytes.find(UInt8(ascii: ">"), in: b, from: i, to: n) else {
            return final ? .notATrailer : .incomplete
        }
        var end = threadEnd + 1
        // The rest of the line belongs to this record.
        let lineEnd = Bytes.find(Bytes.newline, in: b, from: end, to: n) ?? n
        if lineEnd == n && !final { return .incomplete }
        let ticks = smsTicks(b, timeRange)
        let component = components.id(for: b, componentRange)
        let level = Self.smsLevel(b, recordStart..<marker)
        append(offset: base + recordStart, length: lineEnd - recordStart, ticks: ticks, component: component,
               level: level, format: .sms, rawType: false)
        end = lineEnd < n ? lineEnd + 1 : n
        line = startLine + Bytes.countNewlines(in: b, from: recordStart, to: end)
        return .record(next: end)
    }

    private mutating func smsTicks(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int64? {
        guard let time = SMSTimestamp.parse(b, range) else {
            notes.badTime += 1
            notes.remember(line: line, "SMS time \"\(TextDecoding.string(b[range]))\" could not be read; record kept without a time")
            return nil
        }
        if let note = time.note { noteBias(note, b, range) }
        return Self.ticks(time.time)
    }

    /// SMS logs carry no severity; CMTrace colours their lines by the words in them, and so do we.
    static func smsLevel(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> LogLevel {
        if Bytes.containsASCIICaseInsensitive("error", in: b, from: range.lowerBound, to: range.upperBound)
            || Bytes.containsASCIICaseInsensitive("fail", in: b, from: range.lowerBound, to: range.upperBound) {
            return .error
        }
        if Bytes.containsASCIICaseInsensitive("warn", in: b, from: range.lowerBound, to: range.upperBound) {
            return .warning
        }
        return .info
    }

    // MARK: Lines

    private mutating func flushPending(_ b: UnsafeRawBufferPointer, base: Int, from open: (start: Int, line: Int), to end: Int) {
        // Continuation lines with no trailer after them: each stays a record of its own.
        var start = open.start
        var lineNumber = open.line
        let savedLine = line
        while start < end {
            let lineEnd = Bytes.find(Bytes.newline, in: b, from: start, to: end) ?? end
            line = lineNumber
            if !Self.isBlank(b, start..<lineEnd) {
                emitLine(b, base: base, range: start..<lineEnd, format: .unparsed)
            }
            start = lineEnd + 1
            lineNumber += 1
        }
        line = max(savedLine, lineNumber)
    }

    private mutating func emitLine(_ b: UnsafeRawBufferPointer, base: Int, range: Range<Int>, format: LogFormat,
                                   countsAsUnparsed: Bool = true) {
        var end = range.upperBound
        while end > range.lowerBound && b[end - 1] == Bytes.carriageReturn { end -= 1 }
        let trimmed = range.lowerBound..<end
        if format == .unparsed && countsAsUnparsed {
            notes.unparsed += 1
            notes.remember(line: line, "not a CMTrace or SMS record; kept as unparsed")
        }
        let level: LogLevel = format == .plain ? Self.smsLevel(b, trimmed) : .info
        append(offset: base + trimmed.lowerBound, length: trimmed.count, ticks: nil,
               component: components.id(for: b, nil), level: level, format: format, rawType: false)
    }

    private mutating func append(offset: Int, length: Int, ticks: Int64?, component: UInt16, level: LogLevel,
                                 format: LogFormat, rawType: Bool) {
        if let ticks { lastTicks = ticks }
        if length > RecordEntry.lengthLimit { longRecords[entries.count] = length }
        entries.append(RecordEntry(offset: offset, length: length, ticks: ticks ?? lastTicks, line: line,
                                   component: component, level: level, hasTime: ticks != nil,
                                   format: format, rawType: rawType))
    }

    static func isBlank(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        for i in range {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == Bytes.carriageReturn || c == Bytes.newline { continue }
            // A UTF-8 byte-order mark between records is not content.
            if c == 0xEF && i + 2 < range.upperBound && b[i + 1] == 0xBB && b[i + 2] == 0xBF { continue }
            if (c == 0xBB || c == 0xBF) && i > range.lowerBound && (b[i - 1] == 0xEF || b[i - 1] == 0xBB) { continue }
            return false
        }
        return true
    }

    private static let threadOpen = Array("<thread=".utf8)
    private static let rollover = Array("ROLLOVER".utf8)

    static func isRollover(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound && (b[end - 1] == Bytes.carriageReturn || b[end - 1] == 0x20) { end -= 1 }
        guard end - range.lowerBound == 8 else { return false }
        return Bytes.hasPrefix(rollover, in: b, at: range.lowerBound)
    }
}

/// What the scanner noticed about a file, to report once per file rather than once per line.
struct ScanNotes: Sendable {
    var unparsed = 0
    var truncated = 0
    var badTime = 0
    var missingTime = 0
    var damagedStart = 0
    var doubleSignBias = 0
    var outOfRangeBias = 0
    /// The first few problems with their lines.
    var examples: [(line: Int, message: String)] = []

    static let exampleLimit = 10

    mutating func remember(line: Int, _ message: String) {
        if examples.count < Self.exampleLimit { examples.append((line, message)) }
    }

    /// The time-zone notes are given once per file, at its first such record (the counts say how many).
    static let doubleSignNote = "time zone in \""
    static let outOfRangeNote = "time zone bias in \""

    mutating func merge(_ other: ScanNotes) {
        // The second part of a split file does not give a time-zone note again when the first part
        // already did, as one pass would not (found by FuzzLog).
        let hadDoubleSign = doubleSignBias > 0, hadOutOfRange = outOfRangeBias > 0
        unparsed += other.unparsed
        truncated += other.truncated
        badTime += other.badTime
        missingTime += other.missingTime
        damagedStart += other.damagedStart
        doubleSignBias += other.doubleSignBias
        outOfRangeBias += other.outOfRangeBias
        for example in other.examples {
            if hadDoubleSign && example.message.hasPrefix(Self.doubleSignNote) { continue }
            if hadOutOfRange && example.message.hasPrefix(Self.outOfRangeNote) { continue }
            remember(line: example.line, example.message)
        }
    }
}
