import CMLensCore

/// What the console has loaded: the workspace's files, every log indexed, and per-client counts.
struct ConsoleWorkspace: Sendable {
    var paths: [String]
    var inputs: WorkspaceInputs
    var logs: LoadedLogs
    var summary: WorkspaceSummary
    /// Bumped when follow mode reloads files, so panes know their views are stale.
    var generation: Int
    /// Decoded records of the rows on screen; shared by copies of the workspace.
    let records: RecordCache
    /// Size and modification time of each log when read, for follow mode to see what changed.
    var stamps: [String: FileStamp]
    /// What several panes compute from the whole workspace, computed once; shared by copies.
    let analyses = WorkspaceAnalyses()

    init(paths: [String], inputs: WorkspaceInputs, logs: LoadedLogs, generation: Int = 0,
                stamps: [String: FileStamp] = [:]) {
        self.paths = paths
        self.stamps = stamps
        self.inputs = inputs
        self.logs = logs
        self.summary = WorkspaceSummary(inputs: inputs, logs: logs)
        self.generation = generation
        records = RecordCache(logs: logs)
    }

    /// Tells one loaded workspace from another, also across `:open` and follow-mode reloads.
    var identity: ObjectIdentifier { ObjectIdentifier(records) }

    /// Files of one client (all when nil), as indices into `logs.files`.
    func files(of client: String?) -> [Int] {
        logs.files.indices.filter { client == nil || logs.files[$0].client == client }
    }
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
