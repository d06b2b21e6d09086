/// What a pane asks of the console after a command: nothing (not handled), a redraw, work to run
/// in the background, a drill into a client, a prompt, a message.
public struct Reaction: Sendable {
    public var handled: Bool
    public var jobs: [Job] = []
    /// Drill into a client's logs (nil = all clients); Esc comes back.
    public var drill: Drill?
    /// Open the command line with this text typed.
    public var prompt: String?
    public var message: String?
    /// Switch follow mode (the console watches the files) on or off.
    public var follow: Bool?

    public init(handled: Bool, jobs: [Job] = [], drill: Drill? = nil, prompt: String? = nil, message: String? = nil,
                follow: Bool? = nil) {
        self.handled = handled
        self.follow = follow
        self.jobs = jobs
        self.drill = drill
        self.prompt = prompt
        self.message = message
    }

    public static let handled = Reaction(handled: true)
    public static let ignored = Reaction(handled: false)

    public static func run(_ job: Job) -> Reaction { Reaction(handled: true, jobs: [job]) }
    public static func say(_ message: String) -> Reaction { Reaction(handled: true, message: message) }

    public struct Drill: Sendable, Equatable {
        public var client: String?
        public var pane: String
    }
}

/// Work a pane hands to the background (merging, filtering, searching millions of records).
/// The result comes back to the same pane through `Pane.receive`.
public struct Job: Sendable {
    /// Shown in the status bar while it runs: "filtering", "searching".
    public var label: String
    public var work: @Sendable (JobProgress) -> any Sendable
    /// Filled in by the console: the pane that asked.
    public var pane: String = ""

    public init(label: String, work: @escaping @Sendable (JobProgress) -> any Sendable) {
        self.label = label
        self.work = work
    }
}
