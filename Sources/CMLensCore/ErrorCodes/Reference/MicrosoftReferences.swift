/// Microsoft's ConfigMgr reference pages that cmlens quotes, together, so an explainer is handed one value.
public struct MicrosoftReferences: Sendable {
    public var appInstall: AppInstallErrorReference
    public var windowsUpdate: WindowsUpdateErrorReference
    public var logFiles: LogFileReference

    public init(appInstall: AppInstallErrorReference, windowsUpdate: WindowsUpdateErrorReference, logFiles: LogFileReference) {
        self.appInstall = appInstall
        self.windowsUpdate = windowsUpdate
        self.logFiles = logFiles
    }

    /// The pages as embedded in the binary.
    public static let shared = MicrosoftReferences(appInstall: .shared, windowsUpdate: .shared, logFiles: .shared)
}
