/// Everything the console shows, as one value; `Console+Handle` changes it, `ConsoleView` draws it.
public struct ConsoleState: Sendable {
    public var size: Size
    public var context = ConsoleContext()
    public var panes: [any Pane]
    public var focus = 0
    /// Where Esc goes back to: the pane and the client shown before each drill.
    public var backStack: [(pane: Int, client: String?)] = []
    /// Help overlay, with its scroll position; nil when closed.
    public var help: Int?
    /// An explanation or a list over the pane; nil when closed.
    public var popup: Popup?
    public var prompt: Prompt?
    /// One-off text for the user (an error, "no next error"); cleared by the next key.
    public var message: String?
    public var themeName: String
    public var wantsQuit = false
    /// Frames drawn, shown in the status bar when `showsFrameCounter` (tests wait on it).
    public var frame = 0
    public var showsFrameCounter = false
    /// What each pane's latest running job says in the status bar.
    public var running: [PaneID: String] {
        Dictionary(context.jobs.sorted { $0.key < $1.key }.map { ($0.value.pane, $0.value.text) }, uniquingKeysWith: { $1 })
    }

    /// The command table for these panes: their number keys, hints and help.
    public let bindings: KeyBindings

    /// A console with `panes` in tab order (tests add one; the executable takes the registry's).
    public init(size: Size, themeName: String = "dark", panes: [any Pane.Type] = PaneRegistry.all) {
        self.size = size
        self.themeName = themeName
        self.panes = panes.map { $0.init() }
        bindings = panes.map { $0.id } == PaneRegistry.all.map { $0.id } ? .standard : KeyBindings(panes: panes)
        context.paneSize = ConsoleView.paneArea(size).size
    }

    public var focusedPane: any Pane { panes[focus] }

    /// Where the pane `id` is in the tab order; nil when this console has no such pane.
    public func index(of id: PaneID) -> Int? {
        panes.firstIndex { type(of: $0).id == id }
    }

    /// True once the workspace is loaded and no pane is computing.
    public var isReady: Bool {
        context.workspace != nil && context.loading == nil && context.jobs.isEmpty && !panes.contains { $0.isBusy }
    }
}

/// The command line at the bottom: `:` commands or a `/` search.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case command, search }
    public var kind: Kind
    public var text: String

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    public var leader: String { kind == .command ? ":" : "/" }
}

/// What happens outside the state after an event: work to start, files to load, a theme to read.
public struct Effects: Sendable {
    public var jobs: [Job] = []
    public var open: [String]?
    public var theme: String?
    public var redraw = false
    /// Follow mode switched on or off.
    public var follow: Bool?
    /// Text for the clipboard (OSC 52, when the terminal takes it).
    public var clipboard: String?
    /// Running jobs to stop.
    public var cancel: [JobID] = []

    public init() {}
}

/// Something that happened: a key, a resize, a loaded workspace, a finished job.
public enum ConsoleEvent: Sendable {
    case key(Key)
    case resize(Size)
    case loading(String)
    case loaded(ConsoleWorkspace)
    case loadFailed(String)
    /// Follow mode looked and nothing had changed.
    case refreshed
    case jobFinished(Job.Finished)
}
