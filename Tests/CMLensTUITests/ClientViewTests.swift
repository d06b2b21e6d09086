import CMLensCore
import Testing
@testable import CMLensTUI

/// The Client pane (Enter on a client) and the Compare pane (m marks, C compares) on Samples.
@Suite struct ClientViewTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    /// The Clients pane's rows: (all clients), BUILD-CAP-01, SITE-SERVER, WKS-ACCT-014, WKS-LAB-007.
    static func openClient(_ row: Int, size: Size) -> ConsoleFixture {
        var console = AnalysisFixture.console(size: size)
        for _ in 0..<row { console.press(.down) }
        console.press(.enter)
        return console
    }

    static func pane(_ console: ConsoleFixture) -> ClientPane {
        console.state.panes[PaneRegistry.index(of: ClientPane.id)!] as! ClientPane
    }

    @Test(arguments: sizes) func enterOnAClientShowsWhatIsWrongWithIt(size: Size) throws {
        let console = Self.openClient(3, size: size)
        #expect(console.state.focus == PaneRegistry.index(of: ClientPane.id))
        #expect(console.state.context.client == "WKS-ACCT-014")
        let lines = console.grid.lines
        #expect(lines[1].hasPrefix(" WKS-ACCT-014  ResourceID 16777234 · client 4.00.6487.2155"))
        #expect(lines[2] == " Wrong: 2 failing programs · 2 KBs missing · 1 error finding")
        #expect(lines[3].hasPrefix("─ Hotfixes: 2 missing, 0 unknown, 1 installed"))
        #expect(lines[4].hasPrefix(" missing   KB978754   SmsOSDeployment") && lines[4].contains("4.00.6487.2000 < 4.0.6487.2115"))
        #expect(lines[6].hasPrefix(" installed KB977384"))
        #expect(lines[7].hasPrefix("─ Programs: 2 of 3 failing"))
        let office = try #require(lines.first { $0.contains("Office 2010 Setup, Silent") })
        #expect(office.hasPrefix(" Waiting to retry Office 2010 Setup, Silent"))
        #expect(office.hasSuffix(size.columns >= 120 ? "run 2 of 1009 · next 2011-01-13 10:22:12" : "run 2/1009 · next 01-13 10:22"))
        #expect(lines.contains { $0.hasPrefix(" ERR  SMS certificate missing from the store") })
        #expect(lines.contains { $0.hasPrefix("─ Logs: 4, 204 errors, 13 warnings") })
        // The first KB row is selected, and its detail below says where the version comes from.
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        #expect(roles[4].allSatisfy { $0 == Role.selection.letter })
        #expect(roles[2].contains(Role.error.letter))
        #expect(lines.contains { $0.contains("has SmsOSDeployment 4.00.6487.2000, needs 4.0.6487.2115") })
        #expect(lines.contains { $0.contains("(v_GS_SMS_ADVANCED_CLIENT_STAT.csv:6)") })
        #expect(lines[size.lines - 2].hasPrefix(" WKS-ACCT-014 · 1/22") && lines[size.lines - 2].hasSuffix("READY"))
        if size.lines >= 40 {
            #expect(lines.contains { $0.hasPrefix(" execmgr.log") && $0.contains("130 rec") && $0.contains("2011-01-13 10:23:52.747-05:00") })
            #expect(lines.contains { $0.hasPrefix("─ Components: 9") })
        }
    }

    @Test(arguments: sizes) func enterOnAProgramStepsThroughItAndEscComesBack(size: Size) throws {
        var console = Self.openClient(3, size: size)
        console.press(.right)  // the Programs section
        console.press(.down)   // Office 2010 Setup, Silent
        console.press(.enter)
        #expect(console.state.focus == PaneRegistry.index(of: TimelinePane.id))
        let screen = console.screen
        #expect(screen.contains("Office 2010 Setup, Silent") && screen.contains("Step 19 of 19  ★ the verdict rests on this step"))
        #expect(screen.contains("next retry  due 2011-01-13 10:22:12.406-05:00"))
        console.press(.escape)
        #expect(console.state.focus == PaneRegistry.index(of: ClientPane.id))
        #expect(console.grid.lines.contains { $0.hasPrefix(" Waiting to retry Office 2010") })
        // The Timeline pane was left on its list, not on the program.
        let timeline = console.state.panes[PaneRegistry.index(of: TimelinePane.id)!] as! TimelinePane
        #expect(timeline.levels.top == nil)
    }

    @Test func enterOnAFindingALogAndAKBOpensTheirPanes() throws {
        var console = Self.openClient(3, size: Size(columns: 120, lines: 40))
        console.press(.right, .right)  // Findings
        console.press(.enter)
        #expect(console.state.focus == PaneRegistry.index(of: DiagnosticsPane.id))
        #expect(console.screen.contains("WKS-ACCT-014: SMS certificate missing from the store"))
        #expect(console.screen.contains("Evidence: 233 lines"))
        console.press(.escape)
        #expect(console.state.focus == PaneRegistry.index(of: ClientPane.id))
        // Logs: the third, execmgr.log, alone (with its rotation).
        console.press(.right, .down, .down, .enter)
        #expect(console.state.focus == PaneRegistry.index(of: LogsPane.id))
        #expect(console.logs.filter.files == ["execmgr.log"])
        #expect(console.logs.view.count == 130)
        #expect(console.grid.lines[38].hasPrefix(" WKS-ACCT-014 · 1/130 of 443 · filter: file=execmgr.log"))
        console.press(.escape)
        // l: all its logs; the file filter goes.
        console.press(.character("l"))
        #expect(console.logs.view.count == 443 && console.logs.filter.isEmpty)
        console.press(.escape)
        // A KB: the Compliance pane lists its clients, on this one.
        console.press(.character("g"), .enter)
        #expect(console.state.focus == PaneRegistry.index(of: CompliancePane.id))
        let lines = console.grid.lines
        #expect(lines[2].hasPrefix(" KB978754: 4 missing"))
        let selected = try #require(lines.indices.first { console.grid[2, $0].role == .selection && $0 > 2 })
        #expect(lines[selected].contains("WKS-ACCT-014"))
        console.press(.escape)
        #expect(console.state.focus == PaneRegistry.index(of: ClientPane.id))
    }

    @Test func xExplainsTheSelectedProgramsExitCode() {
        var console = Self.openClient(3, size: Size(columns: 80, lines: 24))
        console.press(.right, .down, .character("x"))
        #expect(console.state.popup?.title == "Explain: 1 error code")
        #expect(console.screen.contains("ERROR_SWAPERROR"))
    }

    @Test(arguments: sizes) func aMachineOnlyInTheInventoryOpensFromTheComplianceList(size: Size) throws {
        var console = AnalysisFixture.console(size: size)
        AnalysisFixture.show(CompliancePane.id, in: &console)
        console.press(.enter, .enter)  // KB977384, its first missing client: LAP-EXEC-001
        #expect(console.state.focus == PaneRegistry.index(of: ClientPane.id))
        let lines = console.grid.lines
        #expect(lines[1].hasPrefix(" LAP-EXEC-001  ResourceID 16777281"))
        #expect(lines[2] == " Wrong: 3 KBs missing · 1 warning finding")
        #expect(lines[3] == " No logs of LAP-EXEC-001: its programs and log activity are unknown.")
        #expect(lines.contains("   Unknown: no logs."))
        #expect(lines.contains("   None in the workspace."))
        console.press(.character("l"))
        #expect(console.state.message == "no logs of LAP-EXEC-001 are in the workspace")
        console.press(.escape)
        #expect(console.state.focus == PaneRegistry.index(of: CompliancePane.id))
    }

    @Test func theClientPaneWithNoClientSaysHowToOpenOne() {
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        AnalysisFixture.show(ClientPane.id, in: &console)
        #expect(console.grid.lines[1].hasPrefix("No client opened: Enter on a client in the Clients pane"))
        #expect(!console.state.context.isRunning(ClientPane.id))  // nothing is computed before a client is opened
    }
}
