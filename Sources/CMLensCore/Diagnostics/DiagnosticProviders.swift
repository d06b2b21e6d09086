/// The fact providers and the error-code explainer a workspace offers the rules. This is where the
/// execution timeline (`Execution/`), inventory and compliance (`Inventory/`, `Compliance/`) and the
/// error catalogue (`ErrorCodes/`) plug in as they land; until then the rules that need them say
/// they were not evaluated, and the regex rules run alone.
public enum DiagnosticProviders {
    public static func forWorkspace(_ inputs: WorkspaceInputs, logs: LoadedLogs,
                                    policy: RetryPolicy) -> [any DiagnosticFactProvider] {
        []
    }

    /// nil until the error catalogue is in CMLensCore.
    public static let codeExplainer: DiagnosticCodeExplainer? = nil
}
