/// Applications, task sequences and software updates as facts for the rules: a deployment type
/// that failed with an exit code its table does not hold, a task sequence that stopped at a failed
/// step, an update that failed more than once. Each fact quotes the lines the verdict rests on.
public struct ExecutionKindFacts: DiagnosticFactProvider {
    public let executions: [Execution]

    public init(executions: [Execution]) {
        self.executions = executions
    }

    /// The kinds of execution the facts are read from.
    public static let executionKinds: Set<ExecutionKind> = [.application, .taskSequence, .softwareUpdates]

    public var kinds: Set<String> {
        [DiagnosticFactKind.applicationUnmatchedExitCode, DiagnosticFactKind.applicationNotDetectedAfterInstall,
         DiagnosticFactKind.taskSequenceStepFailed, DiagnosticFactKind.updateKeepsFailing]
    }

    public func facts(of kind: String) -> [DiagnosticMatch] {
        switch kind {
        case DiagnosticFactKind.applicationUnmatchedExitCode:
            executions.filter { $0.kind == .application && $0.verdict.name == "failedUnmatchedExitCode" }.flatMap(unmatched)
        case DiagnosticFactKind.applicationNotDetectedAfterInstall:
            executions.filter { $0.kind == .application && $0.verdict.name == "notDetectedAfterInstall" }.flatMap(notDetected)
        case DiagnosticFactKind.taskSequenceStepFailed:
            executions.filter { $0.kind == .taskSequence && $0.verdict.status == .failed && $0.verdict.failedStep != nil }.flatMap(stepFailed)
        case DiagnosticFactKind.updateKeepsFailing:
            executions.filter { $0.kind == .softwareUpdates }.flatMap(keepsFailing)
        default: []
        }
    }

    private func match(_ kind: String, _ execution: Execution, _ step: Execution.Step, _ captures: [String: String]) -> DiagnosticMatch {
        DiagnosticMatch(pattern: kind, client: execution.client, place: step.evidence,
                        time: step.time, captures: captures, text: step.message)
    }

    private func unmatched(_ app: Execution) -> [DiagnosticMatch] {
        var captures = ["application": app.name, "deploymentType": app.detail("deploymentType") ?? app.name, "verdict": app.verdict.text]
        captures["revision"] = app.detail("revision")
        captures["action"] = app.detail("action")
        if let code = app.verdict.exitCode {
            captures["code"] = String(code)
            captures["meaning"] = app.steps.first { $0.exitCode == code }?.exitCodeMeaning
        }
        return app.steps.filter { $0.event == "exitCode" || $0.event == "exitCodeUnmatched" }
            .map { match(DiagnosticFactKind.applicationUnmatchedExitCode, app, $0, captures) }
    }

    /// The exit code taken as success, then the detection that did not find the application.
    private func notDetected(_ app: Execution) -> [DiagnosticMatch] {
        var captures = ["application": app.name, "deploymentType": app.detail("deploymentType") ?? app.name,
                        "verdict": app.verdict.text, "code": "0x87D00324"]
        captures["revision"] = app.detail("revision")
        let ran = app.steps.firstIndex { $0.event == "commandExecuted" } ?? 0
        let evidence = app.steps.indices.filter { k in
            k == app.verdict.focus || app.steps[k].event == "exitCodeMatched" || (k > ran && app.steps[k].event == "detection")
        }
        return evidence.map { match(DiagnosticFactKind.applicationNotDetectedAfterInstall, app, app.steps[$0], captures) }
    }

    private func stepFailed(_ run: Execution) -> [DiagnosticMatch] {
        guard let focus = run.verdict.focus else { return [] }
        let failed = run.steps[focus]
        let start = run.steps.first?.time?.displayWithOffset ?? run.steps.first.map { $0.evidence.description } ?? ""
        var captures = ["taskSequence": run.name, "run": "\(run.name) \(start)", "step": failed.name,
                        "text": failed.text, "verdict": run.verdict.text]
        if let code = failed.exitCode {
            captures["code"] = ExecutionCode.display(code)
            captures["meaning"] = failed.exitCodeMeaning
        }
        captures["group"] = run.steps.last { $0.event == "groupAborted" }?.name
        // The failure, the group it aborted and the engine's word: what a reader looks for.
        let evidence = run.steps.indices.filter { k in
            k == focus || ["groupAborted", "lastActionFailed", "engineFailed", "engineResult"].contains(run.steps[k].event)
        }
        return evidence.map { match(DiagnosticFactKind.taskSequenceStepFailed, run, run.steps[$0], captures) }
    }

    /// More than one failure of the same update: the client tried again and it failed again.
    private func keepsFailing(_ job: Execution) -> [DiagnosticMatch] {
        job.entries.filter { $0.failures > 1 }.flatMap { entry -> [DiagnosticMatch] in
            var captures = ["update": entry.name, "failures": String(entry.failures), "verdict": job.verdict.text]
            captures["article"] = entry.article.map { "KB" + $0 }
            if let code = entry.exitCode {
                captures["code"] = ExecutionCode.display(code)
                captures["meaning"] = entry.exitCodeMeaning
            }
            return job.steps.filter { $0.outcome == .failed && $0.name == entry.name }
                .map { match(DiagnosticFactKind.updateKeepsFailing, job, $0, captures) }
        }
    }
}
