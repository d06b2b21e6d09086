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
        var out: [RecordReference] = []
        forEachBlock(logs, where: include) { out += $0 }
        return out
    }

    /// The same order handed over `block` references at a time, never held whole: a gigabyte log
    /// has four million records, and their order would cost more memory than their index.
    public static func forEachBlock(_ logs: LoadedLogs, block: Int = 1 << 15,
                                    where include: (_ fileIndex: Int, LogFileIndex, Int) -> Bool,
                                    _ body: ([RecordReference]) -> Void) {
        var runs: [Run] = []
        for (f, file) in logs.files.enumerated() { runs += Run.ordered(file: f, file, where: include) }
        var out: [RecordReference] = []
        out.reserveCapacity(min(block, runs.reduce(0) { $0 + $1.count }))
        func put(_ reference: RecordReference) {
            out.append(reference)
            if out.count == block {
                body(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if runs.count == 1 {
            let run = runs[0]
            for position in 0..<run.count { put(RecordReference(file: run.file, index: run[position])) }
        } else {
            var heap = Heap<Cursor>()
            for (r, run) in runs.enumerated() {
                heap.insert(Cursor(ticks: logs.files[run.file].sortTicks(at: run[0]), run: r, position: 0))
            }
            while var cursor = heap.popMin() {
                let run = runs[cursor.run]
                put(RecordReference(file: run.file, index: run[cursor.position]))
                cursor.position += 1
                if cursor.position < run.count {
                    cursor.ticks = logs.files[run.file].sortTicks(at: run[cursor.position])
                    heap.insert(cursor)
                }
            }
        }
        if !out.isEmpty { body(out) }
    }

    /// Records of one file already in time order: a stretch of the file with every record included
    /// (no list kept), or a stretch of the included records' positions.
    private struct Run {
        let file: Int
        private let stretch: Range<Int>
        private let positions: ArraySlice<UInt32>?

        var count: Int { positions?.count ?? stretch.count }
        subscript(position: Int) -> Int {
            positions.map { Int($0[$0.startIndex + position]) } ?? stretch.lowerBound + position
        }

        /// The file's included records as the stretches in which time does not go back (a log
        /// concatenated from others, or whose clock was set back, has a few): merged, they give
        /// time order without a sorted copy of the file's order. A file whose time goes back
        /// every few records is sorted instead, as one run.
        static func ordered(file f: Int, _ file: LogFileIndex, where include: (Int, LogFileIndex, Int) -> Bool) -> [Run] {
            var positions: [UInt32]?
            for i in 0..<file.count {
                if include(f, file, i) {
                    positions?.append(UInt32(i))
                } else if positions == nil {
                    positions = (0..<i).map(UInt32.init)
                }
            }
            let count = positions?.count ?? file.count
            guard count > 0 else { return [] }
            // Where a stretch ends: the next included record is earlier.
            var breaks: [Int] = []
            var previous = Int64.min
            for k in 0..<count {
                let ticks = file.sortTicks(at: positions.map { Int($0[k]) } ?? k)
                if ticks < previous {
                    breaks.append(k)
                    if breaks.count > count / shortestStretch { break }
                }
                previous = ticks
            }
            if breaks.count > count / shortestStretch {
                var all = positions ?? Array(0..<UInt32(count))
                all.sort { a, b in
                    let ta = file.sortTicks(at: Int(a)), tb = file.sortTicks(at: Int(b))
                    return ta != tb ? ta < tb : a < b
                }
                return [Run(file: f, stretch: 0..<0, positions: all[...])]
            }
            let bounds = [0] + breaks + [count]
            return (0..<bounds.count - 1).map { k in
                let stretch = bounds[k]..<bounds[k + 1]
                return Run(file: f, stretch: stretch, positions: positions?[stretch])
            }
        }

        /// Below this average length, merging stretches costs more (a heap entry each) than sorting.
        static let shortestStretch = 32
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
