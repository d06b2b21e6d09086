/// The four stories a ConfigMgr client tells about running something: a package's program
/// (execmgr.log), an application's deployment type (AppEnforce.log and its companions), a task
/// sequence (smsts.log) and a software-updates job (UpdatesDeployment.log and its companions).
public enum ExecutionKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case program, application, taskSequence, softwareUpdates

    /// The logs each kind is read from, as `LogIdentity` knows them (rotations and renamed copies
    /// included).
    public var logNames: Set<String> {
        switch self {
        case .program: ["execmgr.log"]
        case .application: ["appenforce.log", "appdiscovery.log", "appintenteval.log"]
        case .taskSequence: ["smsts.log"]
        case .softwareUpdates: ["updatesdeployment.log", "updateshandler.log", "wuahandler.log", "updatesstore.log"]
        }
    }

    /// The kind a log feeds, from its name; nil for a log no execution is read from.
    public static func of(logName: String) -> ExecutionKind? {
        // execmgr's own test is looser (`WKS01_execmgr.log`); programs keep it.
        if ExecutionHistory.isExecmgrLog(logName) { return .program }
        guard let known = LogIdentity.known(logName, among: allLogNames) else { return nil }
        return allCases.first { $0.logNames.contains(known) }
    }

    /// The known log `logName` is (`appenforce.log`, …), lowercased; nil for any other log.
    public static func knownLog(_ logName: String) -> String? { LogIdentity.known(logName, among: allLogNames) }

    static let allLogNames: Set<String> = allCases.reduce(into: []) { $0.formUnion($1.logNames) }

    /// `Task sequence`, `Software updates`: how a heading names the kind.
    public var title: String {
        switch self {
        case .program: "Programs"
        case .application: "Applications"
        case .taskSequence: "Task sequences"
        case .softwareUpdates: "Software updates"
        }
    }

    public static func < (a: ExecutionKind, b: ExecutionKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
