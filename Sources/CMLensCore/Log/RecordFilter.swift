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
        var out: [RecordReference] = []
        try select(from: logs) { out += $0 }
        return out
    }

    /// The same records handed over a block at a time, in order: the whole order of a gigabyte log
    /// is never held.
    public func select(from logs: LoadedLogs, block: Int = 1 << 15, _ body: ([RecordReference]) -> Void) throws(PatternError) {
        let pattern = try grep.map { text throws(PatternError) in try TextPattern(text) }
        var indexed = self
        indexed.grep = nil
        LogFilter.Compiled(indexed: indexed, exactLevel: nil, threads: [], files: [], include: pattern.map { [$0] } ?? [],
                           exclude: []).select(from: logs, block: block, body)
    }

    /// The latest timed record of the logs (by instant): what relative bounds count from.
    public static func lastTime(of logs: LoadedLogs) -> LogTime? {
        var best: (ticks: Int64, file: Int, index: Int)?
        for (f, file) in logs.files.enumerated() {
            var i = file.count - 1
            while i >= 0 && !file.hasTime(at: i) { i -= 1 }
            guard i >= 0 else { continue }
            let ticks = file.sortTicks(at: i)
            if best == nil || ticks > best!.ticks { best = (ticks, f, i) }
        }
        return best.flatMap { logs.files[$0.file].record(at: $0.index).time }
    }
}

/// A `--since`/`--until` bound. With an offset (`Z`, `+01:00`) it is an instant; without one it is
/// read on each log's own clock, the way the administrator reads the log.
public struct TimeBound: Sendable, Equatable {
    public var isAbsolute: Bool
    /// UTC ticks (100 ns) when absolute; the wall clock counted as if it were UTC otherwise.
    public var ticks: Int64
    /// A bound that is not a time until it is put beside one (`resolved(anchor:)`): these logs are
    /// rarely from today, so `-2h` counts back from the last record, `10:00` is on its day.
    public var pending: Pending?

    public enum Pending: Sendable, Equatable {
        /// `-30m`, `+2h`, `-1d`, `-90s`: this many seconds from the anchor.
        case offset(seconds: Int64)
        /// `10:15`, `10:15:31.5`: this time of day (100 ns ticks since midnight) on the anchor's day.
        case timeOfDay(ticks: Int64)
    }

    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace
        guard let parsed = Self.parse(trimmed) ?? Self.parsePending(trimmed) else {
            throw UsageError("time \"\(text)\" not understood; use 2011-01-14, 2011-01-14T10:15, 2011-01-14 10:15:31 (an offset such as Z or -05:00 makes it an instant), 10:15 on the last record's day, or -30m / -2h / -1d from the last record")
        }
        self = parsed
    }

    init(isAbsolute: Bool, ticks: Int64) {
        self.isAbsolute = isAbsolute
        self.ticks = ticks
    }

    /// The bound as a time: an offset from `anchor` is an instant; a time of day is on the anchor's
    /// wall clock. A bound that was a time already is returned as it is; without an anchor (no
    /// record has a time) a pending bound admits everything.
    public func resolved(anchor: LogTime?) -> TimeBound? {
        guard let pending else { return self }
        guard let anchor else { return nil }
        switch pending {
        case .offset(let seconds):
            return TimeBound(isAbsolute: true, ticks: RecordScanner.ticks(anchor) + seconds * 10_000_000)
        case .timeOfDay(let ticks):
            let midnight = anchor.localSeconds.floorDivided(by: 86_400).quotient * 86_400
            return TimeBound(isAbsolute: false, ticks: midnight * 10_000_000 + ticks)
        }
    }

    private static func parsePending(_ text: String) -> TimeBound? {
        if let m = text.wholeMatch(of: #/^([+-])(\d{1,6})\s*([smhd])$/#) {
            let unit: Int64 = switch m.3 { case "s": 1; case "m": 60; case "h": 3600; default: 86_400 }
            let seconds = Int64(m.2)! * unit * (m.1 == "-" ? -1 : 1)
            return TimeBound(isAbsolute: true, ticks: 0, pending: .offset(seconds: seconds))
        }
        if let m = text.wholeMatch(of: #/^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/#) {
            guard let h = Int64(m.1), h < 24, let mi = Int64(m.2), mi < 60 else { return nil }
            let s = m.3.flatMap { Int64($0) } ?? 0
            guard s < 60 else { return nil }
            let fraction = m.4.map { Int64($0 + String(repeating: "0", count: 7 - $0.count))! } ?? 0
            return TimeBound(isAbsolute: false, ticks: 0, pending: .timeOfDay(ticks: ((h * 60 + mi) * 60 + s) * 10_000_000 + fraction))
        }
        return nil
    }

    private init(isAbsolute: Bool, ticks: Int64, pending: Pending?) {
        self.isAbsolute = isAbsolute
        self.ticks = ticks
        self.pending = pending
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
