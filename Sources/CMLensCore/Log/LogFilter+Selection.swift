extension LogFilter {
    /// The filter as a predicate over records: what the index answers, what the search engine
    /// answers (`TextMatches`), what needs the record decoded.
    public struct Compiled: Sendable {
        public var indexed: RecordFilter
        public var exactLevel: LogLevel?
        public var threads: Set<String>
        /// Log names, lowercased; empty keeps every log. Applied file by file (`admitsFile`).
        public var files: Set<String>
        public var include: [TextPattern]
        public var exclude: [TextPattern]

        public var needsDecoding: Bool { !threads.isEmpty || indexed.needsDecoding }

        /// Whether a bound waits for the last record's time (`since=-2h`, `until=10:00`).
        public var hasPendingBounds: Bool { indexed.since?.pending != nil || indexed.until?.pending != nil }

        /// The same with `since=-2h` counted back from `anchor`, `since=10:00` on its day.
        public func resolved(anchor: LogTime?) -> Compiled {
            var copy = self
            copy.indexed.since = indexed.since.flatMap { $0.resolved(anchor: anchor) }
            copy.indexed.until = indexed.until.flatMap { $0.resolved(anchor: anchor) }
            return copy
        }

        public func admitsFile(_ file: LogFileIndex) -> Bool {
            files.isEmpty || files.contains(file.logName.lowercased())
        }

        public func admitsIndexed(_ file: LogFileIndex, _ index: Int) -> Bool {
            if let exactLevel, file.level(at: index) != exactLevel { return false }
            return indexed.admitsIndexed(file, index)
        }

        public func admitsDecoded(_ record: LogRecord) -> Bool {
            if !threads.isEmpty && !threads.contains(record.thread) { return false }
            return indexed.admitsDecoded(record)
        }
    }

    /// What every admitted record's bytes hold, when the records holding it are all the filter
    /// needs: the longest of the `text=` words' required texts, else a severity of warning or
    /// worse. A relative bound counts from the last record of the whole view, so it has none.
    var sparseKey: SparseKey? {
        let compiled = compiled()
        guard !compiled.hasPendingBounds else { return nil }
        if let literal = compiled.include.compactMap(\.literal).max(by: { $0.count < $1.count }) { return .text(literal) }
        let level = [compiled.exactLevel, compiled.indexed.minimumLevel].compactMap { $0 }.max()
        if let level, level >= .warning { return .level(level) }
        return nil
    }

    /// The records `cmlens log` prints: merged in time order, handed over a block at a time (the
    /// whole order of a gigabyte log is never held).
    public func select(from logs: LoadedLogs, block: Int = 1 << 15, _ body: ([RecordReference]) -> Void) {
        compiled().select(from: logs, block: block, body)
    }
}

extension LogFilter.Compiled {
    /// The records admitted, merged in time order, a block at a time: the index answers level,
    /// component, file and absolute times; each text word is one pass of the search engine over
    /// every file's bytes; only thread and bounds on each log's clock decode records.
    public func select(from logs: LoadedLogs, block: Int = 1 << 15, _ body: ([RecordReference]) -> Void) {
        let filter = hasPendingBounds ? resolved(anchor: RecordFilter.lastTime(of: logs)) : self
        let admitted = logs.files.map(filter.admitsFile)
        let text = TextMatches.run(filter, in: logs, files: logs.files.indices.filter { admitted[$0] })
        LogMerge.forEachBlock(logs, block: block, where: { f, file, i in
            // The text first: when a search matched little, most records stop at one bit test.
            (text?.admits(f, i) ?? true) && admitted[f] && filter.admitsIndexed(file, i)
        }, { order in
            guard filter.needsDecoding else { return body(order) }
            let kept = order.filter { filter.admitsDecoded(logs[$0]) }
            if !kept.isEmpty { body(kept) }
        })
    }
}

/// The records of each file the text words admit: every `text=` pattern matches the message and
/// no `-text=` pattern does. One search-engine pass per pattern, then a bit test per record.
public struct TextMatches: Sendable {
    /// By file position in the logs; nil for a file not searched (it admits nothing).
    private let byFile: [RecordBits?]

    /// The matches in `files` of `logs`; nil when the filter has no text words (everything passes),
    /// or when `isCancelled` stopped the search.
    public static func run(_ filter: LogFilter.Compiled, in logs: LoadedLogs, files: [Int],
                           isCancelled: @escaping @Sendable () -> Bool = { false }) -> TextMatches? {
        guard !filter.include.isEmpty || !filter.exclude.isEmpty else { return nil }
        var byFile = [RecordBits?](repeating: nil, count: logs.files.count)
        if filter.include.isEmpty {
            for f in files { byFile[f] = RecordBits(all: logs.files[f].count) }
        }
        for (k, pattern) in filter.include.enumerated() {
            guard let found = RecordSearch.run(pattern, in: logs, files: files, isCancelled: isCancelled) else { return nil }
            for f in files {
                let matched = found[f] ?? RecordBits(capacity: logs.files[f].count)
                if k == 0 { byFile[f] = matched } else { byFile[f]?.formIntersection(matched) }
            }
        }
        for pattern in filter.exclude {
            guard let found = RecordSearch.run(pattern, in: logs, files: files, isCancelled: isCancelled) else { return nil }
            for f in files { if let matched = found[f] { byFile[f]?.subtract(matched) } }
        }
        return TextMatches(byFile: byFile)
    }

    public func admits(_ file: Int, _ index: Int) -> Bool { byFile[file]?.contains(index) ?? false }
}
