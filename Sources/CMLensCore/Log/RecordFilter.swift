import Foundation

/// Which records to show: the flags of `cmlens log`, and the console's filter.
public struct RecordFilter: Sendable {
    /// This level and worse.
    public var minimumLevel: LogLevel?
    /// Component names, case-insensitive; empty means all.
    public var components: Set<String> = []
    public var since: TimeBound?
    public var until: TimeBound?
    /// A regular expression searched in the message.
    public var grep: String?

    public init(minimumLevel: LogLevel? = nil, components: Set<String> = [], since: TimeBound? = nil,
                until: TimeBound? = nil, grep: String? = nil) {
        self.minimumLevel = minimumLevel
        self.components = Set(components.map { $0.lowercased() })
        self.since = since
        self.until = until
        self.grep = grep
    }

    /// The checks the index can answer without decoding the record.
    public func admitsIndexed(_ file: LogFileIndex, _ index: Int) -> Bool {
        if let minimumLevel, file.level(at: index) < minimumLevel { return false }
        if !components.isEmpty {
            guard let name = file.component(at: index) ?? Optional(file.record(at: index).component),
                  components.contains(name.lowercased()) else { return false }
        }
        if let since, since.isAbsolute, file.hasTime(at: index), file.sortTicks(at: index) < since.ticks { return false }
        if let until, until.isAbsolute, file.hasTime(at: index), file.sortTicks(at: index) > until.ticks { return false }
        if (since != nil || until != nil) && !file.hasTime(at: index) { return false }
        return true
    }

    /// The checks that need the decoded record: bounds read on each log's own clock. The text of
    /// `grep` is matched by `RecordSearch` on the file's bytes, not here.
    public func admitsDecoded(_ record: LogRecord) -> Bool {
        if let since, !since.isAbsolute, let time = record.time, !since.admits(time, asUpperBound: false) { return false }
        if let until, !until.isAbsolute, let time = record.time, !until.admits(time, asUpperBound: true) { return false }
        return true
    }

    public var needsDecoding: Bool {
        (since.map { !$0.isAbsolute } ?? false) || (until.map { !$0.isAbsolute } ?? false)
    }

    /// The records this filter admits, merged in time order: the index answers level, component and
    /// absolute times; `grep` is one pass of the search engine over every file's bytes.
    public func select(from logs: LoadedLogs) throws(PatternError) -> [RecordReference] {
        let pattern = try grep.map { text throws(PatternError) in try TextPattern(text) }
        let matched = pattern.flatMap { RecordSearch.run($0, in: logs, files: Array(logs.files.indices)) }
        let order = LogMerge.merged(logs) { f, file, i in
            admitsIndexed(file, i) && (matched?[f]?.contains(i) ?? (pattern == nil))
        }
        guard needsDecoding else { return order }
        return order.filter { admitsDecoded(logs[$0]) }
    }
}

/// A `--since`/`--until` bound. With an offset (`Z`, `+01:00`) it is an instant; without one it is
/// read on each log's own clock, the way the administrator reads the log.
public struct TimeBound: Sendable, Equatable {
    public var isAbsolute: Bool
    /// UTC ticks (100 ns) when absolute; the wall clock counted as if it were UTC otherwise.
    public var ticks: Int64

    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace
        guard let parsed = Self.parse(trimmed) else {
            throw UsageError("time \"\(text)\" not understood; use 2011-01-14, 2011-01-14T10:15, 2011-01-14 10:15:31 or add an offset such as Z or -05:00")
        }
        self = parsed
    }

    init(isAbsolute: Bool, ticks: Int64) {
        self.isAbsolute = isAbsolute
        self.ticks = ticks
    }

    func admits(_ time: LogTime, asUpperBound: Bool) -> Bool {
        let local = time.localSeconds * 10_000_000 + Int64(time.nanoseconds / 100)
        return asUpperBound ? local <= ticks : local >= ticks
    }

    private static func parse(_ text: String) -> TimeBound? {
        let pattern = #/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/#
        guard let m = text.wholeMatch(of: pattern) else { return nil }
        let hour = m.4.flatMap { Int($0) } ?? 0, minute = m.5.flatMap { Int($0) } ?? 0
        let second = m.6.flatMap { Int($0) } ?? 0
        var nanos: Int32 = 0
        if let fraction = m.7 { nanos = Int32((fraction + String(repeating: "0", count: 9 - fraction.count)))! }
        var bias: Int?
        if let zone = m.8 {
            if zone == "Z" { bias = 0 } else {
                let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
                let minutes = Int(digits.prefix(2))! * 60 + Int(digits.suffix(2))!
                bias = zone.hasPrefix("-") ? minutes : -minutes
            }
        }
        guard let time = LogTime(year: Int(m.1)!, month: Int(m.2)!, day: Int(m.3)!, hour: hour, minute: minute,
                                 second: second, nanoseconds: nanos, biasMinutes: bias) else { return nil }
        if bias != nil { return TimeBound(isAbsolute: true, ticks: RecordScanner.ticks(time)) }
        return TimeBound(isAbsolute: false, ticks: time.localSeconds * 10_000_000 + Int64(nanos / 100))
    }
}
