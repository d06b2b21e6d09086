extension Diagnosis {
    /// The workspace's rules over its logs and facts, for the clients it was read for. The problems
    /// met reading the rules are the workspace's (`Workspace.problems`), so `problems` is empty.
    static func run(_ workspace: Workspace) -> Output {
        let policy = workspace.policy
        let engine = DiagnosticEngine(rules: workspace.rules, policy: policy,
                                      providers: DiagnosticProviders.forWorkspace(workspace),
                                      explainCode: DiagnosticProviders.codeExplainer(policy: policy))
        let result = engine.run(workspace.logs, clients: workspace.options.clients)
        return Output(findings: result.findings, skipped: result.skipped, problems: [], rules: workspace.rules,
                      logFileCount: workspace.logs.files.count)
    }
}

extension DiagnosticProviders {
    /// The facts of a workspace: its shared execution history worded for the rules, its other
    /// executions, and its inventory judged against its catalogue when it has one.
    public static func forWorkspace(_ workspace: Workspace) -> [any DiagnosticFactProvider] {
        let explain = exitCodeExplainer(policy: workspace.policy)
        // Only the programs the facts are about are worded again for the rules: a second wording of
        // every verdict of a 1 GB execmgr.log would cost tens of megabytes for nothing.
        var failing = workspace.executionHistory()
        failing.timelines.removeAll { !ExecutionFacts.verdicts.contains($0.verdict.kind) }
        var providers: [any DiagnosticFactProvider] = [
            ExecutionFacts(history: failing.explained(by: explain), explain: explain),
        ]
        // Answered always, as the programs' facts are: a workspace without these logs has none of
        // their faults, and reading nothing costs nothing.
        let kinds = Executions.build(logs: workspace.logs, policy: workspace.policy,
                                     kinds: ExecutionKindFacts.executionKinds, explain: explain)
        providers.append(ExecutionKindFacts(executions: kinds.others))
        if workspace.hasInventory {
            providers.append(InventoryFacts(inventory: workspace.inventory, catalog: workspace.catalog))
        }
        return providers
    }
}
