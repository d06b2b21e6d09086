import Foundation

/// The inventory exports of a workspace: machines (`v_R_System`) and the client components each
/// reports (`v_GS_SMS_ADVANCED_CLIENT_STATE`), with the hotfix catalogues found beside them.
public struct Inventory: Sendable {
    public var systems: [InventorySystem] = []
    public var components: [InstalledComponent] = []
    /// Every inventory CSV as read, all columns kept, for the SQL workspace database.
    public var tables: [(kind: InventoryTableKind, table: CSVTable)] = []
    /// Hotfix catalogues found among the workspace's CSV files, in file order.
    public var catalogs: [HotfixCatalog] = []
    public var problems: [LoadProblem] = []

    public init() {}

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Reads the workspace's CSV files (`WorkspaceInputs.tableFiles`), telling each kind by its header.
    public static func load(files: [String]) -> Inventory {
        var inventory = Inventory()
        for file in files {
            do {
                inventory.add(try CSVTable.read(path: file))
            } catch {
                inventory.problems.append(error)
            }
        }
        return inventory
    }

    /// Adds one table already read (also how tests feed in-memory CSV).
    public mutating func add(_ table: CSVTable) {
        problems += table.problems
        guard !table.header.isEmpty else { return }
        guard let kind = InventoryTableKind.recognise(header: table.header) else {
            problems.append(LoadProblem(file: table.file, line: 1, severity: .warning,
                                        message: "columns not recognised, file skipped: \(InventoryTableKind.expectation)"))
            return
        }
        switch kind {
        case .clientComponents:
            tables.append((kind, table))
            addComponents(table)
        case .systems:
            tables.append((kind, table))
            addSystems(table)
        case .hotfixCatalog:
            let (catalog, catalogProblems) = HotfixCatalog.parse(table)
            catalogs.append(catalog)
            problems += catalogProblems
        }
    }

    private mutating func addComponents(_ table: CSVTable) {
        // A million-row export maps its rows on both cores; each half keeps its order and its problems.
        let halves = table.rows.count >= 200_000
            ? [0..<table.rows.count / 2, table.rows.count / 2..<table.rows.count] : [0..<table.rows.count]
        var results = Concurrently.map(count: halves.count) { k in Self.components(table, rows: halves[k]) }
        for k in results.indices {
            // Taking the first half's array whole (when nothing came before) saves copying it.
            if components.isEmpty { swap(&components, &results[k].components) } else { components += results[k].components }
            problems += results[k].problems
        }
    }

    private static func components(_ table: CSVTable, rows: Range<Int>) -> (components: [InstalledComponent], problems: [LoadProblem]) {
        let id = table.column("ResourceID")!
        let name = table.column("Name0")
        let display = table.column("DisplayName0")
        let version = table.column("Version0")!
        var components: [InstalledComponent] = []
        components.reserveCapacity(rows.count)
        var problems: [LoadProblem] = []
        var keys: [String: String] = [:]
        for row in table.rows[rows] {
            guard let fields = checkedFields(row, table, &problems) else { continue }
            let source = InventorySource(file: table.file, line: row.line)
            guard let resourceID = resourceID(fields[id], source, &problems) else { continue }
            let displayName = display.map { fields[$0].trimmedOfSpaces } ?? ""
            var key = name.map { fields[$0].trimmedOfSpaces } ?? ""
            if key.isEmpty { key = displayName.replacingOccurrences(of: " ", with: "") }
            guard !key.isEmpty else {
                problems.append(LoadProblem(file: table.file, line: row.line,
                                            message: "no component name (Name0 and DisplayName0 are empty); row skipped"))
                continue
            }
            let text = fields[version].trimmedOfSpaces
            var parsed: ComponentVersion?
            do {
                parsed = try ComponentVersion(parsing: text)
            } catch {
                problems.append(LoadProblem(file: table.file, line: row.line,
                                            message: "\(key): Version0 \(error.description); this row gives no verdict"))
            }
            let lowered: String
            if let known = keys[key] { lowered = known } else { lowered = key.lowercased(); keys[key] = lowered }
            components.append(InstalledComponent(resourceID: resourceID, name: key, key: lowered, displayName: displayName,
                                                 versionText: text, version: parsed, source: source))
        }
        return (components, problems)
    }

