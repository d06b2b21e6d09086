import Collections

/// Puts the records of many files in one order: by UTC instant; ties keep file order (workspace
/// order, then position in the file); a record without a time stays right after the record before
/// it in its file.
public enum LogMerge {
    public static func merged(_ logs: LoadedLogs, where include: (LogFileIndex, Int) -> Bool = { _, _ in true })
        -> [RecordReference] {
        merged(logs) { _, file, index in include(file, index) }
    }

    /// The same, the filter told the file's position in `logs.files` too (for per-file match sets).
    public static func merged(_ logs: LoadedLogs, where include: (_ fileIndex: Int, LogFileIndex, Int) -> Bool)
        -> [RecordReference] {
        var runs: [[UInt32]] = []
        var runFiles: [Int] = []
        for (f, file) in logs.files.enumerated() {
            var run: [UInt32] = []
            for i in 0..<file.count where include(f, file, i) { run.append(UInt32(i)) }
            guard !run.isEmpty else { continue }
            if !isSorted(run, file) {
                run.sort { a, b in
                    let ta = file.sortTicks(at: Int(a)), tb = file.sortTicks(at: Int(b))
                    return ta != tb ? ta < tb : a < b
                }
            }
            runs.append(run)
            runFiles.append(f)
        }
        var heap = Heap<Cursor>()
        for (r, run) in runs.enumerated() {
            heap.insert(Cursor(ticks: logs.files[runFiles[r]].sortTicks(at: Int(run[0])), run: r, position: 0))
        }
        var out: [RecordReference] = []
        out.reserveCapacity(runs.reduce(0) { $0 + $1.count })
        while var cursor = heap.popMin() {
            let file = runFiles[cursor.run]
            let run = runs[cursor.run]
            out.append(RecordReference(file: file, index: Int(run[cursor.position])))
            cursor.position += 1
            if cursor.position < run.count {
                cursor.ticks = logs.files[file].sortTicks(at: Int(run[cursor.position]))
                heap.insert(cursor)
            }
        }
        return out
    }

    private static func isSorted(_ run: [UInt32], _ file: LogFileIndex) -> Bool {
        var previous = Int64.min
        for i in run {
            let t = file.sortTicks(at: Int(i))
            if t < previous { return false }
            previous = t
        }
        return true
    }

    private struct Cursor: Comparable {
        var ticks: Int64
        var run: Int
        var position: Int

        static func < (a: Cursor, b: Cursor) -> Bool {
            a.ticks != b.ticks ? a.ticks < b.ticks : a.run < b.run
        }
    }
}
