import CMLensCore

/// What a pane asks of the console after a command: nothing (not handled), a redraw, work to run
/// in the background, a drill into a client, a prompt, a message.
struct Reaction: Sendable {
    var handled: Bool
    var jobs: [Job] = []
    /// Drill into a client's logs (nil = all clients); Esc comes back.
    var drill: Drill?
    /// Open the command line with this text typed.
    var prompt: String?
    var message: String?
    /// Switch follow mode (the console watches the files) on or off.
    var follow: Bool?
    /// A box of text over the pane (an explanation, a list of places); Esc closes it.
    var popup: Popup?
    /// The clients marked to compare, when this command changed them.
    var marks: [String]?
    /// Text to put on the clipboard through the terminal (`y`).
    var clipboard: String?
    /// This pane's running jobs to stop now (Esc on a search): their results are dropped.
    var cancel: [JobID] = []

    init(handled: Bool, jobs: [Job] = [], drill: Drill? = nil, prompt: String? = nil, message: String? = nil,
                follow: Bool? = nil) {
        self.handled = handled
        self.follow = follow
        self.jobs = jobs
        self.drill = drill
        self.prompt = prompt
        self.message = message
    }

    static let handled = Reaction(handled: true)
    static let ignored = Reaction(handled: false)

    static func run(_ job: Job) -> Reaction { Reaction(handled: true, jobs: [job]) }
    static func say(_ message: String) -> Reaction { Reaction(handled: true, message: message) }

    struct Drill: Sendable, Equatable {
        var client: String?
        var pane: PaneID
        /// The Logs pane opens on this record (its filter cleared so the record is in the view).
        var record: RecordReference? = nil
        /// What the target pane shows first: a program's steps, a finding, a KB's clients, a log.
        var focus: Focus? = nil
    }

    /// Where in the target pane a drill lands (`Pane.focus(on:context:)`); the pane that opened
    /// a level for it closes it on Esc and lets the console go back to where the drill came from.
    enum Focus: Sendable, Equatable {
        /// The Logs pane on this record, its filter cleared.
        case record(RecordReference)
        /// The Logs pane showing only this log of the client (and its rotations); nil: all its logs.
        case logFile(String?)
        /// The Timeline pane stepping through this program, on the step its verdict rests on.
        case program(ProgramKey)
        /// The Diagnostics pane showing this finding with its evidence.
        case finding(DiagnosticFinding)
        /// The Compliance pane listing this KB's clients, on this client.
        case hotfix(kb: String, client: String)
    }
}
