/// A few lines on what a workspace holds: the console's first screen before it opens, and the
/// headless summary.
public struct WorkspaceSummary: Sendable {
    public struct Client: Sendable {
        public var name: String
        public var files: Int
        public var records: Int
        public var errors: Int
        public var warnings: Int
        public var lastActivity: LogTime?
    }

    public var clients: [Client] = []
    public var siteControlFiles: [String]
    public var tableFiles: [String]
    public var systemLists: [String]
    public var records: Int
    public var unparsed: Int
    public var problems: Int

    public init(inputs: WorkspaceInputs, logs: LoadedLogs) {
        siteControlFiles = inputs.siteControlFiles
        tableFiles = inputs.tableFiles
        systemLists = inputs.systemLists
        records = logs.recordCount
        unparsed = logs.unparsedCount
        problems = logs.problems.count
        var byClient: [String: Client] = [:]
        var order: [String] = []
        for file in logs.files {
            if byClient[file.client] == nil {
                order.append(file.client)
                byClient[file.client] = Client(name: file.client, files: 0, records: 0, errors: 0, warnings: 0)
            }
            var client = byClient[file.client]!
            client.files += 1
            client.records += file.count
            client.errors += file.count(of: .error)
            client.warnings += file.count(of: .warning)
            if let last = (0..<file.count).last(where: file.hasTime(at:)) {
                let time = file.record(at: last).time
                if let time, client.lastActivity.map({ $0.utcNanoseconds < time.utcNanoseconds }) ?? true {
                    client.lastActivity = time
                }
            }
            byClient[file.client] = client
        }
        clients = order.map { byClient[$0]! }
    }

    public var lines: [String] {
        var out = ["\(clients.count) client\(clients.count == 1 ? "" : "s"), \(records) records (\(unparsed) unparsed), \(problems) problem\(problems == 1 ? "" : "s") reported"]
        for c in clients {
            let last = c.lastActivity.map { "last " + $0.iso8601 } ?? "no timed records"
            out.append("  \(c.name): \(c.files) files, \(c.records) records, \(c.errors) errors, \(c.warnings) warnings, \(last)")
        }
        if !siteControlFiles.isEmpty { out.append("site control: " + siteControlFiles.joined(separator: ", ")) }
        if !tableFiles.isEmpty { out.append("tables: " + tableFiles.joined(separator: ", ")) }
        if !systemLists.isEmpty { out.append("machine lists: " + systemLists.joined(separator: ", ")) }
        return out
    }
}
