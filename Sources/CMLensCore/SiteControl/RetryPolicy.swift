import Foundation

/// How ConfigMgr retries a program that failed: the site's `Execution Failure Retry *` properties.
///
/// A program that exits with one of `errorCodes` is a *non-fatal* failure (FailureRetry, then
/// WaitingRetry) and runs again after `interval` seconds, up to `count` times; any other failure
/// is final (FailureNonRetry). The codes are about infrastructure outside the command line
/// (access denied, too many sessions, another install running), which may change by the next try.
public struct RetryPolicy: Sendable, Hashable {
    public var count: Int
    /// Seconds between a failure and the retry (a mandatory program's countdown comes on top).
    public var interval: Int
    public var errorCodes: [Int]
    public var source: Source

    public enum Source: Sendable, Hashable {
        /// No site control file was loaded: the documented ConfigMgr 2007 defaults.
        case defaults
        /// From a site control file: the file and the lines of the three properties.
        case siteControl(path: String, lines: [Int])
    }

    public static let defaultCount = 1008
    public static let defaultInterval = 600
    public static let defaultErrorCodes = [4, 5, 8, 13, 14, 39, 51, 53, 54, 55, 59, 64, 65, 67, 70, 71, 85, 86, 87, 112,
                                           128, 170, 267, 999, 1003, 1203, 1219, 1220, 1222, 1231, 1232, 1238, 1265,
                                           1311, 1323, 1326, 1330, 1618, 1622, 2250]
    /// The countdown ConfigMgr shows before a mandatory program runs: why a 600 s retry lands 15 minutes later.
    public static let mandatoryCountdown = 300

    public static let defaults = RetryPolicy(count: defaultCount, interval: defaultInterval,
                                             errorCodes: defaultErrorCodes, source: .defaults)

    public init(count: Int, interval: Int, errorCodes: [Int], source: Source) {
        self.count = count
        self.interval = interval
        self.errorCodes = errorCodes
        self.source = source
    }

    public func retries(exitCode: Int) -> Bool { errorCodes.contains(exitCode) }

    /// `Execution Failure Retry Count` -1 means 4,294,967,295: no practical limit.
    public var isUnlimited: Bool { count < 0 || count >= Int(UInt32.max) }

    /// The most runs a failing program gets: the first one plus `count` retries.
    public var maxAttempts: Int { isUnlimited ? Int(UInt32.max) : count + 1 }

    /// `1008 retries every 600 s, 40 retry codes`
    public var summary: String {
        (isUnlimited ? "unlimited retries" : "\(count) retries") + " every \(interval) s, \(errorCodes.count) retry codes"
    }

    /// Where the policy came from, for every place that uses it.
    public var sourceDescription: String {
        switch source {
        case .defaults:
            "ConfigMgr defaults (no site control file loaded): \(summary)"
        case .siteControl(let path, let lines):
            "\(path)" + (lines.isEmpty ? "" : (lines.count == 1 ? " line " : " lines ") + lines.map(String.init).joined(separator: ", "))
                + ": \(summary)"
        }
    }

    /// The policy a site control file sets; properties it lacks keep their defaults, and a value
    /// that is not a number is a problem naming its line.
    public static func from(_ file: SiteControlFile) -> (policy: RetryPolicy, problems: [LoadProblem]) {
        var policy = RetryPolicy.defaults
        var problems: [LoadProblem] = []
        var lines: [Int] = []
        if let p = file.property(named: "Execution Failure Retry Count") {
            lines.append(p.line)
            if let n = Int(p.value.trimmingWhitespace) { policy.count = n } else {
                problems.append(LoadProblem(file: file.path, line: p.line, message: "Execution Failure Retry Count \"\(p.value)\" is not a number; using \(defaultCount)"))
            }
        }
        if let p = file.property(named: "Execution Failure Retry Interval") {
            lines.append(p.line)
            if let n = Int(p.value.trimmingWhitespace) {
                // A REG_DWORD of seconds: anything else is a damaged file, and would put retries past any calendar.
                if (0...Int(UInt32.max)).contains(n) {
                    policy.interval = n
                } else {
                    problems.append(LoadProblem(file: file.path, line: p.line, message: "Execution Failure Retry Interval \(n) is out of range (0 to 4294967295 seconds); using \(defaultInterval)"))
                }
            } else {
                problems.append(LoadProblem(file: file.path, line: p.line, message: "Execution Failure Retry Interval \"\(p.value)\" is not a number; using \(defaultInterval)"))
            }
        }
        if let p = file.property(named: "Execution Failure Retry Error Codes") {
            lines.append(p.line)
            let text = p.string.isEmpty ? p.integer : p.string
            policy.errorCodes = codes(in: text, file: file.path, line: p.line, problems: &problems)
        } else if let list = file.list(named: "Execution Failure Retry Error Codes") {
            // The same setting written as a multi-string list: one code per entry.
            lines.append(list.line)
            policy.errorCodes = codes(in: list.entries.joined(separator: ","), file: file.path, line: list.line,
                                      problems: &problems)
        }
        // A file that could not be read at all has already said so.
        let unreadable = file.blocks.isEmpty && !file.problems.isEmpty
        if lines.isEmpty && !unreadable {
            problems.append(LoadProblem(file: file.path, severity: .warning,
                                        message: "no Execution Failure Retry properties in this site control file; using the ConfigMgr defaults"))
        }
        if !lines.isEmpty { policy.source = .siteControl(path: file.path, lines: lines) }
        return (policy, problems)
    }

    /// `{4,5,8}` or `4, 5, 8` → [4, 5, 8]; a part that is not a number is a problem naming the line.
    static func codes(in text: String, file: String, line: Int, problems: inout [LoadProblem]) -> [Int] {
        let parts = text.split(whereSeparator: { ",; \t{}".contains($0) })
        var codes: [Int] = []
        for part in parts {
            if let n = Int(part) { codes.append(n) } else {
                problems.append(LoadProblem(file: file, line: line, message: "retry error code \"\(part)\" is not a number; skipped"))
            }
        }
        return codes
    }

    /// The policy for a workspace: its first site control file's, or the defaults.
    public static func load(siteControlPath: String?) -> (policy: RetryPolicy, problems: [LoadProblem]) {
        guard let siteControlPath else { return (.defaults, []) }
        let file = SiteControlParser.read(path: siteControlPath)
        let (policy, problems) = from(file)
        return (policy, file.problems + problems)
    }

    /// The policy a workspace runs under: the file the user named, else the workspace's own
    /// `sitectrl.ct*`, else the defaults (and `sourceDescription` says which).
    public static func forWorkspace(_ inputs: WorkspaceInputs, siteControl: String? = nil) -> (policy: RetryPolicy, problems: [LoadProblem]) {
        load(siteControlPath: siteControl ?? inputs.siteControlFiles.first)
    }
}
