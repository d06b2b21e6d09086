import CMLensCore
import Testing
@testable import CMLensTUI

/// The Diagnostics pane says how sure each finding is: a column in the list, a line with what
/// corroborated it when the finding is open.
@Suite struct DiagnosticsConfidencePaneTests {
    @Test(arguments: DiagnosticsPaneTests.sizes) func theListShowsEachFindingsConfidence(size: Size) throws {
        var console = AnalysisFixture.console(size: size)
        AnalysisFixture.show(DiagnosticsPane.id, in: &console)
        let lines = console.grid.lines
        #expect(lines[2].contains("Sure"))
        let shown = DiagnosticsPaneTests.pane(console).shown(console.state.context)
        let first = try #require(shown.first)
        #expect(lines[3].contains(" \(first.confidence.rawValue) "))
        // The Samples' task sequence corroborates the updates finding; the timeline's facts are confirmed.
        #expect(first.rule == "updates-no-boundary-in-task-sequence" && first.confidence == .confirmed)
        #expect(shown.filter { $0.rule.hasPrefix("program-") }.allSatisfy { $0.confidence == .confirmed })
    }

    @Test func anOpenFindingSaysWhatCorroboratedIt() throws {
        var console = AnalysisFixture.firstFindingOpen(size: Size(columns: 120, lines: 60))
        console.press(.character("d"))
        let lines = console.grid.lines
        let line = try #require(lines.first { $0.hasPrefix(" Confidence: ") })
        #expect(line.contains("confirmed (corroborated by installing"))
    }
}
