import Foundation

/// A time as a ConfigMgr log writes it: the local wall clock plus, when the writer gave one,
/// the Windows time-zone bias.
///
/// The bias follows the Windows convention, **UTC = local + bias** (minutes): `+300` is US
/// Eastern standard time (UTC−05:00), `-060` is UTC+01:00. That is the opposite sign of ISO 8601.
public struct LogTime: Sendable, Hashable {
    /// The wall clock as written, counted in seconds since 1970-01-01 00:00 *of that clock*.
    public var localSeconds: Int64
    /// Fraction of the second, 0..<1_000_000_000.
    public var nanoseconds: Int32
    /// The bias in 32 bits, `Int32.min` for none: an optional Int would make every time (and every
    /// structure holding one, millions on a big workspace) 8 bytes bigger.
    private var storedBias: Int32

    /// Windows bias in minutes (UTC = local + bias), or nil when the log says nothing. Readers
    /// accept ±840 (14 hours); a value beyond 32 bits is held at the nearest one that fits.
    public var biasMinutes: Int? {
        get { storedBias == .min ? nil : Int(storedBias) }
        set { storedBias = newValue.map { Int32(clamping: max($0, -Int(Int32.max))) } ?? .min }
    }

    public init(localSeconds: Int64, nanoseconds: Int32 = 0, biasMinutes: Int?) {
        self.localSeconds = localSeconds
        self.nanoseconds = nanoseconds
        self.storedBias = .min
        self.biasMinutes = biasMinutes
    }

    /// Builds a time from calendar fields; nil when a field is out of range (a 13th month, a 31 February).
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                 nanoseconds: Int32 = 0, biasMinutes: Int?) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilCalendar.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = CivilCalendar.daysFromEpoch(year: year, month: month, day: day)
        self.localSeconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.nanoseconds = nanoseconds
        self.storedBias = .min
        self.biasMinutes = biasMinutes
    }

    /// Offset from UTC in the ISO 8601 sense (east positive), when known.
    public var utcOffsetMinutes: Int? { biasMinutes.map { -$0 } }

    /// Seconds since the Unix epoch in UTC. A time without a bias is taken as UTC, which is the
    /// only neutral choice when merging it with logs that carry one.
    public var utcSeconds: Int64 { localSeconds + Int64(biasMinutes ?? 0) * 60 }

    /// The instant, as a single sortable number of nanoseconds since the epoch.
    public var utcNanoseconds: Int64 { utcSeconds &* 1_000_000_000 &+ Int64(nanoseconds) }

    public var date: Date {
        Date(timeIntervalSince1970: Double(utcSeconds) + Double(nanoseconds) / 1e9)
    }

    /// Local time with its offset, e.g. `2011-01-14T10:15:31.123-05:00`; no offset when unknown.
    public var iso8601: String {
        let text = Self.stamp(localSeconds, nanoseconds, separator: "T")
        guard let offset = utcOffsetMinutes else { return text }
        let sign = offset < 0 ? "-" : "+"
        return text + sign + Self.pad(abs(offset) / 60, 2) + ":" + Self.pad(abs(offset) % 60, 2)
    }

    /// `iso8601`'s bytes appended to `out`, for writers that make no string per record. Written
    /// into a small buffer and appended once: a byte at a time, the array's checks cost more than
    /// the digits.
    func appendISO8601(to out: inout [UInt8]) {
        let (days, secondOfDay) = localSeconds.floorDivided(by: 86_400)
        let (y, m, d) = CivilCalendar.civil(fromDaysSinceEpoch: days)
        guard (0...9999).contains(y), abs(utcOffsetMinutes ?? 0) < 100 * 60 else {
            out.append(contentsOf: iso8601.utf8)
            return
        }
        // `2011-01-14T10:15:31.123-05:00`: 29 bytes at most.
        var stamp: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &stamp) { p -> Int in
            var i = 0
            func put(_ c: UInt8) { p[i] = c; i += 1 }
            func two(_ value: Int) {
                put(UInt8(truncatingIfNeeded: 0x30 + value / 10))
                put(UInt8(truncatingIfNeeded: 0x30 + value % 10))
            }
            two(y / 100); two(y % 100); put(0x2D)
            two(m); put(0x2D)
            two(d); put(0x54)
            two(Int(secondOfDay / 3600)); put(0x3A)
            two(Int(secondOfDay % 3600 / 60)); put(0x3A)
            two(Int(secondOfDay % 60)); put(0x2E)
            let milliseconds = Int(nanoseconds / 1_000_000)
            put(UInt8(truncatingIfNeeded: 0x30 + milliseconds / 100)); two(milliseconds % 100)
            if let offset = utcOffsetMinutes {
                put(offset < 0 ? 0x2D : 0x2B)
                two(abs(offset) / 60); put(0x3A); two(abs(offset) % 60)
            }
            return i
        }
        withUnsafeBytes(of: &stamp) { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The same instant in UTC, e.g. `2011-01-14T15:15:31.123Z`.
    public var iso8601UTC: String { Self.stamp(utcSeconds, nanoseconds, separator: "T") + "Z" }

    /// `2011-01-14 10:15:31.123` as the log's own clock shows it, for compact display.
    public var localDisplay: String { Self.stamp(localSeconds, nanoseconds, separator: " ") }

    /// `2011-01-14 15:15:31.123` in UTC, for compact display.
    public var utcDisplay: String { Self.stamp(utcSeconds, nanoseconds, separator: " ") }

    static func stamp(_ seconds: Int64, _ nanoseconds: Int32, separator: String) -> String {
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let (y, m, d) = CivilCalendar.civil(fromDaysSinceEpoch: days)
        let h = Int(secondOfDay / 3600), mi = Int(secondOfDay % 3600 / 60), s = Int(secondOfDay % 60)
        // Digits written into a fixed buffer: this runs once per record printed.
        var out = [UInt8](repeating: 0x30, count: 23)
        func put(_ value: Int, at position: Int, width: Int) {
            var v = value
            for k in stride(from: position + width - 1, through: position, by: -1) {
                out[k] = UInt8(0x30 + v % 10)
                v /= 10
            }
        }
        guard (0...9999).contains(y) else {
            return "\(y)-\(pad(m, 2))-\(pad(d, 2))\(separator)\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(Int(nanoseconds / 1_000_000), 3))"
        }
        put(y, at: 0, width: 4); out[4] = 0x2D
        put(m, at: 5, width: 2); out[7] = 0x2D
        put(d, at: 8, width: 2); out[10] = separator.utf8.first ?? 0x54
        put(h, at: 11, width: 2); out[13] = 0x3A
        put(mi, at: 14, width: 2); out[16] = 0x3A
        put(s, at: 17, width: 2); out[19] = 0x2E
        put(Int(nanoseconds / 1_000_000), at: 20, width: 3)
        return String(decoding: out, as: UTF8.self)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var q = self / divisor, r = self % divisor
        if r < 0 { q -= 1; r += divisor }
        return (q, r)
    }
}

/// Proleptic Gregorian arithmetic without Calendar: hot in the parser, and time-zone free.
enum CivilCalendar {
    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDaysSinceEpoch days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }
}
