import CMLensCore
import Testing
@testable import CMLensTUI

@Suite struct RetryCodesPaneTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    static func pane(_ console: ConsoleFixture) -> RetryCodesPane {
        console.state.panes[PaneRegistry.index(of: RetryCodesPane.id)!] as! RetryCodesPane
    }

    @Test(arguments: sizes) func samplesShowTheSiteControlListWithSeenCodesMarked(size: Size) {
        var console = AnalysisFixture.console(size: size)
        AnalysisFixture.show(RetryCodesPane.id, in: &console)
        let lines = console.grid.lines
        #expect(lines[1].hasPrefix("40 codes, up to 1008 retries, 600 s apart"))
        #expect(lines[2].hasPrefix("from the site control file") && lines[2].hasSuffix("sitectrl.ct0"))
        #expect(lines[3].contains("Code") && lines[3].contains("Seen") && lines[3].contains("Message"))
        #expect(lines[4].hasPrefix(" 4 ") && lines[4].contains("ERROR_TOO_MANY_OPEN_FIL"))
        #expect(lines.contains { $0.hasPrefix("─ 4 not seen") })
        #expect(lines.contains { $0.contains("Why retried: The client was short of memory") })
        #expect(lines[size.lines - 2].contains("40 retry codes · 2 seen in the logs"))
        // WKS-ACCT-014 exited twice with 999 and once with 1618.
        let pane = Self.pane(console)
        #expect(pane.seen[999]?.count == 2)
        #expect(pane.seen[1618]?.count == 1)
        #expect(pane.seen[3010]?.count == 1)   // seen, but not a retry code: not in the table
        #expect(!pane.table.rows.contains { $0.code == 3010 })
        console.press(.character("G"))
        let last = console.grid.lines
        #expect(last.contains { $0.hasPrefix(" 2250") })
        console.press(.home)
        for _ in 0..<pane.table.rows.firstIndex(where: { $0.code == 999 })! { console.press(.down) }
        let row999 = console.grid.lines.first { $0.hasPrefix(" 999") }
        #expect(row999?.contains("● 2") == true)
    }

    @Test(arguments: sizes) func enterListsWhereACodeOccursAndOpensItInLogs(size: Size) {
        var console = AnalysisFixture.console(size: size)
        AnalysisFixture.show(RetryCodesPane.id, in: &console)
        let index = Self.pane(console).table.rows.firstIndex { $0.code == 999 }!
        for _ in 0..<index { console.press(.down) }
        console.press(.enter)
        var lines = console.grid.lines
        #expect(lines[3].contains("Exit code 999: 2 lines"))
        #expect(lines[4].contains("WKS-ACCT-014/execmgr.lo_:") && lines[4].contains("2011-01-13 09:31:40.827"))
        #expect(lines[5].contains("WKS-ACCT-014/execmgr.log:") && lines[5].contains("2011-01-13 10:07:12.406"))
        console.press(.down, .enter)
        // Now in the Logs pane of WKS-ACCT-014, on that record.
        #expect(console.state.focus == PaneRegistry.index(of: LogsPane.id))
        #expect(console.state.context.client == "WKS-ACCT-014")
        let logs = console.logs
        let record = console.state.context.workspace!.records[logs.selected!]
        #expect(record.message == "Program exit code 999" && record.file.hasSuffix("execmgr.log"))
        // Esc comes back to the list of occurrences, Esc again to the table.
        console.press(.escape)
        #expect(console.state.focus == PaneRegistry.index(of: RetryCodesPane.id))
        lines = console.grid.lines
        #expect(lines[3].contains("Exit code 999"))
        console.press(.escape)
        #expect(console.grid.lines[3].contains("Seen"))
    }

    @Test func aCodeNotSeenSaysSoAndTheDefaultsAreNamed() {
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24))
        AnalysisFixture.show(RetryCodesPane.id, in: &console)
        let lines = console.grid.lines
        #expect(lines[1].hasPrefix("40 codes, up to 1008 retries, 600 s apart"))
        #expect(lines[2] .hasPrefix("from the ConfigMgr defaults (no site control file loaded)"))
        // The fixture's "Program exit code 999" is seen.
        #expect(Self.pane(console).seen[999]?.count == 1)
        console.press(.enter)  // code 4: never seen
        #expect(console.screen.contains("no program exited with 4 in the loaded execmgr logs"))
        console.press(.character("x"))
        #expect(console.screen.contains("ERROR_TOO_MANY_OPEN_FILES"))
    }
}
