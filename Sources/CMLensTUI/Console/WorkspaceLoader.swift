import CMLensCore
import Foundation
import Synchronization

/// A file's size and modification time: what follow mode compares to see growth and rotation.
struct FileStamp: Sendable, Equatable {
    var size: Int64
    var modified: Int64
    var inode: UInt64

    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                         inode: UInt64(info.st_ino))
    }
}

/// Loads a workspace for the console in the background, telling how far it got; and reloads
/// only the files that changed, for follow mode.
enum WorkspaceLoader {
    static func load(_ paths: [String], progress: @escaping @Sendable (String) -> Void) -> ConsoleWorkspace {
        progress("scanning \(paths.count == 1 ? paths[0] : "\(paths.count) paths")")
        let inputs = WorkspaceScanner.scan(paths)
        return read(paths: paths, inputs: inputs, reuse: nil, progress: progress)
    }

    /// The workspace again with grown, rotated or new files re-read; nil when nothing changed.
    static func refresh(_ old: ConsoleWorkspace) -> ConsoleWorkspace? {
        let inputs = WorkspaceScanner.scan(old.paths)
        let paths = jobs(inputs).map(\.path)
        let unchanged = paths == old.logs.files.map(\.path) && paths.allSatisfy { FileStamp.of($0) == old.stamps[$0] }
        if unchanged { return nil }
        return read(paths: old.paths, inputs: inputs, reuse: old, progress: { _ in })
    }

    private static func jobs(_ inputs: WorkspaceInputs) -> [(path: String, client: String, log: String)] {
        inputs.clients.flatMap { client in
            client.logs.flatMap { log in log.files.map { (path: $0, client: client.name, log: log.name) } }
        }
    }

    private static func read(paths: [String], inputs: WorkspaceInputs, reuse old: ConsoleWorkspace?,
                             progress: @escaping @Sendable (String) -> Void) -> ConsoleWorkspace {
        let list = jobs(inputs)
        var previous: [String: LogFileIndex] = [:]
        for file in old?.logs.files ?? [] { previous[file.path] = file }
        let reusable = previous
        let oldStamps = old?.stamps ?? [:]
        let done = Atomic<Int>(0)
        let loaded = Concurrently.map(count: list.count) { k -> (LogFileIndex, FileStamp?) in
            let job = list[k]
            let stamp = FileStamp.of(job.path)
            let index: LogFileIndex
            if let known = reusable[job.path], stamp != nil, stamp == oldStamps[job.path] {
                index = known
            } else {
                index = inputs.readLog(path: job.path, client: job.client, logName: job.log)
            }
            let finished = done.add(1, ordering: .relaxed).newValue
            if finished % 8 == 0 || finished == list.count { progress("loading \(finished)/\(list.count) files") }
            return (index, stamp)
        }
        var stamps: [String: FileStamp] = [:]
        for (index, stamp) in loaded { stamps[index.path] = stamp }
        let files = loaded.map(\.0)
        let logs = LoadedLogs(files: files, problems: inputs.problems + files.flatMap(\.problems))
        return ConsoleWorkspace(paths: paths, inputs: inputs, logs: logs, generation: (old?.generation ?? -1) + 1,
                                stamps: stamps)
    }
}
