/// What is known about one client, from every source the workspace has: the inventory (its
/// components and the hotfix verdicts they give), the execmgr logs (its programs and their
/// verdicts), the diagnostics (its findings) and its log files. A source that has nothing on the
/// client leaves its part empty and says so in `gaps`, so a screen can tell "nothing wrong" from
/// "nothing known".
public struct ClientSummary: Sendable, Hashable {
    /// The name as the logs write it (the log folder's), else as the inventory does.
    public var name: String
    /// The inventory's machine; nil when the inventory does not list the client.
    public var resourceID: Int?
    /// The `v_R_System` row; nil when the machine is not in it (or there is no inventory).
    public var system: InventorySystem?
    /// The client components the inventory reports, by name.
    public var components: [InstalledComponent]
    /// One verdict per KB of the catalogue, in catalogue order; empty without an inventory row.
    public var hotfixes: [ComplianceVerdict]
    /// Every program of the client's execmgr logs, failing ones first.
    public var programs: [Program]
    /// Most severe first, then earliest.
    public var findings: [DiagnosticFinding]
    /// The client's logs, one entry per log (a log and its rotations), by name.
    public var logs: [Log]
    /// What the workspace does not say about this client, in plain words.
    public var gaps: [String]
    /// Deployment types whose latest enforcement failed (an unmatched exit code, not detected
    /// after installing, a failure entry), in log order.
    public var failingApplications: [Execution] = []
    /// Task sequence runs that stopped at a failed step: `verdict.failedStep` names it, `verdict.focus`
    /// is where it is in `steps`.
    public var failedTaskSequences: [Execution] = []
    /// Software updates whose last result is a failure, with their code and how often they failed.
    public var failedUpdates: [Execution.Entry] = []

    public init(name: String, resourceID: Int? = nil, system: InventorySystem? = nil,
                components: [InstalledComponent] = [], hotfixes: [ComplianceVerdict] = [],
                programs: [Program] = [], findings: [DiagnosticFinding] = [], logs: [Log] = [], gaps: [String] = []) {
        self.name = name
        self.resourceID = resourceID
        self.system = system
        self.components = components
        self.hotfixes = hotfixes
        self.programs = programs
        self.findings = findings
        self.logs = logs
        self.gaps = gaps
    }

    /// A program's standing: its verdict and, while it waits, how many runs remain.
    public struct Program: Sendable, Hashable {
        public var key: ProgramKey
        public var verdict: ExecutionVerdict

        public init(key: ProgramKey, verdict: ExecutionVerdict) {
            self.key = key
            self.verdict = verdict
        }

        /// It did not succeed and will not, or has not yet: the programs an administrator looks at.
        public var isFailing: Bool {
            switch verdict.kind {
            case .waitingRetry, .failureNonRetry, .retryLimitReached, .removedWhileWaiting: true
            case .success, .successRebootRequired, .removed, .inProgress: false
            }
        }

        /// Runs the policy still allows; nil when it sets no limit. Only a program that will be
        /// retried has any left.
        public var retriesLeft: Int? {
            guard let maximum = verdict.maxAttempts else { return nil }
            return verdict.kind == .waitingRetry ? max(0, maximum - verdict.attemptsUsed) : 0
        }

        public var nextRetry: LogTime? { verdict.prediction?.dueAt }
    }

    /// One log of the client: the file and its rotations (`execmgr.lo_` beside `execmgr.log`).
    public struct Log: Sendable, Hashable {
        /// `execmgr.log`: what the Logs pane's `file=` filter names.
        public var name: String
        /// Oldest first, as loaded.
        public var paths: [String]
        public var records: Int
        public var errors: Int
        public var warnings: Int
        /// The latest dated record.
        public var lastActivity: LogTime?

        public init(name: String, paths: [String], records: Int, errors: Int, warnings: Int, lastActivity: LogTime?) {
            self.name = name
            self.paths = paths
            self.records = records
            self.errors = errors
            self.warnings = warnings
            self.lastActivity = lastActivity
        }
    }

