/// What ConfigMgr does with a program that exits with a value: succeeded, retried, or failed for good.
public struct ExitCodeVerdict: Sendable, Hashable {
    /// nil when the value is not a program exit code at all (ConfigMgr's own status codes).
    public var retried: Bool?
    public var reason: String
    /// Where the retry policy came from (`RetryPolicy.sourceDescription`).
    public var policySource: String

    public init(retried: Bool?, reason: String, policySource: String) {
        self.retried = retried
        self.reason = reason
        self.policySource = policySource
    }

    /// Success exit codes: ConfigMgr records the program as succeeded.
    public static let successCodes: Set<Int> = [0, 3010, 1641]

    public static func judge(_ bits: ErrorCodeBits, kind: ErrorExplanation.Kind, policy: RetryPolicy) -> ExitCodeVerdict {
        let source = policy.sourceDescription
        if kind == .configmgr {
            return ExitCodeVerdict(retried: nil, reason: "Not a program exit code: this is ConfigMgr's own status, reported by "
                                   + "the client; the retry list does not apply.", policySource: source)
        }
        switch bits.signed {
        case 0:
            return ExitCodeVerdict(retried: false, reason: "Success: ConfigMgr records the program as succeeded; nothing to retry.",
                                   policySource: source)
        case 3010:
            return ExitCodeVerdict(retried: false, reason: "Success, restart required: ConfigMgr records the program as "
                                   + "succeeded and the restart as pending; nothing to retry.", policySource: source)
        case 1641:
            return ExitCodeVerdict(retried: false, reason: "Success, and the installer has already started a restart: "
                                   + "ConfigMgr records the program as succeeded; nothing to retry.", policySource: source)
        default: break
        }
        let code = bits.signed
        if policy.retries(exitCode: code) || policy.retries(exitCode: bits.unsigned) {
            let countdown = RetryPolicy.mandatoryCountdown
            return ExitCodeVerdict(retried: true, reason: RetryReasons.why(code) + " ConfigMgr marks the run FailureRetry, "
                                   + "then WaitingRetry, and runs the program again after \(policy.interval) s (up to "
                                   + "\(policy.count) times; a mandatory program's \(countdown) s countdown comes on top).",
                                   policySource: source)
        }
        var reason = "Not on the retry list: ConfigMgr marks the run FailureNonRetry and does not run the program again. "
            + "Codes outside the list are taken to be the command line's own failure (like 1, incorrect function, "
            + "or 2, file not found), which another run would not change."
        if let win32 = bits.wrappedWin32, policy.retries(exitCode: win32) {
            reason += " The list holds \(win32), the Win32 code inside this HRESULT, but ConfigMgr compares the exit code "
                + "as it is (\(code)), so it does not match."
        }
        if kind == .ntstatus && bits.isNTStatusShaped && !bits.ntBit && bits.ntFacility == 0 {
            reason += " An exit code of this shape (0xC…) is usually the NTSTATUS of a process that ended on an "
                + "unhandled exception."
        }
        return ExitCodeVerdict(retried: false, reason: reason, policySource: source)
    }
}
