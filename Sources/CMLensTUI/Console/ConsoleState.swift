/// Everything the console shows, as one value; `Console+Handle` changes it, `ConsoleView` draws it.
struct ConsoleState: Sendable {
    var size: Size
    var context = ConsoleContext()
    var panes: [any Pane]
    var focus = 0
    /// Where Esc goes back to: the pane and the client shown before each drill.
    var backStack: [(pane: Int, client: String?)] = []
    /// Help overlay, with its scroll position; nil when closed.
    var help: Int?
    /// An explanation or a list over the pane; nil when closed.
    var popup: Popup?
    var prompt: Prompt?
    /// One-off text for the user (an error, "no next error"); cleared by the next key.
    var message: String?
    var themeName: String
    var wantsQuit = false
    /// Frames drawn, shown in the status bar when `showsFrameCounter` (tests wait on it).
    var frame = 0
    var showsFrameCounter = false
    /// What each pane's latest running job says in the status bar.
    var running: [PaneID: String] {
        Dictionary(context.jobs.sorted { $0.key < $1.key }.map { ($0.value.pane, $0.value.text) }, uniquingKeysWith: { $1 })
    }

    /// The command table for these panes: their number keys, hints and help.
    let bindings: KeyBindings

    /// A console with `panes` in tab order (tests add one; the executable takes the registry's).
    init(size: Size, themeName: String = "dark", panes: [any Pane.Type] = PaneRegistry.all) {
        self.size = size
        self.themeName = themeName
        self.panes = panes.map { $0.init() }
        bindings = panes.map { $0.id } == PaneRegistry.all.map { $0.id } ? .standard : KeyBindings(panes: panes)
        context.paneSize = ConsoleView.paneArea(size).size
    }

    var focusedPane: any Pane { panes[focus] }

    /// Where the pane `id` is in the tab order; nil when this console has no such pane.
    func index(of id: PaneID) -> Int? {
        panes.firstIndex { type(of: $0).id == id }
    }

    /// True once the workspace is loaded and no pane is computing.
    var isReady: Bool {
        context.workspace != nil && context.loading == nil && context.jobs.isEmpty && !panes.contains { $0.isBusy }
    }
}

/// The command line at the bottom: `:` commands or a `/` search.
struct Prompt: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case command, search }
    var kind: Kind
    var text: String

    init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    var leader: String { kind == .command ? ":" : "/" }
}

/// What happens outside the state after an event: work to start, files to load, a theme to read.
struct Effects: Sendable {
    var jobs: [Job] = []
    var open: [String]?
    var theme: String?
    var redraw = false
    /// Follow mode switched on or off.
    var follow: Bool?
    /// Text for the clipboard (OSC 52, when the terminal takes it).
    var clipboard: String?
    /// Running jobs to stop.
    var cancel: [JobID] = []

    init() {}
}

/// Something that happened: a key, a resize, a loaded workspace, a finished job.
enum ConsoleEvent: Sendable {
    case key(Key)
    case resize(Size)
    case loading(String)
    case loaded(ConsoleWorkspace)
    case loadFailed(String)
    /// Follow mode looked and nothing had changed.
    case refreshed
    case jobFinished(Job.Delivered)
    /// A result a job hands over before it ends (the next match while the scan goes on): it reaches
    /// the pane only while the job is still running for this workspace; the job goes on.
    case jobPartial(Job.Delivered)
}
