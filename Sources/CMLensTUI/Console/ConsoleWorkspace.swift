import CMLensCore

/// The workspace as the console holds it: the core's `Workspace` (its site control file cited by
/// its last parts, `Samples/site/sitectrl.ct0`, so that it fits a line), its per-client counts, the
/// records decoded for the screen, and which load it is. Its fields and analyses are the core's.
@dynamicMemberLookup
struct ConsoleWorkspace: Sendable {
    let loaded: Workspace
    let summary: WorkspaceSummary
    /// Bumped when follow mode reloads files, so panes know their views are stale.
    var generation: Int
    /// Decoded records of the rows on screen; shared by copies of the workspace.
    let records: RecordCache

    init(_ workspace: Workspace, generation: Int = 0) {
        loaded = workspace.citingSiteControl { ShortPlace.tail($0, components: 3) }
        summary = WorkspaceSummary(inputs: workspace.inputs, logs: workspace.logs)
        self.generation = generation
        records = RecordCache(logs: workspace.logs)
    }

    /// These logs, with every other part read from the inputs (tests, fixtures).
    init(paths: [String], inputs: WorkspaceInputs, logs: LoadedLogs, generation: Int = 0) {
        self.init(Workspace.read(paths: paths, inputs: inputs, logs: logs), generation: generation)
    }

    /// Reads `paths`, telling the status bar how far it got.
    static func load(_ paths: [String], progress: @escaping @Sendable (String) -> Void) -> ConsoleWorkspace {
        ConsoleWorkspace(Workspace.load(paths, progress: { progress($0.description) }))
    }

    /// For follow mode: the workspace with what grew, rotated or appeared read again; nil when nothing changed.
    func refreshed() -> ConsoleWorkspace? {
        loaded.refreshed().map { ConsoleWorkspace($0, generation: generation + 1) }
    }

    subscript<Value>(dynamicMember part: KeyPath<Workspace, Value>) -> Value { loaded[keyPath: part] }

    /// Tells one loaded workspace from another, also across `:open` and follow-mode reloads.
    var identity: ObjectIdentifier { ObjectIdentifier(records) }

    /// Files of one client (all when nil), as indices into `logs.files`.
    func files(of client: String?) -> [Int] {
        loaded.logs.files.indices.filter { client == nil || loaded.logs.files[$0].client == client }
    }

    // The analyses, computed once by the core for every pane that asks.
    func executionHistory() -> ExecutionHistory { loaded.executionHistory() }
    func executions() -> [Execution] { loaded.executions() }
    func diagnosis() -> [DiagnosticFinding] { loaded.diagnosis().findings }
    func compliance() -> ComplianceReport { loaded.compliance() }
    func clientSummaries() -> ClientSummaries { loaded.clientSummaries() }
}

/// What every pane may look at: the workspace (nil while loading) and the shared choices.
struct ConsoleContext: Sendable {
    var workspace: ConsoleWorkspace?
    /// The client drilled into; nil = all clients.
    var client: String?
    var showUTC = false
    /// While the workspace loads: what the status bar says.
    var loading: String?
    /// The area panes draw in (the screen less the tab bar and status lines), for paging.
    var paneSize = Size(columns: 80, lines: 21)
    /// Follow mode: the console watches the workspace's files and reloads what grew or rotated.
    var following = false
    /// The clients marked in the Clients pane to compare, in the order they were marked.
    var marked: [String] = []
    /// Background jobs running: whose each is and what the status bar says of it.
    var jobs: [JobID: RunningJob] = [:]

    /// Whether the pane `id` has a job running (it shows "Reading…" meanwhile).
    func isRunning(_ id: PaneID) -> Bool { jobs.values.contains { $0.pane == id } }

    init(workspace: ConsoleWorkspace? = nil, client: String? = nil) {
        self.workspace = workspace
        self.client = client
    }
}
