import Foundation
import Testing

/// The Logs pane as a person uses it, through the real binary in tmux: one log opened by name
/// lands in the Logs pane; a search highlights its matches; z wraps; :goto jumps; ← → scroll.
@Suite(.serialized, .enabled(if: TmuxHarness.shouldRun)) struct LogViewTmuxTests {
    static let execmgr = TmuxHarness.repository.appendingPathComponent("Samples/WKS-LAB-007/execmgr.log").path

    @Test func oneLogOpensInTheLogsPaneAndReadsWell() throws {
        let t = try TmuxHarness.console("'\(Self.execmgr)'")
        defer { t.kill() }
        var screen = try t.wait(forText: "READY")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The Logs pane, one client: no Client column, and the message starts before column 40.
        #expect(lines[1].hasPrefix(" Time") && lines[1].contains("Message") && !lines[1].contains("Client"), "\(lines[1])")
        let message = try #require(lines[1].range(of: "Message"))
        #expect(lines[1].distance(from: lines[1].startIndex, to: message.lowerBound) < 40)
        _ = try t.press("/")
        try t.type("exit code")
        screen = try t.press("Enter")
        screen = try t.wait(for: "the first match") { $0.contains("/exit code/") && $0.contains("READY") }
        // The match is drawn in its own colour: in the styled capture a colour change stands right
        // before "exit code" on the selected line, and the plain text before it has none.
        let styled = t.captureStyled()
        #expect(styled.range(of: #"\x1B\[[0-9;]*m[Ee]xit code"#, options: .regularExpression) != nil, "\(styled)")
        _ = try t.press("z")
        screen = try t.wait(forText: "WRAP")
        _ = try t.press(":")
        try t.type("goto 11:00")
        _ = try t.press("Enter")
        // The log's last hour: the first record at or after 11:00 on its day is on screen.
        screen = try t.wait(for: "the jump to 11:00") { $0.contains(" 11:") && !$0.contains(":goto") }
        let selected = try #require(screen.split(separator: "\n").first { $0.contains(" 11:") })
        #expect(selected.contains("11:0") || selected.contains("11:1") || selected.contains("11:2"), "\(selected)")
        try t.send("q")
    }
}
