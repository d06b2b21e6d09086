import Synchronization

/// The analyses of one workspace, each computed the first time it is asked for and then shared by
/// every copy of the workspace and every thread: on a workspace with a 1 GB execmgr.log a copy of
/// the execution history costs hundreds of megabytes, so nobody builds a second one.
///
/// Each result has its own lock: a caller that asks for one waits for the one already computing it
/// rather than doing the work twice, and does not wait for the others. The analyses ask for each
/// other only in the order summaries → diagnosis → history / executions / compliance, so no two
/// callers wait on each other.
final class WorkspaceAnalyses: Sendable {
    let history = Mutex<ExecutionHistory?>(nil)
    let executions = Mutex<[Execution]?>(nil)
    let diagnosis = Mutex<Diagnosis.Output?>(nil)
    let compliance = Mutex<ComplianceReport?>(nil)
    let summaries = Mutex<ClientSummaries?>(nil)

    /// The value in `slot`, made by `make` the first time.
    static func once<Value: Sendable>(_ slot: borrowing Mutex<Value?>, _ make: () -> Value) -> Value {
        slot.withLock { cached in
            if let cached { return cached }
            let made = make()
            cached = made
            return made
        }
    }
}
