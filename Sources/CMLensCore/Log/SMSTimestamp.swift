/// The time in an SMS/ConfigMgr 2007 trailer: `MM-DD-YYYY HH:MM:SS.fff+bias`, or SMS 2.0's
/// `Ddd Mon DD HH:MM:SS.fff YYYY Zone Name`.
enum SMSTimestamp {
    struct Reading {
        var time: LogTime
        var note: TimestampParsing.BiasNote?
    }

    static func parse(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> Reading? {
        guard let space = Bytes.find(0x20, in: b, from: range.lowerBound, to: range.upperBound) else { return nil }
        if let (year, month, day) = TimestampParsing.date(b, range.lowerBound..<space),
           let clock = TimestampParsing.clock(b, (space + 1)..<range.upperBound) {
            return make(year, month, day, clock.secondOfDay, clock.nanoseconds, clock.bias).map {
                Reading(time: $0, note: clock.biasNote)
            }
        }
        return parseSMS2(TextDecoding.string(b[range]))
    }

    /// `Fri Mar 26 10:43:41.547 1999 Eastern Standard Time`
    private static func parseSMS2(_ text: String) -> Reading? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 5,
              let month = TimestampParsing.monthNames.firstIndex(of: words[1].lowercased()),
              let day = Int(words[2]), let year = Int(words[4]) else { return nil }
        let clockText = Array(words[3].utf8)
        let clock = clockText.withUnsafeBytes { TimestampParsing.clock($0, 0..<clockText.count) }
        guard let clock else { return nil }
        let zone = words.dropFirst(5).joined(separator: " ").lowercased()
        let bias = TimestampParsing.zoneBiases[zone]
        return make(year, month + 1, day, clock.secondOfDay, clock.nanoseconds, bias).map {
            Reading(time: $0, note: nil)
        }
    }

    private static func make(_ year: Int, _ month: Int, _ day: Int, _ secondOfDay: Int, _ nanos: Int32,
                             _ bias: Int?) -> LogTime? {
        LogTime(year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60,
                second: secondOfDay % 60, nanoseconds: nanos, biasMinutes: bias)
    }
}
