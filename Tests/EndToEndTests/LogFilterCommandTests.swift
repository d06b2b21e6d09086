import Foundation
import Testing

/// `cmlens log --filter`: the console's filter words through the real binary, and the problems of
/// every part of a workspace on standard error.
@Suite struct LogFilterCommandTests {
    static func objects(_ run: CmlensRun.Result) throws -> [[String: Any]] {
        try run.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    @Test func threadAndNotTextKeepWhatTheFilterBarWould() throws {
        let all = try Self.objects(CmlensRun.cmlens(["log", "Samples", "--format", "json"]))
        let run = CmlensRun.cmlens(["log", "Samples", "--filter", "thread=3044 -text=policy", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let kept = try Self.objects(run)
        let expected = all.filter {
            ($0["thread"] as? String) == "3044" && ($0["message"] as? String)?.range(of: "policy", options: .caseInsensitive) == nil
        }
        #expect(!kept.isEmpty)
        #expect(kept.count == expected.count)
        #expect(kept.allSatisfy { ($0["thread"] as? String) == "3044" })
        #expect(!kept.contains { ($0["message"] as? String)?.range(of: "policy", options: .caseInsensitive) != nil })
    }

    @Test func filtersRepeatAndAddToTheFlags() throws {
        let run = CmlensRun.cmlens(["log", "Samples", "--level", "warning", "--filter", "file=execmgr.log",
                                    "--filter", "text=exit", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let kept = try Self.objects(run)
        #expect(!kept.isEmpty)
        #expect(kept.allSatisfy { object in
            let file = (object["file"] as? String) ?? ""
            let level = (object["level"] as? String) ?? ""
            let message = ((object["message"] as? String) ?? "").lowercased()
            return (file.hasSuffix("/execmgr.log") || file.hasSuffix("/execmgr.lo_")) && ["warning", "error"].contains(level)
                && message.contains("exit")
        })
        // The same as the flag alone: --grep RE is text=RE.
        let grep = CmlensRun.cmlens(["log", "Samples", "--level", "warning", "--filter", "file=execmgr.log",
                                     "--grep", "exit", "--format", "json"])
        #expect(grep.stdout == run.stdout)
    }

    @Test func aWordNotUnderstoodIsAUsageErrorListingTheWords() {
        let run = CmlensRun.cmlens(["log", "Samples", "--filter", "colour=red"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--filter: filter \"colour=red\" not understood"))
        #expect(run.stderr.contains("thread=T"))
        #expect(run.stdout.isEmpty)
        #expect(CmlensRun.cmlens(["log", "Samples", "--filter", "text=("]).status == 2)
    }

    @Test func helpListsTheWords() {
        let run = CmlensRun.cmlens(["log", "--help"])
        #expect(run.stdout.contains("--filter"))
        #expect(run.stdout.contains("-text=RE"))
    }

    /// A site control file with a value that is not a number and a catalogue with a bad version,
    /// beside an inventory and a log.
    static func troubledWorkspace() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-e2e-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("PC1"), withIntermediateDirectories: true)
        let samples = CmlensRun.repositoryRoot.appendingPathComponent("Samples")
        try FileManager.default.copyItem(at: samples.appendingPathComponent("WKS-LAB-007/execmgr.log"),
                                         to: root.appendingPathComponent("PC1/execmgr.log"))
        try Data("BEGIN_CLIENT_COMPONENT\n<Software Distribution>\nPROPERTY <Execution Failure Retry Count><REG_DWORD><><many>\nEND_CLIENT_COMPONENT\n".utf8)
            .write(to: root.appendingPathComponent("sitectrl.ct0"))
        try Data("ResourceID,Name0,Version0\n1,SmsPowerManagement,4.0.6487.2000\n".utf8)
            .write(to: root.appendingPathComponent("v_GS_SMS_ADVANCED_CLIENT_STATE.csv"))
        try Data("KB,Component,Version\n999002,SmsPolicyAgent,4.0.x\n".utf8).write(to: root.appendingPathComponent("hotfixes.csv"))
        return root.path
    }

    @Test func siteControlAndCatalogueProblemsReachStandardError() throws {
        let root = try Self.troubledWorkspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let diagnose = CmlensRun.cmlens(["diagnose", root])
        #expect(diagnose.stderr.contains("sitectrl.ct0:3: Execution Failure Retry Count \"many\" is not a number"), "\(diagnose.stderr)")
        #expect(diagnose.stderr.contains("hotfixes.csv:2:"), "\(diagnose.stderr)")
        #expect(diagnose.status == 1)
        let timeline = CmlensRun.cmlens(["timeline", root])
        #expect(timeline.stderr.contains("sitectrl.ct0:3:"), "\(timeline.stderr)")
        let compliance = CmlensRun.cmlens(["compliance", root])
        #expect(compliance.stderr.contains("hotfixes.csv:2:"), "\(compliance.stderr)")
        #expect(compliance.status == 1)
        // cmlens log reads only the logs: the other parts' problems are not its to report.
        let log = CmlensRun.cmlens(["log", root])
        #expect(log.status == 0, "\(log.stderr)")
        #expect(!log.stderr.contains("sitectrl.ct0"))
    }
}
