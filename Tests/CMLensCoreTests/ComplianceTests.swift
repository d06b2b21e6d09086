import CMLensCore
import Foundation
import Testing

@Suite struct ComplianceTests {
    let inventory = fixtureInventory()

    func statuses(_ report: ComplianceReport, kb: String) -> [String: ComplianceStatus] {
        var out: [String: ComplianceStatus] = [:]
        for verdict in report.kbs.first(where: { $0.hotfix.kb == kb })?.verdicts ?? [] { out[verdict.client] = verdict.status }
        return out
    }

    @Test func builtInCatalogueIsTheSeedTable() {
        let catalog = HotfixCatalog.builtIn
        #expect(catalog.hotfixes.map(\.kb) == ["977384", "978754", "2444668"])
        #expect(catalog["KB977384"]?.component == "SmsPowerManagement")
        #expect(catalog["977384"]?.minimumVersion == ComponentVersion("4.0.6487.2157"))
        #expect(catalog["977384"]?.alsoRaises.map(\.component) == ["CcmFramework", "SmsSoftwareDistribution"])
        #expect(catalog["977384"]?.alsoRaises.map(\.version.text) == ["4.0.6487.2155", "4.0.6487.2154"])
        #expect(catalog["978754"]?.requirement == ComponentRequirement(component: "SmsOSDeployment", version: ComponentVersion("4.0.6487.2115")))
        #expect(catalog["2444668"]?.requirement == ComponentRequirement(component: "SmsInventory", version: ComponentVersion("4.0.6487.2161")))
    }