    public var inInventory: Bool { resourceID != nil }
    public var hasLogs: Bool { !logs.isEmpty }

    public var failingPrograms: [Program] { programs.filter(\.isFailing) }

    /// The finding to read first: the most severe, then the earliest.
    public var topFinding: DiagnosticFinding? { findings.first }

    /// The verdict for one KB (`977384`, `KB977384`); nil when the client has no inventory row
    /// or the catalogue no such KB.
    public func hotfix(_ kb: String) -> ComplianceVerdict? {
        let key = Hotfix.normalisedKB(kb)
        return hotfixes.first { $0.kb == key }
    }

    public func count(_ status: ComplianceStatus) -> Int { hotfixes.filter { $0.status == status }.count }

    public func count(_ severity: DiagnosticSeverity) -> Int { findings.filter { $0.severity == severity }.count }

    /// The client's logs' error and warning counts, and its latest dated record.
    public var errors: Int { logs.reduce(0) { $0 + $1.errors } }
    public var warnings: Int { logs.reduce(0) { $0 + $1.warnings } }
    public var lastActivity: LogTime? {
        logs.compactMap(\.lastActivity).max { $0.utcNanoseconds < $1.utcNanoseconds }
    }

    /// What is wrong, one short line each, worst first: the answer the client view opens with.
    /// Empty when nothing known is wrong (read `gaps` for what is not known).
    public var concerns: [String] {
        var out: [String] = []
        for program in failingPrograms {
            var text = "\(program.key.program): \(Self.phrase(program.verdict.kind))"
            if let code = program.verdict.exitCode { text += ", exit code \(code)" }
            out.append(text)
        }
        for verdict in hotfixes where verdict.status == .missing {
            out.append("KB\(verdict.kb) missing: \(verdict.component) \(verdict.found ?? "?") below \(verdict.required.text)")
        }
        out += executionConcerns
        let errors = count(.error), warnings = count(.warning)
        if errors + warnings > 0 {
            out.append("\(errors) error finding\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                       + (topFinding.map { ": " + $0.title } ?? ""))
        }
        return out
    }

    /// What failed among the client's applications, task sequences and updates, one line each, in
    /// the words `concerns` and the Client view use.
    public var executionConcerns: [String] {
        var out: [String] = []
        for app in failingApplications {
            out.append("\(app.name): \(app.verdict.name == "notDetectedAfterInstall" ? "not detected after install" : "failed")"
                       + (app.verdict.exitCode.map { ", exit code \(ExecutionCode.display($0))" } ?? ""))
        }
        for run in failedTaskSequences {
            out.append("Task sequence failed at \"\(run.verdict.failedStep ?? "?")\""
                       + (run.verdict.exitCode.map { ", error \(ExecutionCode.display($0))" } ?? ""))
        }
        for update in failedUpdates {
            out.append("\(update.name): update failed" + (update.exitCode.map { ", \(ExecutionCode.display($0))" } ?? "")
                       + (update.failures > 1 ? " (\(update.failures) times)" : ""))
        }
        return out
    }

    /// Each deployment type once, by its latest enforcement; those whose latest failed.
    static func failingApplications(_ executions: [Execution]) -> [Execution] {
        var latest: [String: Int] = [:]
        let apps = executions.filter { $0.kind == .application }
        for (k, app) in apps.enumerated() { latest[app.detail("deploymentType") ?? app.name] = k }
        return apps.enumerated().filter { latest[$0.element.detail("deploymentType") ?? $0.element.name] == $0.offset }
            .map(\.element).filter { $0.verdict.status == .failed }
    }

    /// A program verdict in a few words, as the console and the comparison write it.
    public static func phrase(_ kind: ExecutionVerdict.Kind) -> String {
        switch kind {
        case .success: "Success"
        case .successRebootRequired: "Success, reboot"
        case .waitingRetry: "Waiting to retry"
        case .failureNonRetry: "Failed, final"
        case .retryLimitReached: "Retries used up"
        case .removedWhileWaiting: "Removed waiting"
        case .removed: "Removed"
        case .inProgress: "In progress"
        }
    }
}
