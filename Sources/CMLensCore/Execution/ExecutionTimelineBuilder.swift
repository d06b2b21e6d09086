import Foundation

/// Reads execmgr.log records, in the order execmgr wrote them, into one timeline per program.
///
/// Feed it every record of a client's execmgr log (`.lo_` before `.log`); records that are not
/// about a program's execution are skipped. Lines that name only the program join the latest
/// request for that program; `Program exit code N`, which names none, joins the program that was
/// last launched on that client.
public struct ExecutionTimelineBuilder {
    public let policy: RetryPolicy
    public let explain: ExitCodeExplainer?

    private var drafts: [Draft] = []
    /// The requests of each program name on each client, indexed by their IDs, so a client with
    /// thousands of packages that all have a program called "Install" stays linear.
    private var programs: [ProgramDrafts] = []
    private var byProgram: [ProgramName: Int] = [:]
    /// Per client: drafts in the order they were launched, latest last, and the last one touched. A
    /// relaunch appends the draft again; only its latest entry counts (`Draft.launchEntry`), and the
    /// list is rebuilt when stale entries outnumber live ones, rather than searched on every launch.
    private var launchOrder: [String: [Int]] = [:]
    private var liveLaunches: [String: Int] = [:]
    private var lastTouched: [String: Int] = [:]
    private var unattributed: [ExecutionStep] = []
    private var clock = 0
    /// One copy of each note's text: a program retried all day repeats the same long note on every run.
    private var noteTexts: Set<String> = []

    public init(policy: RetryPolicy, explain: ExitCodeExplainer? = nil) {
        self.policy = policy
        self.explain = explain
    }

    struct Draft {
        var key: ProgramKey
        /// Where its latest launch is in its client's `launchOrder`.
        var launchEntry: Int?
        /// Its place in `programs`.
        var program = 0
        var steps: [ExecutionStep] = []
        var attempts: [ExecutionAttempt] = []
        var state: String?
        /// The state came from an `Execution is complete … status is S` line, not a state change.
        var stateFromStatus = false
        var needsNewAttempt = true
        /// Ordering of the last line about this program.
        var touched = 0
        /// What the last retried failure predicted, until the retry is seen running.
        var pendingPrediction: RetryPrediction?
        /// Learned from a retry the log shows: false when it ran without the 5-minute countdown.
        var countdownSeen: Bool?
        var notes: [String] = []
        /// `notes` as a set: a program run hundreds of times gets a note per run beyond the
        /// limit, and searching the list for each would take quadratic time.
        var noted: Set<String> = []
    }

    // MARK: - Reading lines

    /// A record handed in; the steps keep it.
    public mutating func add(_ record: LogRecord) {
        add(record, source: StepSource(record: record))
    }

    /// Record `index` of a loaded log; the steps name it and decode their text when asked.
    public mutating func add(_ file: LogFileIndex, index: Int) {
        add(file.record(at: index), source: StepSource(file: file, index: index))
    }

    mutating func add(_ record: LogRecord, source: StepSource) {
        let cutOff = record.format == .unparsed
        guard let line = ExecmgrLine.parse(cutOff ? Self.salvage(record.message) : record.message) else { return }
        add(record, source: source, line: line)
    }

