/// Reads smsts.log records, in the order the engine wrote them, into one execution per task
/// sequence run.
///
/// A run starts when the engine starts (or at the first instruction of a log that begins late) and
/// ends with the engine's result. A restart between steps does not end it: the engine starts again
/// and carries on at the next instruction, so a start that follows an unfinished run resumes that
/// run, unless it begins again at instruction 0 with no restart asked for (a new run: the last one
/// was cut off). Records of one log's rotations are fed in order and join; another log (a renamed
/// copy) starts afresh.
struct TaskSequenceReader {
    let explain: ExitCodeExplainer?
    private var runs: [Execution] = []
    private var run: Draft?
    private var log: (client: String, name: String)?
    /// The engine started while a run was unfinished: whether it resumes is known at its first instruction.
    private var restart: Execution.Step?

    init(explain: ExitCodeExplainer?) {
        self.explain = explain
    }

    struct Draft {
        var client: String
        var log: String
        var name: String?
        var steps: [Execution.Step] = []
        /// The instruction being run: its name and pointer, and whether its outcome is known.
        var current: (name: String, pointer: Int, settled: Bool)?
        /// A failed action whose fate (abort, or continue on error) the next lines tell.
        var pendingFailure: Int?
        /// The failure that stopped the run.
        var failure: Int?
        var abortedGroup: String?
        var engine: (succeeded: Bool, text: String, step: Int)?
        /// The step that asked for a restart, until the engine runs an instruction again.
        var rebootAsked: Int?
        var restarts = 0
        var lastInstructionStart: Int?
    }

    /// The records that follow are `logName` of `client` (a rotation of the same log continues the run).
    mutating func begin(client: String, logName: String) {
        if let log, log.client == client, log.name.lowercased() == logName.lowercased() { return }
        close()
        log = (client, logName)
    }

