/// One record in a file's index: 24 bytes, so a gigabyte of log (≈4.5 million records) indexes in
/// about 100 MiB. Everything else about the record is read again from its bytes when shown.
struct RecordEntry: Sendable {
    /// Byte offset (low 40 bits) and byte length (high 24 bits) of the record in the file's text.
    var offsetAndLength: UInt64
    /// The sort key: UTC instant in 100 ns ticks since 1970, or the previous record's when untimed.
    var ticks: Int64
    /// 1-based physical line where the record starts.
    var line: UInt32
    /// Index into the file's component table.
    var component: UInt16
    /// Level (bits 0-1), has-time (bit 2), format (bits 3-4), raw type kept (bit 5).
    var flags: UInt8

    static let lengthLimit = (1 << 24) - 1

    init(offset: Int, length: Int, ticks: Int64, line: Int, component: UInt16,
         level: LogLevel, hasTime: Bool, format: LogFormat, rawType: Bool) {
        // A record longer than 16 MiB stores the limit; its true length is kept aside by the index.
        let storedLength = UInt64(min(length, Self.lengthLimit))
        offsetAndLength = UInt64(offset) & 0xFF_FFFF_FFFF | storedLength << 40
        self.ticks = ticks
        self.line = UInt32(truncatingIfNeeded: line)
        self.component = component
        var bits = UInt8(level.rawValue)
        if hasTime { bits |= 1 << 2 }
        bits |= UInt8(Self.formatCode(format)) << 3
        if rawType { bits |= 1 << 5 }
        flags = bits
    }

    var offset: Int { Int(offsetAndLength & 0xFF_FFFF_FFFF) }
    var storedLength: Int { Int(offsetAndLength >> 40) }
    var level: LogLevel { LogLevel(rawValue: Int(flags & 3))! }
    var hasTime: Bool { flags & (1 << 2) != 0 }
    var format: LogFormat { Self.formats[Int(flags >> 3 & 3)] }

    private static let formats: [LogFormat] = [.cmtrace, .sms, .plain, .unparsed]
    private static func formatCode(_ format: LogFormat) -> Int {
        switch format {
        case .cmtrace: 0
        case .sms: 1
        case .plain: 2
        case .unparsed: 3
        }
    }
}
