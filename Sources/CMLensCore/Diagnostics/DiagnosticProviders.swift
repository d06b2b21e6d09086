/// The fact providers and the error-code explainers a workspace offers the rules: the execution
/// timeline (`Execution/`) and the applications, task sequences and update jobs beside it, inventory and hotfix compliance (`Inventory/`, `Compliance/`) when the
/// workspace holds inventory exports, and the error catalogue (`ErrorCodes/`).
public enum DiagnosticProviders {
    /// The providers, and the problems met reading what they rest on. `history`: the logs' execution
    /// history when the caller already built it (the console shares one); its verdicts are worded again.
    public static func forWorkspace(_ inputs: WorkspaceInputs, logs: LoadedLogs, policy: RetryPolicy,
                                    history: ExecutionHistory? = nil)
        -> (providers: [any DiagnosticFactProvider], problems: [LoadProblem]) {
        let explain = exitCodeExplainer(policy: policy)
        let facts = history?.explained(by: explain) ?? ExecutionHistory.build(logs: logs, policy: policy, explain: explain)
        var providers: [any DiagnosticFactProvider] = [ExecutionFacts(history: facts, explain: explain)]
        // Answered always, as the programs' facts are: a workspace without these logs has none of
        // their faults, and reading nothing costs nothing.
        let kinds = Executions.build(logs: logs, policy: policy, kinds: ExecutionKindFacts.executionKinds, explain: explain)
        providers.append(ExecutionKindFacts(executions: kinds.others))
        var problems: [LoadProblem] = []
        if let inventory = inventoryFacts(inputs) {
            providers.append(inventory.facts)
            problems = inventory.problems
        }
        return (providers, problems)
    }

    /// Inventory facts when the workspace holds inventory CSV files, judged against the built-in
    /// hotfix catalogue merged with any catalogue found beside them (and `catalogFiles`); with the
    /// problems met reading them (a bad row names its CSV line).
    public static func inventoryFacts(_ inputs: WorkspaceInputs, catalogFiles: [String] = [])
        -> (facts: InventoryFacts, problems: [LoadProblem])? {
        guard !inputs.tableFiles.isEmpty else { return nil }
        let inventory = Inventory.load(files: inputs.tableFiles)
        guard !inventory.systems.isEmpty || !inventory.components.isEmpty else { return nil }
        let (catalog, catalogProblems) = HotfixCatalog.forWorkspace(inventory, files: catalogFiles)
        return (InventoryFacts(inventory: inventory, catalog: catalog), inventory.problems + catalogProblems)
    }

    /// `0x80070005` → `E_ACCESSDENIED: Access is denied.`; nil when the catalogue does not know it.
    public static func codeExplainer(policy: RetryPolicy) -> DiagnosticCodeExplainer {
        let explainer = ErrorExplainer(policy: policy)
        return { code in
            let digits = code.lowercased().hasPrefix("0x") ? code.dropFirst(2) : Substring(code)
            guard let value = UInt32(digits, radix: 16) else { return nil }
            return meaning(explainer.explain(value: value, input: code))
        }
    }

    /// A program's exit code (`1618`, `-2147024891`) in words, for the execution facts.
    public static func exitCodeExplainer(policy: RetryPolicy) -> ExitCodeExplainer {
        let explainer = ErrorExplainer(policy: policy)
        return { code in meaning(explainer.explain(value: UInt32(truncatingIfNeeded: code))) }
    }

    static func meaning(_ explanation: ErrorExplanation) -> String? {
        guard explanation.isDocumented else { return nil }
        return [explanation.name, explanation.message].compactMap { $0 }.joined(separator: ": ")
    }
}
