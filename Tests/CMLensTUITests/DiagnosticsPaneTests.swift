import CMLensCore
import Testing
@testable import CMLensTUI

@Suite struct DiagnosticsPaneTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    static func pane(_ console: ConsoleFixture) -> DiagnosticsPane {
        console.state.panes[PaneRegistry.index(of: DiagnosticsPane.id)!] as! DiagnosticsPane
    }

    @Test(arguments: sizes) func samplesListFindingsMostSevereFirst(size: Size) {
        var console = AnalysisFixture.console(size: size)
        AnalysisFixture.show(DiagnosticsPane.id, in: &console)
        let lines = console.grid.lines
        #expect(lines[1].hasPrefix("11 findings (") && lines[1].contains("for all clients"))
        #expect(lines[2].contains("Sev") && lines[2].contains("Finding"))
        #expect(lines[3].hasPrefix(" ERR BUILD-CAP-01") && lines[3].contains("Install Software Updates hangs"))
        // Errors before warnings.
        let severities = lines.compactMap { $0.hasPrefix(" ERR ") ? 2 : $0.hasPrefix(" WRN ") ? 1 : nil }
        #expect(severities == severities.sorted(by: >) && severities.count >= 4)
        #expect(lines.contains { $0.hasPrefix(" ERR WKS-ACCT-014") })
        #expect(lines.contains { $0.hasPrefix("─ updates-no-boundary-in-task-sequence: Enter shows") })
        #expect(lines[size.lines - 2].contains("11 findings") && lines[size.lines - 2].hasSuffix("READY"))
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        #expect(roles[3].allSatisfy { $0 == Role.selection.letter })
    }

    @Test(arguments: sizes) func enterShowsTheFindingAndAnEvidenceLineOpensInLogs(size: Size) {
        var console = AnalysisFixture.firstFindingOpen(size: size)
        var lines = console.grid.lines
        #expect(lines[1].hasPrefix("ERR BUILD-CAP-01: Install Software Updates hangs"))
        #expect(lines[2].hasPrefix(" The updates handler could not get the update content (0x80040669"))
        if size.lines >= 40 { #expect(lines.contains { $0.hasPrefix(" Fix: Give the build network an IP address range boundary") }) }
        let header = lines.firstIndex { $0.hasPrefix(" Evidence: 57 lines") }
        #expect(header != nil)
        #expect(lines[header! + 1].hasPrefix(" BUILD-CAP-01/LocationServices.log:2  "))
        #expect(lines[size.lines - 2].contains("evidence 1/57"))
        // The sixth evidence line: smsts.log:54, "Installing Update 1 of 12".
        console.press(.down, .down, .down, .down, .down, .enter)
        #expect(console.state.focus == PaneRegistry.index(of: LogsPane.id))
        #expect(console.state.context.client == "BUILD-CAP-01")
        let record = console.state.context.workspace!.records[console.logs.selected!]
        #expect(record.file.hasSuffix("BUILD-CAP-01/smsts.log") && record.line == 54)
        #expect(record.message.contains("Installing Update 1 of 12"))
        // Esc back to the finding (on that line), Esc again to the list.
        console.press(.escape)
        #expect(console.state.focus == PaneRegistry.index(of: DiagnosticsPane.id))
        lines = console.grid.lines
        #expect(lines[1].hasPrefix("ERR BUILD-CAP-01"))
        console.press(.escape)
        #expect(console.grid.lines[2].contains("Sev"))
    }

    @Test func xExplainsTheFindingsCodesAndAClientShowsItsOwn() {
        var console = AnalysisFixture.console(size: Size(columns: 100, lines: 30))
        AnalysisFixture.show(DiagnosticsPane.id, in: &console)
        console.press(.character("x"))
        #expect(console.screen.contains("ERROR_NO_SUCH_DOMAIN"))
        console.press(.escape)
        // Only WKS-ACCT-014's findings once it is the selected client: the certificate loop, the retry loop.
        console.state.context.client = "WKS-ACCT-014"
        let pane = Self.pane(console)
        let own = pane.shown(console.state.context)
        #expect(!own.isEmpty && own.allSatisfy { $0.client == "WKS-ACCT-014" })
        #expect(own.contains { $0.rule.contains("certificate") } && own.contains { $0.rule.contains("retry") })
    }
}
