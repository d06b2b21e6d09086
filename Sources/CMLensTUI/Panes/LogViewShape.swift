import CMLensCore

/// What the Logs pane's columns are sized to: computed with the view, in the background, from the
/// index and a few decoded records, so that the message gets every column the others do not need.
struct LogViewShape: Sendable, Equatable {
    /// Clients with records in the view: the Client column shows only when there is more than one.
    var clients = 0
    /// The longest client and component names of the files in the view.
    var clientWidth = 0
    var componentWidth = 0
    /// The first and last record's day on the log's clock and in UTC (`2011-01-13`): one day shown
    /// needs no date on each line.
    var firstDay = "", lastDay = "", firstDayUTC = "", lastDayUTC = ""
    /// The one UTC offset every file in the view writes (`-05:00`), said once in the header; nil when
    /// they differ or a record has none.
    var offset: String?

    static func of(_ view: [RecordReference], logs: LoadedLogs) -> LogViewShape {
        var shape = LogViewShape()
        guard let first = view.first, let last = view.last else { return shape }
        var clients = Set<String>()
        // A view of millions of records holds few files: mark them in one pass over the references.
        var inView = [Bool](repeating: false, count: logs.files.count)
        for ref in view { inView[Int(ref.file)] = true }
        let shown = inView.indices.filter { inView[$0] }
        var offsets = Set<String>()
        var untimed = false
        for f in shown {
            let file = logs.files[f]
            clients.insert(file.client)
            shape.clientWidth = max(shape.clientWidth, DisplayWidth.of(file.client))
            for name in file.componentNames { shape.componentWidth = max(shape.componentWidth, DisplayWidth.of(name)) }
            // A log's offset can change with daylight saving: its first and last records say both.
            for index in Set([0, file.count - 1]) where file.count > 0 {
                if let time = file.record(at: index).time {
                    offsets.insert(Self.offsetText(time))
                } else {
                    untimed = true
                }
            }
        }
        shape.clients = clients.count
        shape.offset = offsets.count == 1 && !untimed ? offsets.first : nil
        let a = logs[first].time, b = logs[last].time
        shape.firstDay = a.map { String($0.localDisplay.prefix(10)) } ?? ""
        shape.lastDay = b.map { String($0.localDisplay.prefix(10)) } ?? ""
        shape.firstDayUTC = a.map { String($0.utcDisplay.prefix(10)) } ?? ""
        shape.lastDayUTC = b.map { String($0.utcDisplay.prefix(10)) } ?? ""
        return shape
    }

    /// `-05:00`; empty for a time without an offset.
    static func offsetText(_ time: LogTime) -> String {
        guard time.biasMinutes != nil else { return "" }
        return String(time.iso8601.suffix(6))
    }

    /// The day every shown record is on, if there is one.
    func oneDay(utc: Bool) -> String? {
        let (a, b) = utc ? (firstDayUTC, lastDayUTC) : (firstDay, lastDay)
        return !a.isEmpty && a == b ? a : nil
    }

    func oneYear(utc: Bool) -> Bool {
        let (a, b) = utc ? (firstDayUTC, lastDayUTC) : (firstDay, lastDay)
        return !a.isEmpty && a.prefix(4) == b.prefix(4)
    }
}
