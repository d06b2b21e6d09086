import CMLensCore
import Testing
@testable import CMLensTUI

@Suite struct CompliancePaneTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    @Test(arguments: sizes) func samplesShowEachKBWithItsCounts(size: Size) {
        var console = AnalysisFixture.console(size: size)
        AnalysisFixture.show(CompliancePane.id, in: &console)
        let lines = console.grid.lines
        #expect(lines[0].contains(size.columns >= 120 ? "7 Compliance" : "7 Hotfix"))
        #expect(lines[1].hasPrefix("3 KBs, 12 clients in the inventory"))
        #expect(lines[2].contains("KB") && lines[2].contains("Installed Missing Unknown"))
        let row = { (kb: String) in lines.first { $0.hasPrefix(" " + kb + " ") }?.split(separator: " ").suffix(3).map(String.init) }
        #expect(row("KB977384") == ["8", "3", "1"])
        #expect(row("KB978754") == ["6", "4", "2"])
        #expect(row("KB2444668") == ["7", "4", "1"])
        #expect(lines[3].contains("SmsPowerManagement") && lines[3].contains("4.0.6487.2157"))
        #expect(lines.contains { $0.hasPrefix("─ KB977384 Enter lists the clients") })
        #expect(lines[size.lines - 2].contains("3 KBs · 12 clients in the inventory") && lines[size.lines - 2].hasSuffix("READY"))
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        #expect(roles[3].allSatisfy { $0 == Role.selection.letter })
    }

    @Test(arguments: sizes) func enterListsTheClientsByStateAndQShowsTheQueries(size: Size) {
        var console = AnalysisFixture.console(size: size)
        AnalysisFixture.show(CompliancePane.id, in: &console)
        console.press(.enter)
        var lines = console.grid.lines
        #expect(lines[2].hasPrefix(" KB977384: 3 missing, 1 unknown, 8 installed"))
        #expect(lines[3].hasPrefix(" missing   LAP-EXEC-001") && lines[3].contains("version 4.00.6487.2000"))
        #expect(lines[6].hasPrefix(" unknown   BUILD-CAP-01") && lines[6].contains("no version seen"))
        #expect(lines[7].hasPrefix(" installed") && lines[7].contains("version 4.00.6487.2157"))
        if size.columns >= 120 { #expect(lines[3].contains("from v_GS_SMS_ADVANCED_CLIENT_")) }
        console.press(.character("Q"))
        let screen = console.screen
        #expect(screen.contains("Collection queries for KB977384"))
        #expect(screen.contains("WQL (collection query):") && screen.contains("Version in (\"4.00.6487.2000\")"))
        #expect(screen.contains("SQL (site database):"))
        // The popup scrolls on a small screen.
        if size.lines < 40 { console.press(.pageDown) }
        #expect(console.screen.contains("FROM dbo.v_R_System R"))
        console.press(.escape)
        // Enter on a client opens it in the Client pane; Esc comes back to the list of clients.
        console.press(.down, .down, .down, .enter)
        #expect(console.state.focus == PaneRegistry.index(of: ClientPane.id))
        #expect(console.state.context.client == "BUILD-CAP-01")
        console.press(.escape)
        lines = console.grid.lines
        #expect(lines[2].hasPrefix(" KB977384: 3 missing"))
        console.press(.escape)
        #expect(console.grid.lines[2].contains("Installed Missing Unknown"))
    }
}
