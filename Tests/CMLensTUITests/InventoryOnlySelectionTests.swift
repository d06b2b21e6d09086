import CMLensCore
import Testing
@testable import CMLensTUI

/// A machine only the inventory knows, opened from Compliance, stays the selected client when
/// follow mode reloads the same workspace; opening another workspace drops it.
@Suite struct InventoryOnlySelectionTests {
    @Test func aReloadKeepsAnInventoryOnlyMachineSelected() {
        var console = AnalysisFixture.console(size: Size(columns: 100, lines: 30))
        AnalysisFixture.show(CompliancePane.id, in: &console)
        console.press(.enter, .enter)  // KB977384, its first missing client: LAP-EXEC-001 (no logs)
        #expect(console.state.context.client == "LAP-EXEC-001")
        let old = AnalysisFixture.workspace
        let reloaded = ConsoleWorkspace(paths: old.paths, inputs: old.inputs, logs: old.logs, generation: old.generation + 1)
        console.run(console.state.handle(.loaded(reloaded)))
        #expect(console.state.context.client == "LAP-EXEC-001")
        #expect(console.grid.lines[1].hasPrefix(" LAP-EXEC-001  ResourceID 16777281"))

        let elsewhere = ConsoleWorkspace(paths: ["/elsewhere"], inputs: old.inputs, logs: old.logs, generation: 1)
        console.run(console.state.handle(.loaded(elsewhere)))
        #expect(console.state.context.client == nil)
    }

    @Test func aClientWhoseLogsVanishedIsDropped() {
        var console = AnalysisFixture.console(size: Size(columns: 100, lines: 30))
        console.state.context.client = "WKS-ACCT-014"
        let old = AnalysisFixture.workspace
        var inputs = old.inputs
        inputs.clients.removeAll { $0.name == "WKS-ACCT-014" }
        let without = ConsoleWorkspace(paths: old.paths, inputs: inputs, logs: LoadedLogs.load(inputs, clients: nil), generation: 2)
        console.run(console.state.handle(.loaded(without)))
        #expect(console.state.context.client == nil)
    }
}
