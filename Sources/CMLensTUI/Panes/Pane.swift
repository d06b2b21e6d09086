/// A pane's name and id: the id is what `:` commands and the registry use.
struct PaneDescriptor: Sendable, Hashable {
    var id: PaneID
    var title: String
    /// One word for the tab bar when the titles do not fit (80 columns); the title's first word
    /// unless given.
    var shortTitle: String

    init(id: PaneID, title: String, shortTitle: String? = nil) {
        self.id = id
        self.title = title
        self.shortTitle = shortTitle ?? String(title.split(separator: " ").first ?? Substring(title))
    }
}

/// One screen of the console (Clients, Logs, Timeline, ...): a value that draws itself into a
/// grid and reacts to commands. It never touches the terminal, so tests render it headless.
///
/// To add a pane: write a struct conforming to `Pane` in `Panes/`, and add its type to
/// `PaneRegistry.all`.
protocol Pane: Sendable {
    static var descriptor: PaneDescriptor { get }
    /// The commands this pane handles; the status-bar hints and help list them for it.
    static var commands: [Command] { get }

    init()

    /// Another workspace was loaded, or the same one reloaded (follow mode): what was computed
    /// for the last one is stale. Called once per workspace, before anything else sees it.
    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction

    /// The selected client or the marked clients changed (the workspace did not).
    mutating func contextChanged(_ context: ConsoleContext) -> Reaction

    /// A command for this pane (it has the focus). Return `.ignored` when it means nothing here.
    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction

    /// Draws the pane into `area` of `grid`.
    func render(into grid: inout Grid, area: Rect, context: ConsoleContext)

    /// What the status bar says for this pane: counts, filter, search, mode.
    func status(context: ConsoleContext) -> [String]

    /// True while the pane still has work of its own to finish beyond its running jobs (the
    /// console knows those: `ConsoleContext.isRunning`); the status bar says READY otherwise.
    var isBusy: Bool { get }

    /// The text `x` explains the error codes of: the selected line. nil when nothing is selected.
    func explainText(context: ConsoleContext) -> String?

    /// A drill landed here and asks for something in particular (a record, a program, a finding).
    mutating func focus(on focus: Reaction.Focus, context: ConsoleContext) -> Reaction
}

extension Pane {
    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction { contextChanged(context) }
    mutating func contextChanged(_ context: ConsoleContext) -> Reaction { .handled }
    func status(context: ConsoleContext) -> [String] { [] }
    var isBusy: Bool { false }
    func explainText(context: ConsoleContext) -> String? { nil }
    mutating func focus(on focus: Reaction.Focus, context: ConsoleContext) -> Reaction { .handled }
    static var id: PaneID { descriptor.id }
}

/// Every pane the console has, in tab order, and those still to come.
enum PaneRegistry {
    /// Add a new pane here (one line); its number key is its position.
    static let all: [any Pane.Type] = [
        ClientsPane.self,
        LogsPane.self,
        TimelinePane.self,
        RetryCodesPane.self,
        StaleSystemsPane.self,
        DiagnosticsPane.self,
        CompliancePane.self,
        ClientPane.self,
        ComparePane.self,
    ]

    /// Listed (dimmed) in the tab bar so the user knows where they will be; remove a title
    /// when its pane joins `all`.
    static let planned: [String] = []

    static func index(of id: PaneID) -> Int? {
        all.firstIndex { $0.descriptor.id == id }
    }
}
