/// Reads a client's application logs, merged in time order, into one execution per enforcement of
/// a deployment type: what the intent and detection said, the command line, the process's exit
/// code and how the deployment type's exit-code table judged it, detection again, and the verdict.
struct ApplicationReader {
    let explain: ExitCodeExplainer?
    private var client = ""
    /// Per deployment type: the open draft (lines before its enforcement start, or the enforcement itself).
    private var drafts: [String: Draft] = [:]
    /// The deployment type being enforced, for the lines that do not name it (exit codes, command lines).
    private var enforcing: String?
    private var done: [(order: Int, execution: Execution)] = []
    private var order = 0

    init(explain: ExitCodeExplainer?) {
        self.explain = explain
    }

    struct Draft {
        var order: Int
        var deploymentType: String
        var name: String?
        var action: String?
        var revision: String?
        var context: String?
        var steps: [Execution.Step] = []
        var started = false
        var executed = false
        var exitCode: Int?
        /// `Success`, `SoftReboot`, `HardReboot`, `Failure`…, or `unmatched`.
        var table: String?
        /// Detection's answers, before and after the command ran.
        var presentBefore: Bool?
        var presentAfter: Bool?
        var notDetectedCode = false
        var completed = false
    }

    mutating func begin(client: String) {
        if client != self.client { closeAll() }
        self.client = client
    }

    mutating func add(_ record: LogRecord, source: StepSource) {
        let text = record.format == .unparsed ? ExecutionTimelineBuilder.salvage(record.message) : record.message
        guard let line = ApplicationLine.parse(text) else { return }
        func step(_ dt: String, _ event: String, _ outcome: Execution.Outcome, code: Int? = nil, _ words: String) {
            let name = drafts[dt]?.name ?? dt
            let made = Execution.Step(time: record.time, name: name, event: event, outcome: outcome, exitCode: code,
                                      exitCodeMeaning: code.flatMap { explain?($0) }, text: words, source: source)
            drafts[dt]?.steps.append(made)
        }
        switch line {
        case let .enforcementStarted(action, name, dt, revision, context):
            if drafts[dt]?.started == true { close(dt) }
            draft(dt)
            drafts[dt]?.started = true
            drafts[dt]?.action = action
            drafts[dt]?.name = name
            if let revision { drafts[dt]?.revision = revision }
            if let context, context != "Any" { drafts[dt]?.context = context } else if drafts[dt]?.context == nil { drafts[dt]?.context = context }
            enforcing = dt
            step(dt, "enforcementStarted", .started, "\(action.lowercased()) enforcement started")
        case let .intent(dt, _, state):
            draft(dt)
            step(dt, "intent", .info, "intent evaluated: current state \(state)")
        case let .detecting(dt, revision):
            draft(dt)
            if let revision { drafts[dt]?.revision = revision }
            step(dt, "detecting", .info, "detection started")
        case let .detected(dt, revision, present):
            draft(dt)
            if let revision { drafts[dt]?.revision = revision }
            if drafts[dt]?.executed == true { drafts[dt]?.presentAfter = present } else { drafts[dt]?.presentBefore = present }
            step(dt, "detection", .info, present ? "detected: the application is present" : "not detected: the application is not present")
        case let .environment(context):
            guard let dt = enforcing else { return }
            if let context { drafts[dt]?.context = context }
            step(dt, "environment", .info, "enforcement environment" + (context.map { ": context \($0)" } ?? ""))
        case let .commandPrepared(command):
            guard let dt = enforcing else { return }
            step(dt, "commandPrepared", .info, "command line prepared: \(command)")
        case let .commandExecuted(command):
            guard let dt = enforcing else { return }
            drafts[dt]?.executed = true
            step(dt, "commandExecuted", .started, "command line executed: \(command)")
        case let .postInstall(behaviour):
            guard let dt = enforcing else { return }
            step(dt, "postInstall", .info, "post-install behaviour: \(behaviour)")
        case let .processExit(code):
            guard let dt = enforcing else { return }
            drafts[dt]?.executed = true
            drafts[dt]?.exitCode = code
            step(dt, "exitCode", .info, code: code, "the process exited with \(code)")
        case let .unmatchedExitCode(code):
            guard let dt = enforcing else { return }
            drafts[dt]?.table = "unmatched"
            drafts[dt]?.exitCode = code
            step(dt, "exitCodeUnmatched", .failed, code: code,
                 "exit \(code) is not in the deployment type's exit-code table: an execution failure")
        case let .matchedExitCode(code, entry):
            guard let dt = enforcing else { return }
            drafts[dt]?.table = entry
            drafts[dt]?.exitCode = code
            let failed = entry.lowercased().contains("fail")
            step(dt, "exitCodeMatched", failed ? .failed : .succeeded, code: code, "exit \(code) matched a \(entry) entry of the exit-code table")
        case let .completed(seconds, dt):
            guard let dt = dt ?? enforcing, drafts[dt] != nil else { return }
            drafts[dt]?.completed = true
            step(dt, "enforcementCompleted", .info, "enforcement completed" + (seconds.map { " in \($0) s" } ?? ""))
            close(dt)
        case .notDetectedAfterInstall:
            guard let dt = enforcing else { return }
            drafts[dt]?.notDetectedCode = true
            step(dt, "notDetected", .failed, code: 0x87D00324, "the application was not detected after the installation completed")
        }
    }

