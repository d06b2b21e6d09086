/// The timeline's output for applications, task sequences and update jobs: the keys and columns
/// of a program's, so a script reads every kind alike; what only programs have is null.
extension TimelineOutput {
    public static func json(step: Execution.Step, of execution: Execution) -> String {
        var o = JSONLine()
        o.add("kind", "step")
        o.add("client", execution.client)
        o.add("advertisement", nil as String?)
        o.add("package", nil as String?)
        o.add("program", nil as String?)
        o.add("time", step.time?.iso8601)
        o.add("event", step.event)
        o.add("from", nil as String?)
        o.add("state", step.outcome.rawValue)
        o.add("exitCode", step.exitCode)
        o.add("exitCodeClass", nil as String?)
        o.add("exitCodeMeaning", step.exitCodeMeaning)
        o.add("retried", nil as Bool?)
        o.add("attempt", nil as Int?)
        o.add("maxAttempts", nil as Int?)
        o.add("nextRetryAt", nil as String?)
        o.add("evidence", step.evidence.description)
        o.add("message", step.message)
        o.add("note", nil as String?)
        o.add("unknownState", false)
        o.add("executionKind", execution.kind.rawValue)
        o.add("execution", execution.name)
        o.add("step", step.name + ": " + step.text)
        o.add("outcome", step.outcome.rawValue)
        return o.rendered
    }

    public static func json(verdict execution: Execution) -> String {
        let v = execution.verdict
        var o = JSONLine()
        o.add("kind", "verdict")
        o.add("client", execution.client)
        o.add("advertisement", nil as String?)
        o.add("package", nil as String?)
        o.add("program", nil as String?)
        o.add("time", v.time?.iso8601)
        o.add("verdict", v.name)
        o.add("state", v.status.rawValue)
        o.add("exitCode", v.exitCode)
        o.add("retried", nil as Bool?)
        o.add("attempt", nil as Int?)
        o.add("maxAttempts", nil as Int?)
        o.add("nextRetryAt", nil as String?)
        o.add("retryTimerAt", nil as String?)
        o.add("countdownSeconds", nil as Int?)
        o.add("evidence", v.evidence?.description)
        o.add("text", v.text)
        o.add("policy", nil as String?)
        o.add("policySource", nil as String?)
        o.add("note", nil as String?)
        o.add("executionKind", execution.kind.rawValue)
        o.add("execution", execution.name)
        o.add("status", v.status.rawValue)
        o.add("failedStep", v.failedStep)
        o.addRaw("details", detailsJSON(execution.details))
        o.addRaw("entries", entriesJSON(execution.entries))
        return o.rendered
    }

    /// `[{"id":"…","name":"KB4589208 …","status":"installed",…}]`
    static func entriesJSON(_ entries: [Execution.Entry]) -> String {
        "[" + entries.map { e in
            var o = JSONLine()
            o.add("id", e.id)
            o.add("name", e.name)
            o.add("article", e.article)
            o.add("status", e.status)
            o.add("downloaded", e.downloaded)
            o.add("installed", e.installed)
            o.add("exitCode", e.exitCode)
            o.add("exitCodeMeaning", e.exitCodeMeaning)
            o.add("failures", e.failures)
            o.add("evidence", e.evidence?.description)
            return o.rendered
        }.joined(separator: ",") + "]"
    }

    /// `{"scopeId":"ScopeId_…","revision":"4"}`
    static func detailsJSON(_ details: [Execution.Detail]) -> String {
        var o = JSONLine()
        for detail in details { o.add(detail.label, detail.value) }
        return o.rendered
    }

    // MARK: CSV (the program columns; `program` holds the execution's name)

    public static func csv(step: Execution.Step, of execution: Execution) -> String {
        CSVRow.render(["step", execution.client, "", "", execution.name, step.time?.iso8601 ?? "", step.event, "",
                       step.outcome.rawValue, step.exitCode.map(String.init) ?? "", "", "", "", "",
                       step.evidence.description, step.message, ""])
    }

    public static func csv(verdict execution: Execution) -> String {
        let v = execution.verdict
        return CSVRow.render(["verdict", execution.client, "", "", execution.name, v.time?.iso8601 ?? "", v.name, "",
                              v.status.rawValue, v.exitCode.map(String.init) ?? "", "", "", "", "",
                              v.evidence?.description ?? "", v.text, ""])
    }

    // MARK: Text

    /// `real  task sequence in smsts.log  (log: smsts.log, instructions: 34)`
    public static func header(_ execution: Execution) -> StyledText {
        func e(_ text: String) -> String { TerminalText.escape(text) }
        let details = execution.details.map { "\($0.label): \($0.value)" }.joined(separator: ", ")
        return StyledText(e(execution.client), .heading) + "  " + StyledText("\"" + e(execution.name) + "\"", .heading)
            + (details.isEmpty ? "" : "  (" + e(details) + ")")
    }

    public static func verdictLine(_ verdict: Execution.Verdict) -> StyledText {
        "  " + StyledText(TerminalText.escape(verdict.text), Meaning(verdict.status))
    }

    /// `  • KB4589208 2021-01 Update for …  installed`
    public static func text(entry: Execution.Entry) -> StyledText {
        var what = entry.status
        if entry.downloaded && entry.installed != true && entry.status != "failed" { what += ", downloaded" }
        if let code = entry.exitCode { what += ", result \(ExecutionCode.display(code))" + (entry.exitCodeMeaning.map { " (\($0))" } ?? "") }
        if entry.failures > 1 { what += ", failed \(entry.failures) times" }
        return "    • " + TerminalText.escape(entry.name) + "  " + StyledText(TerminalText.escape(what), Meaning(entry))
    }

    /// `  2019-12-06 22:56:01.000+08:00  succeeded  Gather local only: succeeded (exit 0)   smsts.log:74`
    public static func text(step: Execution.Step) -> StyledText {
        let time = step.time?.displayWithOffset ?? "(no time)".padded(to: 29)
        var what = step.name.isEmpty ? step.text : step.name + ": " + step.text
        if let code = step.exitCode, code != 0, let meaning = step.exitCodeMeaning { what += "  [\(ExecutionCode.display(code)): \(meaning)]" }
        let outcome = step.outcome == .info ? "" : step.outcome.rawValue
        let file = step.evidence.file.split(separator: "/").last.map(String.init) ?? step.evidence.file
        let body = TerminalText.escape(what).padded(to: 64)
        return "  " + StyledText(time, .dim) + "  " + StyledText(outcome.padded(to: 16), Meaning(step.outcome)) + body
            + "  " + StyledText(TerminalText.escape(file) + ":\(step.evidence.line)", .dim)
    }
}
