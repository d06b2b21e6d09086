/// A known fault, described as data: which logs to read, what to look for, when the looking adds
/// up to the fault, and what to tell the administrator. The built-in rules and a user's rules file
/// share this shape (`README.md`).
public struct DiagnosticRule: Sendable {
    public var id: String
    public var title: String
    public var severity: DiagnosticSeverity
    /// Log names every regex pattern reads unless the pattern names its own (`execmgr.log`,
    /// case-insensitive; rotated copies share their log's name).
    public var logs: [String]
    /// Components the regex patterns read, unless a pattern names its own; empty: any component.
    public var components: [String]
    /// The first pattern is the trigger: every finding starts from its matches.
    public var patterns: [DiagnosticPattern]
    /// All must hold for a finding; with none, one match of the trigger is enough.
    public var conditions: [DiagnosticCondition]
    /// A capture of the trigger: one finding per distinct value (per program, per content ID)
    /// instead of one per client.
    public var groupBy: String?
    /// With `{capture}` placeholders (README.md lists the built-in ones).
    public var explanation: String
    public var fix: String
    /// Where the knowledge comes from: a document, a post, the seed.
    public var reference: String?
    /// The rules file and line the rule was read from (`built-in` for the shipped rules).
    public var origin: String
    /// How sure a finding is on the trigger's evidence alone (and the conditions).
    public var confidence: DiagnosticConfidence = .likely
    /// Patterns whose lines corroborate the fault: each one that matched raises a finding's
    /// confidence a step. They never decide whether the rule fires.
    public var corroboration: [String] = []

    public var trigger: DiagnosticPattern { patterns[0] }

    public func pattern(named name: String) -> DiagnosticPattern? { patterns.first { $0.name == name } }
}

/// How bad a fault is; findings are listed most severe first.
public enum DiagnosticSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info, warning, error

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// Where a pattern's matches come from: lines of logs, or facts another part of cmlens knows
/// (the execution timeline, inventory) through a `DiagnosticFactProvider`.
public enum DiagnosticSource: Sendable {
    case regex(DiagnosticRegex)
    /// A fact kind such as `execution.retrying`; the provider that answers it gives the matches.
    case fact(String)
}

public struct DiagnosticPattern: Sendable {
    public var name: String
    public var source: DiagnosticSource
    /// Overrides the rule's `logs` for this pattern.
    public var logs: [String]?
    public var components: [String]?
    /// Keep only matches within this many seconds (before or after) of one of the group's trigger matches.
    public var nearSeconds: Double?
    /// Keep only matches later than the group's last trigger match (what happened next).
    public var afterTrigger: Bool

    public init(name: String, source: DiagnosticSource, logs: [String]? = nil, components: [String]? = nil,
                nearSeconds: Double? = nil, afterTrigger: Bool = false) {
        self.name = name
        self.source = source
        self.logs = logs
        self.components = components
        self.nearSeconds = nearSeconds
        self.afterTrigger = afterTrigger
    }

    /// The named captures the pattern can fill (for a fact, the ones its kind documents).
    public var captureNames: [String] {
        switch source {
        case .regex(let regex): regex.captureNames
        case .fact(let kind): DiagnosticFactKind.captureNames(of: kind)
        }
    }
}

/// One test a group of matches must pass.
public struct DiagnosticCondition: Sendable {
    public var pattern: String
    /// At least this many matches (after the pattern's own filters).
    public var atLeast: Int?
    /// At most this many: `0` says the pattern must not occur.
    public var atMost: Int?
    /// With `atLeast`: that many within one window of this many seconds (repetition).
    public var withinSeconds: Double?

    public init(pattern: String, atLeast: Int? = nil, atMost: Int? = nil, withinSeconds: Double? = nil) {
        self.pattern = pattern
        self.atLeast = atLeast
        self.atMost = atMost
        self.withinSeconds = withinSeconds
    }

    /// Patterns that must be absent are not evidence: there is nothing to show.
    var requiresAbsence: Bool { atMost == 0 }
}