    /// A record whose message was read already as `line`.
    mutating func add(_ record: LogRecord, source: StepSource, line: ExecmgrLine) {
        let cutOff = record.format == .unparsed
        clock += 1
        let client = record.client
        let base = ExecutionStep(event: .stateChange, time: record.time, from: nil, state: nil, exitCode: nil,
                                 retried: nil, attempt: 0, prediction: nil,
                                 source: source,
                                 notes: cutOff ? ["from a record cut off before its end (a truncated log?)"] : [])
        switch line {
        case let .stateChange(advertisement, package, program, from, to):
            let d = resolve(client, advertisement, package, program)
            stateChange(d, from: from, to: to, step: base)

        case let .exitCode(code):
            // A program that is done does not run again by itself: a code after its end (another
            // installer's 1618 echoed by the client) is no run of it.
            guard let d = runningProgram(client), !isDone(d) else { return keepUnattributed(base, .exitCode, code) }
            var step = base
            step.event = .exitCode
            exitCode(d, code, step: &step, opensRun: true)
            finish(d, &step)

        case let .executionComplete(program, code, status):
            let d = resolve(client, nil, nil, program)
            var step = base
            step.event = .executionComplete
            exitCode(d, code, step: &step)
            result(d, status, step: &step)
            step.from = drafts[d].state
            step.state = status
            noteUnknown(status, &step)
            drafts[d].state = status
            drafts[d].stateFromStatus = true
            finish(d, &step)

        case let .willRetry(code, tries):
            guard let d = runningProgram(client) else { return keepUnattributed(base, .willRetry, code) }
            var step = base
            step.event = .willRetry
            exitCode(d, code, step: &step)
            drafts[d].attempts[drafts[d].attempts.count - 1].reportedTries = tries
            result(d, ExecutionState.failureRetry, step: &step)
            if !policy.isUnlimited && tries > policy.count {
                note(d, &step, "execmgr has tried \(tries) times, more than the policy's \(policy.count) retries (\(policy.sourceDescription))")
            }
            step.prediction = drafts[d].pendingPrediction
            finish(d, &step)

        case .nonFatalError:
            guard let d = runningProgram(client) else { return keepUnattributed(base, .nonFatalError, nil) }
            var step = base
            step.event = .nonFatalError
            if drafts[d].attempts.isEmpty { openAttempt(d, step: &step, ran: false) }
            drafts[d].attempts[drafts[d].attempts.count - 1].nonFatal = true
            step.notes.append("a non-fatal execution error: the exit code is one the client retries")
            finish(d, &step)

        case let .raisedEvent(kind, advertisement, package, program):
            let d = resolve(client, advertisement, package, program)
            var step = base
            step.event = .raisedEvent
            if kind == "Started" { launch(d, step: &step) }
            finish(d, &step)

        case let .policy(action, program, package, advertisement):
            let d = resolve(client, advertisement, package, program)
            var step = base
            let lower = action.lowercased()
            if lower.contains("remov") || lower.contains("delet") {
                step.event = .policyRemoved
                step.from = drafts[d].state
                step.state = ExecutionState.removed
                step.notes.append("the advertisement's policy left the client: the request is gone")
                drafts[d].state = ExecutionState.removed
                drafts[d].stateFromStatus = false
                drafts[d].pendingPrediction = nil
            } else {
                step.event = .policyUpdated
            }
            finish(d, &step, touchesLaunch: false)

        case let .wmiEvent(event):
            let d: Int
            if let program = event.program, !program.isEmpty {
                d = resolve(client, event.advertisement, nil, program)
            } else if let running = runningProgram(client) {
                d = running
            } else {
                return keepUnattributed(base, .wmiEvent, event.exitCode)
            }
            var step = base
            step.event = .wmiEvent
            if event.isProgramStarted { launch(d, step: &step) }
            if let code = event.exitCode { exitCode(d, code, step: &step) }
            finish(d, &step)

        case let .script(package, program, _, code):
            let d = resolve(client, nil, package, program)
            var step = base
            step.event = .script
            exitCode(d, code, step: &step)
            finish(d, &step)

        case .unreadableStateChange:
            var step = base
            step.event = .unreadable
            step.notes.append("a state change cmlens could not read (a truncated line?); kept as written")
            guard let d = runningProgram(client) else { return unattributed.append(step) }
            finish(d, &step, touchesLaunch: false)
        }
    }

    /// The message inside a record the log reader could not finish (`<![LOG[…` cut off by the end
    /// of a truncated log), so its words still count.
    static func salvage(_ text: String) -> String {
        var body = Substring(text)
        if let open = body.range(of: "<![LOG[") { body = body[open.upperBound...] }
        if let close = body.range(of: "]LOG]!>") { body = body[..<close.lowerBound] }
        return String(body)
    }

