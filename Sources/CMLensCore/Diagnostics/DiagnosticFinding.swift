/// A fault found on a client: what it is, what it means with the captured values filled in, what
/// to do, when it showed, and every line that proves it.
public struct DiagnosticFinding: Sendable, Hashable {
    public var rule: String
    public var client: String
    public var title: String
    public var severity: DiagnosticSeverity
    public var explanation: String
    public var fix: String
    public var reference: String?
    /// The earliest and latest dated evidence.
    public var first: LogTime?
    public var last: LogTime?
    /// Never empty; in time order.
    public var evidence: [FindingEvidence]
    /// Error codes (`0x8…`) seen in the evidence, with their meaning when the catalogue knows it.
    public var errorCodes: [FindingErrorCode]
    /// How sure the finding is: the rule's own confidence, raised by corroborating lines.
    public var confidence: DiagnosticConfidence = .likely
    /// The rule's corroborating patterns that matched, in the rule's order: what raised `confidence`.
    public var corroboratedBy: [String] = []

    /// `file:line` for each evidence line, in order.
    public var evidenceLocations: [String] { evidence.map(\.location) }
}

public struct FindingEvidence: Sendable, Hashable {
    /// The record (or inventory row) cited: a pane opens it by its identity; `file` and `line`
    /// are what it prints as.
    public var place: Evidence
    public var time: LogTime?
    /// The line as the log wrote it; escape it before it reaches a terminal.
    public var text: String
    /// The rule's pattern that matched it.
    public var pattern: String

    public init(place: Evidence, time: LogTime?, text: String, pattern: String) {
        self.place = place
        self.time = time
        self.text = text
        self.pattern = pattern
    }

    public var file: String { place.file }
    public var line: Int { place.line }
    public var location: String { "\(file):\(line)" }
}

public struct FindingErrorCode: Sendable, Hashable {
    /// As written in the log, e.g. `0x80040669`.
    public var code: String
    /// nil until an explainer is given (the error catalogue).
    public var meaning: String?
}

/// Turns an error code found in a log line into words; the hook for the error catalogue
/// (`Sources/CMLensCore/ErrorCodes`). nil: not known.
public typealias DiagnosticCodeExplainer = @Sendable (String) -> String?
