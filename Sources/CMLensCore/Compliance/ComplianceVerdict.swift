/// Whether a client has a hotfix, judged from the version of the component the hotfix raises.
public enum ComplianceStatus: String, Sendable, Hashable, CaseIterable {
    /// The component is at least the KB's version.
    case installed
    /// The component is lower.
    case missing
    /// The client reports no such component (or no readable version of it).
    case unknown
}

/// A component the KB also raises, beside the verdict: agrees when it is at least its version.
public struct Corroboration: Sendable, Hashable {
    public var requirement: ComponentRequirement
    /// The inventory row seen for that component on the client, if any.
    public var found: InstalledComponent?
    public var status: ComplianceStatus

    public var component: String { requirement.component }
    public var required: ComponentVersion { requirement.version }
}

/// One client's standing for one KB, and the inventory row it rests on.
public struct ComplianceVerdict: Sendable, Hashable {
    public var client: String
    public var resourceID: Int
    public var kb: String
    public var component: String
    public var required: ComponentVersion
    /// The row the verdict rests on: the highest readable version of the component on the client,
    /// or the unreadable row when it is the only one. nil when the client reports no such component.
    public var evidence: InstalledComponent?
    public var status: ComplianceStatus
    public var corroboration: [Corroboration]
    /// Why the verdict is unknown, or what the corroborating components contradict.
    public var note: String?

    /// The version seen, as written; nil when none.
    public var found: String? { evidence?.versionText }

    /// A corroborating component points the other way (installed but one is lower, or missing but
    /// all are raised): flagged, never a different verdict.
    public var disagrees: Bool {
        let known = corroboration.filter { $0.status != .unknown }
        switch status {
        case .installed: return known.contains { $0.status == .missing }
        case .missing: return !known.isEmpty && known.allSatisfy { $0.status == .installed }
        case .unknown: return false
        }
    }
}
