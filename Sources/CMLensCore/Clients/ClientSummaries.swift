/// Everything the workspace knows, held once, from which each client's `ClientSummary` is cut
/// on demand: a workspace of 100,000 inventory rows never builds 100,000 summaries to show one.
///
/// Clients are matched by name case-insensitively, as ConfigMgr names machines: the log folder
/// `wks-acct-014` and the inventory's `WKS-ACCT-014` are one client.
public struct ClientSummaries: Sendable {
    public var inventory: Inventory
    public var report: ComplianceReport
    public var history: ExecutionHistory
    /// Every client's findings, in the engine's order.
    public var findings: [DiagnosticFinding]
    public var logs: LoadedLogs
    /// Applications, task sequence runs and update jobs (`Executions.others`).
    public var executions: [Execution]

    public init(inventory: Inventory, report: ComplianceReport, history: ExecutionHistory,
                findings: [DiagnosticFinding], logs: LoadedLogs, executions: [Execution] = []) {
        self.inventory = inventory
        self.report = report
        self.history = history
        self.findings = findings
        self.logs = logs
        self.executions = executions
    }

    /// Reads and judges the whole workspace: the inventory against the built-in catalogue plus
    /// the workspace's, the execmgr logs' programs under `policy`, the diagnostic rules.
    public static func load(inputs: WorkspaceInputs, logs: LoadedLogs, policy: RetryPolicy) -> ClientSummaries {
        let (inventory, report) = judge(inputs.tableFiles)
        let history = ExecutionHistory.build(logs: logs, policy: policy, explain: ErrorExplainer.exitCodeMeaning)
        let findings = Diagnosis.run(inputs: inputs, logs: logs, policy: policy, history: history).findings
        let executions = Executions.build(logs: logs, policy: policy, kinds: ExecutionKindFacts.executionKinds,
                                          explain: ErrorExplainer.exitCodeMeaning).others
        return ClientSummaries(inventory: inventory, report: report, history: history, findings: findings, logs: logs,
                               executions: executions)
    }

    /// The inventory's clients judged against the built-in hotfix catalogue plus those found beside it.
    public static func judge(_ tableFiles: [String]) -> (inventory: Inventory, report: ComplianceReport) {
        let inventory = Inventory.load(files: tableFiles)
        return (inventory, ComplianceEvaluator.evaluate(inventory, catalog: HotfixCatalog.forWorkspace(inventory).0))
    }

    /// Every client: those with logs in load order, then those only the inventory names, by name.
    public var names: [String] {
        var seen = Set<String>()
        var out: [String] = []
        for file in logs.files where seen.insert(file.client.lowercased()).inserted { out.append(file.client) }
        for client in report.clients where seen.insert(client.displayName.lowercased()).inserted {
            out.append(client.displayName)
        }
        return out
    }

    /// The client of that name (case-insensitively; `ResourceID 16777220` names a machine the
    /// inventory lists without a name); nil when no source knows it.
    public func summary(of name: String) -> ClientSummary? {
        let key = name.lowercased()
        let position = report.clients.firstIndex { $0.displayName.lowercased() == key }
        let files = logs.files.filter { $0.client.lowercased() == key }
        let programs = history.timelines.filter { $0.key.client.lowercased() == key }
        let found = findings.filter { $0.client.lowercased() == key }
        guard position != nil || !files.isEmpty || !programs.isEmpty || !found.isEmpty else { return nil }

        var summary = ClientSummary(name: files.first?.client ?? position.map { report.clients[$0].displayName } ?? name)
        if let position {
            let client = report.clients[position]
            summary.resourceID = client.resourceID
            summary.system = client.system
            summary.components = client.componentIndexes.map { inventory.components[$0] }
                .sorted { $0.name.lowercased() < $1.name.lowercased() }
            summary.hotfixes = report.kbs.map { $0.verdicts[position] }
        }
        // Failing first, so the answer to "what is wrong" is at the top; log order otherwise.
        summary.programs = programs.map { ClientSummary.Program(key: $0.key, verdict: $0.verdict) }
            .enumerated().sorted { ($0.element.isFailing ? 0 : 1, $0.offset) < ($1.element.isFailing ? 0 : 1, $1.offset) }
            .map(\.element)
        summary.findings = found.enumerated()
            .sorted { (-$0.element.severity.rank, $0.offset) < (-$1.element.severity.rank, $1.offset) }
            .map(\.element)
        let executions = executions.filter { $0.client.lowercased() == key }
        summary.failingApplications = ClientSummary.failingApplications(executions)
        summary.failedTaskSequences = executions.filter { $0.kind == .taskSequence && $0.verdict.status == .failed }
        summary.failedUpdates = executions.filter { $0.kind == .softwareUpdates }.flatMap(\.entries).filter { $0.status == "failed" }
        summary.logs = Self.logs(files)
        summary.gaps = gaps(summary, position: position)
        return summary
    }

    private func gaps(_ summary: ClientSummary, position: Int?) -> [String] {
        var out: [String] = []
        if logs.files.isEmpty {
            out.append("The workspace has no logs: programs and log activity are unknown.")
        } else if !summary.hasLogs {
            out.append("No logs of \(summary.name): its programs and log activity are unknown.")
        } else if !summary.logs.contains(where: { ExecutionHistory.isExecmgrLog($0.name) }) {
            out.append("No execmgr log: the programs run on \(summary.name) are unknown.")
        }
        if report.clients.isEmpty {
            out.append("The workspace has no inventory: component versions and hotfixes are unknown.")
        } else if position == nil {
            out.append("\(summary.name) is not in the inventory: component versions and hotfixes are unknown.")
        } else if summary.components.isEmpty {
            out.append("The inventory lists \(summary.name) without components: hotfixes cannot be judged.")
        }
        return out
    }

    /// One entry per log name, with its rotations (oldest file first), by name.
    static func logs(_ files: [LogFileIndex]) -> [ClientSummary.Log] {
        var order: [String] = []
        var byName: [String: ClientSummary.Log] = [:]
        for file in files {
            let name = file.logName
            var log = byName[name] ?? ClientSummary.Log(name: name, paths: [], records: 0, errors: 0, warnings: 0, lastActivity: nil)
            if byName[name] == nil { order.append(name) }
            log.paths.append(file.path)
            log.records += file.count
            log.errors += file.count(of: .error)
            log.warnings += file.count(of: .warning)
            if let last = (0..<file.count).last(where: file.hasTime(at:)), let time = file.record(at: last).time,
               log.lastActivity.map({ $0.utcNanoseconds < time.utcNanoseconds }) ?? true {
                log.lastActivity = time
            }
            byName[name] = log
        }
        return order.map { byName[$0]! }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}