    private mutating func stateChange(_ d: Int, from: String, to: String, step base: ExecutionStep) {
        var step = base
        step.from = from
        step.state = to
        noteUnknown(from, &step)
        noteUnknown(to, &step)
        if let seen = drafts[d].state, seen != from, !drafts[d].stateFromStatus {
            step.notes.append("the log says from \(from), but the last state seen was \(seen): lines missing?")
        }
        // A run begins at the notification or the launch, or when a waiting retry moves on.
        let leavesRetryWait = from == ExecutionState.waitingRetry && to != ExecutionState.waitingRetry
        if leavesRetryWait, let predicted = drafts[d].pendingPrediction, let time = step.time, to != "Running" {
            step.notes.append("the retry timer fired \(DurationText.of(seconds: time.seconds(since: predicted.failedAt)))"
                + " after the failure (policy: \(predicted.interval) s); the program runs when this ends")
        }
        if to == "Running" {
            launch(d, step: &step)
        } else if ExecutionState.isRun(to) || leavesRetryWait {
            if drafts[d].needsNewAttempt || drafts[d].attempts.isEmpty { openAttempt(d, step: &step, ran: false) }
        }
        if ExecutionState.isResult(to) {
            result(d, to, step: &step)
            step.exitCode = drafts[d].attempts.last?.exitCode
        }
        if to == ExecutionState.waitingRetry {
            if drafts[d].attempts.isEmpty { openAttempt(d, step: &step, ran: false) }
            if drafts[d].pendingPrediction == nil { drafts[d].pendingPrediction = predict(d, at: step.time) }
            step.prediction = drafts[d].pendingPrediction
            step.exitCode = drafts[d].attempts.last?.exitCode
        }
        step.retried = step.exitCode.map { ExitCodeClass.of($0, policy: policy).retried } ?? nil
        drafts[d].state = to
        drafts[d].stateFromStatus = false
        finish(d, &step)
    }

    // MARK: - Attempts

    private mutating func openAttempt(_ d: Int, step: inout ExecutionStep, ran: Bool) {
        let number = drafts[d].attempts.count + 1
        drafts[d].attempts.append(ExecutionAttempt(number: number, startedAt: step.time, ranAt: nil, exitCode: nil,
                                                   result: nil, failedAt: nil, evidence: step.evidence))
        drafts[d].needsNewAttempt = false
        if let max = policy.isUnlimited ? nil : policy.maxAttempts, number > max {
            note(d, &step, "run \(number) is beyond the policy's maximum of \(max) runs (1 + \(policy.count) retries; \(policy.sourceDescription))")
        }
        if ran { markRan(d, step: &step) }
    }

    /// The program is launched (Running, or its started event).
    private mutating func launch(_ d: Int, step: inout ExecutionStep) {
        if drafts[d].needsNewAttempt || drafts[d].attempts.isEmpty {
            openAttempt(d, step: &step, ran: true)
        } else if drafts[d].attempts[drafts[d].attempts.count - 1].ranAt == nil {
            markRan(d, step: &step)
        }
        let client = drafts[d].key.client
        if launchOrder[client]?.last != d {
            if drafts[d].launchEntry == nil { liveLaunches[client, default: 0] += 1 }
            drafts[d].launchEntry = launchOrder[client, default: []].count
            launchOrder[client, default: []].append(d)
            let live = liveLaunches[client, default: 0]
            if launchOrder[client, default: []].count > 2 * live + 16 {
                let kept = liveLaunchOrder(client)
                for (entry, k) in kept.enumerated() { drafts[k].launchEntry = entry }
                launchOrder[client] = kept
            }
        }
    }

    /// Records the launch time and, for a retry, compares it with what the policy predicted.
    private mutating func markRan(_ d: Int, step: inout ExecutionStep) {
        let k = drafts[d].attempts.count - 1
        drafts[d].attempts[k].ranAt = step.time
        guard let predicted = drafts[d].pendingPrediction, let ran = step.time else { return }
        drafts[d].pendingPrediction = nil
        let gap = ran.seconds(since: predicted.failedAt)
        let withCountdown = Double(predicted.interval + RetryPolicy.mandatoryCountdown)
        var text = "retry ran \(DurationText.of(seconds: gap)) after the failure"
        if abs(gap - withCountdown) <= 60 {
            drafts[d].countdownSeen = true
            text += ": the \(predicted.interval) s interval + \(RetryPolicy.mandatoryCountdown) s mandatory countdown"
                + " (\(DurationText.of(seconds: withCountdown)))"
        } else if abs(gap - Double(predicted.interval)) <= 60 {
            drafts[d].countdownSeen = false
            text += ": the \(predicted.interval) s interval, with no countdown"
        } else {
            text += "; the policy said \(DurationText.of(seconds: Double(predicted.interval + predicted.countdown)))"
                + " (a service window, the client off, or another policy?)"
        }
        step.notes.append(text)
    }

