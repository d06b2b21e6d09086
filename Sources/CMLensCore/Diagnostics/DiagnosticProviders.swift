/// The fact providers and the error-code explainers a workspace offers the rules: the execution
/// timeline (`Execution/`) and the error catalogue (`ErrorCodes/`). Inventory and hotfix compliance
/// (`inventory.missingHotfix`, `inventory.workgroup`) plug in here once they are in CMLensCore; until
/// then the rules that need them are listed as not evaluated.
public enum DiagnosticProviders {
    /// The providers, and the problems met reading what they rest on.
    public static func forWorkspace(_ inputs: WorkspaceInputs, logs: LoadedLogs, policy: RetryPolicy)
        -> (providers: [any DiagnosticFactProvider], problems: [LoadProblem]) {
        let explain = exitCodeExplainer(policy: policy)
        let providers: [any DiagnosticFactProvider] = [
            ExecutionFacts(history: ExecutionHistory.build(logs: logs, policy: policy, explain: explain), explain: explain),
        ]
        // Hook: inventory facts (InventoryFacts over Inventory + HotfixCatalog) join here.
        return (providers, [])
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
