/// How sure a finding is. The evidence a fault is known by gives a rule's own confidence; each
/// kind of corroborating line the rule names raises it a step. Corroboration never gates a finding:
/// a client whose logs lack the supporting lines still hears about the fault, told how sure cmlens is.
public enum DiagnosticConfidence: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The core evidence fits the fault, but also fits other causes.
    case possible
    /// The core evidence is what the fault is known by.
    case likely
    /// The core evidence and lines that only this fault explains (or a fact cmlens worked out).
    case confirmed

    var rank: Int {
        switch self {
        case .possible: 0
        case .likely: 1
        case .confirmed: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// `steps` levels higher, at most `confirmed`.
    func raised(by steps: Int) -> Self {
        let target = min(rank + max(0, steps), Self.confirmed.rank)
        return Self.allCases.first { $0.rank == target } ?? self
    }
}
