import Foundation
import Testing

/// The analysis panes in the real binary, in tmux at 120×40 on the Samples workspace.
@Suite(.serialized, .enabled(if: TmuxHarness.shouldRun)) struct AnalysisPanesTmuxTests {
    static let samples = TmuxHarness.repository.appendingPathComponent("Samples").path

    /// BUILD-CAP-01's task sequence, after the programs: Enter opens it at the step its log ends in.
    @Test func timelineOpensTheTaskSequenceWhereItStopped() throws {
        let t = try TmuxHarness.console(Self.samples)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("3")
        var screen = try t.wait(forText: "1/7 executions")
        #expect(screen.contains("[TS] task sequence in smsts.log") && screen.contains("[Updates] software updates"))
        _ = try t.press("G")
        _ = try t.press("k")
        _ = try t.press("Enter")
        screen = try t.wait(forText: "★ the verdict rests on this step")
        #expect(screen.contains("Task sequence: task sequence in smsts.log") && screen.contains("Install Software Updates"))
        #expect(screen.contains("step 16/16"))
    }

    @Test func timelineStepsThroughTheExit999ProgramToItsPredictedRetry() throws {
        let t = try TmuxHarness.console(Self.samples)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("3")
        var screen = try t.wait(forText: "1/7 executions")
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
        // Esc comes back to the same step.
        _ = try t.press("Escape")
        screen = try t.wait(forText: "Step 10 of 19")
        #expect(screen.contains("next retry  due 2011-01-13 09:46:40.827-05:00"))
    }

    @Test func explainPopupOnTypedCodesAndOnALogRecord() throws {
        let t = try TmuxHarness.console(Self.samples)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press(":")
        try t.type("explain 1618")
        _ = try t.press("Enter")
        // Waits for the verdict line too: under load a capture can catch the popup half drawn.
        var screen = try t.wait(for: "the popup and its verdict") {
            $0.contains("ERROR_INSTALL_ALREADY_RUNNING") && $0.contains("ConfigMgr retried")
        }
        #expect(screen.contains("Explain 1618"))
        #expect(screen.contains("sitectrl.ct0"))  // the workspace's policy
        // / in the popup searches the logs for the code: WKS-ACCT-014's exit 1618.
        _ = try t.press("/")
        screen = try t.wait(for: "the first 1618 in the logs") { $0.contains("READY") && $0.contains("exit code 1618") }
        #expect(!screen.contains("ERROR_INSTALL_ALREADY_RUNNING"))
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
        // The line's own log is the place: the updates handler's status, no program's exit code.
        screen = try t.wait(for: "the verdict for the updates log") { $0.contains("ConfigMgr Met in UpdateHandler.log") }
        #expect(screen.contains("(software updates)"))
        #expect(!screen.contains("not retried"))
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

    @Test func staleSystemsRunsTheCheckOnEnterAndExportsCSV() throws {
        let t = try TmuxHarness.console(Self.samples)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("5")
        var screen = try t.wait(forText: "Enter looks every name up in DNS")
        #expect(screen.contains("15 names from") && screen.contains("sys.txt"))
        _ = try t.press("Enter")
        // Whatever DNS answers here (nothing knows these names), every name gets a row and a status.
        screen = try t.wait(for: "the table", timeout: 30) { $0.contains("suggest stale") && $0.contains("READY") }
        #expect(screen.contains("Name") && screen.contains("Reverse") && screen.contains("Status"))
        for name in ["WKS-ACCT-014", "WKS-HR-021", "LAP-SALES-003", "PRN-SRV-02"] { #expect(screen.contains(name)) }
        let statuses = ["OK", "IP registered to another system", "Could not Resolve IP", "IP Address not found in reverse zone",
                        "DNS query timed out", "DNS server failure"]
        #expect(statuses.contains { screen.contains($0) })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-stale-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        _ = try t.press(":")
        try t.type("export " + file)
        _ = try t.press("Enter")
        _ = try t.wait(forText: "wrote 15 rows to")
        let csv = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 16 && csv[0] == "Name,IP,Reverse,Status")
    }
}

extension TmuxHarness {
    func send(contentsOf keys: [String]) throws {
        _ = try Self.spawn([Self.tmux ?? "tmux", "-L", socket, "send-keys", "-t", "t"] + keys)
    }
}
