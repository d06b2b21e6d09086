import Foundation
import Testing

@Suite struct TimelineCommandTests {
    let logs = TimelineRun.fixtures + "/execmgr"
    let customPolicy = TimelineRun.fixtures + "/sitecontrol/custom/sitectrl.ct0"

    private func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
    }

    @Test func textShowsEachProgramsStepsVerdictAndPolicy() throws {
        let result = try TimelineRun.run(["timeline", logs, "--program", "payroll"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.hasPrefix("Retry policy: ConfigMgr defaults (no site control file loaded)"))
        #expect(out.contains("WKS-FIX-001  advert FIX20001  package FIX00001  program \"Payroll Client, v2.1. Setup\""))
        #expect(out.contains("Success: exit 0 (success) on run 3"))
        #expect(out.contains("FailureRetry → WaitingRetry  [exit 999: ERROR_SWAPERROR; in the retry list: retried]  → next retry due 2011-01-14 10:15:00.000-05:00"))
        #expect(out.contains("execmgr.lo_:29"))
        #expect(out.contains("Running → FailureRetry  [exit 999: ERROR_SWAPERROR; in the retry list: retried]  1008 of 1008 retries left  execmgr.lo_:27"))
        #expect(out.contains("1007 of 1008 retries left  execmgr.log:22"))
        #expect(out.contains("retry ran 15 min 1 s after the failure"))
        // Only the program asked for.
        #expect(!out.contains("Office 2010"))
    }

    @Test func jsonHasOneObjectPerStepThenAVerdictPerProgram() throws {
        let result = try TimelineRun.run(["timeline", logs, "--client", "WKS-FIX-001", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try jsonLines(result.stdout)
        let verdicts = objects.filter { $0["kind"] as? String == "verdict" }
        #expect(verdicts.count == 5)
        #expect(objects.allSatisfy { $0["kind"] as? String == "step" || $0["kind"] as? String == "verdict" })
        let fields = ["client", "advertisement", "package", "program", "time", "from", "state", "exitCode", "retried",
                      "attempt", "maxAttempts", "nextRetryAt", "evidence", "note"]
        for step in objects where step["kind"] as? String == "step" {
            #expect(fields.allSatisfy { step[$0] != nil }, "missing fields in \(step)")
        }
        let vpn = try #require(verdicts.first { $0["program"] as? String == "VPN Agent 4.2" })
        #expect(vpn["verdict"] as? String == "removedWhileWaiting")
        let inventory = try #require(verdicts.first { $0["program"] as? String == "Inventory Tool" })
        #expect(inventory["nextRetryAt"] as? String == "2011-01-14T11:15:40.000-05:00")
        #expect(inventory["policySource"] as? String == "defaults")
        // The last object of a program is its verdict.
        let lastOfPayroll = objects.last { $0["program"] as? String == "Payroll Client, v2.1. Setup" }
        #expect(lastOfPayroll?["kind"] as? String == "verdict")
    }

    @Test func theSiteControlFileSetsThePrediction() throws {
        let result = try TimelineRun.run(["timeline", logs, "--site-control", customPolicy, "--program", "Inventory Tool",
                                          "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let verdict = try #require(try jsonLines(result.stdout).last)
        #expect(verdict["nextRetryAt"] as? String == "2011-01-14T11:35:40.000-05:00")
        #expect(verdict["maxAttempts"] as? Int == 4)
        #expect(verdict["policySource"] as? String == "siteControl")
    }

    @Test func aSiteControlFileInTheWorkspaceIsUsed() throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-tl-ws-\(UUID())")
        defer { try? FileManager.default.removeItem(at: workspace) }
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("site"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: logs + "/WKS-FIX-001", toPath: workspace.appendingPathComponent("WKS-FIX-001").path)
        try FileManager.default.copyItem(atPath: customPolicy, toPath: workspace.appendingPathComponent("site/sitectrl.ct0").path)
        let result = try TimelineRun.run(["timeline", workspace.path, "--program", "Inventory"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Retry policy: \(workspace.path)/site/sitectrl.ct0 lines 5, 6, 7: 3 retries every 1800 s, 3 retry codes"))
        #expect(result.stdout.contains("next retry due 2011-01-14 11:35:40.000-05:00"))
    }

    @Test func csvHasAHeaderAndQuotesProgramNamesWithCommas() throws {
        let result = try TimelineRun.run(["timeline", logs, "--program", "Office", "--format", "csv"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.first == "kind,client,advertisement,package,program,time,event,from,state,exitCode,retried,attempt,maxAttempts,nextRetryAt,evidence,text,note")
        #expect(rows.dropFirst().allSatisfy { $0.contains(",\"Office 2010, SP1\",") })
        #expect(rows.last?.hasPrefix("verdict,") == true)
    }

    @Test func aMalformedSiteControlFileIsReportedByLineAndTheTimelineStillPrints() throws {
        let result = try TimelineRun.run(["timeline", logs, "--site-control", TimelineRun.fixtures + "/sitecontrol/malformed.ct0",
                                          "--program", "Cleanup"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("malformed.ct0:3: "))
        #expect(result.stderr.contains("malformed.ct0:5: "))
        #expect(result.stdout.contains("FailureNonRetry: exit 1"))
        // The file's one readable retry setting applies.
        #expect(result.stdout.contains("every 900 s"))
    }

    @Test func usageErrorsExitTwo() throws {
        let missing = try TimelineRun.run(["timeline", logs, "--site-control", "/nonexistent/sitectrl.ct0"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--site-control /nonexistent/sitectrl.ct0: no such file"))
        let badFormat = try TimelineRun.run(["timeline", logs, "--format", "yaml"])
        #expect(badFormat.status == 2)
    }

    @Test func aWorkspaceWithoutExecmgrLogsSaysSo() throws {
        let corpus = TimelineRun.repo.deletingLastPathComponent().appendingPathComponent("shared/corpus/real").path
        let real = FileManager.default.fileExists(atPath: corpus) ? corpus
            : TimelineRun.repo.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/real").path
        let result = try TimelineRun.run(["timeline", real])
        #expect(result.stdout.contains("No program executions found."))
        #expect(result.stderr.contains("no execmgr.log under"))
    }
}
