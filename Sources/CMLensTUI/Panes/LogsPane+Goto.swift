import CMLensCore
import Foundation

extension LogsPane {
    /// `:goto 2011-01-13 10:15` (with an offset, an instant; without, on the logs' own clock),
    /// `:goto 10:15` on the selected record's day, `:goto -30m` from the selected record: the first
    /// record at or after that time.
    mutating func goto(_ text: String, logs: LoadedLogs, visible: Int) -> Reaction {
        guard let current = selected else { return .say("no records to go through") }
        let bound: TimeBound
        do { bound = try TimeBound(parsing: text) } catch { return .say("\(error)") }
        // The selected record, or the nearest timed one before it, is what relative times count from.
        var anchorIndex = cursor.selected
        while anchorIndex > 0 && !logs.files[Int(view[anchorIndex].file)].hasTime(at: Int(view[anchorIndex].index)) { anchorIndex -= 1 }
        let anchor = logs[view[anchorIndex]].time ?? logs[current].time
        guard let target = bound.resolved(anchor: anchor) else { return .say("no record has a time to count from") }
        // A wall-clock time is read on the selected record's clock: its offset makes it an instant.
        let bias = Int64(anchor?.biasMinutes ?? 0) * 60 * 10_000_000
        let ticks = target.isAbsolute ? target.ticks : target.ticks + bias
        let low = LogViewBuilder.firstIndex(atOrAfter: ticks, in: view, logs: logs)
        guard low < view.count else {
            cursor.select(view.count - 1, count: view.count, visible: visible)
            return .say("no record at or after \(text): at the last record")
        }
        cursor.select(low, count: view.count, visible: visible)
        return .handled
    }

    /// `:export FILE`: the records shown (the filter applied), as text, CSV or JSON lines by the
    /// file's extension. Never over a file the workspace reads.
    func export(to path: String, logs: LoadedLogs) -> Reaction {
        let expanded = (path as NSString).expandingTildeInPath
        if logs.files.contains(where: { $0.path == expanded }) {
            return .say("\(path) is a log of this workspace; choose another file")
        }
        let lower = expanded.lowercased()
        let format: OutputFormat = lower.hasSuffix(".csv") ? .csv : lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") ? .json : .text
        guard FileManager.default.createFile(atPath: expanded, contents: nil),
              let handle = FileHandle(forWritingAtPath: expanded) else {
            return .say("cannot write \(path): \(SystemErrorText.of(errno)); choose a folder you can write to")
        }
        defer { try? handle.close() }
        var buffer = Data()
        func flush() { handle.write(buffer); buffer.removeAll(keepingCapacity: true) }
        if format == .csv { buffer.append(Data((CSVRow.render(LogRecordOutput.csvHeader) + "\n").utf8)) }
        for ref in view {
            let record = logs[ref]
            let line = switch format {
            case .csv: LogRecordOutput.csv(record)
            case .json: LogRecordOutput.json(record)
            case .text: LogRecordOutput.text(record).plainText
            }
            buffer.append(Data((line + "\n").utf8))
            if buffer.count > 1 << 20 { flush() }
        }
        flush()
        return .say("wrote \(view.count.grouped) records to \(path) (\(format.rawValue))")
    }
}
