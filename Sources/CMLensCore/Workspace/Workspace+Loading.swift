import Synchronization

extension Workspace {
    /// How far a load got, for a console to show while it waits.
    public enum LoadProgress: Sendable, CustomStringConvertible {
        case scanning([String])
        case reading(done: Int, of: Int)

        public var description: String {
            switch self {
            case .scanning(let paths): "scanning \(paths.count == 1 ? paths[0] : "\(paths.count) paths")"
            case .reading(let done, let total): "loading \(done)/\(total) files"
            }
        }
    }

    /// Finds what `paths` hold and reads the parts `options` asks for; the logs on all cores, the
    /// other parts beside them. A bad input is a problem in `problems`; the rest still loads.
    public static func load(_ paths: [String], _ options: Options = Options(),
                            progress: (@Sendable (LoadProgress) -> Void)? = nil) -> Workspace {
        progress?(.scanning(paths))
        // No paths is no workspace (`cmlens explain --site-control F`), not the current folder.
        let inputs = paths.isEmpty ? WorkspaceInputs() : WorkspaceScanner.scan(paths)
        return read(paths: paths, inputs: inputs, options: options, previous: nil, progress: progress)
    }

    /// The parts of inputs already found (tests, a workspace assembled by hand).
    public static func read(paths: [String], inputs: WorkspaceInputs, options: Options = Options()) -> Workspace {
        read(paths: paths, inputs: inputs, options: options, previous: nil, progress: nil)
    }

    /// A workspace of these logs, already read, and every other part read from the inputs (tests,
    /// a console's fixtures).
    public static func read(paths: [String], inputs: WorkspaceInputs, logs: LoadedLogs) -> Workspace {
        var options = Options()
        options.parts.remove(.logs)
        let rest = read(paths: paths, inputs: inputs, options: options, previous: nil, progress: nil)
        return Workspace(paths: paths, inputs: inputs, options: Options(), logs: logs, site: rest.site, rules: rest.rules,
                         problems: logs.problems + rest.problems.filter { !inputs.problems.contains($0) }, stamps: rest.stamps)
    }

    /// The same workspace with its site control file cited as `place` words it (a console cites it
    /// by its last parts, to fit a line); its analyses are computed afresh.
    public func citingSiteControl(_ place: (String) -> String) -> Workspace {
        guard case .siteControl(let path, let lines) = policy.source else { return self }
        var site = self.site
        site.policy.source = .siteControl(path: place(path), lines: lines)
        return Workspace(paths: paths, inputs: inputs, options: options, logs: logs, site: site, rules: rules,
                         problems: problems, stamps: stamps)
    }

    /// The same workspace with `more` parts read as well (`cmlens sql` reads the logs only when a
    /// query names them); the parts read already are kept.
    public func loading(_ more: Parts) -> Workspace {
        var wider = options
        wider.parts.formUnion(more)
        return Self.read(paths: paths, inputs: inputs, options: wider, previous: self, progress: nil)
    }

    /// The workspace again, for follow mode, with grown, rotated or new logs read again and the
    /// unchanged ones kept; nil when no log changed.
    public func refreshed() -> Workspace? {
        let inputs = WorkspaceScanner.scan(paths)
        let jobs = Self.logJobs(inputs, options: options, rules: rules)
        let unchanged = jobs.map(\.path) == logs.files.map(\.path) && jobs.allSatisfy { FileStamp.of($0.path) == stamps[$0.path] }
        if unchanged { return nil }
        return Self.read(paths: paths, inputs: inputs, options: options, previous: self, progress: nil)
    }

    /// One log file to read, and whose it is.
    struct LogJob: Sendable {
        var path: String
        var client: String
        var log: String
    }

