import Foundation

/// A component at a version: what a hotfix raises a client component to.
public struct ComponentRequirement: Sendable, Hashable {
    public var component: String
    public var version: ComponentVersion

    public init(component: String, version: ComponentVersion) {
        self.component = component
        self.version = version
    }
}

/// A client hotfix: the KB, the component whose version tells whether it is installed, and the
/// other components it also raises (corroborating evidence, never the verdict).
public struct Hotfix: Sendable, Hashable {
    /// Digits only: `977384` (a `KB` prefix is dropped when read).
    public var kb: String
    public var title: String?
    public var requirement: ComponentRequirement
    public var alsoRaises: [ComponentRequirement]
    /// `built-in`, or the catalogue file and line that defined it.
    public var source: String

    public init(kb: String, title: String? = nil, requirement: ComponentRequirement,
                alsoRaises: [ComponentRequirement] = [], source: String) {
        self.kb = Hotfix.normalisedKB(kb)
        self.title = title
        self.requirement = requirement
        self.alsoRaises = alsoRaises
        self.source = source
    }

    public var component: String { requirement.component }
    public var minimumVersion: ComponentVersion { requirement.version }

    /// `KB977384`, `kb 977384` and `977384` name the same hotfix.
    public static func normalisedKB(_ text: String) -> String {
        var kb = Substring(text.trimmingWhitespace)
        if kb.lowercased().hasPrefix("kb") { kb = kb.dropFirst(2) }
        return kb.trimmingWhitespace
    }
}
