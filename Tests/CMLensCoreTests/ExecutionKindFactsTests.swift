import Foundation
import Testing
@testable import CMLensCore

/// The new kinds' facts reach the rules: an application failing with an unmatched exit code, a
/// task sequence step failure, an update that keeps failing; each built-in rule fires once, cites
/// Microsoft Learn, and quotes the lines the verdict rests on.
@Suite struct ExecutionKindFactsTests {
    static func workspace() throws -> URL {
        let root = try LogTestSupport.temporaryDirectory()
        let client = root.appendingPathComponent("WKS-KINDS")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        func write(_ name: String, _ lines: [String], _ component: String) throws {
            try Data(ExecutionKindsSupport.log(lines, component: component).utf8).write(to: client.appendingPathComponent(name))
        }
        try write("smsts.log", TaskSequenceTests.failingRun, "TSManager")
        try write("AppEnforce.log", [ApplicationTests.start(), ApplicationTests.detecting, ApplicationTests.notDiscovered]
            + ApplicationTests.ran(1603) + ["Unmatched exit code (1603) is considered an execution failure.", ApplicationTests.completed],
            "AppEnforce")
        let second = root.appendingPathComponent("WKS-NOTDETECTED")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try Data(ExecutionKindsSupport.log([ApplicationTests.start(), ApplicationTests.detecting, ApplicationTests.notDiscovered]
            + ApplicationTests.ran(0) + ["Matched exit code 0 to a Success entry in exit codes table.", ApplicationTests.detecting,
                                          ApplicationTests.notDiscovered, ApplicationTests.completed], component: "AppEnforce").utf8)
            .write(to: second.appendingPathComponent("AppEnforce.log"))
        try write("UpdatesDeployment.log", SoftwareUpdatesTests.deployment([
            "Update (\(SoftwareUpdatesTests.update)) Progress: Status = ciStateError, PercentComplete = 0, Result = 0x80240022",
            "Update (\(SoftwareUpdatesTests.update)) Progress: Status = ciStateInstalling, PercentComplete = 0, Result = 0x0",
            "Update (\(SoftwareUpdatesTests.update)) Progress: Status = ciStateError, PercentComplete = 0, Result = 0x80240022",
        ]), "UpdatesDeploymentAgent")
        return root
    }

    @Test func eachNewFactFiresItsRule() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = Diagnosis.run(inputs: WorkspaceScanner.scan([root.path]))
        let byRule = Dictionary(grouping: output.findings, by: \.rule)
        let app = try #require(byRule["application-unmatched-exit-code"]?.first)
        #expect(app.title.contains("1603"))
        #expect(app.evidence.contains { $0.text.hasPrefix("Unmatched exit code (1603)") })
        // Only the client whose installer succeeded and whose detection then failed.
        let missing = try #require(byRule["application-not-detected-after-install"])
        #expect(missing.map(\.client) == ["WKS-NOTDETECTED"])
        #expect(missing.first?.explanation.contains("0x87D00324") == true)
        #expect(missing.first?.evidence.contains { $0.text.hasPrefix("Matched exit code 0") } == true)
        let ts = try #require(byRule["task-sequence-step-failed"]?.first)
        #expect(ts.title == "Task sequence failed at step \"Install Office\" (0x80070643)")
        #expect(ts.explanation.contains("group Install aborted"))
        #expect(ts.evidence.contains { $0.text.hasPrefix("Task Sequence Engine failed!") })
        let update = try #require(byRule["software-update-keeps-failing"]?.first)
        #expect(update.explanation.contains("failed to install 2 times"))
        #expect(update.evidence.count == 2)
        for rule in output.rules where ["application-unmatched-exit-code", "application-not-detected-after-install", "task-sequence-step-failed",
                                           "software-update-keeps-failing"].contains(rule.id) {
            #expect(rule.reference?.contains("https://learn.microsoft.com/") == true, "\(rule.id)")
        }
    }

    /// An update that failed once is not "keeps failing"; a run still going has no failed step.
    @Test func noFactWithoutTheFault() {
        let once = Execution(kind: .softwareUpdates, client: "PC1", name: "software updates", steps: [],
                             verdict: Execution.Verdict(name: "updatesFailed", status: .failed, text: ""))
        var job = once
        job.entries = [Execution.Entry(id: "a", name: "KB1", article: "1", status: "failed", downloaded: true, installed: false,
                                       exitCode: 0x80240022, failures: 1)]
        let facts = ExecutionKindFacts(executions: [job])
        #expect(facts.facts(of: DiagnosticFactKind.updateKeepsFailing).isEmpty)
        #expect(facts.facts(of: DiagnosticFactKind.taskSequenceStepFailed).isEmpty)
    }
}
