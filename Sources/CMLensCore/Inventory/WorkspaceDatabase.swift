import Foundation
import GRDB

/// The workspace as an SQLite database, under ConfigMgr's view names, for read-only queries.
///
/// Tables: `v_GS_SMS_ADVANCED_CLIENT_STATE` (also as `v_GS_SMS_ADVANCED_CLIENT_STAT`, the
/// truncated name the seed's query uses), `v_R_System` (every column of the exports), and `Logs`
/// (every log record, built only when a query names it). The database is a private temporary
/// file, removed on deinit; it is reopened read-only with itself attached as `dbo`, so
/// `dbo.v_R_System` and `v_R_System` both work, as on SQL Server. Text compares
/// case-insensitively (COLLATE NOCASE), like SQL Server's default collation, and `PARSENAME` is
/// defined as in T-SQL so generated collection queries run here too.
public final class WorkspaceDatabase {
    public static let clientStateView = "v_GS_SMS_ADVANCED_CLIENT_STATE"
    public static let clientStateShortView = "v_GS_SMS_ADVANCED_CLIENT_STAT"
    public static let systemView = "v_R_System"
    public static let logsTable = "Logs"

    private let folder: URL
    private let path: String
    private let writer: DatabaseQueue
    private var reader: DatabaseQueue
    private var logsSource: (() -> LoadedLogs)?
    /// How many log records the `Logs` table holds, once built.
    public private(set) var logRecordCount: Int?
    /// What could not be stored (columns past SQLite's limit), for the user to hear.
    public private(set) var problems: [LoadProblem] = []

    /// - Parameter logs: called the first time a query names `Logs`; nil leaves the table empty.
    public init(inventory: Inventory, logs: (() -> LoadedLogs)? = nil) throws(SQLQueryError) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-\(UUID().uuidString)")
        path = folder.appendingPathComponent("workspace.sqlite").path
        logsSource = logs
        var stored: [LoadProblem] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var config = Configuration()
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
            writer = try DatabaseQueue(path: path, configuration: config)
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = OFF") }
            try writer.write { db in try Self.store(inventory, in: db, problems: &stored) }
            if logs == nil { try writer.write { db in try Self.createLogsTable(db) } }
            reader = try Self.openReader(path)
            problems = stored
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(at: folder)
            throw .unavailable(error.message ?? "\(error)")
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw .unavailable("\(error)")
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs one read-only statement, giving the column names, then each row.
    public func query(_ sql: String, columns: ([String]) -> Void, row: ([SQLValue]) -> Void) throws(SQLQueryError) {
        do {
            try run(sql, columns: columns, row: row)
        } catch .sqlite(let message, _) where logsSource != nil && Self.namesMissingLogs(message) {
            do {
                try buildLogs()
            } catch {
                throw .unavailable("\(error)")
            }
            try run(sql, columns: columns, row: row)
        }
    }

    /// All rows at once (for tests and small results).
    public func query(_ sql: String) throws(SQLQueryError) -> (columns: [String], rows: [[SQLValue]]) {
        var names: [String] = []
        var rows: [[SQLValue]] = []
        try query(sql, columns: { names = $0 }, row: { rows.append($0) })
        return (names, rows)
    }

    private func run(_ sql: String, columns: ([String]) -> Void, row: ([SQLValue]) -> Void) throws(SQLQueryError) {
        do {
            try reader.read { db in
                let statement = try db.makeStatement(sql: sql)
                // SQLite's own verdict on the compiled statement, not a look at the text.
                guard statement.isReadonly else { throw SQLQueryError.writeRefused(query: sql) }
                columns(statement.columnNames)
                let cursor = try Row.fetchCursor(statement)
                while let next = try cursor.next() {
                    row(next.databaseValues.map(Self.value))
                }
            }
        } catch let error as SQLQueryError {
            throw error
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_AUTH {
                throw .writeRefused(query: sql)
            }
            var message = error.message ?? "\(error.resultCode)"
            if message.hasPrefix("Multiple statements found") {
                message = "more than one statement; give one statement per query"
            }
            throw .sqlite(message: message, query: sql)
        } catch {
            throw .sqlite(message: "\(error)", query: sql)
        }
    }

    private static func namesMissingLogs(_ message: String) -> Bool {
        let lower = message.lowercased()
        return lower.hasPrefix("no such table:") && (lower.hasSuffix(" logs") || lower.hasSuffix(".logs"))
    }

    private func buildLogs() throws {
        guard let source = logsSource else { return }
        logsSource = nil
        let logs = source()
        var count = 0
        try writer.write { db in
            try Self.createLogsTable(db)
            let insert = try db.makeStatement(sql: "INSERT INTO Logs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for file in logs.files {
                for k in 0..<file.count {
                    let r = file.record(at: k)
                    try insert.execute(arguments: [r.client, file.logName, r.file, r.line, r.time?.iso8601,
                                                   r.time?.iso8601UTC, r.level.name, r.component, r.thread, r.message])
                    count += 1
                }
            }
        }
        logRecordCount = count
        reader = try Self.openReader(path)
    }

