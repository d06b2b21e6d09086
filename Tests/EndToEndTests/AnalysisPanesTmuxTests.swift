import Foundation
import Testing

/// The analysis panes in the real binary, in tmux at 120×40 on the Samples workspace.
@Suite(.serialized, .enabled(if: TmuxHarness.shouldRun)) struct AnalysisPanesTmuxTests {
    static let samples = TmuxHarness.repository.appendingPathComponent("Samples").path

    @Test func timelineStepsThroughTheExit999ProgramToItsPredictedRetry() throws {
        let t = try TmuxHarness.console(Self.samples)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("3")
        var screen = try t.wait(forText: "1/5 programs")
        #expect(screen.contains("Office 2010 Setup, Silent") && screen.contains("Waiting to retry"))
        #expect(screen.contains("Visio Viewer 2010") && screen.contains("Failed, final"))
        _ = try t.press("j")
        _ = try t.press("Enter")
        screen = try t.wait(forText: "Step 1 of 19")
        for _ in 0..<30 where !screen.contains("transition  FailureRetry → WaitingRetry") {
            screen = try t.press("Right")
        }
        #expect(screen.contains("Step 10 of 19"))
        #expect(screen.contains("next retry  due 2011-01-13 09:46:40.827-05:00"))
        #expect(screen.contains("attempts    run 1 of 1009 allowed"))
        // x explains the step's exit code; Esc closes it; Enter opens the line in the Logs pane.
        _ = try t.press("x")
        screen = try t.wait(forText: "ERROR_SWAPERROR")
        _ = try t.press("Escape")
        _ = try t.press("Enter")
        screen = try t.wait(for: "the Logs pane on the line") { $0.contains("WKS-ACCT-014 · ") && $0.contains("READY") }
        #expect(screen.contains("─ ") && screen.contains("execmgr.lo_:"))
        #expect(screen.contains("state change from FailureRetry") && screen.contains("09:31:40.967"))
    }

    @Test func explainPopupOnTypedCodesAndOnALogRecord() throws {
        let t = try TmuxHarness.console(Self.samples)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press(":")
        try t.type("explain 1618")
        _ = try t.press("Enter")
        var screen = try t.wait(forText: "ERROR_INSTALL_ALREADY_RUNNING")
        #expect(screen.contains("Explain 1618") && screen.contains("ConfigMgr retried"))
        #expect(screen.contains("sitectrl.ct0"))  // the workspace's policy
        _ = try t.press("Escape")
        screen = try t.wait(for: "the popup to close") { !$0.contains("ERROR_INSTALL_ALREADY_RUNNING") }
        // A log record: search for the 0x80040669 errors, then x.
        _ = try t.press("2")
        _ = try t.press("/")
        try t.type("0x80040669")
        _ = try t.press("Enter")
        _ = try t.wait(for: "the match") { $0.contains("/0x80040669/") && $0.contains("READY") }
        _ = try t.press("x")
        screen = try t.wait(forText: "Explain: 1 error code")
        #expect(screen.contains("0x80040669 — HRESULT (failure)"))
        #expect(screen.contains("facility 4 (0x4) FACILITY_ITF"))
        #expect(screen.contains("= -2147219863"))
        #expect(screen.contains("not retried"))
    }

    @Test func retryCodesMarksSeenCodesAndListsWhereTheyOccur() throws {
        let t = try TmuxHarness.console(Self.samples)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("4")
        var screen = try t.wait(forText: "40 retry codes · 2 seen in the logs")
        #expect(screen.contains("40 codes, up to 1008 retries, 600 s apart"))
        #expect(screen.contains("from the site control file") && screen.contains("sitectrl.ct0"))
        // Code 999 is the 24th row.
        try t.send(contentsOf: Array(repeating: "j", count: 23))
        screen = try t.wait(forText: "─ 999 seen 2 times")
        #expect(screen.contains("ERROR_SWAPERROR"))
        _ = try t.press("Enter")
        screen = try t.wait(forText: "Exit code 999: 2 lines")
        #expect(screen.contains("WKS-ACCT-014/execmgr.lo_:") && screen.contains("WKS-ACCT-014/execmgr.log:"))
        _ = try t.press("Enter")
        screen = try t.wait(for: "the Logs pane") { $0.contains("WKS-ACCT-014 · ") && $0.contains("READY") }
        #expect(screen.contains("Program exit code 999"))
    }
}

extension TmuxHarness {
    func send(contentsOf keys: [String]) throws {
        _ = try Self.spawn([Self.tmux ?? "tmux", "-L", socket, "send-keys", "-t", "t"] + keys)
    }
}
