/// The kinds of place a code is met, each with its own reading of the number.
public enum ExplanationPlace: Sendable, Hashable {
    /// execmgr.log: a package's program exited with it; the site's retry list decides.
    case programExit
    /// AppEnforce.log: a deployment type's installer exited with it; the deployment type's
    /// return-code table decides.
    case deploymentTypeExit
    /// smsts.log: a task sequence step's process or action ended with it.
    case taskSequence
    /// UpdatesHandler, UpdatesDeployment, WUAHandler, UpdatesStore…: the software updates agents.
    case softwareUpdates(log: String)
    /// Another log: the status of the component that wrote it.
    case log(String)
    /// Nothing said where: the code alone.
    case unknown

    /// The logs of each kind, lowercased as `LogIdentity` compares them.
    static let programLogs: Set<String> = ["execmgr.log"]
    static let deploymentTypeLogs: Set<String> = ["appenforce.log"]
    static let taskSequenceLogs: Set<String> = ["smsts.log"]
    /// UpdateHandler.log is ConfigMgr 2007's name for UpdatesHandler.log (the seed's).
    static let updatesLogs: Set<String> = ["updateshandler.log", "updatehandler.log", "updatesdeployment.log", "wuahandler.log",
                                           "updatesstore.log", "scanagent.log", "windowsupdate.log"]

    static func of(logFileName: String) -> ExplanationPlace? {
        let all = programLogs.union(deploymentTypeLogs).union(taskSequenceLogs).union(updatesLogs)
        guard let known = LogIdentity.known(LogFileReference.lastComponent(logFileName), among: all) else { return nil }
        if programLogs.contains(known) { return .programExit }
        if deploymentTypeLogs.contains(known) { return .deploymentTypeExit }
        if taskSequenceLogs.contains(known) { return .taskSequence }
        return .softwareUpdates(log: canonical[known] ?? known)
    }

    /// The components that write those logs (a line's component, when the log name says nothing).
    static func of(component: String) -> ExplanationPlace? {
        switch component.lowercased() {
        case "execmgr": .programExit
        case "appenforce": .deploymentTypeExit
        case "tsmanager", "tsmbootstrap", "tsprogressui", "osddownloadcontent", "installsoftwareupdates": .taskSequence
        case "updateshandler", "wuahandler", "updatesdeploymentagent", "updatesstore", "scanagent":
            .softwareUpdates(log: component)
        default: nil
        }
    }

    private static let canonical = ["updateshandler.log": "UpdatesHandler.log", "updatehandler.log": "UpdateHandler.log",
                                    "updatesdeployment.log": "UpdatesDeployment.log",
                                    "wuahandler.log": "WUAHandler.log", "updatesstore.log": "UpdatesStore.log",
                                    "scanagent.log": "ScanAgent.log", "windowsupdate.log": "WindowsUpdate.log"]

    /// Whether the place is where an exit code is judged (a program, a deployment type, a step).
    public var isExecution: Bool {
        switch self {
        case .programExit, .deploymentTypeExit, .taskSequence: true
        default: false
        }
    }

    /// `program`, `deploymentType`, `taskSequence`, `softwareUpdates`, `log`, `none`: the JSON `place`.
    public var name: String {
        switch self {
        case .programExit: "program"
        case .deploymentTypeExit: "deploymentType"
        case .taskSequence: "taskSequence"
        case .softwareUpdates: "softwareUpdates"
        case .log: "log"
        case .unknown: "none"
        }
    }
}
