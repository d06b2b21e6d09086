/// Every execution of the kinds asked for in a workspace: the programs' histories as they always
/// were, and the applications, task sequence runs and software-update jobs beside them.
public struct Executions: Sendable {
    /// The programs' histories (execmgr.log); nil when programs were not asked for.
    public var programs: ExecutionHistory?
    /// Applications, task sequence runs and update jobs, by kind, then client, in log order.
    public var others: [Execution]

    public init(programs: ExecutionHistory?, others: [Execution]) {
        self.programs = programs
        self.others = others
    }

    /// Every execution in the shape all kinds share, programs first.
    public func all(explain: ExitCodeExplainer? = nil) -> [Execution] {
        (programs?.timelines.map { Execution(program: $0, explain: explain) } ?? []) + others
    }

    public func of(_ kind: ExecutionKind) -> [Execution] { others.filter { $0.kind == kind } }

    /// The kinds that have at least one execution.
    public var kindsPresent: [ExecutionKind] {
        var kinds = Set(others.map(\.kind))
        if programs.map({ !$0.timelines.isEmpty || !$0.unattributed.isEmpty }) ?? false { kinds.insert(.program) }
        return kinds.sorted()
    }

    /// The workspace cut down to the logs the kinds are read from, so a big workspace loads fast
    /// and other logs' problems stay out of the report.
    public static func inputs(_ inputs: WorkspaceInputs, kinds: Set<ExecutionKind>) -> WorkspaceInputs {
        var only = inputs
        only.clients = inputs.clients.compactMap { client in
            var kept = client
            kept.logs = client.logs.filter { log in ExecutionKind.of(logName: log.name).map(kinds.contains) ?? false }
            return kept.logs.isEmpty ? nil : kept
        }
        return only
    }

    /// Reads the kinds asked for from the loaded logs. Each client's logs come oldest file first
    /// (`LoadedLogs`' order), so a run split by a rotation is read as one.
    public static func build(logs: LoadedLogs, policy: RetryPolicy, kinds: Set<ExecutionKind> = Set(ExecutionKind.allCases),
                             explain: ExitCodeExplainer? = nil) -> Executions {
        let programs = kinds.contains(.program) ? ExecutionHistory.build(logs: logs, policy: policy, explain: explain) : nil
        var others: [Execution] = []
        if kinds.contains(.taskSequence) {
            var reader = TaskSequenceReader(explain: explain)
            for file in logs.files where ExecutionKind.of(logName: file.logName) == .taskSequence {
                reader.begin(client: file.client, logName: file.logName)
                file.forEachRecord { index, record in reader.add(record, source: StepSource(file: file, index: index)) }
            }
            others += reader.finish()
        }
        if kinds.contains(.application) {
            var reader = ApplicationReader(explain: explain)
            others += readMerged(logs, kind: .application, begin: { reader.begin(client: $0) },
                                 add: { reader.add($0, source: $1) }, finish: { reader.finish() })
        }
        if kinds.contains(.softwareUpdates) {
            var reader = UpdateJobReader(explain: explain)
            others += readMerged(logs, kind: .softwareUpdates, begin: { reader.begin(client: $0) },
                                 add: { reader.add($0, source: $1) }, finish: { reader.finish() })
        }
        return Executions(programs: programs, others: others)
    }

    /// A client's logs of one kind, their records merged by time: the update agent, the handler, the
    /// WUA handler and the store (or AppEnforce, AppDiscovery and AppIntentEval) each tell part of
    /// the same story.
    static func readMerged(_ logs: LoadedLogs, kind: ExecutionKind, begin: (String) -> Void,
                           add: (LogRecord, StepSource) -> Void, finish: () -> [Execution]) -> [Execution] {
        var byClient: [(client: String, files: [LogFileIndex])] = []
        for file in logs.files where ExecutionKind.of(logName: file.logName) == kind {
            if byClient.last?.client == file.client { byClient[byClient.count - 1].files.append(file) } else { byClient.append((file.client, [file])) }
        }
        for (client, files) in byClient {
            begin(client)
            // The workspace's merge by time (ties: file by file, then the log's own order), over
            // this client's logs of the kind.
            let merged = LoadedLogs(files: files, problems: [])
            for reference in LogMerge.merged(merged) {
                let file = files[Int(reference.file)]
                add(merged[reference], StepSource(file: file, index: Int(reference.index)))
            }
        }
        return finish()
    }

    /// The executions a `--client` filter keeps.
    public func filtered(clients: [String]) -> Executions {
        guard !clients.isEmpty else { return self }
        var copy = self
        copy.programs = programs?.filtered(clients: clients)
        copy.others = others.filter { e in clients.contains { $0.caseInsensitiveCompare(e.client) == .orderedSame } }
        return copy
    }
}
