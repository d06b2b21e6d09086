/// Microsoft's error reference pages that cmlens quotes, together, so an explainer is handed one value.
/// (The log file reference is `LogFileReference.shared`, read only when a log is asked about.)
public struct MicrosoftReferences: Sendable {
    public var appInstall: AppInstallErrorReference
    public var windowsUpdate: WindowsUpdateErrorReference

    public init(appInstall: AppInstallErrorReference, windowsUpdate: WindowsUpdateErrorReference) {
        self.appInstall = appInstall
        self.windowsUpdate = windowsUpdate
    }

    /// The pages as embedded in the binary.
    public static let shared = MicrosoftReferences(appInstall: .shared, windowsUpdate: .shared)
}