    /// The log files the options select, in workspace order: by client, then by log, each rotated
    /// log's files oldest first.
    static func logJobs(_ inputs: WorkspaceInputs, options: Options, rules: [DiagnosticRule]) -> [LogJob] {
        guard options.parts.contains(.logs) else { return [] }
        let selected = options.logs.selected(from: inputs, rules: rules)
        var jobs: [LogJob] = []
        for client in selected.clients where options.clients.map({ Self.names(client.name, among: $0) }) ?? true {
            for log in client.logs {
                for file in log.files { jobs.append(LogJob(path: file, client: client.name, log: log.name)) }
            }
        }
        return jobs
    }

    private static func names(_ client: String, among wanted: Set<String>) -> Bool {
        wanted.contains { $0.caseInsensitiveCompare(client) == .orderedSame }
    }

    private static func read(paths: [String], inputs: WorkspaceInputs, options: Options, previous: Workspace?,
                             progress: (@Sendable (LoadProgress) -> Void)?) -> Workspace {
        let parts = options.parts
        // Rules first: a diagnosis reads only the logs they name.
        let (rules, ruleProblems) = parts.contains(.rules) || options.logs == .readByRules
            ? Diagnosis.rules(ruleFiles: inputs.ruleFiles + options.ruleFiles) : ([], [])
        let jobs = logJobs(inputs, options: options, rules: rules)
        let keeping = options.showing?.sparseKey
        let siteData = SiteData.Reader(inputs: inputs, options: options, previous: previous)
        let files: [(LogFileIndex, FileStamp?)]
        let rest: SiteData
        if siteData.isEmpty {
            files = readLogs(jobs, inputs: inputs, previous: previous, keeping: keeping, progress: progress)
            rest = siteData.read()
        } else {
            // The inventory (a million-row export takes seconds) is read beside the logs, not after them.
            let both = Concurrently.map(count: 2) { k -> Either in
                k == 0 ? .logs(readLogs(jobs, inputs: inputs, previous: previous, keeping: keeping, progress: progress)) : .others(siteData.read())
            }
            guard case .logs(let l) = both[0], case .others(let o) = both[1] else { preconditionFailure("job order") }
            files = l
            rest = o
        }
        var stamps = rest.stamps
        for (index, stamp) in files { stamps[index.path] = stamp }
        let indexes = files.map(\.0)
        let logs = LoadedLogs(files: indexes, problems: inputs.problems + indexes.flatMap(\.problems))
        return Workspace(paths: paths, inputs: inputs, options: options, logs: logs, site: rest, rules: rules,
                         problems: logs.problems + rest.problems + ruleProblems, stamps: stamps)
    }

    private enum Either: Sendable {
        case logs([(LogFileIndex, FileStamp?)])
        case others(SiteData)
    }

    /// Reads each log on all cores; a file whose stamp is what it was when `previous` read it is kept.
    private static func readLogs(_ jobs: [LogJob], inputs: WorkspaceInputs, previous: Workspace?, keeping: SparseKey?,
                                 progress: (@Sendable (LoadProgress) -> Void)?) -> [(LogFileIndex, FileStamp?)] {
        var known: [String: LogFileIndex] = [:]
        for file in previous?.logs.files ?? [] { known[file.path] = file }
        let reusable = known
        let oldStamps = previous?.stamps ?? [:]
        let done = Atomic<Int>(0)
        return Concurrently.map(count: jobs.count) { k -> (LogFileIndex, FileStamp?) in
            let job = jobs[k]
            // Taken before the read: a line written meanwhile shows as a change next time.
            let stamp = FileStamp.of(job.path)
            let index: LogFileIndex
            if let file = reusable[job.path], stamp != nil, stamp == oldStamps[job.path] {
                index = file
            } else {
                index = inputs.readLog(path: job.path, client: job.client, logName: job.log, keeping: keeping)
            }
            if let progress {
                let finished = done.add(1, ordering: .relaxed).newValue
                if finished % 8 == 0 || finished == jobs.count { progress(.reading(done: finished, of: jobs.count)) }
            }
            return (index, stamp)
        }
    }
}
