import Foundation
import Testing

/// `cmlens diagnose` through the real binary, on the bundled Samples and on rules files.
@Suite struct DiagnoseCommandTests {
    static let samples = CmlensRun.repositoryRoot.appendingPathComponent("Samples").path
    static let rules = CmlensRun.repositoryRoot.appendingPathComponent("Tests/CMLensCoreTests/Fixtures/diagnostics/rules").path

    static func objects(_ run: CmlensRun.Result) throws -> [[String: Any]] {
        try run.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    @Test func textGroupsFindingsByClientMostSevereFirstWithQuotedEvidence() {
        let run = CmlensRun.cmlens(["diagnose", Self.samples])
        // The inventory's deliberately bad row is an input error: reported, and the exit status says so.
        #expect(run.status == 1)
        #expect(run.stderr.contains("v_GS_SMS_ADVANCED_CLIENT_STAT.csv:60: SmsOSDeployment"))
        let lines = run.lines
        let headings = lines.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("note:") }
        // Clients with logs in workspace order, then the ones only the inventory knows.
        #expect(headings == ["BUILD-CAP-01", "WKS-ACCT-014", "WKS-LAB-007", "LAP-EXEC-001", "LAP-SALES-003",
                             "WKS-ENG-102", "WKS-HR-022", "WKS-RECEPT-01"])
        let acct = lines.drop { $0 != "WKS-ACCT-014" }
        let titles = acct.prefix { $0 != "WKS-LAB-007" }.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
        #expect(titles.count == 3)
        #expect(titles.first?.hasPrefix("  ERROR  SMS certificate missing from the store") == true)
        #expect(titles.dropFirst().first?.hasPrefix("  WARNING  Program failing and retrying: Office 2010 Setup, Silent") == true)
        #expect(titles.last?.hasPrefix("  WARNING  Client hotfixes missing: KB2444668, KB978754") == true)
        #expect(lines.contains { $0.hasSuffix("WKS-ACCT-014/ClientIDManagerStartup.log:12  Failed to find the certificate in the store, retry 1.") })
        #expect(lines.contains { $0.contains("evidence (233 lines):") })
        #expect(!lines.contains { $0.hasPrefix("note:") })
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test func jsonIsOneObjectPerFindingWithTheDocumentedFields() throws {
        let run = CmlensRun.cmlens(["diagnose", Self.samples, "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let objects = try Self.objects(run)
        // 5 faults in the logs, 6 clients missing hotfixes.
        #expect(objects.count == 11)
        #expect(objects.filter { $0["rule"] as? String == "missing-hotfix" }.count == 6)
        for object in objects {
            #expect(Array(object.keys).sorted() == ["client", "confidence", "corroboratedBy", "errorCodes", "evidence", "explanation",
                                                    "first", "fix", "last", "reference", "rule", "severity", "title"])
            #expect(["possible", "likely", "confirmed"].contains(object["confidence"] as? String ?? ""))
            #expect((object["evidence"] as? [String])?.isEmpty == false)
        }
        let boundary = try #require(objects.first { $0["rule"] as? String == "updates-no-boundary-in-task-sequence" })
        #expect(boundary["client"] as? String == "BUILD-CAP-01")
        #expect(boundary["severity"] as? String == "error")
        #expect(boundary["first"] as? String == "2011-01-14T12:58:31.937-08:00")
        let evidence = try #require(boundary["evidence"] as? [String])
        #expect(evidence.allSatisfy { $0.range(of: #"^.+:\d+$"#, options: .regularExpression) != nil })
        #expect(evidence.filter { $0.contains("BUILD-CAP-01/UpdateHandler.log:") }.count == 14)
        #expect(evidence.contains { $0.contains("BUILD-CAP-01/smsts.log:") })
        #expect(evidence.contains { $0.contains("BUILD-CAP-01/LocationServices.log:") })
        let cert = try #require(objects.first { $0["rule"] as? String == "certificate-store-loop" })
        #expect((cert["fix"] as? String)?.contains("19c5cf9c7b5dc9de3e548adb70398402_50e417e0-e461-474b-96e2-077b80325612") == true)
        #expect((cert["evidence"] as? [String])?.count == 233)
    }

    @Test func clientFilterKeepsOneClient() throws {
        let run = CmlensRun.cmlens(["diagnose", Self.samples, "--client", "wks-lab-007", "--format", "json"])
        let objects = try Self.objects(run)
        // WKS-LAB-007 has every hotfix: only its failed program.
        #expect(objects.map { $0["rule"] as? String } == ["program-failed-not-retried"])
        #expect(objects.allSatisfy { $0["client"] as? String == "WKS-LAB-007" })
    }

    @Test func aRulesFileAddsItsRule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-diagnose-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("WKS-1"), withIntermediateDirectories: true)
        let line = #"<![LOG[Scan failed with error = 0x8024402c.]LOG]!><time="12:01:00.000+000" date="03-02-2011" component="WUAHandler" context="" type="3" thread="1" file="a.cpp:1">"#
        try Data((line + "\n").utf8).write(to: folder.appendingPathComponent("WKS-1/WUAHandler.log"))
        let run = CmlensRun.cmlens(["diagnose", folder.path, "--rules", Self.rules + "/user.rules.json", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rules = try Self.objects(run).compactMap { $0["rule"] as? String }
        #expect(rules.sorted() == ["wsus-proxy-name", "wsus-scan-failed"])
    }

    @Test func aBrokenRulesFileIsReportedWithItsLineAndTheOtherRulesStillRun() {
        let path = Self.rules + "/broken-json.rules.json"
        let run = CmlensRun.cmlens(["diagnose", Self.samples, "--rules", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cmlens: error: \(path):8: not valid JSON"))
        #expect(run.stdout.contains("SMS certificate missing from the store"))
    }

    @Test func usageErrors() {
        #expect(CmlensRun.cmlens(["diagnose", Self.samples, "--format", "csv"]).status == 2)
        #expect(CmlensRun.cmlens(["diagnose"]).status == 2)
    }

    @Test func aWorkspaceWithoutFaultsSaysSo() throws {
        let healthy = CmlensRun.repositoryRoot.appendingPathComponent("Tests/CMLensCoreTests/Fixtures/diagnostics/healthy").path
        let run = CmlensRun.cmlens(["diagnose", healthy])
        #expect(run.status == 0)
        // The count grows with the catalogue; what matters is that every built-in rule ran.
        let first = run.lines.first ?? ""
        let rules = first.split(separator: "(").dropFirst().first?.split(separator: " ").first.flatMap { Int($0) }
        #expect(first.hasPrefix("No known problem found (") && first.contains(" rules over "), "\(first)")
        #expect((rules ?? 0) >= 30, "\(first)")
    }
}
