/// What a workspace holds, sorted by what each file is, before anything is parsed.
public struct WorkspaceInputs: Sendable, Hashable {
    /// Every folder that holds logs, as one client.
    public var clients: [ClientFolder] = []
    /// `sitectrl.ct0/.ct1/.ct2`, or a file that reads like one.
    public var siteControlFiles: [String] = []
    /// CSV files: inventory exports and hotfix catalogues; their loaders tell them apart by header.
    public var tableFiles: [String] = []
    /// Lists of machine names for the DNS check (`sys.txt`).
    public var systemLists: [String] = []
    /// User diagnostic rules (`*.rules.json`).
    public var ruleFiles: [String] = []
    /// Folders that could not be read, symlink loops, paths that do not exist.
    public var problems: [LoadProblem] = []
    /// Archives read as part of the workspace (`case.zip`): their logs never change, so follow mode
    /// does not apply to them.
    public var archives: [String] = []
    /// The logs read from archives, by display path (`case.zip!/PC1/execmgr.log`): their bytes are
    /// held here because nothing of an archive is ever written to disk.
    public var archivedLogs: [String: [UInt8]] = [:]

    public init() {}

    /// A log of this workspace, read from disk, or parsed from the bytes its archive gave.
    public func readLog(path: String, client: String, logName: String) -> LogFileIndex {
        readLog(path: path, client: client, logName: logName, keeping: nil)
    }

    /// `keeping`: what every wanted record holds (a text, a severity); a large log on disk is then read sparsely.
    func readLog(path: String, client: String, logName: String, keeping key: SparseKey?) -> LogFileIndex {
        if let bytes = archivedLogs[path] { return LogReader.parse(bytes: bytes, path: path, client: client, logName: logName) }
        return LogReader.read(path: path, client: client, logName: logName, keeping: key)
    }

    public var logFileCount: Int { clients.reduce(0) { $0 + $1.logs.reduce(0) { $0 + $1.files.count } } }
}

/// A client's folder of CCM logs.
public struct ClientFolder: Sendable, Hashable {
    /// The machine's name: the folder's name.
    public var name: String
    public var path: String
    public var logs: [RotatedLog]

    public init(name: String, path: String, logs: [RotatedLog]) {
        self.name = name
        self.path = path
        self.logs = logs
    }
}

/// One log as ConfigMgr rotates it: `name-YYYYMMDD-HHMMSS.log` copies, then `name.lo_`, then
/// `name.log`, oldest first; read as one log in that order.
public struct RotatedLog: Sendable, Hashable {
    /// `execmgr.log`: the name of the current file, whether or not it exists.
    public var name: String
    /// Physical files, oldest first.
    public var files: [String]

    public init(name: String, files: [String]) {
        self.name = name
        self.files = files
    }
}