    /// An exit code for the current run. Only `Program exit code N` (`opensRun`) can start a new
    /// run when the last one already ended with a code (a retry whose launch the log does not show);
    /// the lines that report on a run (`Execution is complete`, `will retry later`, scripts, events) follow it.
    private mutating func exitCode(_ d: Int, _ code: Int, step: inout ExecutionStep, opensRun: Bool = false) {
        let attempts = drafts[d].attempts
        if attempts.isEmpty || (opensRun && drafts[d].needsNewAttempt && attempts[attempts.count - 1].exitCode != nil) {
            openAttempt(d, step: &step, ran: false)
        }
        let k = drafts[d].attempts.count - 1
        let kind = ExitCodeClass.of(code, policy: policy)
        if let first = drafts[d].attempts[k].exitCode {
            if first != code { step.notes.append("exit code \(code), but this run already reported \(first)") }
        } else {
            drafts[d].attempts[k].exitCode = code
            if !kind.isSuccess { drafts[d].attempts[k].failedAt = step.time }
        }
        step.exitCode = code
        step.retried = kind.retried
    }

    /// A run ended with `status`; checks it against the policy.
    private mutating func result(_ d: Int, _ status: String, step: inout ExecutionStep) {
        if drafts[d].attempts.isEmpty { openAttempt(d, step: &step, ran: false) }
        let k = drafts[d].attempts.count - 1
        var attempt = drafts[d].attempts[k]
        let firstResult = attempt.result == nil
        if firstResult {
            attempt.result = status
            if !ExecutionState.isSuccess(status), attempt.failedAt == nil { attempt.failedAt = step.time }
        } else if attempt.result != status {
            step.notes.append("result \(status), but this run already ended \(attempt.result!)")
        }
        drafts[d].attempts[k] = attempt
        drafts[d].needsNewAttempt = true
        if let code = attempt.exitCode {
            let kind = ExitCodeClass.of(code, policy: policy)
            if status == ExecutionState.failureRetry && kind == .notRetried {
                note(d, &step, "execmgr retries exit \(code), but the policy does not list it (\(policy.sourceDescription)):"
                    + " the site's retry codes changed, or this is not the client's site control file?")
            } else if status == ExecutionState.failureNonRetry && kind == .retried && !limitReached(d) {
                note(d, &step, "the policy retries exit \(code), but execmgr gave up (FailureNonRetry):"
                    + " the client's policy differs from \(policy.sourceDescription)?")
            } else if ExecutionState.isSuccess(status) != kind.isSuccess && ExecutionState.isKnown(status) {
                note(d, &step, "status \(status) with exit \(code) (\(kind.phrase))")
            }
        }
        if status == ExecutionState.failureRetry, firstResult || drafts[d].pendingPrediction == nil {
            drafts[d].pendingPrediction = predict(d, at: step.time)
        }
    }

    private func limitReached(_ d: Int) -> Bool {
        guard !policy.isUnlimited else { return false }
        let tries = max(drafts[d].attempts.count, drafts[d].attempts.compactMap(\.reportedTries).max() ?? 0)
        return tries >= policy.maxAttempts
    }

    // MARK: - Prediction

