import CMLensCore
import Foundation
import Testing

/// The repository's Tests/CMLensCoreTests folder, from this file's path.
private let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let inventoryFixtures = testsFolder.appendingPathComponent("Fixtures/inventory").path
let catalogFixtures = testsFolder.appendingPathComponent("Fixtures/catalog").path

func fixtureInventory() -> Inventory {
    Inventory.load(files: WorkspaceScanner.scan([inventoryFixtures]).tableFiles)
}

@Suite struct InventoryTests {
    @Test func csvHandlesBOMCRLFQuotesAndLineBreaks() {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\",z\r\n\r\n3,,\r\n"
        let table = CSVTable.parse(Data(text.utf8), file: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.fields) == [["1", "x, y", "say \"hi\""], ["2", "two\r\nlines", "z"], ["3", "", ""]])
        #expect(table.rows.map(\.line) == [2, 3, 6])
        #expect(table.problems.isEmpty)
    }

    @Test func csvReadsUTF16WithBOM() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "ResourceID,Name0\r\n7,PC-É\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let table = CSVTable.parse(Data(bytes), file: "u.csv")
        #expect(table.header == ["ResourceID", "Name0"])
        #expect(table.rows.first?.fields == ["7", "PC-É"])
    }

    @Test func unclosedQuoteIsReportedWithItsLine() {
        let table = CSVTable.parse(Data("a,b\n1,2\n3,\"open\n4,5\n".utf8), file: "q.csv")
        #expect(table.problems.count == 1)
        #expect(table.problems.first?.line == 3)
        #expect(table.rows.first?.fields == ["1", "2"])
    }

    @Test func tablesAreRecognisedByHeaderCaseInsensitively() {
        #expect(InventoryTableKind.recognise(header: ["resourceid", "NAME0", "version0"]) == .clientComponents)
        #expect(InventoryTableKind.recognise(header: ["ResourceID", "DisplayName0", "Version0"]) == .clientComponents)
        #expect(InventoryTableKind.recognise(header: ["ResourceID", "Name0", "Client0", "Client_Version0"]) == .systems)
        #expect(InventoryTableKind.recognise(header: [" KB ", "Component", "Version"]) == .hotfixCatalog)
        #expect(InventoryTableKind.recognise(header: ["Owner", "Comment"]) == nil)
        #expect(InventoryTableKind.recognise(header: ["Name0", "Version0"]) == nil)
    }

    @Test func fixtureLoadsWithBadRowsReportedByLine() {
        let inventory = fixtureInventory()
        #expect(inventory.systems.count == 5)
        // 17 data rows: one with an unquoted comma, one with a ResourceID that is not a number.
        #expect(inventory.components.count == 15)
        let problems = inventory.problems.map { "\(($0.file as NSString).lastPathComponent):\($0.line ?? 0) \($0.severity)" }
        #expect(problems.contains("v_GS_SMS_ADVANCED_CLIENT_STAT.csv:12 error"), "field count")
        #expect(problems.contains("v_GS_SMS_ADVANCED_CLIENT_STAT.csv:16 error"), "malformed version")
        #expect(problems.contains("v_GS_SMS_ADVANCED_CLIENT_STAT.csv:19 error"), "bad ResourceID")
        #expect(problems.contains("notes.csv:1 warning"), "unrecognised CSV")
        #expect(inventory.hasErrors)
        let quoted = inventory.components.first { $0.resourceID == 16777220 && $0.name == "SmsPowerManagement" }
        #expect(quoted?.displayName == "SMS Power Management, Agent")
        #expect(quoted?.source.line == 2)
        let multiLine = inventory.components.first { $0.resourceID == 16777223 && $0.name == "SmsInventory" }
        #expect(multiLine?.displayName == "SMS\r\nInventory")
        #expect(multiLine?.source.line == 17)
        let malformed = inventory.components.first { $0.resourceID == 16777223 && $0.name == "SmsPowerManagement" }
        #expect(malformed?.version == nil)
        #expect(malformed?.versionText == "4.00.6487.21a7")
    }

    @Test func clientsIncludeMachinesWithoutRows() {
        let clients = fixtureInventory().clients
        #expect(clients.map(\.displayName) == ["PC-BAD", "PC-EQUAL", "PC-HIGHER", "PC-LOWER", "PC-NOROWS"])
        #expect(clients.first { $0.name == "PC-NOROWS" }?.componentIndexes.isEmpty == true)
        #expect(clients.first { $0.name == "PC-EQUAL" }?.componentIndexes.count == 5)
    }

    @Test func componentsWithoutSystemRowAreNamedByResourceID() {
        var inventory = Inventory()
        inventory.add(CSVTable.parse(Data("ResourceID,DisplayName0,Version0\n42,CCM Framework,4.00.6487.2000\n".utf8), file: "c.csv"))
        #expect(inventory.clients.map(\.displayName) == ["ResourceID 42"])
        // Without Name0 the key is the display name without spaces.
        #expect(inventory.components.first?.name == "CCMFramework")
    }

    @Test func seedQueryRunsVerbatim() throws {
        let database = try WorkspaceDatabase(inventory: fixtureInventory())
        let result = try database.query("""
            SELECT
            AC.Name0, AC.Version0
            FROM
            dbo.v_GS_SMS_ADVANCED_CLIENT_STAT AC
            GROUP BY AC.Name0, AC.Version0
            ORDER BY AC.Name0
            """)
        #expect(result.columns == ["Name0", "Version0"])
        let pairs = result.rows.map { $0.map { $0.text ?? "NULL" } }
        #expect(pairs.first == ["CcmFramework", "4.00.6487.2000"])
        #expect(pairs.contains(["SmsInventory", "4.00.6487.999"]))
        #expect(pairs.contains(["SmsPowerManagement", "4.00.6487.21a7"]), "a malformed version is still a row of the view")
        #expect(pairs.count == 13)
    }

    @Test func viewsAnswerWithAndWithoutSchemaAndJoin() throws {
        let database = try WorkspaceDatabase(inventory: fixtureInventory())
        let joined = try database.query("""
            SELECT R.Name0, R.Resource_Domain_OR_Workgr0, CS.Version0 FROM v_GS_SMS_ADVANCED_CLIENT_STATE CS
            LEFT JOIN dbo.v_R_System R ON R.ResourceID = CS.ResourceID WHERE CS.Name0 = 'ccmframework' ORDER BY R.Name0
            """)
        #expect(joined.rows.map { $0[0].text } == ["PC-EQUAL", "PC-HIGHER", "PC-LOWER"])
        #expect(joined.rows.first?[1] == .text("CONTOSO"))
        let typed = try database.query("SELECT typeof(ResourceID), Client0 FROM v_R_System WHERE Name0 = 'PC-NOROWS'")
        #expect(typed.rows == [[.text("integer"), .integer(0)]])
    }

    @Test func writesAreRefused() throws {
        let database = try WorkspaceDatabase(inventory: fixtureInventory())
        for statement in ["DELETE FROM v_R_System", "INSERT INTO dbo.v_R_System (ResourceID) VALUES (1)",
                          "DROP TABLE v_R_System", "CREATE TEMP TABLE t (x)", "UPDATE v_R_System SET Name0 = 'x'"] {
            #expect(throws: SQLQueryError.self) { _ = try database.query(statement) }
            do {
                _ = try database.query(statement)
            } catch {
                guard case .writeRefused(let query) = error else {
                    Issue.record("\(statement): \(error)")
                    continue
                }
                #expect(query == statement)
            }
        }
        #expect(try database.query("SELECT count(*) FROM v_R_System").rows == [[.integer(5)]])
    }

    @Test func sqliteErrorsCarryMessageAndQuery() throws {
        let database = try WorkspaceDatabase(inventory: fixtureInventory())
        do {
            _ = try database.query("SELECT nope FROM v_R_System")
            Issue.record("no error")
        } catch {
            #expect(error.description.contains("no such column: nope"))
            #expect(error.description.contains("SELECT nope FROM v_R_System"))
        }
    }

    @Test func oneStatementPerQuery() throws {
        let database = try WorkspaceDatabase(inventory: fixtureInventory())
        do {
            _ = try database.query("SELECT 1; DELETE FROM v_R_System")
            Issue.record("ran two statements")
        } catch {
            #expect(error.description.contains("more than one statement"))
        }
        #expect(try database.query("SELECT count(*) FROM v_R_System").rows == [[.integer(5)]])
    }

    @Test func attachCannotCreateFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-attach-\(UUID().uuidString).db").path
        let database = try WorkspaceDatabase(inventory: fixtureInventory())
        #expect(throws: SQLQueryError.self) { _ = try database.query("ATTACH '\(path)' AS x") }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func parseNameWorksLikeTSQL() throws {
        let database = try WorkspaceDatabase(inventory: Inventory())
        let result = try database.query("SELECT PARSENAME('4.00.6487.2157', 1), PARSENAME('4.00.6487.2157', 4), PARSENAME('a.b', 3), PARSENAME('1.2.3.4.5', 1)")
        #expect(result.rows == [[.text("2157"), .text("4"), .null, .null]])
    }

    /// The real corpus (beside the repository: `<repo>/../shared/corpus/real`) as the Logs table.
    @Test func realLogsAreQueryable() throws {
        let corpus = LogTestSupport.realCorpus.path
        try #require(FileManager.default.fileExists(atPath: corpus), "real corpus not found at \(corpus)")
        let inputs = WorkspaceScanner.scan([corpus])
        let logs = LoadedLogs.load(inputs)
        let database = try WorkspaceDatabase(inventory: Inventory()) { logs }
        let rows = try database.query("SELECT count(*), count(DISTINCT log) FROM Logs").rows
        #expect(rows == [[.integer(Int64(logs.recordCount)), .integer(Int64(Set(logs.files.map(\.logName)).count))]])
        #expect(logs.recordCount > 1000)
        let errors = try database.query("SELECT count(*) FROM dbo.Logs WHERE level = 'ERROR'").rows
        let expected = logs.files.reduce(0) { $0 + $1.count(of: .error) }
        #expect(errors == [[.integer(Int64(expected))]])
    }

    @Test func logsTableIsBuiltWhenNamed() throws {
        let log = "<![LOG[Program exited with 999]LOG]!><time=\"10:15:31.123+300\" date=\"01-14-2011\" component=\"execmgr\" context=\"\" type=\"3\" thread=\"1234\" file=\"x.cpp:1\">\r\n"
        let index = LogReader.parse(bytes: Array(log.utf8), path: "PC1/execmgr.log", client: "PC1")
        var built = 0
        let database = try WorkspaceDatabase(inventory: Inventory()) {
            built += 1
            return LoadedLogs(files: [index], problems: [])
        }
        _ = try database.query("SELECT count(*) FROM v_R_System")
        #expect(built == 0)
        let rows = try database.query("SELECT client, line, level, component, message, utc FROM dbo.Logs").rows
        #expect(built == 1)
        #expect(rows == [[.text("PC1"), .integer(1), .text("error"), .text("execmgr"), .text("Program exited with 999"),
                          .text("2011-01-14T15:15:31.123Z")]])
        #expect(database.logRecordCount == 1)
    }
}