    private mutating func draft(_ dt: String) {
        guard drafts[dt] == nil else { return }
        order += 1
        drafts[dt] = Draft(order: order, deploymentType: dt)
    }

    private mutating func close(_ dt: String) {
        guard let draft = drafts.removeValue(forKey: dt) else { return }
        if enforcing == dt { enforcing = nil }
        // Detection alone (AppDiscovery's periodic checks) is no execution.
        guard draft.started else { return }
        var details = [Execution.Detail("deploymentType", draft.deploymentType)]
        if let scope = draft.deploymentType.split(separator: "/").first { details.append(Execution.Detail("scopeId", String(scope))) }
        if let revision = draft.revision { details.append(Execution.Detail("revision", revision)) }
        if let action = draft.action { details.append(Execution.Detail("action", action.lowercased())) }
        if let context = draft.context { details.append(Execution.Detail("context", context)) }
        done.append((draft.order, Execution(kind: .application, client: client, name: draft.name ?? draft.deploymentType,
                                            details: details, steps: draft.steps, verdict: verdict(draft))))
    }

    private func verdict(_ d: Draft) -> Execution.Verdict {
        let steps = d.steps
        func at(_ event: String) -> Int? { steps.lastIndex { $0.event == event } }
        func make(_ name: String, _ status: Execution.Verdict.Status, _ text: String, code: Int? = nil, focus: Int?) -> Execution.Verdict {
            let k = focus ?? steps.count - 1
            return Execution.Verdict(name: name, status: status, text: text, exitCode: code,
                                     failedStep: status == .failed ? steps[k].event : nil, focus: k,
                                     evidence: steps[k].evidence, time: steps[k].time)
        }
        func meaning(_ code: Int) -> String { explain?(code).map { " (\($0))" } ?? "" }
        let uninstall = d.action?.lowercased() == "uninstall"
        if d.table == "unmatched", let code = d.exitCode {
            return make("failedUnmatchedExitCode", .failed,
                        "Failed: exit \(code)\(meaning(code)) is not in the deployment type's exit-code table, so it counts as an execution failure",
                        code: code, focus: at("exitCodeUnmatched"))
        }
        if let entry = d.table, entry.lowercased().contains("fail"), let code = d.exitCode {
            return make("failed", .failed, "Failed: exit \(code)\(meaning(code)) matched a \(entry) entry of the exit-code table",
                        code: code, focus: at("exitCodeMatched"))
        }
        if !d.executed, d.presentBefore == !uninstall {
            return make(uninstall ? "alreadyAbsent" : "alreadyPresent", .succeeded,
                        uninstall ? "Already absent: detection found nothing to uninstall; no command ran"
                                  : "Already present: detection found the application before enforcement; no command ran",
                        code: nil, focus: at("detection"))
        }
        if !uninstall, d.notDetectedCode || (d.executed && d.presentAfter == false && d.table != nil) {
            let code = 0x87D00324
            return make("notDetectedAfterInstall", .failed,
                        "Installed but not detected afterwards: exit \(d.exitCode.map(String.init) ?? "?") was taken as success, but detection"
                            + " does not find the application (0x87D00324\(meaning(code))); the detection method does not match what the installer did",
                        code: code, focus: at("notDetected") ?? at("detection"))
        }
        if uninstall, d.executed, d.presentAfter == true {
            return make("failed", .failed, "Uninstalled but still detected: detection finds the application after the uninstall command",
                        code: d.exitCode, focus: at("detection"))
        }
        if let entry = d.table, entry.lowercased().contains("reboot"), let code = d.exitCode {
            return make("rebootPending", .inProgress,
                        "\(uninstall ? "Uninstalled" : "Installed"), restart pending: exit \(code) matched a \(entry) entry; the deployment completes after a restart",
                        code: code, focus: at("exitCodeMatched"))
        }
        if d.executed, d.table != nil, d.presentAfter == !uninstall {
            return make(uninstall ? "uninstalled" : "installed", .succeeded,
                        "\(uninstall ? "Uninstalled" : "Installed"): exit \(d.exitCode.map(String.init) ?? "0") matched the exit-code table and detection"
                            + (uninstall ? " no longer finds the application" : " finds the application"),
                        code: d.exitCode, focus: at("detection"))
        }
        let last = steps.last
        let at = last?.time.map { " at \($0.displayWithOffset)" } ?? ""
        return make("inProgress", .inProgress,
                    "In progress: the logs end\(at) before the enforcement's result" + (last.map { ", after: \($0.text)" } ?? ""),
                    code: d.exitCode, focus: steps.count - 1)
    }

    private mutating func closeAll() {
        for dt in drafts.keys.sorted() { close(dt) }
        enforcing = nil
    }

    mutating func finish() -> [Execution] {
        closeAll()
        defer { done = [] }
        return done.sorted { $0.order < $1.order }.map(\.execution)
    }
}