    /// When the retry of the last failed run is due: failure + interval, + the mandatory countdown
    /// unless a retry of this program already ran without one; nil at the retry limit.
    private func predict(_ d: Int, at fallback: LogTime?) -> RetryPrediction? {
        // At its limit the program is not retried: there is no next retry to predict.
        guard !limitReached(d) else { return nil }
        guard let attempt = drafts[d].attempts.last, let failedAt = attempt.failedAt ?? fallback else { return nil }
        let countdown = drafts[d].countdownSeen == false ? 0 : RetryPolicy.mandatoryCountdown
        let timerAt = failedAt.adding(seconds: policy.interval)
        let dueAt = timerAt.adding(seconds: countdown)
        let what = attempt.exitCode.map { "exit \($0)" } ?? "the failure"
        var reasoning = "\(what) at \(failedAt.displayWithOffset) + \(policy.interval) s retry interval"
        if countdown > 0 {
            reasoning += " + \(countdown) s countdown a mandatory program shows"
                + " = \(DurationText.of(seconds: Double(policy.interval + countdown)))"
        } else {
            reasoning += " (the last retry ran with no countdown)"
        }
        reasoning += policy.source == .defaults ? "; default policy, no site control file" : "; site policy"
        return RetryPrediction(failedAt: failedAt, interval: policy.interval, countdown: countdown, timerAt: timerAt,
                               dueAt: dueAt, usesDefaultPolicy: policy.source == .defaults, reasoning: reasoning)
    }

    // MARK: - Joining lines to programs

    /// The request a line is about: the latest one for this program whose advert and package do
    /// not contradict the line's; its missing IDs are filled in from the line. A new one otherwise.
    private mutating func resolve(_ client: String, _ advertisement: String?, _ package: String?, _ program: String) -> Int {
        func fits(_ known: String?, _ given: String?) -> Bool { known == nil || given == nil || known == given }
        let name = ProgramName(client: client, program: program)
        let slot: Int
        if let known = byProgram[name] {
            slot = known
        } else {
            slot = programs.count
            programs.append(ProgramDrafts())
            byProgram[name] = slot
        }
        var best: Int?
        func consider(_ k: Int) {
            let key = drafts[k].key
            guard fits(key.advertisement, advertisement) && fits(key.package, package) else { return }
            if best == nil || drafts[k].touched > drafts[best!].touched { best = k }
        }
        // Every request that fits is among these: the ones with the line's advert (or none), else
        // with its package (or none); a line that names neither fits them all, the latest wins.
        let known = programs[slot]
        if let advertisement {
            known.byAdvert[advertisement]?.forEach(consider)
            known.withoutAdvert.forEach(consider)
        } else if let package {
            known.byPackage[package]?.forEach(consider)
            known.withoutPackage.forEach(consider)
        } else {
            best = known.latest ?? known.all.first
        }
        if let best {
            if drafts[best].key.advertisement == nil, let advertisement {
                drafts[best].key.advertisement = advertisement
                programs[slot].withoutAdvert.remove(best)
                programs[slot].byAdvert[advertisement, default: []].append(best)
            }
            if drafts[best].key.package == nil, let package {
                drafts[best].key.package = package
                programs[slot].withoutPackage.remove(best)
                programs[slot].byPackage[package, default: []].append(best)
            }
            return best
        }
        let d = drafts.count
        var draft = Draft(key: ProgramKey(client: client, advertisement: advertisement, package: package, program: program))
        draft.program = slot
        drafts.append(draft)
        programs[slot].all.append(d)
        if let advertisement { programs[slot].byAdvert[advertisement, default: []].append(d) } else { programs[slot].withoutAdvert.insert(d) }
        if let package { programs[slot].byPackage[package, default: []].append(d) } else { programs[slot].withoutPackage.insert(d) }
        return d
    }

    /// One program name's requests on one client.
    struct ProgramDrafts {
        var all: [Int] = []
        var byAdvert: [String: [Int]] = [:]
        var byPackage: [String: [Int]] = [:]
        var withoutAdvert: Set<Int> = []
        var withoutPackage: Set<Int> = []
        /// The request a line was last about.
        var latest: Int?
    }

    struct ProgramName: Hashable {
        var client: String
        var program: String
    }