    private static func createLogsTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE Logs (client TEXT COLLATE NOCASE, log TEXT COLLATE NOCASE, file TEXT, line INTEGER,
              time TEXT, utc TEXT, level TEXT COLLATE NOCASE, component TEXT COLLATE NOCASE, thread TEXT, message TEXT)
            """)
    }

    private static func openReader(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.prepareDatabase { db in
            db.add(function: parseName)
            try db.execute(sql: "ATTACH DATABASE ? AS dbo", arguments: [path])
        }
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// T-SQL's PARSENAME(text, n): the n-th dot-separated part counted from the right (1–4),
    /// NULL when there is no such part or more than four.
    static let parseName = DatabaseFunction("PARSENAME", argumentCount: 2, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]), let n = Int.fromDatabaseValue(values[1]) else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 4, (1...parts.count).contains(n) else { return nil }
        return String(parts[parts.count - n])
    }

    private static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let v): .integer(v)
        case .double(let v): .real(v)
        case .string(let v): .text(v)
        case .blob(let v): .blob(v)
        }
    }

    // MARK: Storing the inventory

    private static let integerColumns: Set<String> = ["resourceid", "client0", "groupid", "revisionid", "agentid",
                                                      "active0", "obsolete0", "decommissioned0", "resourcetype"]

    /// Columns per table at most (SQLite's own limit is 2,000).
    static let maximumColumns = 1_900

    private static func store(_ inventory: Inventory, in db: Database, problems: inout [LoadProblem]) throws {
        let required: [InventoryTableKind: [String]] = [
            .clientComponents: ["ResourceID", "Name0", "DisplayName0", "Version0"],
            .systems: ["ResourceID", "Name0", "Client0", "Client_Version0"],
        ]
        for kind in [InventoryTableKind.clientComponents, .systems] {
            let tables = inventory.tables.filter { $0.kind == kind }.map(\.table)
            // The union of every file's columns, first spelling kept, the view's usual ones first.
            var columns: [String] = []
            var seen = Set<String>()
            for name in required[kind]! + tables.flatMap(\.header) {
                let trimmed = name.trimmingWhitespace
                if !trimmed.isEmpty && seen.insert(trimmed.lowercased()).inserted { columns.append(trimmed) }
            }
            // SQLite refuses a table of more than 2,000 columns: the rest are left out (and said so)
            // rather than the whole database failing.
            if columns.count > maximumColumns {
                for table in tables where table.header.count > maximumColumns - required[kind]!.count {
                    problems.append(LoadProblem(file: table.file, line: 1, severity: .warning,
                                                message: "\(table.header.count) columns; only the first \(maximumColumns) of \(kind.viewName!) are in the database (SQLite's limit), the others cannot be queried"))
                }
                columns.removeSubrange(maximumColumns...)
            }
            let view = kind.viewName!
            let definitions = columns.map { name in
                integerColumns.contains(name.lowercased()) ? "\(quoted(name)) INTEGER" : "\(quoted(name)) TEXT COLLATE NOCASE"
            }
            try db.execute(sql: "CREATE TABLE \(quoted(view)) (\(definitions.joined(separator: ", ")))")
            let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.lowercased(), $0) })
            for table in tables {
                let targets = table.header.map { position[$0.trimmingWhitespace.lowercased()] }
                let used = targets.enumerated().compactMap { k, target in target.map { (k, $0) } }
                guard !used.isEmpty else { continue }
                // Same-named columns twice in one header: the first wins.
                var taken = Set<Int>()
                let unique = used.filter { taken.insert($0.1).inserted }
                let names = unique.map { quoted(columns[$0.1]) }.joined(separator: ", ")
                let marks = Array(repeating: "?", count: unique.count).joined(separator: ", ")
                let insert = try db.makeStatement(sql: "INSERT INTO \(quoted(view)) (\(names)) VALUES (\(marks))")
                // The rows the inventory skipped (and reported) stay out of the database too: a
                // field count that differs from the header's, a ResourceID that is not a number.
                let resourceID = table.column("ResourceID")
                for row in table.rows where row.fields.count == table.header.count
                    && resourceID.map({ Int(row.fields[$0].trimmingWhitespace) != nil }) ?? true {
                    let values: [(any DatabaseValueConvertible)?] = unique.map { source, _ in
                        let field = row.fields[source]
                        return field == "NULL" || field.isEmpty ? nil : field
                    }
                    try insert.execute(arguments: StatementArguments(values))
                }
            }
        }
        try db.execute(sql: "CREATE VIEW \(quoted(clientStateShortView)) AS SELECT * FROM \(quoted(clientStateView))")
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
