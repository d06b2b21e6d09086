import CMLensCore
import Testing
@testable import CMLensTUI

/// The console's roles come from the core's meanings, in one place: a status looks the same in
/// every pane that shows it.
@Suite struct RoleMeaningTests {
    /// "Installed" was plain text in the Compliance pane and `info` in the Client view.
    @Test func installedHasOneRoleInTheComplianceListAndTheClientView() throws {
        var console = AnalysisFixture.console(size: Size(columns: 120, lines: 40))
        console.press(.character("7"))
        console.press(.enter)
        var lines = console.grid.lines
        let listed = try #require(lines.firstIndex { $0.hasPrefix(" installed WKS-ACCT-014") })
        #expect(console.grid[1, listed].role == .info)
        let first = try #require(lines.firstIndex { $0.hasPrefix(" missing") })
        for _ in first..<listed { console.press(.down) }
        console.press(.enter)
        #expect(console.state.focus == PaneRegistry.index(of: ClientPane.id))
        lines = console.grid.lines
        let shown = try #require(lines.firstIndex { $0.hasPrefix(" installed") && $0.contains("KB977384") })
        #expect(console.grid[1, shown].role == .info)
        #expect(Role(Meaning(ComplianceStatus.installed)) == .info)
    }

    /// A neutral status has no colour of its own: it takes the role of what it is written on.
    @Test func aNeutralStatusTakesTheRoleOfItsSurface() {
        #expect(Role(.neutral) == .text)
        #expect(Role(.neutral, plain: .dim) == .dim)
        #expect(Role(.neutral, plain: .popup) == .popup)
        #expect(Role(Meaning(Execution.Outcome.succeeded), plain: .dim) == .dim)
        #expect(Role(Meaning(Execution.Outcome.failed), plain: .dim) == .error)
    }

    /// Bold red and red on the command line are both the console's error.
    @Test func failureAndErrorShareTheErrorRole() {
        #expect(Role(.failure) == .error && Role(.error) == .error)
        #expect(Role(Meaning(ExecutionVerdict.Kind.removed)) == .error)
        #expect(Role(Meaning(StaleStatus.timedOut)) == .dim)
    }
}
