/// The execution timeline as facts for the rules: a program waiting to retry after a failure
/// (`execution.retrying`) and a program that failed with a code the policy never retries
/// (`execution.failedNonRetry`). Each failure line of the program's history is one match, so a
/// finding quotes every line of the loop; all carry the same captures.
public struct ExecutionFacts: DiagnosticFactProvider {
    public let history: ExecutionHistory
    let explain: ExitCodeExplainer?

    public init(history: ExecutionHistory, explain: ExitCodeExplainer? = nil) {
        self.history = history
        self.explain = explain
    }

    public var kinds: Set<String> { [DiagnosticFactKind.executionRetrying, DiagnosticFactKind.executionFailedNonRetry] }

    /// The verdicts the facts are about: waiting to retry, failed for good.
    static let verdicts: Set<ExecutionVerdict.Kind> = [.waitingRetry, .failureNonRetry]

    public func facts(of kind: String) -> [DiagnosticMatch] {
        let wanted: ExecutionVerdict.Kind
        switch kind {
        case DiagnosticFactKind.executionRetrying: wanted = .waitingRetry
        case DiagnosticFactKind.executionFailedNonRetry: wanted = .failureNonRetry
        default: return []
        }
        return history.timelines.filter { $0.verdict.kind == wanted }.flatMap { timeline in
            let captures = Self.captures(timeline, explain: explain)
            return timeline.steps.filter(Self.isFailureEvidence).map { step in
                DiagnosticMatch(pattern: kind, client: timeline.key.client, place: step.evidence,
                                time: step.time, captures: captures, text: step.message)
            }
        }
    }

    /// Lines that show the program failing or being set to retry; not the launches, the WMI event
    /// blocks or the policy lines around them.
    static func isFailureEvidence(_ step: ExecutionStep) -> Bool {
        switch step.event {
        case .willRetry, .nonFatalError:
            return true
        case .stateChange:
            let state = step.state ?? ""
            return state == ExecutionState.failureRetry || state == ExecutionState.waitingRetry
                || state == ExecutionState.failureNonRetry
        case .exitCode, .executionComplete, .script:
            return step.retried != nil  // nil for a success or a line without a code
        default:
            return false
        }
    }

    static func captures(_ timeline: ExecutionTimeline, explain: ExitCodeExplainer?) -> [String: String] {
        let key = timeline.key, verdict = timeline.verdict
        var captures: [String: String] = [
            "program": key.program,
            "request": [key.advertisement ?? "-", key.package ?? "-", key.program].joined(separator: " "),
            "attemptsUsed": String(verdict.attemptsUsed),
            "verdict": verdict.text,
            "policy": timeline.policy.sourceDescription,
        ]
        captures["advertisement"] = key.advertisement
        captures["package"] = key.package
        if let code = verdict.exitCode {
            captures["code"] = String(code)
            captures["meaning"] = explain?(code)
        }
        if let most = verdict.maxAttempts {
            captures["maxAttempts"] = String(most)
            captures["attemptsLeft"] = String(max(0, most - verdict.attemptsUsed))
        } else {
            captures["maxAttempts"] = "unlimited"
            captures["attemptsLeft"] = "unlimited"
        }
        captures["nextRetry"] = verdict.prediction.map { DiagnosticTemplate.display($0.dueAt) }
        return captures
    }
}