    mutating func add(_ record: LogRecord, source: StepSource) {
        let text = record.format == .unparsed ? ExecutionTimelineBuilder.salvage(record.message) : record.message
        guard let line = TaskSequenceLine.parse(text) else { return }
        let time = record.time
        func step(_ name: String, _ event: String, _ outcome: Execution.Outcome, code: Int? = nil, _ words: String) -> Execution.Step {
            Execution.Step(time: time, name: name, event: event, outcome: outcome, exitCode: code,
                           exitCodeMeaning: code.flatMap { explain?($0) }, text: words, source: source)
        }
        switch line {
        case .engineStarted:
            let start = step("engine", "engineStarted", .info, "the task sequence engine started")
            if run == nil || run?.engine != nil {
                close()
                open(record.client)
                append(start)
            } else {
                restart = start
            }
        case let .instruction(name, pointer):
            if let restarting = restart {
                restart = nil
                if run?.rebootAsked != nil || pointer != 0 {
                    var resumed = restarting
                    resumed.event = "resumed"
                    resumed.text = run?.rebootAsked != nil
                        ? "the engine started again after the restart: the run resumes"
                        : "the engine started again without a restart asked for; the run resumes at instruction \(pointer)"
                    run?.restarts += 1
                    append(resumed)
                } else {
                    close()
                    open(record.client)
                    append(restarting)
                }
            }
            if run == nil { open(record.client) }
            settlePendingFailure(continued: true)
            run?.rebootAsked = nil
            run?.current = (name, pointer, false)
            let next = run?.steps.count
            run?.lastInstructionStart = next
            append(step(name, "instruction", .started, "instruction \(pointer) started"))
        case let .groupStarted(name):
            settleCurrent()
            append(step(name, "groupStarted", .info, "group started"))
        case let .groupCompleted(name):
            settleCurrent()
            append(step(name, "groupCompleted", .info, "group completed"))
        case let .skipped(name, reason):
            guard run?.current?.settled == false else { return }
            settleCurrent()
            let why = reason.contains("disabled") ? "skipped: the step is disabled" : "skipped: its condition is false"
            append(step(name, "skipped", .skipped, why))
        case let .commandLine(command):
            guard run?.current != nil else { return }
            append(step(run?.current?.name ?? "", "commandLine", .info, "command line: \(command)"))
        case let .processExit(code):
            guard run?.current != nil else { return }
            append(step(run?.current?.name ?? "", "exitCode", .info, code: code, "the process exited with \(code)"))
        case let .actionSucceeded(name, code):
            guard run != nil else { return }
            settleCurrent()
            append(step(name, "actionSucceeded", .succeeded, code: code, "succeeded (exit \(code))"))
        case let .actionFailed(name, error, text):
            guard run != nil else { return }
            settleCurrent()
            let said = text.isEmpty ? "" : ": \(text.replacingOccurrences(of: "\n", with: " "))"
            append(step(name, "actionFailed", .failed, code: error, "failed\(said)"))
            let failed = (run?.steps.count ?? 1) - 1
            run?.pendingFailure = failed
        case let .continuedOnError(name):
            guard let k = run?.pendingFailure ?? lastFailed() else { return }
            run?.steps[k].outcome = .failedContinued
            run?.pendingFailure = nil
            append(step(name ?? run?.steps[k].name ?? "", "continueOnError", .info, "continue on error is set: the engine goes on"))
        case let .groupAborted(name, error):
            guard run != nil else { return }
            settlePendingFailure(continued: false)
            run?.abortedGroup = name
            append(step(name, "groupAborted", .failed, code: error, "the group failed and the engine stopped running it"))
        case let .lastActionFailed(name, error):
            guard run != nil else { return }
            settlePendingFailure(continued: false)
            append(step(name, "lastActionFailed", .info, code: error, "the engine's last action failed: the task sequence failed"))
        case let .rebootRequested(target):
            guard run != nil else { return }
            let next = run?.steps.count
            run?.rebootAsked = next
            append(step(run?.current?.name ?? target, "rebootRequested", .info, "a restart was asked for (\(target))"))
        case let .engineFailed(code):
            guard run != nil else { return }
            settlePendingFailure(continued: false)
            let next = run?.steps.count ?? 0
            run?.engine = (false, "Task Sequence Engine failed! Code: \(code)", next)
            append(step("engine", "engineFailed", .failed, "the engine failed: \(code)"))
        case let .engineResult(error):
            guard run != nil else { return }
            settlePendingFailure(continued: false)
            let next = run?.steps.count ?? 0
            if run?.engine == nil { run?.engine = (false, "the task sequence failed with \(ExecutionCode.display(error))", next) }
            append(step("engine", "engineResult", .failed, code: error, "the task sequence failed"))
        case .engineSucceeded:
            guard run != nil else { return }
            settlePendingFailure(continued: true)
            let next = run?.steps.count ?? 0
            run?.engine = (true, "the task sequence completed", next)
            append(step("engine", "engineResult", .succeeded, code: 0, "the task sequence completed successfully"))
        case let .packageName(name):
            if run == nil { open(record.client) }
            run?.name = name
        }
    }

    private mutating func open(_ client: String) {
        run = Draft(client: log?.client ?? client, log: log?.name ?? "smsts.log")
    }

    private mutating func append(_ step: Execution.Step) { run?.steps.append(step) }

    private mutating func settleCurrent() { run?.current?.settled = true }

    private func lastFailed() -> Int? {
        guard let steps = run?.steps, let k = steps.lastIndex(where: { $0.event == "actionFailed" }) else { return nil }
        return steps[k].outcome == .failed ? k : nil
    }

    /// A failed action is followed either by the engine giving up (the failure stands) or by the
    /// next instruction (the step was set to continue on error).
    private mutating func settlePendingFailure(continued: Bool) {
        guard let k = run?.pendingFailure else { return }
        run?.pendingFailure = nil
        if continued {
            run?.steps[k].outcome = .failedContinued
        } else if run?.failure == nil {
            run?.failure = k
        }
    }

