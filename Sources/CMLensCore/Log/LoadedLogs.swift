
/// Every log of a workspace, indexed, and the problems met reading them.
public struct LoadedLogs: Sendable {
    /// In workspace order: by client, then by log, each rotated log's files oldest first.
    public let files: [LogFileIndex]
    public let problems: [LoadProblem]

    public init(files: [LogFileIndex], problems: [LoadProblem]) {
        self.files = files
        self.problems = problems
    }

    /// Reads every log of the workspace, on all cores.
    public static func load(_ inputs: WorkspaceInputs, clients: Set<String>? = nil) -> LoadedLogs {
        var jobs: [(path: String, client: String, log: String)] = []
        for client in inputs.clients where clients.map({ Self.matches(client.name, $0) }) ?? true {
            for log in client.logs {
                for file in log.files { jobs.append((file, client.name, log.name)) }
            }
        }
        let jobList = jobs
        let files = Concurrently.map(count: jobs.count) { k in
            inputs.readLog(path: jobList[k].path, client: jobList[k].client, logName: jobList[k].log)
        }
        return LoadedLogs(files: files, problems: inputs.problems + files.flatMap(\.problems))
    }

    private static func matches(_ client: String, _ wanted: Set<String>) -> Bool {
        wanted.contains { $0.caseInsensitiveCompare(client) == .orderedSame }
    }

    public var recordCount: Int { files.reduce(0) { $0 + $1.count } }
    public var unparsedCount: Int { files.reduce(0) { $0 + $1.unparsedCount } }
    public var byteCount: Int { files.reduce(0) { $0 + $1.byteCount } }
    /// Problems that stopped a file from being read (as opposed to fragments kept as unparsed).
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    public subscript(reference: RecordReference) -> LogRecord {
        files[Int(reference.file)].record(at: Int(reference.index))
    }

    /// The clients, in order, as named in the loaded files.
    public var clientNames: [String] {
        var seen = Set<String>()
        return files.compactMap { seen.insert($0.client).inserted ? $0.client : nil }
    }
}

/// Names one record of a `LoadedLogs`: which file, which record of it.
public struct RecordReference: Sendable, Hashable {
    public var file: UInt32
    public var index: UInt32

    public init(file: Int, index: Int) {
        self.file = UInt32(file)
        self.index = UInt32(index)
    }
}
