/// One line of an explanation with what it is, so that each front end shows it its own way:
/// `cmlens explain` paints it for a terminal, the console's popup gives it a role. Text is escaped
/// already (catalogue and reference text never reach a terminal raw).
public struct ExplanationLine: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The code as given, and what kind of value it is: `label` — `text`.
        case heading
        /// The symbolic name (`ERROR_INSTALL_FAILURE`).
        case name
        /// Microsoft's words: a catalogue message, a reference's message, resolution or component.
        case official
        /// cmlens's own words for a code no Microsoft page lists.
        case own
        /// Nothing is known: the code is decoded from its bits only.
        case unknown
        /// Value, bits, the Win32 code inside, aliases, where it was met.
        case detail
        /// The verdict for the place: `label` names it (`retried`, `Soft Reboot`), `text` says why.
        case verdict
        /// A diagnostic rule that knows the code.
        case rule
        /// Where the words come from.
        case source
    }

    public var kind: Kind
    /// The left column (`value`, `ConfigMgr`, `resolve`); for a heading, the code as given; for a
    /// verdict, the verdict word.
    public var label: String?
    public var text: String
    /// For a verdict line: how it reads.
    public var tone: ExitCodeVerdict.Tone?

    public init(_ kind: Kind, _ text: String, label: String? = nil, tone: ExitCodeVerdict.Tone? = nil) {
        self.kind = kind
        self.text = text
        self.label = label
        self.tone = tone
    }

    /// What the line as a whole means, for a front end that gives a line one look (the console's
    /// popup); `ErrorExplanationOutput.text` marks the same meaning on the part that carries it.
    public var meaning: Meaning {
        switch kind {
        case .heading: .heading
        case .name: .name
        case .unknown: .warning
        case .verdict: Meaning(tone ?? .none)
        case .source: .dim
        case .official, .own, .detail, .rule: .plain
        }
    }
}