    private mutating func close() {
        restart = nil
        guard let draft = run else { return }
        run = nil
        guard !draft.steps.isEmpty else { return }
        runs.append(Execution(kind: .taskSequence, client: draft.client, name: draft.name ?? "task sequence in \(draft.log)",
                              details: details(draft), steps: draft.steps, verdict: verdict(draft)))
    }

    private func details(_ draft: Draft) -> [Execution.Detail] {
        var details = [Execution.Detail("log", draft.log)]
        let instructions = draft.steps.filter { $0.event == "instruction" }.count
        details.append(Execution.Detail("instructions", String(instructions)))
        if draft.restarts > 0 { details.append(Execution.Detail("restarts", String(draft.restarts))) }
        return details
    }

    private func verdict(_ draft: Draft) -> Execution.Verdict {
        let steps = draft.steps
        let succeeded = steps.filter { $0.outcome == .succeeded && $0.event == "actionSucceeded" }.count
        let skipped = steps.filter { $0.outcome == .skipped }.count
        let continued = steps.filter { $0.outcome == .failedContinued }.count
        let tally = "\(succeeded) step\(succeeded == 1 ? "" : "s") succeeded, \(skipped) skipped"
            + (continued > 0 ? ", \(continued) failed and continued on error" : "")
        let last = steps.last
        let failure = draft.failure ?? (draft.engine?.succeeded == false ? steps.lastIndex { $0.event == "actionFailed" } : nil)
        if let engine = draft.engine, !engine.succeeded {
            let failed = failure.map { steps[$0] }
            var text = "Failed"
            if let failed {
                text += " at step \"\(failed.name)\""
                if let code = failed.exitCode { text += ": error \(ExecutionCode.display(code))" + (failed.exitCodeMeaning.map { " (\($0))" } ?? "") }
                text += " — \(failed.text)"
            }
            if let group = draft.abortedGroup { text += "; group \"\(group)\" aborted" }
            text += "; \(engine.text); before it \(tally)"
            return Execution.Verdict(name: "failed", status: .failed, text: text, exitCode: failed?.exitCode,
                                     failedStep: failed?.name, focus: failure ?? engine.step,
                                     evidence: (failed ?? steps[engine.step]).evidence, time: (failed ?? steps[engine.step]).time)
        }
        if let engine = draft.engine, engine.succeeded {
            return Execution.Verdict(name: "succeeded", status: .succeeded, text: "Succeeded: \(tally)" +
                                     (draft.restarts > 0 ? "; \(draft.restarts) restart\(draft.restarts == 1 ? "" : "s") on the way" : ""),
                                     exitCode: 0, focus: engine.step, evidence: steps[engine.step].evidence, time: steps[engine.step].time)
        }
        // No result from the engine: the log ends mid-run.
        let at = last?.time.map { " at \($0.displayWithOffset)" } ?? ""
        var text = "In progress: the log ends\(at) before the engine's result"
        var focus = draft.lastInstructionStart
        if let reboot = draft.rebootAsked {
            text = "In progress: the log ends\(at) after \"\(steps[reboot].name)\" asked for a restart; the run goes on after it (in the next smsts.log)"
            focus = reboot
        } else if let k = draft.pendingFailure ?? failure {
            text += ", after step \"\(steps[k].name)\" failed" + (steps[k].exitCode.map { " with \(ExecutionCode.display($0))" } ?? "")
            focus = k
        } else if let current = draft.current, !current.settled {
            text += ", during step \"\(current.name)\""
        }
        return Execution.Verdict(name: "inProgress", status: .inProgress, text: text + "; so far \(tally)",
                                 failedStep: (draft.pendingFailure ?? failure).map { steps[$0].name }, focus: focus,
                                 evidence: last?.evidence, time: last?.time)
    }

    /// Every run read, the last one closed.
    mutating func finish() -> [Execution] {
        close()
        log = nil
        defer { runs = [] }
        return runs
    }
}
