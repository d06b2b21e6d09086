/// Turns a program's history into its one-line verdict: the outcome, the exit code and what it
/// means, the policy that judged it, and what happens next.
struct ExecutionVerdictWriter {
    let policy: RetryPolicy
    let explain: ExitCodeExplainer?

    func verdict(steps: [ExecutionStep], attempts: [ExecutionAttempt], state lastState: String?, notes: [String],
                 pendingPrediction: RetryPrediction?) -> ExecutionVerdict {
        let draft = (steps: steps, attempts: attempts, state: lastState, notes: notes, pendingPrediction: pendingPrediction)
        let last = draft.attempts.last
        let lastStep = draft.steps.last
        let tries = max(draft.attempts.count, draft.attempts.compactMap(\.reportedTries).max() ?? 0)
        let maxAttempts = policy.isUnlimited ? nil : policy.maxAttempts
        // A state cmlens does not know (a cut-off `WaitingRet`) says less than the run's result.
        let knownState = draft.state.map { ExecutionState.isKnown($0) || $0 == ExecutionState.removed } ?? false
        let state = knownState ? draft.state : (last?.result ?? draft.state)
        let code = last?.exitCode
        let retried = code.map { ExitCodeClass.of($0, policy: policy).retried } ?? nil
        let failures = draft.attempts.filter { $0.result.map { !ExecutionState.isSuccess($0) } ?? false }.count
        var verdict = ExecutionVerdict(kind: .inProgress, state: draft.state ?? last?.result, exitCode: code, retried: retried,
                                       attemptsUsed: tries, maxAttempts: maxAttempts, prediction: nil, text: "",
                                       notes: draft.notes, evidence: lastStep?.evidence, time: lastStep?.time)
        let at = lastStep?.time.map { " at \($0.displayWithOffset)" } ?? ""
        let runs = "run \(tries)" + (maxAttempts.map { " of at most \($0)" } ?? " (no retry limit)")

        switch state {
        case ExecutionState.removed?:
            let before = draft.steps.last { $0.event == .policyRemoved }?.from
            let waiting = before == ExecutionState.waitingRetry || before == ExecutionState.failureRetry
            verdict.kind = waiting ? .removedWhileWaiting : .removed
            verdict.text = waiting
                ? "Removed while waiting to retry: the advertisement's policy was removed\(at), after \(exit(code)) on \(runs); the program will not run again"
                : "Removed: the advertisement's policy was removed\(at) (last state \(before ?? "unknown")); the program will not run again"
        case ExecutionState.success?:
            verdict.kind = .success
            verdict.text = "Success: \(exit(code ?? 0)) on run \(max(tries, 1))\(at)" + earlier(failures)
        case ExecutionState.successRebootRequired?:
            verdict.kind = .successRebootRequired
            verdict.text = "SuccessRebootRequired: \(exit(code ?? 3010)) on run \(max(tries, 1))\(at)" + earlier(failures)
                + "; the program is done, the computer must restart"
        case ExecutionState.failureNonRetry?:
            let limit = maxAttempts.map { tries >= $0 } ?? false
            verdict.kind = limit && retried == true ? .retryLimitReached : .failureNonRetry
            verdict.text = limit && retried == true
                ? "Retry limit reached: \(exit(code)) on \(runs)\(at); the policy allows no more retries (\(policy.sourceDescription))"
                : "FailureNonRetry: \(exit(code))\(at); it never runs again on its own (\(policy.sourceDescription))"
        case ExecutionState.failureRetry?, ExecutionState.waitingRetry?:
            if let max = maxAttempts, tries >= max {
                verdict.kind = .retryLimitReached
                verdict.text = "Retry limit reached: \(exit(code)) on \(runs)\(at); no retries left (\(policy.sourceDescription))"
            } else {
                verdict.kind = .waitingRetry
                verdict.prediction = draft.pendingPrediction
                var text = "\(state!): \(exit(code)) on \(runs)"
                if let p = draft.pendingPrediction {
                    text += "; next retry due \(p.dueAt.displayWithOffset) (\(p.reasoning))"
                } else {
                    text += "; the retry is due \(policy.interval) s after the failure (no time in the log to count from)"
                }
                verdict.text = text + " [policy: \(policy.sourceDescription)]"
            }
        default:
            verdict.kind = .inProgress
            verdict.text = "In progress: last state \(state ?? "unknown")\(at)"
                + (code.map { ", last \(exit($0))" } ?? "")
        }
        if !draft.notes.isEmpty { verdict.text += " — note: " + draft.notes.joined(separator: "; ") }
        return verdict
    }

    /// `exit 999 (in the retry list: retried)`, with the catalogue's meaning when there is one.
    func exit(_ code: Int?) -> String {
        guard let code else { return "no exit code logged" }
        let kind = ExitCodeClass.of(code, policy: policy)
        if let meaning = explain?(code), !meaning.isEmpty { return "exit \(code) (\(meaning); \(kind.phrase))" }
        return "exit \(code) (\(kind.phrase))"
    }

    private func earlier(_ failures: Int) -> String {
        failures == 0 ? "" : " after \(failures) failed run\(failures == 1 ? "" : "s")"
    }
}
