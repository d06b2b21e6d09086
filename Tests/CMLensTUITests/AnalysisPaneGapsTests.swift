import CMLensCore
import Testing
@testable import CMLensTUI

/// Gaps found in the analysis panes at 80×24, against issue #9's list: what each pane must show
/// even on the smallest screen.
@Suite struct AnalysisPaneGapsTests {
    @Test func aFindingShowsItsFixEvenAt80x24() {
        let console = AnalysisFixture.firstFindingOpen(size: Size(columns: 80, lines: 24))
        let lines = console.grid.lines
        let fix = lines.firstIndex { $0.hasPrefix(" Fix: Give the build network an IP address range boundary") }
        #expect(fix != nil)
        // The explanation gave way, and says so (and that `d` shows it all).
        #expect(fix.map { lines[$0 - 1].hasSuffix("… (d: all)") } == true)
        #expect(lines.contains { $0.hasPrefix(" Evidence: 57 lines") })
    }

    @Test func theRetryReasoningWrapsUnderItsLabel() {
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        AnalysisFixture.show(TimelinePane.id, in: &console)
        console.press(.down, .enter)
        for _ in 0..<9 { console.press(.right) }
        let lines = console.grid.lines
        let why = lines.firstIndex { $0.hasPrefix("             why: exit 999 at 2011-01-13 09:31:40.827-05:00") }
        #expect(why != nil)
        #expect(why.map { lines[$0 + 1].hasPrefix("             ") && lines[$0 + 1].contains("countdown") } == true)
    }

    @Test func aKBsClientListKeepsTheInventoryLineNumberAt80Columns() {
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        AnalysisFixture.show(CompliancePane.id, in: &console)
        console.press(.enter)
        let row = console.grid.lines[3]
        #expect(row.hasPrefix(" missing   LAP-EXEC-001") && row.hasSuffix("_CLIENT_STAT.csv:88"))
    }
}
