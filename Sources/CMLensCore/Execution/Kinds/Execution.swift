/// One execution of any kind, in the shape every kind shares: what ran, on which client, its
/// steps in the order the logs wrote them, and how it ended. A program's history keeps its own,
/// richer model (`ExecutionTimeline`); `Execution(program:)` shows it in this shape too.
public struct Execution: Sendable, Hashable {
    public var kind: ExecutionKind
    public var client: String
    /// What ran: the deployment type's name, the task sequence, the updates assignment, the program.
    public var name: String
    /// What identifies it beyond its name (scope id, revision, install or uninstall, context…), in
    /// the order an administrator reads them.
    public var details: [Detail]
    public var steps: [Step]
    public var verdict: Verdict
    /// The things a job is made of, each with its own result: a software-updates job's updates.
    public var entries: [Entry] = []

    public init(kind: ExecutionKind, client: String, name: String, details: [Detail] = [], steps: [Step], verdict: Verdict) {
        self.kind = kind
        self.client = client
        self.name = name
        self.details = details
        self.steps = steps
        self.verdict = verdict
    }

    public func detail(_ label: String) -> String? { details.first { $0.label == label }?.value }

    /// `label: value`, e.g. `revision: 4`.
    public struct Detail: Sendable, Hashable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// One thing of a job (an update), with what became of it.
    public struct Entry: Sendable, Hashable {
        public var id: String
        /// `KB4589208 2021-01 Update for Windows 10 …`, or the id when no log names it.
        public var name: String
        public var article: String?
        /// `targeted`, `downloading`, `downloaded`, `installing`, `installed`, `pendingReboot`, `missing`, `failed`.
        public var status: String
        public var downloaded: Bool
        /// nil when no log says.
        public var installed: Bool?
        public var exitCode: Int?
        public var exitCodeMeaning: String?
        /// How many times the logs show it failing.
        public var failures: Int
        public var evidence: Evidence?
    }

    /// What a step's line says happened.
    public enum Outcome: String, Sendable, Hashable {
        /// Something began (an instruction, an enforcement, a download).
        case started
        case succeeded
        /// Not run: its condition was false, or it is disabled.
        case skipped
        case failed
        /// It failed, and the engine went on (continue on error).
        case failedContinued
        /// A fact on the way: a command line, an exit code, a detection, a group boundary.
        case info
    }

    /// One line of the logs about the execution.
    public struct Step: Sendable, Hashable {
        public var time: LogTime?
        /// What the step is about: an instruction's name, an update's title, `detection`.
        public var name: String
        /// The kind of line, in a word (`instruction`, `exitCode`, `commandLine`, `detection`…).
        public var event: String
        public var outcome: Outcome
        public var exitCode: Int?
        public var exitCodeMeaning: String?
        /// cmlens's words for the line; the log's own text is `message`.
        public var text: String
        public var source: StepSource

        public init(time: LogTime?, name: String, event: String, outcome: Outcome, exitCode: Int? = nil,
                    exitCodeMeaning: String? = nil, text: String, source: StepSource) {
            self.time = time
            self.name = name
            self.event = event
            self.outcome = outcome
            self.exitCode = exitCode
            self.exitCodeMeaning = exitCodeMeaning
            self.text = text
            self.source = source
        }

        public var evidence: Evidence { source.evidence }
        /// The line's first line, as the log wrote it (decoded when asked for).
        public var message: String { source.firstLine }
    }

    /// How the execution ends, and why cmlens says so.
    public struct Verdict: Sendable, Hashable {
        /// Whether it worked, in the terms every kind shares.
        public enum Status: String, Sendable, Hashable {
            case succeeded, failed, inProgress
        }

        /// The kind's own word (`installed`, `notDetectedAfterInstall`, `failed`, `compliant`…).
        public var name: String
        public var status: Status
        /// The one-line verdict with its reason.
        public var text: String
        public var exitCode: Int?
        /// The step the verdict rests on (a task sequence's failing step), by its name.
        public var failedStep: String?
        /// Where that step is in `steps`: where a reader starts looking.
        public var focus: Int?
        public var evidence: Evidence?
        public var time: LogTime?

        public init(name: String, status: Status, text: String, exitCode: Int? = nil, failedStep: String? = nil,
                    focus: Int? = nil, evidence: Evidence? = nil, time: LogTime? = nil) {
            self.name = name
            self.status = status
            self.text = text
            self.exitCode = exitCode
            self.failedStep = failedStep
            self.focus = focus
            self.evidence = evidence
            self.time = time
        }
    }
}

extension Execution.Verdict {
    /// The verdict's word as a reader says it: `In progress`, `Not detected after install`.
    public var phrase: String {
        var words = ""
        for character in name {
            if character.isUppercase && !words.isEmpty { words += " " + character.lowercased() } else { words.append(character) }
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
