import Foundation
import Testing

@Suite(.serialized) struct ComplianceCommandTests {
    let inventory = ComplianceRun.fixtures + "/inventory"

    @Test func seedQueryVerbatimThroughSQL() throws {
        let seed = """
            SELECT
            AC.Name0, AC.Version0
            FROM
            dbo.v_GS_SMS_ADVANCED_CLIENT_STAT AC
            GROUP BY AC.Name0, AC.Version0
            ORDER BY AC.Name0
            """
        let csv = try ComplianceRun.run(["sql", inventory, "--query", seed, "--format", "csv"])
        // The fixture has bad rows, reported on stderr: exit 1 after the output.
        #expect(csv.status == 1)
        #expect(csv.stderr.contains("v_GS_SMS_ADVANCED_CLIENT_STAT.csv:12:"))
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Name0,Version0")
        #expect(lines[1] == "CcmFramework,4.00.6487.2000")
        #expect(lines.contains("SmsInventory,4.00.6487.999"))
        #expect(lines.count == 14)
        let text = try ComplianceRun.run(["sql", inventory, "--query", seed])
        #expect(text.stdout.hasPrefix("Name0"))
        #expect(text.stdout.contains("(13 rows)"))
        let json = try ComplianceRun.run(["sql", inventory, "--query", seed, "--format", "json"])
        #expect(json.stdout.hasPrefix("{\"Name0\":\"CcmFramework\",\"Version0\":\"4.00.6487.2000\"}\n"))
    }

    @Test func writesAreRefusedAndInputsUntouched() throws {
        let file = inventory + "/v_R_System.csv"
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        for statement in ["DELETE FROM dbo.v_R_System", "VACUUM INTO '/tmp/cmlens-e2e-vacuum.sqlite'"] {
            let run = try ComplianceRun.run(["sql", inventory, "--query", statement])
            #expect(run.status == 2)
            #expect(run.stderr.contains("refused"))
            #expect(run.stderr.contains(statement))
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/cmlens-e2e-vacuum.sqlite"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @Test func sqlErrorShowsMessageAndQuery() throws {
        let run = try ComplianceRun.run(["sql", inventory, "--query", "SELECT * FROM v_nothing"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no such table: v_nothing"))
        #expect(run.stderr.contains("query: SELECT * FROM v_nothing"))
    }

    @Test func complianceText() throws {
        let run = try ComplianceRun.run(["compliance", inventory])
        #expect(run.status == 1)
        #expect(run.stdout.contains("KB977384"))
        #expect(run.stdout.contains("  installed 2  missing 1  unknown 2  disagreements 1"))
        #expect(run.stdout.contains("  missing   PC-LOWER (4.00.6487.999)"))
        #expect(run.stderr.contains("4.00.6487.21a7"))
    }

    @Test func complianceJSONOneObjectPerClientAndKB() throws {
        let run = try ComplianceRun.run(["compliance", inventory, "--kb", "KB2444668", "--format", "json"])
        let objects = try run.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.count == 5)
        let lower = objects.first { $0["client"] as? String == "PC-LOWER" }
        #expect(lower?["status"] as? String == "missing")
        #expect(lower?["found"] as? String == "4.00.6487.999")
        #expect(lower?["required"] as? String == "4.0.6487.2161")
        #expect(lower?["resourceId"] as? Int == 16777221)
        #expect((lower?["evidence"] as? [String: Any])?["line"] as? Int == 11)
        #expect(objects.first { $0["client"] as? String == "PC-NOROWS" }?["found"] is NSNull)
    }

    @Test func catalogueFlagAddsKB() throws {
        let run = try ComplianceRun.run(["compliance", inventory, "--catalog", ComplianceRun.fixtures + "/catalog/hotfixes.json",
                                         "--kb", "999002", "--format", "csv"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "client,resourceId,kb,component,required,found,status,disagrees,corroboration,evidence,note")
        #expect(lines.count == 6)
        #expect(lines.contains { $0.hasPrefix("PC-EQUAL,16777220,999002,SmsInventory,4.0.6487.3000,4.00.6487.2161,missing,") })
    }

    @Test func collectionQueries() throws {
        let wql = try ComplianceRun.run(["compliance", inventory, "--collection-query", "wql", "--kb", "2444668"])
        #expect(wql.stdout.contains("SMS_G_System_SMS_ADVANCED_CLIENT_STATE.Version in (\"4.00.6487.999\")"))
        #expect(wql.stderr.contains("string order differs"))
        let sql = try ComplianceRun.run(["compliance", inventory, "--collection-query", "sql", "--kb", "2444668"])
        #expect(sql.stdout.contains("CAST(PARSENAME(AC.Version0, 1) AS int) < 2161"))
        // The generated SQL runs on cmlens's own database and selects the missing client.
        let check = try ComplianceRun.run(["sql", inventory, "--query", sql.stdout, "--format", "csv"])
        #expect(check.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] } == ["PC-LOWER"])
        let usage = try ComplianceRun.run(["compliance", inventory, "--collection-query", "wql"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--kb"))
        let unknown = try ComplianceRun.run(["compliance", inventory, "--kb", "123"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--catalog"))
    }
}
