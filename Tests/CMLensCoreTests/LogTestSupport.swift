import Foundation
@testable import CMLensCore

/// Where the repository and the shared corpus are, from this file's own path.
enum LogTestSupport {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `shared/` beside the repository, or two levels up from a helper's worktree (`wt/<name>`). Tests
    /// that read it fail, naming the path, when it is not there: it is part of what CI checks out.
    static let sharedFolder: URL = {
        let beside = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let aboveWorktree = repositoryRoot.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: beside.path) || !FileManager.default.fileExists(atPath: aboveWorktree.path)
            ? beside : aboveWorktree
    }()
    static let realCorpus = sharedFolder.appendingPathComponent("corpus/real")

    static func realCorpusFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: realCorpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "log" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Every CMTrace log of the real corpus, read whole with `options`, and a reader for the same
    /// log with a sparse read's key: what the sparse-read tests compare on logs nobody here wrote.
    static func forEachRealCMTraceLog(options: LogReader.Options,
                                      _ body: (_ path: String, _ full: LogFileIndex, _ sparse: (SparseKey?) -> LogFileIndex) throws -> Void) rethrows {
        let inputs = WorkspaceScanner.scan([realCorpus.path])
        for client in inputs.clients {
            for log in client.logs {
                for path in log.files {
                    let full = LogReader.read(path: path, client: client.name, logName: log.name, options: options)
                    guard full.format == .cmtrace else { continue }
                    try body(path, full) { key in
                        LogReader.read(path: path, client: client.name, logName: log.name, options: options, keeping: key)
                    }
                }
            }
        }
    }

    static func parse(_ text: String, path: String = "test.log") -> LogFileIndex {
        LogReader.parse(bytes: Array(text.utf8), path: path, client: "PC1")
    }

    /// A CMTrace record as ConfigMgr writes it.
    static func cmtrace(_ message: String, time: String = "10:15:31.123+300", date: String = "01-14-2011",
                        component: String = "execmgr", type: Int = 1, thread: Int = 2484,
                        file: String = "execreqmgr.cpp:501") -> String {
        "<![LOG[\(message)]LOG]!><time=\"\(time)\" date=\"\(date)\" component=\"\(component)\" context=\"\" type=\"\(type)\" thread=\"\(thread)\" file=\"\(file)\">"
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Records as comparable tuples, ignoring the file name.
    static func fingerprint(_ index: LogFileIndex) -> [String] {
        index.records.map { r in
            "\(r.line)|\(r.time?.iso8601 ?? "-")|\(r.level)|\(r.component)|\(r.thread)|\(r.source)|\(r.format)|\(r.message)"
        }
    }

    /// UTF-16LE with a byte-order mark.
    static func utf16LE(_ bytes: [UInt8]) -> [UInt8] {
        let text = TextDecoding.string(bytes)
        var out: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { out.append(UInt8(unit & 0xFF)); out.append(UInt8(unit >> 8)) }
        return out
    }
}
