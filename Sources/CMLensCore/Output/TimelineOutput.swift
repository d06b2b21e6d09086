/// `cmlens timeline`'s output forms. JSON and CSV field names are a documented contract
/// (README.md): one object per step (`"kind":"step"`), then one per execution (`"kind":"verdict"`).
/// `kind` was already the record's kind when executions grew kinds, so the execution's kind is
/// `executionKind`; every kind writes the same keys (`TimelineOutput+Kinds.swift`).
public enum TimelineOutput {
    public static let csvHeader = ["kind", "client", "advertisement", "package", "program", "time", "event", "from",
                                   "state", "exitCode", "retried", "attempt", "maxAttempts", "nextRetryAt",
                                   "evidence", "text", "note"]

    // MARK: JSON

    public static func json(step: ExecutionStep, key: ProgramKey?, policy: RetryPolicy, explain: ExitCodeExplainer? = nil) -> String {
        var o = JSONLine()
        o.add("kind", "step")
        addKey(&o, key)
        o.add("time", step.time?.iso8601)
        o.add("event", step.event.rawValue)
        o.add("from", step.from)
        o.add("state", step.state)
        o.add("exitCode", step.exitCode)
        o.add("exitCodeClass", step.exitCode.map { ExitCodeClass.of($0, policy: policy).rawValue })
        o.add("exitCodeMeaning", step.exitCode.flatMap { explain?($0) })
        o.add("retried", step.retried)
        o.add("attempt", step.attempt)
        o.add("maxAttempts", policy.isUnlimited ? nil : policy.maxAttempts)
        o.add("nextRetryAt", step.nextRetryAt?.iso8601)
        o.add("evidence", step.evidence.description)
        o.add("message", step.message)
        o.add("note", step.notes.isEmpty ? nil : step.notes.joined(separator: "; "))
        o.add("unknownState", step.unknownState)
        o.add("executionKind", ExecutionKind.program.rawValue)
        o.add("execution", key?.program)
        o.add("step", describe(step))
        o.add("outcome", Execution.outcome(of: step).rawValue)
        return o.rendered
    }

    public static func json(verdict timeline: ExecutionTimeline) -> String {
        let v = timeline.verdict
        var o = JSONLine()
        o.add("kind", "verdict")
        addKey(&o, timeline.key)
        o.add("time", v.time?.iso8601)
        o.add("verdict", v.kind.rawValue)
        o.add("state", v.state)
        o.add("exitCode", v.exitCode)
        o.add("retried", v.retried)
        o.add("attempt", v.attemptsUsed)
        o.add("maxAttempts", v.maxAttempts)
        o.add("nextRetryAt", v.prediction?.dueAt.iso8601)
        o.add("retryTimerAt", v.prediction?.timerAt.iso8601)
        o.add("countdownSeconds", v.prediction?.countdown)
        o.add("evidence", v.evidence?.description)
        o.add("text", v.text)
        o.add("policy", timeline.policy.sourceDescription)
        o.add("policySource", timeline.policy.source == .defaults ? "defaults" : "siteControl")
        o.add("note", v.notes.isEmpty ? nil : v.notes.joined(separator: "; "))
        o.add("executionKind", ExecutionKind.program.rawValue)
        o.add("execution", timeline.key.program)
        o.add("status", Execution.status(of: v.kind).rawValue)
        o.add("failedStep", nil as String?)
        o.addRaw("details", detailsJSON(Execution(program: timeline).details))
        o.addRaw("entries", "[]")
        return o.rendered
    }

    private static func addKey(_ o: inout JSONLine, _ key: ProgramKey?) {
        o.add("client", key?.client)
        o.add("advertisement", key?.advertisement)
        o.add("package", key?.package)
        o.add("program", key?.program)
    }

    // MARK: CSV

    public static func csv(step: ExecutionStep, key: ProgramKey?, policy: RetryPolicy) -> String {
        CSVRow.render(["step", key?.client ?? "", key?.advertisement ?? "", key?.package ?? "", key?.program ?? "",
                       step.time?.iso8601 ?? "", step.event.rawValue, step.from ?? "", step.state ?? "",
                       step.exitCode.map(String.init) ?? "", step.retried.map { $0 ? "true" : "false" } ?? "",
                       String(step.attempt), policy.isUnlimited ? "" : String(policy.maxAttempts),
                       step.nextRetryAt?.iso8601 ?? "", step.evidence.description, step.message,
                       step.notes.joined(separator: "; ")])
    }

