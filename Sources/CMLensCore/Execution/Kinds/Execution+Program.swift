extension Execution {
    /// A program's history in the shape every kind shares, for a reader that lists all kinds alike
    /// (the program's own model keeps its retries and prediction).
    public init(program timeline: ExecutionTimeline, explain: ExitCodeExplainer? = nil) {
        let key = timeline.key
        var details: [Detail] = []
        if let advertisement = key.advertisement { details.append(Detail("advertisement", advertisement)) }
        if let package = key.package { details.append(Detail("package", package)) }
        let steps = timeline.steps.map { step in
            Step(time: step.time, name: key.program, event: step.event.rawValue, outcome: Self.outcome(of: step),
                 exitCode: step.exitCode, exitCodeMeaning: step.exitCode.flatMap { explain?($0) },
                 text: TimelineOutput.describe(step), source: step.source)
        }
        let v = timeline.verdict
        self.init(kind: .program, client: key.client, name: key.program, details: details, steps: steps,
                  verdict: Verdict(name: v.kind.rawValue, status: Self.status(of: v.kind), text: v.text, exitCode: v.exitCode,
                                   focus: steps.isEmpty ? nil : steps.count - 1, evidence: v.evidence, time: v.time))
    }

    static func outcome(of step: ExecutionStep) -> Outcome {
        guard step.changesState || step.event == .executionComplete, let state = step.state else { return .info }
        if ExecutionState.isSuccess(state) { return .succeeded }
        if state == ExecutionState.failureRetry || state == ExecutionState.failureNonRetry { return .failed }
        if state == "Running" { return .started }
        return .info
    }

    static func status(of kind: ExecutionVerdict.Kind) -> Verdict.Status {
        switch kind {
        case .success, .successRebootRequired: .succeeded
        case .waitingRetry, .inProgress: .inProgress
        case .failureNonRetry, .retryLimitReached, .removedWhileWaiting, .removed: .failed
        }
    }
}
