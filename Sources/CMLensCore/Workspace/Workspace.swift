/// Everything a workspace holds, read once: its logs, the site's retry policy, the inventory and
/// the hotfix catalogue it is judged against, the diagnostic rules, the lists of machine names, and
/// every problem met reading them. Every subcommand and the console start from one of these.
///
/// A command reads only the parts it needs (`Workspace.Parts`), and only the logs it needs
/// (`LogSelection`): `cmlens log` never opens the inventory, `cmlens timeline` reads execmgr.log
/// and its kin, not CAS.log.
///
/// The analyses (execution history, diagnosis, compliance, client summaries) are computed from the
/// workspace the first time they are asked for and shared by every copy of it; the fields are
/// constants, so a copy cannot drift from what its analyses were computed from.
///
///     let workspace = Workspace.load(["Samples"])
///     workspace.problems      // Samples/WKS-LAB-007/CAS.log:4: record cut off before its end …
///     workspace.diagnosis()   // computed now, kept for the next caller
public struct Workspace: Sendable {
    /// The paths the user gave, as given.
    public let paths: [String]
    /// What the paths hold, sorted by kind, before anything was parsed.
    public let inputs: WorkspaceInputs
    /// The options it was read with: the parts, the logs, the files the user named.
    public let options: Options
    /// The logs read (all of them, or those `options.logs` selects), indexed.
    public let logs: LoadedLogs
    /// The site's retry policy, the inventory and catalogue, the machine lists, as read.
    let site: SiteData
    /// The built-in diagnostic rules, then the workspace's `*.rules.json`, then the files the user named.
    public let rules: [DiagnosticRule]
    /// Every problem met reading the parts, in the order read: paths and logs, site control file,
    /// inventory and catalogue, rules, machine lists. Each names its file, and its line when it has one.
    public let problems: [LoadProblem]
    /// Size and modification time of each file when read, for follow mode to see what changed.
    public let stamps: [String: FileStamp]
    let analyses = WorkspaceAnalyses()

    /// The parts of a workspace a command may ask to be read.
    public struct Parts: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let logs = Parts(rawValue: 1 << 0)
        /// The site control file's retry policy.
        public static let sitePolicy = Parts(rawValue: 1 << 1)
        /// The inventory exports and the hotfix catalogue.
        public static let inventory = Parts(rawValue: 1 << 2)
        public static let rules = Parts(rawValue: 1 << 3)
        public static let machineLists = Parts(rawValue: 1 << 4)
        public static let all: Parts = [.logs, .sitePolicy, .inventory, .rules, .machineLists]
    }

    /// How to read a workspace: which parts and logs, and the files the user named beside the paths.
    public struct Options: Sendable {
        public var parts: Parts
        /// Which of the workspace's logs are read.
        public var logs: LogSelection
        /// Only these clients' logs (folder names, case-insensitive); nil reads every client's.
        public var clients: Set<String>?
        /// The site control file the user named (`--site-control`); it wins over the workspace's.
        public var siteControl: String?
        /// Hotfix catalogues the user named (`--catalog`), read after the workspace's.
        public var catalogFiles: [String]
        /// Rules files the user named (`--rules`), read after the workspace's.
        public var ruleFiles: [String]
        /// Lists of machine names the user named; they replace the workspace's `sys.txt`.
        public var machineLists: [String]?
        /// The one filter a one-shot command (`cmlens log`) will apply. When every record it admits
        /// holds some text, a large log is read sparsely: only the records holding that text are
        /// indexed, so such a workspace serves that filter and nothing else (never the console).
        public var showing: LogFilter?

        public init(parts: Parts = .all, logs: LogSelection = .all, clients: Set<String>? = nil,
                    siteControl: String? = nil, catalogFiles: [String] = [], ruleFiles: [String] = [],
                    machineLists: [String]? = nil) {
            self.parts = parts
            self.logs = logs
            self.clients = clients
            self.siteControl = siteControl
            self.catalogFiles = catalogFiles
            self.ruleFiles = ruleFiles
            self.machineLists = machineLists
        }
    }

    /// A workspace from parts already read (`Workspace.load` and its kin assemble one; tests too).
    public init(paths: [String], inputs: WorkspaceInputs, options: Options = Options(), logs: LoadedLogs,
                policy: RetryPolicy = .defaults, inventory: Inventory = Inventory(),
                catalog: HotfixCatalog = .builtIn, rules: [DiagnosticRule] = [],
                machineList: SystemList = SystemList(), problems: [LoadProblem]? = nil,
                stamps: [String: FileStamp] = [:]) {
        self.paths = paths
        self.inputs = inputs
        self.options = options
        self.logs = logs
        self.site = SiteData(policy: policy, inventory: inventory, catalog: catalog, machineList: machineList)
        self.rules = rules
        self.problems = problems ?? logs.problems
        self.stamps = stamps
    }

    init(paths: [String], inputs: WorkspaceInputs, options: Options, logs: LoadedLogs, site: SiteData,
         rules: [DiagnosticRule], problems: [LoadProblem], stamps: [String: FileStamp]) {
        self.paths = paths
        self.inputs = inputs
        self.options = options
        self.logs = logs
        self.site = site
        self.rules = rules
        self.problems = problems
        self.stamps = stamps
    }

    /// The retry policy of the site control file the user named, else the workspace's first, else
    /// ConfigMgr's defaults (`policy.source` says which).
    public var policy: RetryPolicy { site.policy }
    /// The inventory exports (machines and client components), with the catalogues found beside them.
    public var inventory: Inventory { site.inventory }
    /// The built-in hotfix catalogue, then the workspace's catalogues, then the files the user named.
    public var catalog: HotfixCatalog { site.catalog }
    /// The lists of machine names for the DNS check (`sys.txt`).
    public var machineList: SystemList { site.machineList }

    /// Whether a problem stopped something from being read: commands exit with status 1.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Whether the inventory has anything to judge (machines or client components).
    public var hasInventory: Bool { !inventory.systems.isEmpty || !inventory.components.isEmpty }
}
