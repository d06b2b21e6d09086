/// The names execmgr gives a program's execution request. The vocabulary is open: a state cmlens
/// does not know is kept as written and flagged, never dropped.
public enum ExecutionState {
    public static let waitingRetry = "WaitingRetry"
    public static let failureRetry = "FailureRetry"
    public static let failureNonRetry = "FailureNonRetry"
    public static let success = "Success"
    public static let successRebootRequired = "SuccessRebootRequired"
    /// Not an execmgr state: cmlens's name for a request whose policy was removed from the client.
    public static let removed = "Removed"

    /// Seen in real logs, or named by the documentation (log-formats.md §2.3).
    public static let known: Set<String> = [
        "NotExist", "WaitingContent", "Ready", "NotifyExecution", "WaitingServiceWindow", "WaitingDependency",
        "WaitingUserLogon", "WaitingUserLogoff", "WaitingUserReconnect", "Running", failureRetry, waitingRetry,
        failureNonRetry, success, successRebootRequired,
    ]

    public static func isKnown(_ state: String) -> Bool { known.contains(state) }

    /// The known names and `Removed` in a fixed order, so a step keeps its states as one byte each
    /// (code = place + 1; 0 is no state).
    static let coded: [String] = known.sorted() + [removed]
    static let codes: [String: UInt8] = Dictionary(uniqueKeysWithValues: coded.enumerated().map { ($1, UInt8($0 + 1)) })

    /// States that end a run with a result.
    public static func isResult(_ state: String) -> Bool {
        state == failureRetry || state == failureNonRetry || state == success || state == successRebootRequired
    }

    /// States in which the program is being launched or runs: the start of an attempt.
    public static func isRun(_ state: String) -> Bool { state == "NotifyExecution" || state == "Running" }

    public static func isSuccess(_ state: String) -> Bool { state == success || state == successRebootRequired }
}

/// What an exit code means to execmgr: success, success needing a restart, or a failure the
/// policy retries or not.
public enum ExitCodeClass: String, Sendable, Hashable {
    case success, successRebootRequired, retried, notRetried

    public static func of(_ code: Int, policy: RetryPolicy) -> ExitCodeClass {
        switch code {
        case 0: .success
        case 3010, 1641: .successRebootRequired
        default: policy.retries(exitCode: code) ? .retried : .notRetried
        }
    }

    public var isSuccess: Bool { self == .success || self == .successRebootRequired }

    /// Whether the policy retries it; nil for a success (there is nothing to retry).
    public var retried: Bool? { isSuccess ? nil : self == .retried }

    /// `success`, `success, restart required`, `retried by the policy`, `not in the retry list`
    public var phrase: String {
        switch self {
        case .success: "success"
        case .successRebootRequired: "success, restart required"
        case .retried: "in the retry list: retried"
        case .notRetried: "not in the retry list: never retried"
        }
    }
}

/// Explains an exit code in words (the error catalogue), when cmlens has one: the hook for
/// `Sources/CMLensCore/ErrorCodes/`. nil means no explanation; the code is shown bare.
public typealias ExitCodeExplainer = @Sendable (Int) -> String?
