/// A page of Microsoft's documentation that cmlens quotes, with what its licence asks of a quotation:
/// the title, where to read it, the snapshot the text was copied from, and the licence.
///
/// CC BY 4.0 §3(a)(1) asks for the creator, a notice of the licence and a link to the material; every
/// place that shows quoted text ends with `citation`, and NOTICE lists the same pages.
public struct MicrosoftDocument: Sendable, Hashable {
    /// The page's title as Microsoft gives it.
    public var title: String
    /// The published page (learn.microsoft.com, where the repository's path is published).
    public var url: String
    /// `MicrosoftDocs/memdocs@97bcdac5…:memdocs/configmgr/…md`: the exact text that was copied.
    public var snapshot: String
    /// `CC BY 4.0`, or what is known when the licence was not confirmed.
    public var licence: String

    /// One line: `Microsoft, "Title", url (snapshot), © Microsoft, licence`.
    public var citation: String {
        "Microsoft, \"\(title)\", \(url) (\(Self.short(snapshot))), © Microsoft, \(licence)"
    }

    /// The snapshot with its commit cut to 8 digits: enough to find it, short enough for a line.
    static func short(_ snapshot: String) -> String {
        guard let at = snapshot.firstIndex(of: "@"), let colon = snapshot[at...].firstIndex(of: ":") else { return snapshot }
        let commit = snapshot[snapshot.index(after: at)..<colon]
        return String(snapshot[..<at]) + "@" + commit.prefix(8) + String(snapshot[colon...])
    }

    /// Which page a reference row's `doc` column names (`MicrosoftDocs/memdocs@…:path`).
    static func forDoc(_ doc: String) -> MicrosoftDocument {
        for document in [appInstallErrors, windowsUpdateErrors, logFiles, logFilesCMG]
        where doc.hasSuffix(":" + document.path) { return document.with(snapshot: doc) }
        return MicrosoftDocument(title: doc, url: doc, snapshot: doc, licence: "see NOTICE")
    }

    private var path: String { snapshot.split(separator: ":", maxSplits: 1).last.map(String.init) ?? snapshot }

    private func with(snapshot: String) -> MicrosoftDocument {
        var copy = self
        copy.snapshot = snapshot
        return copy
    }

    public static let ccBy = "CC BY 4.0"

    public static let appInstallErrors = MicrosoftDocument(
        title: "Application installation common error codes reference",
        url: "https://learn.microsoft.com/mem/configmgr/tenant-attach/app-install-error-reference",
        snapshot: "MicrosoftDocs/memdocs@97bcdac575be80a3a7f2ccd4ddc63d3ad6301bdb:"
            + "memdocs/configmgr/tenant-attach/app-install-error-reference.md",
        licence: ccBy)

    /// The repository's licence file was not in the copy the rows were read from (reference README):
    /// said as it is rather than assumed.
    public static let windowsUpdateErrors = MicrosoftDocument(
        title: "Windows Update error codes by component",
        url: "https://learn.microsoft.com/windows/deployment/update/windows-update-error-reference",
        snapshot: "MicrosoftDocs/windows-itpro-docs@19cb6c52a951d78b65acc836d5b9babf5e8d1620:"
            + "windows/deployment/update/windows-update-error-reference.md",
        licence: "licence not confirmed (see NOTICE)")

    public static let logFiles = MicrosoftDocument(
        title: "Log file reference",
        url: "https://learn.microsoft.com/mem/configmgr/core/plan-design/hierarchy/log-files",
        snapshot: "MicrosoftDocs/memdocs@5cd90e6d1114599646f18e4f8d7cc07ed69174db:"
            + "memdocs/configmgr/core/plan-design/hierarchy/log-files.md",
        licence: ccBy)

    /// The include that log-files.md pulls in under "Cloud management gateway".
    public static let logFilesCMG = MicrosoftDocument(
        title: "Log file reference (Cloud management gateway)",
        url: "https://learn.microsoft.com/mem/configmgr/core/plan-design/hierarchy/log-files",
        snapshot: "MicrosoftDocs/memdocs@3a8c20d6f708ef262b3f37bcfda18a444a1062ac:"
            + "memdocs/configmgr/core/plan-design/hierarchy/includes/logs-cmg.md",
        licence: ccBy)
}
