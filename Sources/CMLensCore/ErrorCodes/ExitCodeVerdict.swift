/// What ConfigMgr does with a value where it was met: a program's exit code judged by the site's
/// retry list, a deployment type's by its return-code table, a task sequence step's by its success
/// codes — or no verdict at all, where no program exited.
public struct ExitCodeVerdict: Sendable, Hashable {
    /// How the verdict reads at a glance (and which colour the console gives it).
    public enum Tone: String, Sendable, Hashable {
        case success, retry, failure
        /// No verdict: the value is not an exit code here; `reason` says why.
        case none
    }

    /// Whether ConfigMgr runs the program again; nil when no program's retry is at stake (not an
    /// exit code here, or an exit code that something other than the retry list judges).
    public var retried: Bool?
    /// One or two words: `retried`, `not retried`, `success`, `Soft Reboot`, `step failed`; nil with no verdict.
    public var label: String?
    public var tone: Tone
    public var reason: String
    /// Where the retry policy came from (`RetryPolicy.sourceDescription`).
    public var policySource: String

    public init(retried: Bool?, reason: String, policySource: String, label: String? = nil, tone: Tone? = nil) {
        self.retried = retried
        self.reason = reason
        self.policySource = policySource
        self.tone = tone ?? (retried == true ? .retry : retried == false ? .failure : .none)
        self.label = label ?? (retried == true ? "retried" : retried == false ? "not retried" : nil)
    }

    /// Whether the verdict uses the site's retry list (and so names its policy).
    public var usesRetryPolicy: Bool { retried != nil }

    /// Success exit codes: ConfigMgr records the program as succeeded.
    public static let successCodes: Set<Int> = [0, 3010, 1641]

    /// The verdict for a value met at `place` (`.unknown`: the code alone).
    public static func judge(_ bits: ErrorCodeBits, kind: ErrorExplanation.Kind, policy: RetryPolicy,
                             place: ExplanationPlace = .unknown) -> ExitCodeVerdict {
        let source = policy.sourceDescription
        if kind == .configmgr {
            return ExitCodeVerdict(retried: nil, reason: "Not a program exit code: this is ConfigMgr's own status, reported by "
                                   + "the client; the retry list does not apply.", policySource: source)
        }
        switch place {
        case .programExit: return program(bits, kind: kind, policy: policy)
        case .deploymentTypeExit: return DeploymentTypeReturnCodes.judge(bits, policySource: source)
        case .taskSequence: return TaskSequenceStepCodes.judge(bits, policySource: source)
        case .softwareUpdates(let log):
            return ExitCodeVerdict(retried: nil, reason: "Met in \(log) (software updates): the status the Windows Update Agent "
                                   + "or ConfigMgr's updates agent reported for a scan, a download or an update, not a program's "
                                   + "exit code, so the retry list does not apply. A failed update is tried again when the client "
                                   + "next evaluates its software update deployments.", policySource: source)
        case .log(let log):
            return ExitCodeVerdict(retried: nil, reason: "Met in \(log): the status of the component that wrote the line, not a "
                                   + "program's exit code, so no retry verdict (the retry list judges only what a package's "
                                   + "program exits with, in execmgr.log).", policySource: source)
        case .unknown:
            guard isPlausibleExitCode(bits, kind: kind) else {
                return ExitCodeVerdict(retried: nil, reason: "No retry verdict without the place it was met: the retry list "
                                       + "judges a program's exit code, and programs exit with Win32 and MSI codes (0–65535) or "
                                       + "small negative numbers of their own, while a value of this shape is the status a "
                                       + "component or an API returns. If a program did exit with it, add --context execmgr.log "
                                       + "(a package's program) or --context AppEnforce.log (an application).",
                                       policySource: source)
            }
            return program(bits, kind: kind, policy: policy)
        }
    }

    /// Programs exit with Win32 and MSI codes (0–65535) or small negative numbers of their own
    /// (-1); a larger value is an HRESULT or NTSTATUS, which is what components and APIs return.
    public static func isPlausibleExitCode(_ bits: ErrorCodeBits, kind: ErrorExplanation.Kind) -> Bool {
        kind == .win32 || (kind == .unknown && bits.signed < 0 && bits.signed >= -0xFFFF)
    }

    /// A package's program (execmgr): success codes, then the site's retry list.
    static func program(_ bits: ErrorCodeBits, kind: ErrorExplanation.Kind, policy: RetryPolicy) -> ExitCodeVerdict {
        let source = policy.sourceDescription
        switch bits.signed {
        case 0:
            return success("Success: ConfigMgr records the program as succeeded; nothing to retry.", source)
        case 3010:
            return success("Success, restart required: ConfigMgr records the program as succeeded and the restart as "
                           + "pending; nothing to retry.", source)
        case 1641:
            return success("Success, and the installer has already started a restart: ConfigMgr records the program as "
                           + "succeeded; nothing to retry.", source)
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

    private static func success(_ reason: String, _ source: String) -> ExitCodeVerdict {
        ExitCodeVerdict(retried: false, reason: reason, policySource: source, label: "success", tone: .success)
    }
}
