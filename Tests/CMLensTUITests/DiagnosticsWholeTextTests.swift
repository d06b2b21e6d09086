import CMLensCore
import Testing
@testable import CMLensTUI

/// At 80×24 an open finding's explanation is cut so the fix and the evidence show; `d` shows the
/// whole text, scrolled with the arrows, and `d` or Esc goes back to the evidence.
@Suite struct DiagnosticsWholeTextTests {
    @Test func dShowsTheWholeTextOfACutFinding() {
        var console = AnalysisFixture.firstFindingOpen(size: Size(columns: 80, lines: 24))
        let finding = DiagnosticsPaneTests.pane(console).openFinding!
        let whole = DiagnosticsPane.textLines(finding, columns: 80)
        var lines = console.grid.lines
        #expect(lines.contains { $0.hasSuffix("… (d: all)") }, "the BUILD-CAP-01 explanation is cut at 80×24")
        #expect(!lines.contains { $0 == " " + whole[whole.count { $0.part == .explanation } - 1].text })

        console.press(.character("d"))
        lines = console.grid.lines
        #expect(lines[1].hasPrefix("ERR BUILD-CAP-01"))
        #expect(lines[2].hasPrefix(" Lines 1–") && lines[2].contains("of \(whole.count)"))
        #expect(lines[3] == " " + whole[0].text)
        #expect(!lines.contains { $0.contains("Evidence:") })
        // Down to the end: the last line of the text shows, and no further.
        for _ in 0..<(whole.count + 5) { console.press(.down) }
        lines = console.grid.lines
        #expect(lines.contains { $0 == " " + whole[whole.count - 1].text })
        #expect(lines[2].contains("–\(whole.count) of \(whole.count)"))
        console.press(.pageUp)
        #expect(console.grid.lines[2].hasPrefix(" Lines 1–"))

        console.press(.escape)
        lines = console.grid.lines
        #expect(lines.contains { $0.hasPrefix(" Evidence: 57 lines") }, "Esc leaves the whole text for the evidence")
        console.press(.character("d"), .character("d"))
        #expect(console.grid.lines.contains { $0.hasPrefix(" Evidence: 57 lines") })
        console.press(.escape)
        #expect(console.grid.lines[2].contains("Sev"), "a second Esc closes the finding")
    }
}
