/// One program's execution history on one client: every execmgr line about it, in order, with
/// its attempts, the verdict and, when it waits to retry, when the retry is due.
public struct ExecutionTimeline: Sendable, Hashable {
    public var key: ProgramKey
    public var steps: [ExecutionStep]
    public var attempts: [ExecutionAttempt]
    public var verdict: ExecutionVerdict
    /// The policy the retries and the prediction were judged by (its `source` says where it came from).
    public var policy: RetryPolicy
    /// The last state the log shows, and the retry the last failure predicted: what the verdict
    /// was written from, kept to write it again with another explainer.
    var lastState: String?
    var pendingPrediction: RetryPrediction?
}

/// The identity of an execution request: a program of a package, run for an advertisement, on a client.
/// Lines that name only the program (`Execution is complete for program …`) are joined to it.
public struct ProgramKey: Sendable, Hashable {
    public var client: String
    /// nil until a line names it (the bare `program N` form names neither advert nor package).
    public var advertisement: String?
    public var package: String?
    public var program: String

    public init(client: String, advertisement: String?, package: String?, program: String) {
        self.client = client
        self.advertisement = advertisement
        self.package = package
        self.program = program
    }
}

/// Where a line is: a record of the loaded logs (`RecordID`), or a place outside them (an
/// inventory row, a record handed in by a test). It prints as `file:line`, and two citations of
/// the same line are the same evidence however they were reached.
public struct Evidence: Sendable, Hashable, CustomStringConvertible {
    private enum Place: Sendable {
        case record(RecordID)
        case line(file: String, line: Int)
    }

    private let place: Place

    public init(file: String, line: Int) {
        place = .line(file: file, line: line)
    }

    public init(record: RecordID) {
        place = .record(record)
    }

    /// The record cited, when it is one of the loaded logs'.
    public var record: RecordID? {
        if case .record(let id) = place { return id }
        return nil
    }

    public var file: String {
        switch place {
        case .record(let id): id.path
        case .line(let file, _): file
        }
    }

    public var line: Int {
        switch place {
        case .record(let id): id.line
        case .line(_, let line): line
        }
    }

    public var description: String { "\(file):\(line)" }

    public static func == (a: Evidence, b: Evidence) -> Bool {
        if let x = a.record, let y = b.record, x == y { return true }
        return a.line == b.line && a.file == b.file
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
    }
}

/// One execmgr line about a program, read.
///
/// A workspace with a 1 GB execmgr.log holds millions of steps, so a step is kept in 64 bytes: its
/// states as one byte each (a state cmlens does not know, and the rare notes and prediction, in
/// one box off the struct), its exit code and run number without optionals' padding.
public struct ExecutionStep: Sendable, Hashable {
    public enum Event: String, Sendable, Hashable {
        case stateChange, exitCode, executionComplete, willRetry, nonFatalError, raisedEvent, wmiEvent,
             policyUpdated, policyRemoved, script, unreadable
    }

    public var time: LogTime?
    public var event: Event
    private var flags: Flags = []
    private var fromCode: UInt8 = 0
    private var stateCode: UInt8 = 0
    private var run: UInt32 = 0
    private var code: Int = 0
    /// The record the step was read from; its text is decoded when asked for.
    public var source: StepSource
    private var extras: Boxed<Extras>?

    private struct Flags: OptionSet, Hashable {
        let rawValue: UInt8
        static let hasExitCode = Flags(rawValue: 1)
        static let hasRetried = Flags(rawValue: 2)
        static let retried = Flags(rawValue: 4)
        static let unknownState = Flags(rawValue: 8)
    }

    /// What most steps lack.
    private struct Extras: Sendable, Hashable {
        /// Boxed again: many steps carry notes, few a prediction, and the box stays small.
        var prediction: Boxed<RetryPrediction>?
        var notes: [String] = []
        /// State names without a code (not known to cmlens), as written.
        var from: String?
        var state: String?
    }

    public init(event: Event, time: LogTime?, from: String?, state: String?, exitCode: Int?, retried: Bool?,
                attempt: Int, prediction: RetryPrediction?, source: StepSource, notes: [String] = []) {
        self.event = event
        self.time = time
        self.source = source
        self.from = from
        self.state = state
        self.exitCode = exitCode
        self.retried = retried
        self.attempt = attempt
        self.notes = notes
        self.prediction = prediction
    }

    private func extra<Value>(_ path: KeyPath<Extras, Value>, _ none: Value) -> Value {
        extras.map { $0.value[keyPath: path] } ?? none
    }

    private mutating func setExtra<Value>(_ path: WritableKeyPath<Extras, Value>, _ value: Value) {
        var changed = extras?.value ?? Extras()
        changed[keyPath: path] = value
        extras = changed == Extras() ? nil : Boxed(changed)
    }

    /// The state before this line, as far as the log shows (nil before the first one).
    public var from: String? {
        get { fromCode == 0 ? extra(\.from, nil) : ExecutionState.coded[Int(fromCode) - 1] }
        set {
            fromCode = newValue.flatMap { ExecutionState.codes[$0] } ?? 0
            if extras?.value.from != nil || (fromCode == 0 && newValue != nil) { setExtra(\.from, fromCode == 0 ? newValue : nil) }
        }
    }

    /// The state after it; the same as `from` for a line that does not change the state.
    public var state: String? {
        get { stateCode == 0 ? extra(\.state, nil) : ExecutionState.coded[Int(stateCode) - 1] }
        set {
            stateCode = newValue.flatMap { ExecutionState.codes[$0] } ?? 0
            if extras?.value.state != nil || (stateCode == 0 && newValue != nil) { setExtra(\.state, stateCode == 0 ? newValue : nil) }
        }
    }

