import Foundation
import Testing

/// `cmlens timeline` over the four kinds, through the real binary: the real smsts and update logs,
/// `--kind`, one JSON shape for every kind, and log text kept from the terminal raw.
@Suite struct TimelineKindsCommandTests {
    static var realCorpus: String {
        let beside = TimelineRun.repo.deletingLastPathComponent().appendingPathComponent("shared/corpus/real").path
        return FileManager.default.fileExists(atPath: beside) ? beside
            : TimelineRun.repo.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/real").path
    }

    private func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
    }

    private func record(_ message: String, _ second: Int, component: String) -> String {
        "<![LOG[\(message)]LOG]!><time=\"10:00:\(String(format: "%02d", second)).000+000\" date=\"03-15-2011\" component=\"\(component)\" context=\"\" type=\"1\" thread=\"1\" file=\"x.cpp:1\">\r\n"
    }

    /// A client folder with one log of each kind (the program's from the execmgr fixtures).
    private func workspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-kinds-\(UUID().uuidString)")
        let client = root.appendingPathComponent("PC1")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        let execmgr = try FileManager.default.contentsOfDirectory(atPath: TimelineRun.fixtures + "/execmgr/WKS-FIX-001")
        for file in execmgr {
            try FileManager.default.copyItem(atPath: TimelineRun.fixtures + "/execmgr/WKS-FIX-001/" + file,
                                             toPath: client.appendingPathComponent(file).path)
        }
        let ts = ["The task execution engine started execution",
                  "Start executing an instruction. Instruction name: Install \u{1B}[31mFonts. Instruction pointer: 0",
                  "Process completed with exit code 1",
                  "Failed to run the action: Install \u{1B}[31mFonts.\nIncorrect function. (Error: 00000001; Source: Windows)",
                  "Task Sequence Engine failed! Code: enExecutionFail"]
        try Data(ts.enumerated().map { record($1, $0, component: "TSManager") }.joined().utf8)
            .write(to: client.appendingPathComponent("smsts-20110315-100000.log"))
        let dt = "ScopeId_7D314D27-5660-414E-B05B-D908B4127B1F/DeploymentType_7a45171b-1c2e-4dbd-9816-710db5083e39"
        let app = ["+++ Starting Install enforcement for App DT \"Viewer\" ApplicationDeliveryType - \(dt), Revision - 4, ContentPath - C:\\c, Execution Context - Any",
                   "Process 5728 terminated with exitcode: 1603", "Unmatched exit code (1603) is considered an execution failure.",
                   "++++++ App enforcement completed (9 seconds) for App DT \"Viewer\" [\(dt)], Revision: 4, User SID: [] ++++++"]
        try Data(app.enumerated().map { record($1, $0, component: "AppEnforce") }.joined().utf8).write(to: client.appendingPathComponent("AppEnforce.log"))
        let update = "Site_1074285A-82C7-474F-B242-1EE20F8C3CE5/SUM_774ec963-65e7-4c81-96e8-d229c10c3d00"
        let updates = ["Update (\(update)) Name (Servicing Stack Update (KB4598481)) ArticleID (4598481) added to the targeted list of deployment ({F7A0F5F8-689F-49BC-8EA3-966C43D8F867})",
                       "Update (\(update)) Progress: Status = ciStateError, PercentComplete = 0, Result = 0x80240022"]
        try Data(updates.enumerated().map { record($1, $0, component: "UpdatesDeploymentAgent") }.joined().utf8)
            .write(to: client.appendingPathComponent("UpdatesDeployment.log"))
        return root
    }

    @Test func theRealSmstsLogsGiveTheirNineteenActionsEach() throws {
        let result = try TimelineRun.run(["timeline", Self.realCorpus, "--kind", "taskSequence", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try jsonLines(result.stdout)
        #expect(objects.allSatisfy { $0["executionKind"] as? String == "taskSequence" })
        let verdicts = objects.filter { $0["kind"] as? String == "verdict" }
        #expect(verdicts.count == 2)
        #expect(verdicts.allSatisfy { $0["verdict"] as? String == "inProgress" })
        for file in ["smsts.brackdk04-1.log", "smsts.maxmoonACR-1.log"] {
            let succeeded = objects.filter {
                $0["kind"] as? String == "step" && $0["event"] as? String == "actionSucceeded"
                    && ($0["evidence"] as? String)?.contains(file) == true
            }
            #expect(succeeded.count == 19, "\(file)")
            #expect((succeeded.last?["step"] as? String)?.hasPrefix("Restart computer") == true)
        }
    }

    @Test func theRealUpdateLogsAreOneJob() throws {
        let result = try TimelineRun.run(["timeline", Self.realCorpus, "--kind", "softwareUpdates"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("== Software updates =="))
        #expect(result.stdout.contains("Compliant: the client reported assignment {258F70CB-61C9-477F-AF99-A7BB5D92AFD4} compliant (13 updates targeted"))
        #expect(result.stdout.contains("2021-01 Update for Windows 10 Version 1809 for x64-based Systems (KB4589208)  installed"))
        #expect(!result.stdout.contains("No program executions found."))
    }

    /// Without --kind every kind present is shown; the program section keeps its old words.
    @Test func everyKindPresentByDefault() throws {
        let result = try TimelineRun.run(["timeline", Self.realCorpus])
        #expect(result.stdout.contains("No program executions found."))
        #expect(result.stdout.contains("== Task sequences =="))
        #expect(result.stdout.contains("== Software updates =="))
        #expect(!result.stdout.contains("== Applications =="))
    }

    @Test func theSameJSONKeysForEveryKind() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try TimelineRun.run(["timeline", root.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        var keys: [String: Set<[String]>] = [:]
        var kinds: Set<String> = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            kinds.insert(object["executionKind"] as? String ?? "?")
            keys[object["kind"] as! String, default: []].insert(object.keys.sorted())
            if object["kind"] as? String == "verdict" {
                #expect(object["details"] is [String: Any] && object["entries"] is [Any], "\(line)")
            }
        }
        #expect(kinds == ["program", "application", "taskSequence", "softwareUpdates"])
        #expect(keys["step"]?.count == 1, "\(keys["step"] ?? [])")
        #expect(keys["verdict"]?.count == 1, "\(keys["verdict"] ?? [])")
        #expect(keys["verdict"]?.first?.contains("executionKind") == true && keys["verdict"]?.first?.contains("entries") == true)
    }

    @Test func kindPicksAndLogTextNeverReachesTheTerminalRaw() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let ts = try TimelineRun.run(["timeline", root.path, "--kind", "taskSequence"])
        #expect(ts.status == 0, "\(ts.stderr)")
        #expect(ts.stdout.contains("== Task sequences =="))
        #expect(ts.stdout.contains("Failed at step"))
        #expect(!ts.stdout.contains("\u{1B}"), "an escape from the log reached the terminal")
        #expect(!ts.stdout.contains("Retry policy:"))
        let apps = try TimelineRun.run(["timeline", root.path, "--kind", "application", "--kind", "softwareUpdates"])
        #expect(apps.stdout.contains("Failed: exit 1603"))
        #expect(apps.stdout.contains("1 of 1 update failed: Servicing Stack Update (KB4598481) (0x80240022"))
        #expect(!apps.stdout.contains("== Task sequences =="))
        let csv = try TimelineRun.run(["timeline", root.path, "--kind", "application", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").first == "kind,client,advertisement,package,program,time,event,from,state,exitCode,retried,attempt,maxAttempts,nextRetryAt,evidence,text,note")
        let bad = try TimelineRun.run(["timeline", root.path, "--kind", "sccm"])
        #expect(bad.status == 2)
    }
}
