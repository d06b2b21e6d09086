import CMLensCore
import Synchronization

/// Results several panes need from the whole workspace, computed once per loaded workspace by the
/// first background job that asks and then shared: the execution history (Timeline, Retry codes,
/// Diagnostics, Client, Compare), the diagnosis (Diagnostics, Client, Compare), the hotfix
/// compliance (Compliance, Clients, Client, Compare). On a workspace with a 1 GB execmgr.log each
/// copy of the history costs hundreds of megabytes, so no pane builds its own.
///
/// Each result has its own lock: a job that asks for one waits for the job already computing it
/// rather than doing the work twice, and does not wait for the others. Locks are only ever taken
/// in the order summaries → diagnosis → history / executions / compliance, so no two jobs wait on each other.
final class WorkspaceAnalyses: Sendable {
    private let history = Mutex<ExecutionHistory?>(nil)
    private let executions = Mutex<[Execution]?>(nil)
    private let findings = Mutex<[DiagnosticFinding]?>(nil)
    private let compliance = Mutex<Compliance?>(nil)
    private let summaries = Mutex<ClientSummaries?>(nil)

    /// The inventory and its clients' verdicts against the hotfix catalogue.
    struct Compliance: Sendable {
        var inventory: Inventory
        var report: ComplianceReport
    }

    init() {}

    /// The history, computed by `make` the first time.
    func executionHistory(_ make: () -> ExecutionHistory) -> ExecutionHistory {
        Self.once(history, make)
    }

    /// The applications, task sequences and update jobs, computed by `make` the first time.
    func otherExecutions(_ make: () -> [Execution]) -> [Execution] {
        Self.once(executions, make)
    }

    /// Every client's findings, computed by `make` the first time.
    func diagnosis(_ make: () -> [DiagnosticFinding]) -> [DiagnosticFinding] {
        Self.once(findings, make)
    }

    /// The compliance, computed by `make` the first time.
    func compliance(_ make: () -> Compliance) -> Compliance {
        Self.once(compliance, make)
    }

    /// The summaries, computed by `make` the first time.
    func clientSummaries(_ make: () -> ClientSummaries) -> ClientSummaries {
        Self.once(summaries, make)
    }

    private static func once<Value: Sendable>(_ slot: borrowing Mutex<Value?>, _ make: () -> Value) -> Value {
        slot.withLock { cached in
            if let cached { return cached }
            let made = make()
            cached = made
            return made
        }
    }
}

extension ConsoleWorkspace {
    /// Every program's execution history, built once for this workspace; verdicts name what exit
    /// codes mean as the Timeline pane shows them.
    func executionHistory() -> ExecutionHistory {
        let logs = self.logs, policy = retryPolicy
        return analyses.executionHistory {
            ExecutionHistory.build(logs: logs, policy: policy, explain: ErrorExplainer.exitCodeMeaning)
        }
    }

    /// Every application, task sequence and software-update job, read once for this workspace.
    func otherExecutions() -> [Execution] {
        let logs = self.logs, policy = retryPolicy
        return analyses.otherExecutions {
            Executions.build(logs: logs, policy: policy, kinds: [.application, .taskSequence, .softwareUpdates],
                             explain: ErrorExplainer.exitCodeMeaning).others
        }
    }

    /// Every client's diagnostic findings, in the engine's order, from the shared history.
    func diagnosis() -> [DiagnosticFinding] {
        analyses.diagnosis {
            Diagnosis.run(inputs: inputs, logs: logs, policy: retryPolicy, history: executionHistory()).findings
        }
    }

    /// The inventory judged against the hotfix catalogue, read once for this workspace.
    func compliance() -> WorkspaceAnalyses.Compliance {
        let tables = inputs.tableFiles
        return analyses.compliance {
            let judged = ClientSummaries.judge(tables)
            return WorkspaceAnalyses.Compliance(inventory: judged.inventory, report: judged.report)
        }
    }

    /// Every client's summary, cut from the shared analyses.
    func clientSummaries() -> ClientSummaries {
        analyses.clientSummaries {
            let judged = compliance()
            return ClientSummaries(inventory: judged.inventory, report: judged.report, history: executionHistory(),
                                   findings: diagnosis(), logs: logs, executions: otherExecutions())
        }
    }
}