    @Test func seedTableAgainstHandWrittenInventory() {
        let report = ComplianceEvaluator.evaluate(inventory, catalog: .builtIn)
        #expect(statuses(report, kb: "977384") == [
            "PC-EQUAL": .installed, // 4.00.6487.2157 == 4.0.6487.2157
            "PC-LOWER": .missing, "PC-HIGHER": .installed,
            "PC-BAD": .unknown, // malformed version
            "PC-NOROWS": .unknown, // no rows at all
        ])
        #expect(statuses(report, kb: "2444668") == [
            "PC-EQUAL": .installed, "PC-LOWER": .missing, // 999 < 2161 numerically, though not as strings
            "PC-HIGHER": .installed, // 10000 > 2161 numerically, though not as strings
            "PC-BAD": .installed, "PC-NOROWS": .unknown,
        ])
        #expect(statuses(report, kb: "978754") == [
            "PC-EQUAL": .installed, "PC-LOWER": .missing, "PC-HIGHER": .unknown, "PC-BAD": .unknown, "PC-NOROWS": .unknown,
        ])
        let summary = report.kbs[0]
        #expect(summary.count(.installed) == 2 && summary.count(.missing) == 1 && summary.count(.unknown) == 2)
    }

    @Test func verdictsCiteTheirRow() throws {
        let report = ComplianceEvaluator.evaluate(inventory, catalog: .builtIn)
        let equal = try #require(report.verdict(resourceID: 16777220, kb: "KB977384"))
        #expect(equal.found == "4.00.6487.2157")
        #expect(equal.evidence?.source.line == 2)
        #expect(equal.evidence?.source.file.hasSuffix("v_GS_SMS_ADVANCED_CLIENT_STAT.csv") == true)
        #expect(equal.corroboration.map(\.status) == [.installed, .installed])
        #expect(!equal.disagrees)
        let bad = try #require(report.verdict(resourceID: 16777223, kb: "977384"))
        #expect(bad.evidence?.source.line == 16)
        #expect(bad.note?.contains("21a7") == true)
        let none = try #require(report.verdict(resourceID: 16777224, kb: "977384"))
        #expect(none.evidence == nil && none.found == nil)
        #expect(none.corroboration.map(\.status) == [.unknown, .unknown])
    }

    @Test func corroboratingDisagreementIsFlaggedNotAVerdict() throws {
        let report = ComplianceEvaluator.evaluate(inventory, catalog: .builtIn)
        let higher = try #require(report.verdict(resourceID: 16777222, kb: "977384"))
        #expect(higher.status == .installed)
        #expect(higher.disagrees)
        #expect(higher.corroboration.first { $0.component == "CcmFramework" }?.status == .missing)
        #expect(higher.corroboration.first { $0.component == "SmsSoftwareDistribution" }?.status == .unknown)
        #expect(higher.note?.contains("CcmFramework 4.00.6487.2000") == true)
        let lower = try #require(report.verdict(resourceID: 16777221, kb: "977384"))
        #expect(!lower.disagrees)
        #expect(report.kbs[0].disagreements.map(\.client) == ["PC-HIGHER"])
    }

    @Test func highestReadableRowWins() {
        var inv = Inventory()
        inv.add(CSVTable.parse(Data("ResourceID,Name0,Version0\n1,SmsInventory,4.0.6487.2000\n1,smsinventory,4.0.6487.2161\n1,SmsInventory,junk\n".utf8), file: "x.csv"))
        let verdict = ComplianceEvaluator.evaluate(inv, catalog: .builtIn, kbs: ["2444668"]).verdicts.first
        #expect(verdict?.status == .installed)
        #expect(verdict?.evidence?.source.line == 3)
    }

    @Test func verdictsByMachineName() {
        let report = ComplianceEvaluator.evaluate(inventory, catalog: .builtIn)
        #expect(report.verdicts(machine: "pc-lower").map(\.status) == [.missing, .missing, .missing])
        #expect(report.verdicts(machine: "PC-HIGHER").map(\.kb) == ["977384", "978754", "2444668"])
        #expect(report.verdicts(machine: "nobody").isEmpty)
    }

    @Test func kbFilter() {
        let report = ComplianceEvaluator.evaluate(inventory, catalog: .builtIn, kbs: ["KB2444668"])
        #expect(report.kbs.map(\.hotfix.kb) == ["2444668"])
        #expect(report.verdicts(resourceID: 16777221).map(\.status) == [.missing])
    }

    @Test func csvCatalogueAddsAndOverridesKBs() {
        let (file, problems) = HotfixCatalog.load(path: catalogFixtures + "/hotfixes.csv")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 4)
        #expect(problems.first?.message.contains("4.0.6487.x") == true)
        let catalog = HotfixCatalog.builtIn.merging(file)
        #expect(catalog.hotfixes.map(\.kb) == ["977384", "978754", "2444668", "999001"])
        #expect(catalog["978754"]?.minimumVersion.text == "4.0.6487.2111")
        #expect(catalog["978754"]?.alsoRaises == [ComponentRequirement(component: "SmsInventory", version: ComponentVersion("4.0.6487.2161"))])
        #expect(catalog["999001"]?.title == "framework refresh")
        #expect(catalog["999001"]?.source.hasSuffix("hotfixes.csv:2") == true)
        let report = ComplianceEvaluator.evaluate(inventory, catalog: catalog)
        // With the override, PC-LOWER's SmsOSDeployment 4.00.6487.2111 is enough.
        #expect(statuses(report, kb: "978754")["PC-LOWER"] == .installed)
        // ...but its SmsInventory 999 is not: flagged.
        #expect(report.verdict(resourceID: 16777221, kb: "978754")?.disagrees == true)
        #expect(statuses(report, kb: "999001") == [
            "PC-EQUAL": .installed, "PC-LOWER": .missing, "PC-HIGHER": .missing, "PC-BAD": .unknown, "PC-NOROWS": .unknown,
        ])
    }

    @Test func jsonCatalogue() {
        let (file, problems) = HotfixCatalog.load(path: catalogFixtures + "/hotfixes.json")
        #expect(problems.isEmpty)
        #expect(file.hotfixes.map(\.kb) == ["999002"])
        #expect(file["999002"]?.alsoRaises.first?.component == "CcmFramework")
        let (numeric, none) = HotfixCatalog.parseJSON(Data("[{\"kb\": 4567, \"component\": \"SmsClient\", \"version\": \"4.0.6487.2200\"}]".utf8), file: "n.json")
        #expect(none.isEmpty)
        #expect(numeric["KB4567"]?.component == "SmsClient")
        let (_, broken) = HotfixCatalog.parseJSON(Data("[{\"kb\": \"1\"}]".utf8), file: "b.json")
        #expect(broken.first?.message.contains("component") == true)
    }

    @Test func catalogueInTheWorkspaceIsRecognisedByHeader() {
        let found = Inventory.load(files: [catalogFixtures + "/hotfixes.csv"])
        #expect(found.catalogs.first?.hotfixes.count == 2)
        #expect(found.components.isEmpty)
    }

    @Test func wqlEnumeratesLowerVersionsSeen() throws {
        let hotfix = try #require(HotfixCatalog.builtIn["2444668"])
        let query = CollectionQuery.wql(for: hotfix, inventory: inventory)
        #expect(query.lowerVersions == ["4.00.6487.999"])
        #expect(query.text.contains("SMS_G_System_SMS_ADVANCED_CLIENT_STATE.Name = \"SmsInventory\""))
        #expect(query.text.contains("SMS_G_System_SMS_ADVANCED_CLIENT_STATE.Version in (\"4.00.6487.999\")"))
        #expect(query.text.contains("inner join SMS_G_System_SMS_ADVANCED_CLIENT_STATE"))
        #expect(query.text.contains("where SMS_R_System.ClientType = 1"))
        #expect(!query.text.contains("Version <"))
        #expect(query.notes.contains { $0.contains("string order differs") })
    }

    @Test func wqlFallsBackToStringsWhenNothingIsLower() throws {
        var inv = Inventory()
        inv.add(CSVTable.parse(Data("ResourceID,Name0,Version0\n1,SmsOSDeployment,4.00.6487.2200\n".utf8), file: "x.csv"))
        let query = CollectionQuery.wql(for: try #require(HotfixCatalog.builtIn["978754"]), inventory: inv)
        #expect(query.lowerVersions.isEmpty)
        // Written with the inventory's zero-padding, so the string test matches its versions.
        #expect(query.text.contains("Version < \"4.00.6487.2115\""))
        #expect(query.notes.first?.contains("falls back") == true)
        #expect(!query.notes.contains { $0.contains("string order differs") })
        // No inventory at all: ConfigMgr's inventory form, `4.00.` (a `4.0.` string would sort above every `4.00.` one).
        let empty = CollectionQuery.wql(for: try #require(HotfixCatalog.builtIn["978754"]), inventory: Inventory())
        #expect(empty.text.contains("Version < \"4.00.6487.2115\""))
    }

    @Test func generatedSQLSelectsExactlyTheMissingClients() throws {
        let database = try WorkspaceDatabase(inventory: inventory)
        for kb in ["2444668", "978754"] {
            let hotfix = try #require(HotfixCatalog.builtIn[kb])
            let query = CollectionQuery.sql(for: hotfix)
            #expect(query.text.contains("PARSENAME(AC.Version0, 4)"))
            #expect(query.text.contains("FROM dbo.v_R_System R"))
            let selected = try database.query(query.text).rows.map { $0[1].text ?? "" }
            let missing = ComplianceEvaluator.evaluate(inventory, catalog: .builtIn, kbs: [kb]).kbs[0].verdicts(.missing).map(\.client)
            #expect(selected == missing)
            #expect(selected == ["PC-LOWER"])
        }
    }

    @Test func outputFieldsAreStable() throws {
        let report = ComplianceEvaluator.evaluate(inventory, catalog: .builtIn)
        let verdict = try #require(report.verdict(resourceID: 16777222, kb: "977384"))
        let json = ComplianceOutput.json(verdict)
        #expect(json.hasPrefix("{\"client\":\"PC-HIGHER\",\"resourceId\":16777222,\"kb\":\"977384\",\"component\":\"SmsPowerManagement\",\"required\":\"4.0.6487.2157\",\"found\":\"4.00.6487.2200\",\"status\":\"installed\",\"disagrees\":true,\"corroboration\":[{\"component\":\"CcmFramework\""))
        #expect(json.contains("\"evidence\":{\"file\":"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["corroboration"] as? [Any])?.count == 2)
        let none = try #require(report.verdict(resourceID: 16777224, kb: "977384"))
        #expect(ComplianceOutput.json(none).contains("\"found\":null"))
        let text = ComplianceOutput.text(report.kbs[0]).map(\.plainText)
        #expect(text[1] == "  installed 2  missing 1  unknown 2  disagreements 1")
        #expect(text.contains("  missing   PC-LOWER (4.00.6487.2000)"))
    }

    /// 100,000 clients × 10 components: load from CSV text and judge every KB (the issue's target: 2 s).
    /// Debug builds run 10,000 clients; the figure is for
    /// `CMLENS_SCALE=100000 swift test -c release --filter ComplianceTests/scale`.
    @Test func scale() {
        var csv = "ResourceID,Name0,DisplayName0,Version0\n"
        let names = ["CcmFramework", "SmsPowerManagement", "SmsSoftwareDistribution", "SmsOSDeployment", "SmsInventory",
                     "CcmPolicyAgent", "SmsClient", "SmsRemoteTools", "SmsSoftwareUpdates", "SmsSoftwareMetering"]
        let clients = ProcessInfo.processInfo.environment["CMLENS_SCALE"].flatMap(Int.init) ?? 10_000
        csv.reserveCapacity(clients * 10 * 50)
        for id in 0..<clients {
            for (k, name) in names.enumerated() {
                csv += "\(16_777_216 + id),\(name),\(name),4.00.6487.\(2000 + (id * 7 + k * 13) % 300)\n"
            }
        }
        let start = ContinuousClock.now
        let cpuStart = clock()
        var inv = Inventory()
        let table = CSVTable.parse(Data(csv.utf8), file: "big.csv")
        let parsed = ContinuousClock.now
        inv.add(table)
        let added = ContinuousClock.now
        let report = ComplianceEvaluator.evaluate(inv, catalog: .builtIn)
        let elapsed = ContinuousClock.now - start
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        print("phases: csv \(parsed - start), rows \(added - parsed), verdicts \(ContinuousClock.now - added)")
        #expect(inv.components.count == clients * 10)
        #expect(report.verdicts.count == clients * 3)
        print("compliance scale: \(clients) clients × 10 components load + verdicts: \(elapsed) wall, \(cpu) s CPU")
    }
}
