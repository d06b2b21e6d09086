extension LogTime {
    /// The same clock `seconds` later, with the same bias (a prediction is shown on the log's clock).
    /// Held at the ends of the clock rather than trapping: a policy read from a damaged file must
    /// not end cmlens.
    public func adding(seconds: Int) -> LogTime {
        let (sum, overflow) = localSeconds.addingReportingOverflow(Int64(clamping: seconds))
        let held = overflow ? (seconds < 0 ? Int64.min : Int64.max) : sum
        return LogTime(localSeconds: held, nanoseconds: nanoseconds, biasMinutes: biasMinutes)
    }

    /// Seconds from `earlier` to this time, as instants (UTC = local + bias), so a gap across a
    /// change of bias (daylight saving, or two clients' logs) is still right.
    public func seconds(since earlier: LogTime) -> Double {
        Double(utcSeconds - earlier.utcSeconds) + Double(nanoseconds - earlier.nanoseconds) / 1e9
    }

    /// `2011-01-14 10:15:31.123-05:00` (or without the offset when the log gave none).
    public var displayWithOffset: String {
        guard let offset = utcOffsetMinutes else { return localDisplay }
        return localDisplay + (offset < 0 ? "-" : "+") + LogTime.pad(abs(offset) / 60, 2) + ":" + LogTime.pad(abs(offset) % 60, 2)
    }
}

/// Durations in the words the seed uses: `15 min 1 s`, `10 min`, `2 h 5 min`.
public enum DurationText {
    public static func of(seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let sign = total < 0 ? "-" : ""
        var rest = abs(total)
        let days = rest / 86_400; rest %= 86_400
        let hours = rest / 3600; rest %= 3600
        let minutes = rest / 60
        let secs = rest % 60
        var parts: [String] = []
        if days > 0 { parts.append("\(days) d") }
        if hours > 0 { parts.append("\(hours) h") }
        if minutes > 0 { parts.append("\(minutes) min") }
        if secs > 0 || parts.isEmpty { parts.append("\(secs) s") }
        return sign + parts.joined(separator: " ")
    }
}
