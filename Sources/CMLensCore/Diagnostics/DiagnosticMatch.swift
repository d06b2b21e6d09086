/// One line (or one fact) a pattern found, with where it is and what it captured.
public struct DiagnosticMatch: Sendable, Hashable {
    public var pattern: String
    public var client: String
    /// The record it was found in (or the inventory row the fact rests on).
    public var place: Evidence
    public var time: LogTime?
    public var captures: [String: String]
    /// The line as the log wrote it (first line of the message), or the fact in words.
    public var text: String

    public init(pattern: String, client: String, place: Evidence, time: LogTime?,
                captures: [String: String], text: String) {
        self.pattern = pattern
        self.client = client
        self.place = place
        self.time = time
        self.captures = captures
        self.text = text
    }

    public init(pattern: String, client: String, file: String, line: Int, time: LogTime?,
                captures: [String: String], text: String) {
        self.init(pattern: pattern, client: client, place: Evidence(file: file, line: line), time: time,
                  captures: captures, text: text)
    }

    public var file: String { place.file }
    public var line: Int { place.line }

    /// Sorts by instant; undated matches after dated ones, then by file and line.
    static func chronological(_ a: DiagnosticMatch, _ b: DiagnosticMatch) -> Bool {
        switch (a.time?.utcNanoseconds, b.time?.utcNanoseconds) {
        case let (x?, y?) where x != y: return x < y
        case (.some, .none): return true
        case (.none, .some): return false
        default: return (a.file, a.line) < (b.file, b.line)
        }
    }
}

/// Answers a rule's `fact` patterns from what another part of cmlens has worked out (the execution
/// timeline, inventory and hotfix compliance). Each match must still name a `file:line` that
/// proves it: no finding without evidence.
public protocol DiagnosticFactProvider: Sendable {
    /// The fact kinds this provider answers (`execution.retrying`, …).
    var kinds: Set<String> { get }
    /// Every fact of that kind, for every client (the engine groups them by client).
    func facts(of kind: String) -> [DiagnosticMatch]
}

/// The fact kinds rules may name, and the captures each fills. A rule that names a kind no
/// provider answers is not evaluated, and the result says so.
public enum DiagnosticFactKind {
    /// A program that failed with a retried code and waits to run again.
    public static let executionRetrying = "execution.retrying"
    /// A program that failed with a code the policy never retries.
    public static let executionFailedNonRetry = "execution.failedNonRetry"
    /// A client whose inventory lacks a hotfix of the catalogue: `kb` 977384, `hotfix` KB977384,
    /// `detail` "KB977384 (SmsPowerManagement 4.00.6487.2000, needs 4.0.6487.2157)".
    public static let inventoryMissingHotfix = "inventory.missingHotfix"
    /// A machine inventory reports outside any domain (`Resource_Domain_OR_Workgr0` is a workgroup).
    public static let inventoryWorkgroup = "inventory.workgroup"

    /// An application's deployment type whose installer exited with a code its exit-code table
    /// does not hold ("Unmatched exit code (1603) is considered an execution failure").
    public static let applicationUnmatchedExitCode = "application.unmatchedExitCode"
    /// An application's deployment type whose installer succeeded by its exit code, after which
    /// detection did not find the application (0x87D00324).
    public static let applicationNotDetectedAfterInstall = "application.notDetectedAfterInstall"
    /// A task sequence run that stopped at a failed step.
    public static let taskSequenceStepFailed = "taskSequence.stepFailed"
    /// A software update that failed to install more than once: a retry did not help.
    public static let updateKeepsFailing = "softwareUpdates.updateKeepsFailing"

    public static let all: [String: [String]] = [
        applicationUnmatchedExitCode: ["application", "deploymentType", "revision", "action", "code", "meaning", "verdict"],
        applicationNotDetectedAfterInstall: ["application", "deploymentType", "revision", "code", "verdict"],
        taskSequenceStepFailed: ["taskSequence", "run", "step", "code", "meaning", "group", "text", "verdict"],
        updateKeepsFailing: ["update", "article", "code", "meaning", "failures", "verdict"],
        executionRetrying: ["program", "advertisement", "package", "request", "code", "meaning", "attemptsUsed",
                            "attemptsLeft", "maxAttempts", "nextRetry", "verdict", "policy"],
        executionFailedNonRetry: ["program", "advertisement", "package", "request", "code", "meaning", "attemptsUsed",
                                  "attemptsLeft", "maxAttempts", "nextRetry", "verdict", "policy"],
        inventoryMissingHotfix: ["kb", "hotfix", "component", "required", "installed", "detail"],
        inventoryWorkgroup: ["workgroup"],
    ]

    public static func captureNames(of kind: String) -> [String] { all[kind] ?? [] }

    /// What the user must add to the workspace for the kind's facts to exist.
    public static func source(of kind: String) -> String {
        if kind.hasPrefix("inventory.") { return "an inventory export (v_GS_SMS_ADVANCED_CLIENT_STAT.csv, v_R_System.csv) in the workspace" }
        if kind.hasPrefix("application.") { return "AppEnforce.log" }
        if kind.hasPrefix("taskSequence.") { return "smsts.log" }
        if kind.hasPrefix("softwareUpdates.") { return "UpdatesDeployment.log, UpdatesHandler.log or WUAHandler.log" }
        return "execmgr.log"
    }
}
