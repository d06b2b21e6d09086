extension LogFileIndex {
    /// Bytes read at once when a file on disk is searched: large enough that the byte search runs
    /// at memory speed, small enough that both cores' windows stay in cache.
    static let searchWindow = 4 << 20

    /// Records this close are read in one `pread` with the bytes between; farther apart (the
    /// records of a sparse read), each is read alone: a read costs about what copying 16 KiB does.
    static let readThroughGap = 16 << 10

    /// The records of `range` whose message the pattern matches, or whose component it matches
    /// when `component` is set, in ascending order.
    ///
    /// With a required literal, the file's bytes are searched for it window by window and only
    /// the records holding it are decoded and matched; without one, every record is.
    /// - Complexity: a byte search over the range's bytes, plus a decode and a match per candidate.
    func matchingRecords(_ pattern: TextPattern, in range: Range<Int>, component: Bool,
                         window windowLimit: Int = searchWindow, isCancelled: () -> Bool) -> [Int] {
        PatternMatcher(pattern, in: self, component: component).records(in: range, window: windowLimit, isCancelled: isCancelled) ?? []
    }

    /// A pattern made ready for one file's records, for one thread. The byte search of whole parts
    /// and the console's walk from its cursor both match through it, so they agree on every record.
    final class PatternMatcher {
        let file: LogFileIndex
        let literal: SearchLiteral?
        let matcher: CompiledRegex.Matcher
        /// Ids of the file's components the pattern matches (none unless components count).
        let componentHits: Set<UInt16>

        init(_ pattern: TextPattern, in file: LogFileIndex, component: Bool) {
            self.file = file
            literal = pattern.literal
            matcher = pattern.matcher()
            componentHits = component ? file.matchingComponents(matcher) : []
        }

        /// The matching records of `range`, ascending; nil when stopped before the end.
        func records(in range: Range<Int>, window windowLimit: Int = LogFileIndex.searchWindow,
                     isCancelled: () -> Bool) -> [Int]? {
            var found: [Int] = []
            let completed = file.forEachRecord(containing: literal, in: range, window: windowLimit, isCancelled: isCancelled) { index, bytes, loss in
                var message = file.decode(file.entries[index], bytes, lost: loss).message
                if message.withUTF8({ matcher.matches(UnsafeRawBufferPointer($0)) }) { found.append(index) }
            }
            guard completed else { return nil }
            guard !componentHits.isEmpty else { return found }
            var merged = Set(found)
            for index in range where componentHits.contains(file.entries[index].component) { merged.insert(index) }
            return merged.sorted()
        }
    }

    /// The records of `range` whose bytes hold `literal` (every record when nil), each with its
    /// bytes, in file order. False when cancelled.
    ///
    /// The file's bytes are searched window by window; a hit maps to the record it lies in by the
    /// index's offsets, and the search goes on after that record. A hit that runs from one record
    /// into the next is no hit.
    @discardableResult
    func forEachRecord(containing literal: SearchLiteral?, in range: Range<Int>, window windowLimit: Int = searchWindow,
                       isCancelled: () -> Bool, _ body: (Int, UnsafeRawBufferPointer, TextLoss?) -> Void) -> Bool {
        forEachRecord(containingAny: literal.map { [$0] }, in: range, window: windowLimit, isCancelled: isCancelled, body)
    }

    /// As above, for records holding any of `literals`: each window is read once for all of them
    /// (the diagnostic rules search a log for dozens of texts).
    @discardableResult
    func forEachRecord(containingAny literals: [SearchLiteral]?, in range: Range<Int>, window windowLimit: Int = searchWindow,
                       isCancelled: () -> Bool, _ body: (Int, UnsafeRawBufferPointer, TextLoss?) -> Void) -> Bool {
        var next = range.lowerBound
        while next < range.upperBound {
            if isCancelled() { return false }
            let start = entries[next].offset
            var end = start + length(at: next)
            var last = next + 1
            // The run of records from `next` that follow each other within one window.
            while last < range.upperBound {
                let offset = entries[last].offset
                let recordEnd = offset + length(at: last)
                guard offset >= end, offset - end <= Self.readThroughGap, recordEnd - start <= windowLimit else { break }
                end = recordEnd
                last += 1
            }
            text.withBytes(offset: start, length: end - start) { window, loss in
                func visit(_ index: Int) {
                    let from = min(entries[index].offset - start, window.count)
                    let to = min(from + length(at: index), window.count)
                    body(index, UnsafeRawBufferPointer(rebasing: window[from..<to]), to - from < length(at: index) ? loss : nil)
                }
                guard let literals else {
                    for index in next..<last { visit(index) }
                    return
                }
                if literals.count == 1 {
                    forEachHit(of: literals[0], in: window, records: next..<last, at: start, visit)
                    return
                }
                var hits = RecordBits(capacity: last - next)
                for literal in literals {
                    forEachHit(of: literal, in: window, records: next..<last, at: start) { hits.insert($0 - next) }
                }
                for k in hits.indices { visit(next + k) }
            }
            next = last
        }
        return true
    }

    /// The records among `records` (whose bytes `window` holds from file offset `start`) that hold
    /// `literal`, in file order.
    private func forEachHit(of literal: SearchLiteral, in window: UnsafeRawBufferPointer, records: Range<Int>, at start: Int,
                            _ visit: (Int) -> Void) {
        var position = 0
        var index = records.lowerBound
        while index < records.upperBound, let hit = literal.find(in: window, from: position) {
            while index < records.upperBound && entries[index].offset - start + length(at: index) <= hit { index += 1 }
            guard index < records.upperBound else { break }
            let recordStart = entries[index].offset - start
            let recordEnd = recordStart + length(at: index)
            if hit < recordStart {
                position = recordStart  // between records
            } else if hit + literal.count > recordEnd {
                position = hit + 1  // runs into the next record
            } else {
                visit(index)
                position = recordEnd
                index += 1
            }
        }
    }

    /// Ids of the file's components the pattern matches (a handful of names per file).
    fileprivate func matchingComponents(_ matcher: CompiledRegex.Matcher) -> Set<UInt16> {
        var ids = Set<UInt16>()
        for (id, name) in components.names.enumerated() {
            var name = name
            if name.withUTF8({ matcher.matches(UnsafeRawBufferPointer($0)) }) { ids.insert(UInt16(id)) }
        }
        return ids
    }
}
