extension RecordSearch {
    /// Matches a pattern against records picked anywhere in a workspace, a batch at a time: the
    /// console walks its view from the cursor with one while `run` scans every file, to show the
    /// next match before the scan ends.
    ///
    /// Each record is decided exactly as `run` decides it (the same byte search for the required
    /// text inside the record, the same decode and expression), so a record a probe matches is one
    /// `run` finds, and the other way round. For one thread: make one per lane.
    public final class Probe {
        private let pattern: TextPattern
        private let logs: LoadedLogs
        private let fields: Fields
        private var matchers: [Int: LogFileIndex.PatternMatcher] = [:]

        /// Picked records of one file closer than this are read as one range (its byte search is
        /// then one read), the records between them matched and forgotten.
        static let gap = 32

        public init(_ pattern: TextPattern, in logs: LoadedLogs, fields: Fields = .message) {
            self.pattern = pattern
            self.logs = logs
            self.fields = fields
        }

        /// Which of `records` the pattern matches, in their order; nil when stopped before the end.
        /// - Complexity: per file, a byte search over the spans its records lie in, plus a decode and
        ///   a match per record holding the required text.
        public func matches(_ records: ArraySlice<RecordReference>, isCancelled: () -> Bool) -> [Bool]? {
            var picked: [Int: [(index: Int, slot: Int)]] = [:]
            for (slot, ref) in zip(records.indices, records) {
                picked[Int(ref.file), default: []].append((Int(ref.index), slot - records.startIndex))
            }
            var out = [Bool](repeating: false, count: records.count)
            for (f, picks) in picked {
                let matcher = self.matcher(f)
                let sorted = picks.sorted { $0.index < $1.index }
                var first = 0
                while first < sorted.count {
                    var end = first + 1
                    while end < sorted.count && sorted[end].index - sorted[end - 1].index <= Self.gap { end += 1 }
                    let span = sorted[first].index..<(sorted[end - 1].index + 1)
                    guard let found = matcher.records(in: span, isCancelled: isCancelled) else { return nil }
                    let hits = Set(found)
                    for pick in sorted[first..<end] where hits.contains(pick.index) { out[pick.slot] = true }
                    first = end
                }
            }
            return out
        }

        private func matcher(_ f: Int) -> LogFileIndex.PatternMatcher {
            if let known = matchers[f] { return known }
            let made = LogFileIndex.PatternMatcher(pattern, in: logs.files[f], component: fields.component)
            matchers[f] = made
            return made
        }
    }
}
