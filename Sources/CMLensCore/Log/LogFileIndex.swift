/// A log file read and indexed: where each record is, when, how severe, from which component.
/// Records are decoded from the file's bytes when asked for, so an index holds no message text.
public final class LogFileIndex: Sendable {
    /// The file as the user named it, or as found in a folder.
    public let path: String
    public let client: String
    /// The rotated log this file belongs to (`execmgr.log` for `execmgr.lo_`).
    public let logName: String
    public let encoding: TextEncoding
    /// The file's dominant format (`cmtrace`, `sms` or `plain`).
    public let format: LogFormat
    public let byteCount: Int
    /// What was wrong with the file, with lines, for the user to hear.
    public let problems: [LoadProblem]
    /// Records kept as `unparsed` because they could not be read.
    public let unparsedCount: Int

    let entries: EntryStore
    let components: ComponentTable
    let longRecords: [Int: Int]
    let text: TextSource

    init(path: String, client: String, logName: String, encoding: TextEncoding, format: LogFormat,
         byteCount: Int, problems: [LoadProblem], unparsedCount: Int, entries: EntryStore,
         components: ComponentTable, longRecords: [Int: Int], text: TextSource) {
        self.path = path
        self.client = client
        self.logName = logName
        self.encoding = encoding
        self.format = format
        self.byteCount = byteCount
        self.problems = problems
        self.unparsedCount = unparsedCount
        self.entries = entries
        self.components = components
        self.longRecords = longRecords
        self.text = text
    }

    public var count: Int { entries.count }

    public func level(at index: Int) -> LogLevel { entries[index].level }
    public func line(at index: Int) -> Int { Int(entries[index].line) }
    public func hasTime(at index: Int) -> Bool { entries[index].hasTime }
    /// The UTC instant in 100 ns ticks since 1970 (an untimed record carries the previous one's).
    public func sortTicks(at index: Int) -> Int64 { entries[index].ticks }
    /// The component, from the index; nil only past 65,535 distinct components in one file.
    public func component(at index: Int) -> String? { components.name(entries[index].component) }
    public var componentNames: [String] { components.names }

    /// The whole record, decoded.
    public func record(at index: Int) -> LogRecord {
        let entry = entries[index]
        let length = length(at: index)
        return text.withBytes(offset: entry.offset, length: length) { bytes, loss in
            decode(entry, bytes, lost: bytes.count < length ? loss : nil)
        }
    }

    /// Record `index`'s bytes as the file holds them (a record over 16 MiB keeps its length aside).
    func length(at index: Int) -> Int {
        longRecords.isEmpty ? entries[index].storedLength : longRecords[index] ?? entries[index].storedLength
    }

    /// A record from its entry and its bytes: `record(at:)` and `forEachRecord` decode the same way.
    /// `lost`: why some or all of the record's bytes could not be read back; the record says so
    /// rather than showing an empty or cut message as if the log held it.
    func decode(_ entry: RecordEntry, _ bytes: UnsafeRawBufferPointer, lost: TextLoss? = nil) -> LogRecord {
        var record = RecordDecoding.decode(bytes, format: entry.format, level: entry.level, rawType: entry.flags & (1 << 5) != 0,
                                           client: client, file: path, line: Int(entry.line))
        if let lost { record.message = bytes.isEmpty ? lost.message : record.message + " " + lost.message }
        return record
    }

    /// Every record in file order.
    public var records: [LogRecord] { (0..<count).map(record(at:)) }

    public func count(of level: LogLevel) -> Int {
        var total = 0
        for i in 0..<entries.count where entries[i].level == level { total += 1 }
        return total
    }
}

/// How a log file's bytes were encoded.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
}