    public var exitCode: Int? {
        get { flags.contains(.hasExitCode) ? code : nil }
        set {
            code = newValue ?? 0
            if newValue == nil { flags.remove(.hasExitCode) } else { flags.insert(.hasExitCode) }
        }
    }

    /// Whether the policy retries `exitCode`; nil without a code or for a success.
    public var retried: Bool? {
        get { flags.contains(.hasRetried) ? flags.contains(.retried) : nil }
        set {
            flags.remove([.hasRetried, .retried])
            if let newValue { flags.insert(newValue ? [.hasRetried, .retried] : .hasRetried) }
        }
    }

    /// The state name (from or to) is not one cmlens knows; kept as written.
    public var unknownState: Bool {
        get { flags.contains(.unknownState) }
        set { if newValue { flags.insert(.unknownState) } else { flags.remove(.unknownState) } }
    }

    /// The attempt (run) this line belongs to, 1-based; 0 before the first run.
    public var attempt: Int {
        get { Int(run) }
        set { run = UInt32(clamping: max(newValue, 0)) }
    }

    /// On the step that enters WaitingRetry (or says `will retry later`): when the retry is due.
    public var prediction: RetryPrediction? {
        get { extra(\.prediction, nil)?.value }
        set { setExtra(\.prediction, newValue.map(Boxed.init)) }
    }

    /// Contradictions, unknown states, the countdown, what a retry showed.
    public var notes: [String] {
        get { extra(\.notes, []) }
        set { setExtra(\.notes, newValue) }
    }

    /// Where the line is: its file and line, from the log's index.
    public var evidence: Evidence { source.evidence }

    /// The line's first line of text, as the log wrote it (decoded from the log when asked for).
    public var message: String { source.firstLine }

    /// The values of a `Raising event:` block, read again from the record when asked for.
    public var wmiEvent: WMIEvent? {
        guard event == .wmiEvent else { return nil }
        let record = source.record
        let text = record.format == .unparsed ? ExecutionTimelineBuilder.salvage(record.message) : record.message
        guard case let .wmiEvent(event)? = ExecmgrLine.parse(text) else { return nil }
        return event
    }

    public var nextRetryAt: LogTime? { prediction?.dueAt }
    public var changesState: Bool { from != state }
}

/// One run of the program: from its launch to its result.
public struct ExecutionAttempt: Sendable, Hashable {
    public var number: Int
    /// The first line of the run (a notification, the launch, or the exit code when the log starts late).
    public var startedAt: LogTime?
    /// When the program was launched (Running, or its started event), if the log shows it.
    public var ranAt: LogTime?
    public var exitCode: Int?
    /// The result state: FailureRetry, FailureNonRetry, Success, SuccessRebootRequired, or another.
    public var result: String?
    /// When the failure happened (the exit code, or the result when no code was logged).
    public var failedAt: LogTime?
    /// `will retry later` said this many tries had failed.
    public var reportedTries: Int?
    /// The log called it a "Non fatal execution error".
    public var nonFatal: Bool = false
    public var evidence: Evidence
}

/// When a program that failed with a retried code runs again, and why.
///
/// The policy retries after `Execution Failure Retry Interval` seconds (600 by default); a
/// mandatory program then shows the user a 5-minute countdown before it runs. That is why the
/// seed's `exit 999` ran again 15 minutes (600 s + 300 s) after it failed, not 10.
public struct RetryPrediction: Sendable, Hashable {
    public var failedAt: LogTime
    public var interval: Int
    /// 300 s when the countdown is expected (the mandatory case), 0 when a previous retry of this
    /// program showed none.
    public var countdown: Int
    /// failedAt + interval: the retry timer fires (a countdown starts here).
    public var timerAt: LogTime
    /// failedAt + interval + countdown: the program runs.
    public var dueAt: LogTime
    /// The policy's `Execution Failure Retry *` came from the ConfigMgr defaults, not a site control file.
    public var usesDefaultPolicy: Bool
    /// Why: `exit 999 at 10:00:00 + 600 s interval + 300 s mandatory countdown = 15 min`.
    public var reasoning: String
}

/// How a program's history ends.
public struct ExecutionVerdict: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case success, successRebootRequired, waitingRetry, failureNonRetry, retryLimitReached,
             removedWhileWaiting, removed, inProgress
    }

    public var kind: Kind
    /// The last state the log shows.
    public var state: String?
    public var exitCode: Int?
    public var retried: Bool?
    /// Attempts used (runs that ended, or the count `will retry later` reported).
    public var attemptsUsed: Int
    /// The first run plus the policy's retries; nil when unlimited.
    public var maxAttempts: Int?
    public var prediction: RetryPrediction?
    /// The one-line verdict: what happened, the exit code's meaning, the policy, what happens next.
    public var text: String
    /// Contradictions between the log and the policy, for the whole timeline.
    public var notes: [String]
    /// The line the verdict rests on.
    public var evidence: Evidence?
    public var time: LogTime?
}

/// Every program's timeline in a workspace, and the lines no program could be found for.
public struct ExecutionHistory: Sendable {
    public var timelines: [ExecutionTimeline]
    /// Lines about "the program" (an exit code) before any program was named: kept, never dropped.
    public var unattributed: [ExecutionStep]
    public var policy: RetryPolicy

    public init(timelines: [ExecutionTimeline], unattributed: [ExecutionStep], policy: RetryPolicy) {
        self.timelines = timelines
        self.unattributed = unattributed
        self.policy = policy
    }
}