    private mutating func addSystems(_ table: CSVTable) {
        let id = table.column("ResourceID")!
        let name = table.column("Name0")!
        let client = table.column("Client0")
        let clientVersion = table.column("Client_Version0")
        for row in table.rows {
            guard let fields = Self.checkedFields(row, table, &problems) else { continue }
            let source = InventorySource(file: table.file, line: row.line)
            guard let resourceID = Self.resourceID(fields[id], source, &problems) else { continue }
            let flag = client.flatMap { Int(fields[$0].trimmedOfSpaces) }
            let version = clientVersion.map { fields[$0].trimmedOfSpaces }
            systems.append(InventorySystem(resourceID: resourceID, name: fields[name].trimmedOfSpaces,
                                           client: flag, clientVersion: version?.isEmpty == true ? nil : version,
                                           source: source))
        }
    }

    private static func checkedFields(_ row: CSVTable.Row, _ table: CSVTable, _ problems: inout [LoadProblem]) -> [String]? {
        guard row.fields.count == table.header.count else {
            problems.append(LoadProblem(file: table.file, line: row.line,
                                        message: "\(row.fields.count) fields where the header has \(table.header.count); row skipped (a comma in an unquoted value?)"))
            return nil
        }
        return row.fields
    }

    private static func resourceID(_ text: String, _ source: InventorySource, _ problems: inout [LoadProblem]) -> Int? {
        guard let value = Int(text.trimmedOfSpaces) else {
            problems.append(LoadProblem(file: source.file, line: source.line,
                                        message: "ResourceID '\(text)' is not a number; row skipped"))
            return nil
        }
        return value
    }
}

extension Inventory {
    /// Every machine the inventory names (in `v_R_System` or with components), sorted by name.
    public var clients: [InventoryClient] {
        var position: [Int: Int] = [:]
        position.reserveCapacity(systems.count)
        var unsorted: [InventoryClient] = []
        unsorted.reserveCapacity(systems.count)
        for system in systems where position[system.resourceID] == nil {
            position[system.resourceID] = unsorted.count
            unsorted.append(InventoryClient(resourceID: system.resourceID, name: system.name, system: system))
        }
        for (k, component) in components.enumerated() {
            if let p = position[component.resourceID] {
                unsorted[p].componentIndexes.append(k)
            } else {
                position[component.resourceID] = unsorted.count
                unsorted.append(InventoryClient(resourceID: component.resourceID, name: "", system: nil, componentIndexes: [k]))
            }
        }
        // Byte order of the lowercased names, sorting indexes: cheap enough for 100,000 clients.
        let keys = unsorted.map { Array($0.displayName.lowercased().utf8) }
        let order = unsorted.indices.sorted { a, b in
            keys[a] == keys[b] ? unsorted[a].resourceID < unsorted[b].resourceID : keys[a].lexicographicallyPrecedes(keys[b])
        }
        return order.map { unsorted[$0] }
    }

    /// The machines this inventory names that no log folder is named after (compared case-insensitively,
    /// as ConfigMgr names machines), in the inventory's client order.
    public func machinesWithoutLogs(logClients: [String]) -> [String] {
        let withLogs = Set(logClients.map { $0.lowercased() })
        return clients.map(\.displayName).filter { !withLogs.contains($0.lowercased()) }
    }

    /// The resource of a machine, by name, case-insensitively (to join log folders to inventory).
    public func resourceID(forMachine name: String) -> Int? {
        systems.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.resourceID
    }
}

/// A machine and the rows the inventory holds for it.
public struct InventoryClient: Sendable, Hashable {
    public var resourceID: Int
    /// v_R_System's Name0; empty when the machine appears only in the components view.
    public var name: String
    public var system: InventorySystem?
    /// Indexes into `Inventory.components`.
    public var componentIndexes: [Int] = []

    /// The name, or `ResourceID 16777220` when v_R_System does not name it.
    public var displayName: String { name.isEmpty ? "ResourceID \(resourceID)" : name }
}
