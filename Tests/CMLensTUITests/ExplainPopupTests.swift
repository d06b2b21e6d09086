import CMLensCore
import Testing
@testable import CMLensTUI

@Suite struct ExplainPopupTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    @Test(arguments: sizes) func xOnALogRecordExplainsItsExitCode(size: Size) {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"))
        // The fixture's "Program exit code 999", at 10:15:09.400: fifth in time order.
        console.press(.down, .down, .down, .down)
        #expect(console.logs.selected.map { console.state.context.workspace!.records[$0].message } == "Program exit code 999")
        console.press(.character("x"))
        let lines = console.grid.lines
        #expect(lines[1].contains("Explain: 1 error code"))
        #expect(lines.contains { $0.contains("999") && $0.contains("Win32 error 999") && $0.contains("(exit code)") })
        #expect(lines.contains { $0.contains("ERROR_SWAPERROR") })
        #expect(lines.contains { $0.contains("0x000003E7 = 999") })
        #expect(lines.contains { $0.contains("ConfigMgr") && $0.contains("retried") })
        // The line's own log is the place: a package's program, judged by the retry list.
        #expect(lines.contains { $0.contains("met in") && $0.contains("execmgr") && $0.contains("retry list") })
        #expect(lines.contains { $0.contains("Esc closes") })
        // Esc closes the popup and leaves the Logs pane where it was.
        console.press(.escape)
        #expect(console.state.popup == nil)
        #expect(console.screen.contains("Program exit code 999"))
        #expect(console.state.focus == PaneRegistry.index(of: LogsPane.id))
    }

    @Test(arguments: sizes) func explainCommandDecodesAnHRESULT(size: Size) {
        var console = ConsoleFixture(size: size)
        console.command("explain 0x80070005")
        let lines = console.grid.lines
        #expect(lines[1].contains("Explain 0x80070005"))
        #expect(lines.contains { $0.contains("E_ACCESSDENIED") || $0.contains("ERROR_ACCESS_DENIED") })
        #expect(lines.contains { $0.contains("-2147024891") })       // the negative form
        #expect(lines.contains { $0.contains("Win32") && $0.contains("5") })  // the HRESULT's Win32 code
        // The rows of the popup take the popup role.
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        #expect(roles[3].contains(Role.popup.letter) || roles[3].contains(Role.header.letter))
    }

    @Test func explainCommandDescribesALog() {
        var console = ConsoleFixture(size: Size(columns: 120, lines: 40))
        console.command("explain AppEnforce-20110315-140500.log")
        #expect(console.screen.contains("a rotated copy of AppEnforce.log"))
        #expect(console.screen.contains("Records details about enforcement actions (install and uninstall)"))
        #expect(console.screen.contains("Log file reference"))
        console.press(.escape)
        console.command("explain nosuch.log")
        #expect(console.screen.contains("nosuch.log — unknown log"))
    }

    @Test func popupLinesTakeTheRoleOfTheirMeaning() throws {
        let e = ErrorExplainer().explain(value: 1603, context: ExplanationContext(log: "AppEnforce.log"))
        let lines = ExplainPopup.block(e, exit: true)
        #expect(lines.first?.role == .header && lines.first?.text.hasSuffix("(exit code)") == true)
        let verdict = try #require(lines.first { $0.text.contains("ConfigMgr failure.") })
        #expect(verdict.role == .error)
        #expect(lines.contains { $0.role == .dim && $0.text.contains("source") })
        let fastRetry = ExplainPopup.block(ErrorExplainer().explain(value: 1618, context: ExplanationContext(log: "AppEnforce.log")),
                                           exit: true)
        #expect(fastRetry.contains { $0.role == .warning && $0.text.contains("Fast Retry") })
    }

    @Test func explainCommandSaysWhatIsWrongWithABadCode() {
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24))
        console.command("explain banana")
        #expect(console.state.popup != nil)
        #expect(console.grid.lines[2].trimmingCharacters(in: .whitespaces).isEmpty == false)
    }

    @Test func aLineWithoutACodeSaysSo() {
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24))
        console.press(.character("2"))
        console.press(.character("x"))  // "Download started for content AB100012.1"
        #expect(console.screen.contains("Explain: no error code"))
        #expect(console.screen.contains(":explain CODE"))
    }

    @Test func aLongPopupScrollsAndAnyOtherKeyClosesIt() {
        var console = ConsoleFixture(size: Size(columns: 80, lines: 10))
        console.command("explain 1618")
        let before = console.state.popup!.scroll
        console.press(.character("j"))
        #expect(console.state.popup!.scroll == before + 1)
        #expect(console.screen.contains("j/k scroll"))
        console.press(.character("q"))
        #expect(console.state.popup == nil)
        #expect(!console.state.wantsQuit)
    }

    @Test func xInAPaneWithNothingToExplainSaysSo() {
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24))
        console.press(.character("x"))  // the Clients pane
        #expect(console.state.popup == nil)
        #expect(console.screen.contains("explain: not available in the Clients pane"))
    }

    @Test func explainIsInTheKeyTableAndTheLogsHints() {
        #expect(KeyBindings.standard.command(for: .character("x")) == .explain(nil))
        #expect(Command.parse("explain 1618") == .explain("1618"))
        var console = ConsoleFixture(size: Size(columns: 120, lines: 40))
        console.press(.character("2"))
        #expect(console.grid.lines[39].contains("x explain"))
    }
}

@Suite struct ExplainPopupSearchTests {
    @Test func slashInThePopupFindsTheCodeInTheLogs() {
        var console = AnalysisFixture.console(size: Size(columns: 120, lines: 40))
        console.command("explain 0x80040669")
        #expect(console.screen.contains("/ finds these codes in the logs"))
        console.press(.character("/"))
        #expect(console.state.popup == nil)
        #expect(console.state.focus == PaneRegistry.index(of: LogsPane.id))
        let record = console.state.context.workspace!.records[console.logs.selected!]
        #expect(record.message.lowercased().contains("0x80040669"))
        #expect(record.client == "BUILD-CAP-01")
        console.press(.character("n"))
        let next = console.state.context.workspace!.records[console.logs.selected!]
        #expect(next.message.lowercased().contains("0x80040669"))
        #expect(next.line != record.line || next.file != record.file)
    }

    @Test func theSearchMatchesEveryFormOfACodeAndNoPartOfANumber() throws {
        let pattern = try #require(ExplainPopup.searchPattern([0x8007_0005, 1618]))
        let search = try TextPattern(pattern)
        for text in ["hr=0x80070005", "error 80070005", "(-2147024891)", "2147942405", "exit code 1618", "0X80070005"] {
            #expect(!search.columnRanges(in: text).isEmpty, "\(text)")
        }
        for text in ["21618", "16180", "1618abc", "0x800700051", "10:16:18"] {
            #expect(search.columnRanges(in: text).isEmpty, "\(text)")
        }
    }
}
