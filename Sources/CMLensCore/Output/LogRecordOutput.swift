import Foundation

/// `cmlens log`'s three output forms for a record. JSON field names are a documented contract.
public enum LogRecordOutput {
    public static let csvHeader = ["client", "file", "line", "time", "level", "component", "thread", "source",
                                   "format", "message"]

    private static let levelLabels = ["VERBOSE", "INFO   ", "WARNING", "ERROR  "]

    public static func json(_ r: LogRecord) -> String {
        var o = JSONLine()
        o.add("client", r.client)
        o.add("file", r.file)
        o.add("line", r.line)
        o.add("time", r.time?.iso8601)
        o.add("level", r.level.name)
        o.add("component", r.component)
        o.add("thread", r.thread)
        o.add("source", r.source)
        o.add("format", r.format.rawValue)
        o.add("message", r.message)
        if let rawType = r.rawType { o.add("type", rawType) }
        return o.rendered
    }

    public static func csv(_ r: LogRecord) -> String {
        CSVRow.render([r.client, r.file, String(r.line), r.time?.iso8601 ?? "", r.level.name, r.component,
                       r.thread, r.source, r.format.rawValue, r.message])
    }

    /// `2011-01-14 10:15:31.123-05:00 ERROR   CLIENT1 execmgr  message` — first line of the message.
    public static func text(_ r: LogRecord) -> StyledText {
        let time: String
        if let t = r.time {
            let offset = t.utcOffsetMinutes.map { m in
                (m < 0 ? "-" : "+") + LogTime.pad(abs(m) / 60, 2) + ":" + LogTime.pad(abs(m) % 60, 2)
            } ?? "      "
            time = t.localDisplay + offset
        } else {
            time = String(repeating: " ", count: 29)
        }
        let level = Self.levelLabels[r.level.rawValue]
        let more = r.isMultiLine ? " …" : ""
        let message = TerminalText.escape(String(r.firstLine))
        var line = StyledText(time, .dim)
        line.append(" ")
        line.append(level, Meaning(r.level))
        line.append(" " + TerminalText.escape(r.client) + " ")
        line.append(TerminalText.escape(r.component.isEmpty ? "-" : r.component), .component)
        line.append(" " + message + more)
        return line
    }
}
