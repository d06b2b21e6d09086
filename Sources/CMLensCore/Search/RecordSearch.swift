import Dispatch
import Synchronization

/// The one text-matching engine: which records of a workspace's logs a pattern matches. Search,
/// filters and `--grep` all ask it. Files, and large files in parts, are searched on all cores;
/// each part is a byte search for the pattern's required text followed by the expression on the
/// records that hold it (see `LogFileIndex.matchingRecords`).
public enum RecordSearch {
    /// What to match besides the message.
    public struct Fields: Sendable, Equatable {
        /// The record's component too (the console's `/` finds `execmgr` by its component).
        public var component: Bool
        public init(component: Bool) { self.component = component }
        public static let message = Fields(component: false)
        public static let messageAndComponent = Fields(component: true)
    }

    /// A part of a large file is at most this many bytes, so both cores share one big log.
    static let partBytes = 32 << 20

    /// The matching records of `files` (indices into `logs.files`), by file index; nil when cancelled.
    /// `progress` is told how many parts of how many are done.
    public static func run(_ pattern: TextPattern, in logs: LoadedLogs, files: [Int], fields: Fields = .message,
                           progress: (@Sendable (Int, Int) -> Void)? = nil,
                           isCancelled: @escaping @Sendable () -> Bool = { false }) -> [Int: RecordBits]? {
        run(pattern, in: logs, files: files, fields: fields, sizes: Sizes(), progress: progress, isCancelled: isCancelled)
    }

    /// How files are cut up; tests shrink these to put matches across every boundary.
    struct Sizes: Sendable {
        var part = partBytes
        var window = LogFileIndex.searchWindow
    }

    static func run(_ pattern: TextPattern, in logs: LoadedLogs, files: [Int], fields: Fields, sizes: Sizes,
                    progress: (@Sendable (Int, Int) -> Void)?, isCancelled: @escaping @Sendable () -> Bool) -> [Int: RecordBits]? {
        let parts = files.flatMap { f in split(logs.files[f], partBytes: sizes.part).map { (file: f, records: $0) } }
        let results = Mutex([[Int]?](repeating: nil, count: parts.count))
        let done = Atomic<Int>(0)
        // Largest parts first, so the last core is not left with a gigabyte alone.
        let order = parts.indices.sorted { parts[$0].records.count > parts[$1].records.count }
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            let part = parts[order[k]]
            if isCancelled() { return }
            let found = logs.files[part.file].matchingRecords(pattern, in: part.records, component: fields.component,
                                                              window: sizes.window, isCancelled: isCancelled)
            results.withLock { $0[order[k]] = found }
            progress?(done.add(1, ordering: .relaxed).newValue, parts.count)
        }
        if isCancelled() { return nil }
        var byFile: [Int: RecordBits] = [:]
        for f in files { byFile[f] = RecordBits(capacity: logs.files[f].count) }
        results.withLock { found in
            for (k, part) in parts.enumerated() {
                for index in found[k] ?? [] { byFile[part.file]!.insert(index) }
            }
        }
        return byFile
    }

    /// A file's records in parts of about `partBytes` each (one part for most logs).
    static func split(_ file: LogFileIndex, partBytes: Int = partBytes) -> [Range<Int>] {
        guard file.count > 0 else { return [] }
        guard file.byteCount > partBytes else { return [0..<file.count] }
        var parts: [Range<Int>] = []
        var first = 0
        var partStart = file.entries[0].offset
        for index in 1..<file.count where file.entries[index].offset - partStart >= partBytes {
            parts.append(first..<index)
            first = index
            partStart = file.entries[index].offset
        }
        parts.append(first..<file.count)
        return parts
    }
}
