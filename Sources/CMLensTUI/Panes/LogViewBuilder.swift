import CMLensCore
import Dispatch
import Foundation
import Synchronization

/// Builds the Logs pane's view, the merged and filtered list of record references, in the
/// background: the index answers level, component and time; only thread and text filters decode.
enum LogViewBuilder {
    struct Request: Sendable {
        var generation: Int
        var client: String?
        var filter: LogFilter.Compiled
        /// Keep the cursor on this record (or the nearest later one).
        var keep: RecordReference?
        var toBottom: Bool
    }

    struct Result: Sendable {
        var generation: Int
        var view: [RecordReference]
        /// Records of the client (or all), before the filter.
        var total: Int
        var cursor: Int
    }

    static func build(_ workspace: ConsoleWorkspace, _ request: Request, progress: JobProgress) -> Result {
        let logs = workspace.logs
        let filter = request.filter
        let clientFiles = workspace.files(of: request.client)
        let total = clientFiles.reduce(0) { $0 + logs.files[$1].count }
        let files = clientFiles.filter { filter.admitsFile(logs.files[$0]) }
        let view: [RecordReference]
        if filter.needsDecoding {
            let admitted = decodedFilter(files, logs: logs, filter: filter, progress: progress)
            view = LogMerge.merged(logs) { file, index in admitted[ObjectIdentifier(file)]?[index] ?? false }
        } else {
            let wanted = Set(files.map { ObjectIdentifier(logs.files[$0]) })
            view = LogMerge.merged(logs) { file, index in
                wanted.contains(ObjectIdentifier(file)) && filter.admitsIndexed(file, index)
            }
        }
        var cursor = request.toBottom ? max(0, view.count - 1) : 0
        if !request.toBottom, let keep = request.keep, !view.isEmpty {
            cursor = nearest(keep, in: view, logs: logs)
        }
        return Result(generation: request.generation, view: view, total: total, cursor: cursor)
    }

    /// Which records of each file pass a filter that needs them decoded. Decodes file by file, in
    /// file order, on all cores: reading in merged order would hop between hundreds of files.
    static func decodedFilter(_ files: [Int], logs: LoadedLogs, filter: LogFilter.Compiled,
                              progress: JobProgress) -> [ObjectIdentifier: [Bool]] {
        let slots = Mutex([ObjectIdentifier: [Bool]]())
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: files.count) { k in
            let file = logs.files[files[k]]
            var keep = [Bool](repeating: false, count: file.count)
            for i in 0..<file.count where filter.admitsIndexed(file, i) {
                if i % 4096 == 0 && progress.isCancelled { return }
                keep[i] = filter.admitsDecoded(file.record(at: i))
            }
            slots.withLock { $0[ObjectIdentifier(file)] = keep }
            progress.report(done.add(1, ordering: .relaxed).newValue, of: files.count)
        }
        return slots.withLock { $0 }
    }

    /// Where `keep` is in `view`, or the first record at or after its time.
    static func nearest(_ keep: RecordReference, in view: [RecordReference], logs: LoadedLogs) -> Int {
        if let exact = view.firstIndex(of: keep) { return exact }
        guard Int(keep.file) < logs.files.count, Int(keep.index) < logs.files[Int(keep.file)].count else { return 0 }
        let ticks = logs.files[Int(keep.file)].sortTicks(at: Int(keep.index))
        var low = 0, high = view.count
        while low < high {
            let mid = (low + high) / 2
            let ref = view[mid]
            if logs.files[Int(ref.file)].sortTicks(at: Int(ref.index)) < ticks { low = mid + 1 } else { high = mid }
        }
        return min(low, view.count - 1)
    }

    struct SearchResult: Sendable {
        var generation: Int
        var found: Int?
        var wrapped: Bool
    }

    /// The next record whose message (or component) matches, from `start` in `direction`, wrapping
    /// once. Works in blocks of the view; within a block, records are read grouped by file and on
    /// all cores, and the first match in view order wins.
    static func search(_ view: [RecordReference], logs: LoadedLogs, pattern: SearchPattern, start: Int,
                       forward: Bool, generation: Int, progress: JobProgress) -> SearchResult {
        let count = view.count
        let block = 131_072
        var first = 0
        while first < count {
            if progress.isCancelled { break }
            progress.report(first, of: count)
            let steps = first..<min(count, first + block)
            @Sendable func position(_ step: Int) -> Int {
                let raw = forward ? start + step : start - step
                return ((raw % count) + count) % count
            }
            let order = steps.sorted { a, b in
                let ra = view[position(a)], rb = view[position(b)]
                return ra.file != rb.file ? ra.file < rb.file : ra.index < rb.index
            }
            let lanes = 8
            let best = Mutex(Int.max)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                let share = (order.count + lanes - 1) / lanes
                var found = Int.max
                for step in order[min(order.count, lane * share)..<min(order.count, (lane + 1) * share)] where step < found {
                    let record = logs[view[position(step)]]
                    if pattern.matches(record.message) || pattern.matches(record.component) { found = step }
                }
                best.withLock { $0 = min($0, found) }
            }
            let step = best.withLock { $0 }
            if step != Int.max {
                let raw = forward ? start + step : start - step
                return SearchResult(generation: generation, found: position(step), wrapped: forward ? raw >= count : raw < 0)
            }
            first += block
        }
        return SearchResult(generation: generation, found: nil, wrapped: false)
    }
}

/// A `/` search: a case-insensitive regular expression, kept compiled for highlighting.
public struct SearchPattern: @unchecked Sendable, Equatable {
    // NSRegularExpression is immutable once built and documented as thread-safe.
    public let text: String
    private let expression: NSRegularExpression

    public init(_ text: String) throws {
        self.text = text
        do {
            expression = try NSRegularExpression(pattern: text, options: [.caseInsensitive])
        } catch {
            throw UsageError("\"\(text)\" is not a valid regular expression (ICU syntax, e.g. exit code (999|1618))")
        }
    }

    public func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The matched runs of `text`, as ranges of display columns.
    public func columnRanges(in text: String) -> [Range<Int>] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let range = Range(match.range, in: text), !range.isEmpty else { return nil }
            let start = DisplayWidth.of(text[..<range.lowerBound])
            return start..<(start + DisplayWidth.of(text[range]))
        }
    }

    public static func == (a: SearchPattern, b: SearchPattern) -> Bool { a.text == b.text }
}
