import CMLensCore

/// How a record's time and level read in a column: the Logs list, a step, an occurrence, a
/// compared cell.
enum TimeText {
    /// `10:15:31.123-05:00` as logged, or `10:15:31.123Z`; the date in front on wide screens.
    static func of(_ time: LogTime?, utc: Bool, withDate: Bool) -> String {
        guard let time else { return "" }
        let stamp = utc ? time.utcDisplay : time.localDisplay
        let shown = withDate ? stamp : String(stamp.suffix(12))
        if utc { return shown + "Z" }
        guard time.biasMinutes != nil else { return shown }
        return shown + String(time.iso8601.suffix(6))
    }

    /// `ERR`, `WRN`, `INF`, `VRB`: a level in three letters (the Logs list shows the first).
    static func level(_ level: LogLevel) -> String {
        switch level {
        case .error: "ERR"
        case .warning: "WRN"
        case .info: "INF"
        case .verbose: "VRB"
        }
    }

    /// `ERR`, `WRN`, `INF`: a finding's severity in the same three letters as a log line's level.
    static func severity(_ severity: DiagnosticSeverity) -> String {
        switch severity {
        case .error: "ERR"
        case .warning: "WRN"
        case .info: "INF"
        }
    }
}
