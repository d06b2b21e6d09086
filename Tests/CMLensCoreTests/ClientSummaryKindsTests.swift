import Foundation
import Testing
@testable import CMLensCore

/// A client's summary names its failing applications, its failed task sequence step and its
/// failed updates, so the Client view and Compare can show them.
@Suite struct ClientSummaryKindsTests {
    @Test func failuresOfTheNewKindsAreInTheSummary() throws {
        let root = try ExecutionKindFactsTests.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = WorkspaceScanner.scan([root.path])
        let summaries = ClientSummaries.load(inputs: inputs, logs: LoadedLogs.load(inputs), policy: .defaults)
        let summary = try #require(summaries.summary(of: "wks-kinds"))
        #expect(summary.failingApplications.map(\.verdict.name) == ["failedUnmatchedExitCode"])
        #expect(summary.failingApplications.first?.detail("revision") == "4")
        let run = try #require(summary.failedTaskSequences.first)
        #expect(run.verdict.failedStep == "Install Office")
        #expect(run.steps[try #require(run.verdict.focus)].name == "Install Office")
        #expect(summary.failedUpdates.map(\.article) == ["4598481"])
        #expect(summary.failedUpdates.first?.failures == 2)
        let concerns = summary.concerns
        #expect(concerns.contains { $0.hasPrefix(ApplicationTests.name + ": failed, exit code 1603") })
        #expect(concerns.contains("Task sequence failed at \"Install Office\", error 0x80070643"))
        #expect(concerns.contains { $0.contains("KB4598481") && $0.contains("(2 times)") })
    }

    /// Compare puts the failing application, the task sequence's failed step and the failed update
    /// beside a client where none failed.
    @Test func compareShowsTheNewKindsFailuresSideBySide() throws {
        let root = try ExecutionKindFactsTests.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = WorkspaceScanner.scan([root.path])
        let summaries = ClientSummaries.load(inputs: inputs, logs: LoadedLogs.load(inputs), policy: .defaults)
        let failing = try #require(summaries.summary(of: "wks-kinds"))
        var healthy = failing
        healthy.name = "WKS-HEALTHY"
        healthy.failingApplications = []
        healthy.failedTaskSequences = []
        healthy.failedUpdates = []
        let comparison = ClientComparison([failing, healthy])
        func row(_ kind: ClientComparison.Row.Kind) -> [String]? { comparison.rows.first { $0.kind == kind }?.cells.map(\.text) }
        #expect(row(.applications)?.first?.contains("1603") == true && row(.applications)?.last == "none failing")
        #expect(row(.taskSequence) == ["failed at Install Office 0x80070643", "none failed"])
        #expect(row(.updates)?.first == "1 failed: KB4598481" && row(.updates)?.last == "none failed")
        // No such rows when no client has such a failure.
        #expect(ClientComparison([healthy, healthy]).rows.contains { $0.kind == .taskSequence } == false)
    }

    /// A later enforcement that worked clears an earlier failure of the same deployment type.
    @Test func onlyTheLatestEnforcementCounts() {
        func app(_ status: Execution.Verdict.Status) -> Execution {
            Execution(kind: .application, client: "PC1", name: "Viewer", details: [Execution.Detail("deploymentType", "ScopeId_A/DeploymentType_B")],
                      steps: [], verdict: Execution.Verdict(name: status.rawValue, status: status, text: ""))
        }
        #expect(ClientSummary.failingApplications([app(.failed), app(.succeeded)]).isEmpty)
        #expect(ClientSummary.failingApplications([app(.succeeded), app(.failed)]).count == 1)
    }
}
