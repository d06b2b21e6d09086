import Foundation
import Testing

/// The Diagnostics and Compliance panes in the real binary, in tmux at 120×40 on the Samples workspace.
@Suite(.serialized, .enabled(if: TmuxHarness.shouldRun)) struct AnalysisPanes2TmuxTests {
    static let samples = TmuxHarness.repository.appendingPathComponent("Samples").path

    @Test func diagnosticsDrillsFromAFindingToItsLogLine() throws {
        let t = try TmuxHarness.console(Self.samples)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("6")
        var screen = try t.wait(forText: "11 findings (3 errors, 8 warnings) for all clients")
        #expect(screen.contains("ERR BUILD-CAP-01") && screen.contains("Install Software Updates hangs"))
        _ = try t.press("Enter")
        screen = try t.wait(forText: "Evidence: 57 lines")
        #expect(screen.contains("Fix: Give the build network an IP address range boundary"))
        try t.send(contentsOf: Array(repeating: "j", count: 5))
        screen = try t.wait(forText: "evidence 6/57")
        _ = try t.press("Enter")
        screen = try t.wait(for: "the Logs pane on smsts.log:54") { $0.contains("BUILD-CAP-01 · ") && $0.contains("READY") }
        #expect(screen.contains("smsts.log:54"))
        #expect(screen.contains("Installing Update 1 of 12"))
        // Esc comes back to the finding, on the same evidence line.
        _ = try t.press("Escape")
        screen = try t.wait(forText: "evidence 6/57")
        #expect(screen.contains("Evidence: 57 lines"))
    }

    @Test func complianceListsAKBsClientsAndShowsItsQueries() throws {
        let t = try TmuxHarness.console(Self.samples)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("7")
        var screen = try t.wait(forText: "3 KBs, 12 clients in the inventory")
        #expect(screen.contains("KB2444668") && screen.contains("SmsInventory"))
        _ = try t.press("Enter")
        screen = try t.wait(forText: "KB977384: 3 missing, 1 unknown, 8 installed")
        #expect(screen.contains("LAP-EXEC-001") && screen.contains("version 4.00.6487.2000"))
        _ = try t.press("Q")
        screen = try t.wait(forText: "Collection queries for KB977384")
        #expect(screen.contains("SMS_G_System_SMS_ADVANCED_CLIENT_STATE.Version in (\"4.00.6487.2000\")"))
        #expect(screen.contains("FROM dbo.v_R_System R"))
    }
}
