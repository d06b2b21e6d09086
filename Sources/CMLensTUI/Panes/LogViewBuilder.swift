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
        let wanted = Set(workspace.files(of: request.client).map { ObjectIdentifier(logs.files[$0]) })
        let total = workspace.files(of: request.client).reduce(0) { $0 + logs.files[$1].count }
        let filter = request.filter
        var view = LogMerge.merged(logs) { file, index in
            wanted.contains(ObjectIdentifier(file)) && filter.admitsIndexed(file, index)
        }
        if filter.needsDecoding && !progress.isCancelled {
            view = decodedFilter(view, logs: logs, filter: filter, progress: progress)
        }
        var cursor = request.toBottom ? max(0, view.count - 1) : 0
        if !request.toBottom, let keep = request.keep, !view.isEmpty {
            cursor = nearest(keep, in: view, logs: logs)
        }
        return Result(generation: request.generation, view: view, total: total, cursor: cursor)
    }

    /// Runs the decoding checks on all cores, in chunks, keeping order.
    static func decodedFilter(_ refs: [RecordReference], logs: LoadedLogs, filter: LogFilter.Compiled,
                              progress: JobProgress) -> [RecordReference] {
        let chunk = 32_768
        let chunks = (refs.count + chunk - 1) / chunk
        let slots = Mutex([[RecordReference]](repeating: [], count: chunks))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            if progress.isCancelled { return }
            var kept: [RecordReference] = []
            for ref in refs[(c * chunk)..<min(refs.count, (c + 1) * chunk)] where filter.admitsDecoded(logs[ref]) {
                kept.append(ref)
            }
            slots.withLock { $0[c] = kept }
            let finished = done.add(1, ordering: .relaxed).newValue
            progress.report(finished, of: chunks)
        }
        return slots.withLock { $0.flatMap { $0 } }
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

    /// The next record whose message matches, from `start` in `direction`, wrapping once.
    static func search(_ view: [RecordReference], logs: LoadedLogs, pattern: SearchPattern, start: Int,
                       forward: Bool, generation: Int, progress: JobProgress) -> SearchResult {
        let count = view.count
        guard count > 0 else { return SearchResult(generation: generation, found: nil, wrapped: false) }
        for step in 0..<count {
            if step % 4096 == 0 {
                if progress.isCancelled { break }
                progress.report(step, of: count)
            }
            let raw = forward ? start + step : start - step
            let index = ((raw % count) + count) % count
            let record = logs[view[index]]
            if pattern.matches(record.message) || pattern.matches(record.component) {
                return SearchResult(generation: generation, found: index, wrapped: forward ? raw >= count : raw < 0)
            }
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