    /// The program a line that names none is about: the one launched last on this client whose run
    /// has not ended, else the one launched last that is not done (it waits to retry, and the log
    /// may not show the retry's launch), else the one launched last, else the last one a line was about.
    private func runningProgram(_ client: String) -> Int? {
        let launches = launchOrder[client] ?? []
        // Newest first; usually the first one looked at is the answer.
        for entry in launches.indices.reversed() {
            let k = launches[entry]
            if drafts[k].launchEntry == entry && !drafts[k].needsNewAttempt && !drafts[k].attempts.isEmpty { return k }
        }
        for entry in launches.indices.reversed() {
            let k = launches[entry]
            if drafts[k].launchEntry == entry && !isDone(k) { return k }
        }
        return launches.last ?? lastTouched[client]
    }

    /// The program will not run again by itself: it succeeded, failed for good, lost its policy or
    /// used every run the policy allows.
    private func isDone(_ d: Int) -> Bool {
        guard let state = drafts[d].state else { return false }
        if state == ExecutionState.failureRetry || state == ExecutionState.waitingRetry { return limitReached(d) }
        return ExecutionState.isSuccess(state) || state == ExecutionState.failureNonRetry || state == ExecutionState.removed
    }

    /// The client's launched drafts, each once, in the order of their latest launch.
    private func liveLaunchOrder(_ client: String) -> [Int] {
        let launches = launchOrder[client] ?? []
        return zip(launches.indices, launches).filter { drafts[$0.1].launchEntry == $0.0 }.map(\.1)
    }

    private mutating func finish(_ d: Int, _ step: inout ExecutionStep, touchesLaunch: Bool = true) {
        if step.from == nil && step.state == nil && step.event != .stateChange {
            step.from = drafts[d].state
            step.state = drafts[d].state
        }
        step.attempt = drafts[d].attempts.count
        if !step.notes.isEmpty { step.notes = step.notes.map { noteTexts.insert($0).memberAfterInsert } }
        drafts[d].touched = clock
        programs[drafts[d].program].latest = d
        lastTouched[drafts[d].key.client] = d
        drafts[d].steps.append(step)
    }

    private mutating func keepUnattributed(_ base: ExecutionStep, _ event: ExecutionStep.Event, _ code: Int?) {
        var step = base
        step.event = event
        step.exitCode = code
        step.retried = code.map { ExitCodeClass.of($0, policy: policy).retried } ?? nil
        step.notes.append("no program was named before this line; kept unattributed")
        unattributed.append(step)
    }

    private func noteUnknown(_ state: String, _ step: inout ExecutionStep) {
        guard !ExecutionState.isKnown(state) else { return }
        step.unknownState = true
        step.notes.append("unknown state \(state), kept as written")
    }

    /// A contradiction: on the step, and once on the timeline for the verdict.
    private mutating func note(_ d: Int, _ step: inout ExecutionStep, _ text: String) {
        step.notes.append(text)
        if drafts[d].noted.insert(text).inserted { drafts[d].notes.append(text) }
    }

    // MARK: - Verdicts

    /// The timelines, each step list cut to its size: the builder's lists grew by doubling, and
    /// the slack of a million-step list is megabytes. The builder is left empty.
    public mutating func build() -> ExecutionHistory {
        var timelines: [ExecutionTimeline] = []
        timelines.reserveCapacity(drafts.count)
        let writer = ExecutionVerdictWriter(policy: policy, explain: explain)
        for d in drafts.indices {
            let draft = drafts[d]
            drafts[d].steps = []
            let steps = Self.trimmed(draft.steps)
            timelines.append(ExecutionTimeline(
                key: draft.key, steps: steps, attempts: Self.trimmed(draft.attempts),
                verdict: writer.verdict(steps: steps, attempts: draft.attempts, state: draft.state, notes: draft.notes,
                                        pendingPrediction: draft.pendingPrediction),
                policy: policy, lastState: draft.state, pendingPrediction: draft.pendingPrediction))
        }
        drafts = []
        return ExecutionHistory(timelines: timelines, unattributed: Self.trimmed(unattributed), policy: policy)
    }

    /// A copy without spare capacity (`Array(slice)` of a whole array would share its buffer).
    private static func trimmed<Element>(_ list: [Element]) -> [Element] {
        guard list.capacity > list.count else { return list }
        var copy: [Element] = []
        copy.reserveCapacity(list.count)
        copy.append(contentsOf: list)
        return copy
    }
}
