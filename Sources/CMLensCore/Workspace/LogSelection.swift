/// Which of a workspace's logs a command reads. Reading only what a command looks at keeps a big
/// workspace fast, and keeps the other logs' problems out of its report.
public enum LogSelection: Sendable, Hashable {
    /// Every log.
    case all
    /// The logs these kinds of execution are read from (execmgr.log for programs, AppEnforce.log
    /// and its kin for applications, smsts.log, the updates logs).
    case executions(Set<ExecutionKind>)
    /// The logs the workspace's rules read, and execmgr.log, which the execution facts come from.
    case readByRules

    /// The inputs cut down to the selected logs; the other inputs are kept.
    func selected(from inputs: WorkspaceInputs, rules: [DiagnosticRule]) -> WorkspaceInputs {
        switch self {
        case .all: inputs
        case .executions(let kinds): Executions.inputs(inputs, kinds: kinds)
        case .readByRules: Diagnosis.inputs(inputs, readBy: rules)
        }
    }
}
