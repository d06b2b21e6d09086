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
        var shape: LogViewShape
        var density: ViewDensity
    }

    static func build(_ workspace: ConsoleWorkspace, _ request: Request, progress: JobProgress) -> Result {
        let logs = workspace.logs
        var filter = request.filter
        let clientFiles = workspace.files(of: request.client)
        // since=-2h counts back from the last record of the client's logs, since=10:00 is on its day.
        if filter.hasPendingBounds {
            filter = filter.resolved(anchor: RecordFilter.lastTime(of: LoadedLogs(files: clientFiles.map { logs.files[$0] }, problems: [])))
        }
        let total = clientFiles.reduce(0) { $0 + logs.files[$1].count }
        let files = clientFiles.filter { filter.admitsFile(logs.files[$0]) }
        // Text first, through the search engine: a byte search per file, not a decode per record.
        let text = TextMatches.run(filter, in: logs, files: files, isCancelled: { progress.isCancelled })
        let wanted = Set(files)
        @Sendable func admitsText(_ f: Int, _ i: Int) -> Bool { text?.admits(f, i) ?? true }
        let view: [RecordReference]
        if filter.needsDecoding {
            let admitted = decodedFilter(files, logs: logs, filter: filter, admitsText: admitsText, progress: progress)
            view = LogMerge.merged(logs) { f, _, index in admitted[f]?.contains(index) ?? false }
        } else {
            view = LogMerge.merged(logs) { f, file, index in
                wanted.contains(f) && filter.admitsIndexed(file, index) && admitsText(f, index)
            }
        }
        var cursor = request.toBottom ? max(0, view.count - 1) : 0
        if !request.toBottom, let keep = request.keep, !view.isEmpty {
            cursor = nearest(keep, in: view, logs: logs)
        }
        return Result(generation: request.generation, view: view, total: total, cursor: cursor,
                      shape: LogViewShape.of(view, logs: logs), density: ViewDensity.levels(view, logs: logs))
    }

    /// Which records of each file pass a filter that needs them decoded (thread, bounds on the log's
    /// clock). Decodes file by file, in file order, on all cores: reading in merged order would hop
    /// between hundreds of files.
    static func decodedFilter(_ files: [Int], logs: LoadedLogs, filter: LogFilter.Compiled,
                              admitsText: @Sendable (Int, Int) -> Bool, progress: JobProgress) -> [Int: RecordBits] {
        let slots = Mutex([Int: RecordBits]())
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: files.count) { k in
            let file = logs.files[files[k]]
            var keep = RecordBits(capacity: file.count)
            for i in 0..<file.count where filter.admitsIndexed(file, i) && admitsText(files[k], i) {
                if i % 4096 == 0 && progress.isCancelled { return }
                if filter.admitsDecoded(file.record(at: i)) { keep.insert(i) }
            }
            slots.withLock { $0[files[k]] = keep }
            progress.report(done.add(1, ordering: .relaxed).newValue, of: files.count)
        }
        return slots.withLock { $0 }
    }

    /// Where `keep` is in `view`, or the first record at or after its time.
    static func nearest(_ keep: RecordReference, in view: [RecordReference], logs: LoadedLogs) -> Int {
        if let exact = view.firstIndex(of: keep) { return exact }
        guard Int(keep.file) < logs.files.count, Int(keep.index) < logs.files[Int(keep.file)].count else { return 0 }
        return min(firstIndex(atOrAfter: logs.files[Int(keep.file)].sortTicks(at: Int(keep.index)), in: view, logs: logs),
                   view.count - 1)
    }

    /// The first position of the view (in time order) at or after `ticks`; `view.count` when none is.
    /// - Complexity: O(log n).
    static func firstIndex(atOrAfter ticks: Int64, in view: [RecordReference], logs: LoadedLogs) -> Int {
        var low = 0, high = view.count
        while low < high {
            let mid = (low + high) / 2
            let ref = view[mid]
            if logs.files[Int(ref.file)].sortTicks(at: Int(ref.index)) < ticks { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