    public static func csv(verdict timeline: ExecutionTimeline) -> String {
        let v = timeline.verdict, key = timeline.key
        return CSVRow.render(["verdict", key.client, key.advertisement ?? "", key.package ?? "", key.program,
                              v.time?.iso8601 ?? "", v.kind.rawValue, "", v.state ?? "",
                              v.exitCode.map(String.init) ?? "", v.retried.map { $0 ? "true" : "false" } ?? "",
                              String(v.attemptsUsed), v.maxAttempts.map(String.init) ?? "",
                              v.prediction?.dueAt.iso8601 ?? "", v.evidence?.description ?? "", v.text,
                              v.notes.joined(separator: "; ")])
    }

    // MARK: Text

    /// `WKS-ACCT-014  advert ACM20011  package ACM00012  program "Office 2010, SP1"`
    public static func header(_ key: ProgramKey) -> StyledText {
        func e(_ text: String) -> String { TerminalText.escape(text) }
        return StyledText(e(key.client), .heading) + "  advert " + e(key.advertisement ?? "?") + "  package "
            + e(key.package ?? "?") + "  program " + StyledText("\"" + e(key.program) + "\"", .heading)
    }

    public static func verdictLine(_ verdict: ExecutionVerdict) -> StyledText {
        "  " + StyledText(TerminalText.escape(verdict.text), Meaning(verdict.kind))
    }

    /// `  2011-01-14 10:00:05.000-05:00  run 1  exit code 999 (in the retry list: retried)   execmgr.lo_:20`
    public static func text(step: ExecutionStep, policy: RetryPolicy, explain: ExitCodeExplainer? = nil) -> [StyledText] {
        let time = step.time?.displayWithOffset ?? "(no time)".padded(to: 29)
        let run = step.attempt > 0 ? "run \(step.attempt)" : "     "
        var what = describe(step)
        if let code = step.exitCode {
            let kind = ExitCodeClass.of(code, policy: policy)
            let meaning = explain?(code).map { $0 + "; " } ?? ""
            let shown = step.event == .exitCode || step.event == .willRetry ? "" : "exit \(code): "
            what += "  [\(shown)\(meaning)\(kind.phrase)]"
        }
        if step.event == .stateChange, step.state == ExecutionState.failureRetry {
            what += policy.isUnlimited ? "  no retry limit"
                : "  \(max(policy.maxAttempts - step.attempt, 0)) of \(policy.count) retries left"
        }
        if let due = step.nextRetryAt { what += "  → next retry due \(due.displayWithOffset)" }
        let file = step.evidence.file.split(separator: "/").last.map(String.init) ?? step.evidence.file
        let body = TerminalText.escape(what).padded(to: 64)
        var line = "  " + StyledText(time, .dim) + "  " + run.padded(to: 6)
        line += StyledText(body, step.unknownState ? .unrecognised : .plain)
        line += "  " + StyledText(TerminalText.escape(file) + ":\(step.evidence.line)", .dim)
        var lines = [line]
        if let p = step.prediction, step.event == .stateChange || step.event == .willRetry {
            lines.append("      " + StyledText("why: " + TerminalText.escape(p.reasoning), .dim))
        }
        for note in step.notes { lines.append("      " + StyledText("note: " + TerminalText.escape(note), .warning)) }
        return lines
    }

    /// What a step says, in a few words.
    public static func describe(_ step: ExecutionStep) -> String {
        switch step.event {
        case .stateChange: "\(step.from ?? "?") → \(step.state ?? "?")"
        case .exitCode: "program exit code \(step.exitCode.map(String.init) ?? "?")"
        case .executionComplete: "execution complete, status \(step.state ?? "?")"
        case .willRetry: "exit code tried \(step.message.split(separator: " ").dropFirst(7).first ?? "?") times, will retry later"
        case .nonFatalError: "non-fatal execution error"
        case .raisedEvent:
            // The message and the event are read from the log on each access: once here.
            { message in String(message.split(separator: " for Ad:", maxSplits: 1).first ?? Substring(message)) }(step.message)
        case .wmiEvent:
            { event in "event \(event?.className ?? "?")" + (event?.exitCode.map { " ExitCode \($0)" } ?? "") }(step.wmiEvent)
        case .policyUpdated: "policy updated"
        case .policyRemoved: "policy removed: \(step.from ?? "?") → \(step.state ?? "?")"
        case .script: step.message.contains(" succeeded with exit code ") ? "script succeeded" : "script failed"
        case .unreadable: "unreadable: \(step.message)"
        }
    }
}
