import Foundation
import Testing

/// The real binary in tmux at 120×40, TZ=UTC, on the fixture workspace (two clients, an ESC
/// sequence and a CJK message). Under CI=true a missing tmux fails these tests.
@Suite(.serialized, .enabled(if: TmuxHarness.shouldRun)) struct ConsoleTmuxTests {
    let fixtures = TmuxHarness.fixtures

    @Test func opensMovesDrillsInAndQuits() throws {
        let t = try TmuxHarness.console(fixtures + "; echo EXIT=$?; sleep 60")
        defer { t.kill() }
        var screen = try t.wait(forText: "READY")
        #expect(screen.contains("1 Clients") && screen.contains("2 Logs") && screen.contains("Stale systems"))
        #expect(screen.contains("PC-ALPHA") && screen.contains("PC-BETA"))
        _ = try t.press("j")
        _ = try t.press("l")  // Enter opens the client; l its logs
        screen = try t.wait(for: "PC-ALPHA's logs") { $0.contains("PC-ALPHA · 1/7") && $0.contains("READY") }
        #expect(screen.contains("Execution Request for package AB100012"))
        #expect(!screen.contains("Download started"))  // PC-BETA's
        _ = try t.press("Escape")
        screen = try t.wait(forText: "2 clients · 11 records")
        _ = try t.send("q")
        screen = try t.wait(forText: "EXIT=0")
        #expect(try t.tmux("display-message", "-p", "-t", "t", "#{alternate_on}").hasPrefix("0"))
        #expect(!screen.contains("READY"))  // the console's screen is gone
    }

    @Test func searchesFiltersAndShowsHostileTextEscaped() throws {
        let t = try TmuxHarness.console(fixtures)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("2")
        var screen = try t.wait(forText: "all clients · 1/11")
        #expect(screen.contains("^[[31mRED^[[0m"))
        #expect(screen.contains("インストールに失敗しました 日本語"))
        // Wide characters take two columns: the row is as wide as the others up to the message.
        let rows = screen.split(separator: "\n").map(String.init)
        let cjk = rows.first { $0.contains("インストール") }!
        // One day and one offset in the fixtures: the time alone, the day in the status line.
        #expect(cjk.hasPrefix(" 10:15:05.000 E PC-BETA"), "\(cjk)")
        _ = try t.press("/")
        try t.type("exit code")
        _ = try t.press("Enter")
        screen = try t.wait(for: "the first match") { $0.contains("all clients · 8/11") && $0.contains("/exit code/") }
        _ = try t.press("n")
        screen = try t.wait(forText: "all clients · 9/11")
        _ = try t.press("f")
        try t.type("level>=warning")
        _ = try t.press("Enter")
        screen = try t.wait(for: "the filtered view") { $0.contains("of 11") && $0.contains("filter: level>=warning") && $0.contains("READY") }
        #expect(screen.contains("/6 of 11"))
        #expect(!screen.contains("Download started"))
        _ = try t.press("c")
        screen = try t.wait(for: "the unfiltered view") { !$0.contains("filter:") && $0.contains("/11") && $0.contains("READY") }
        #expect(screen.contains("Download started"))
    }

    @Test func followsResizes() throws {
        let t = try TmuxHarness.console(fixtures)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        try t.tmux("resize-window", "-t", "t", "-x", "80", "-y", "24")
        var screen = try t.wait(for: "an 80×24 frame") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 23 && lines[22].contains("READY") && lines.allSatisfy { $0.count <= 80 }
        }
        #expect(screen.contains("PC-ALPHA"))
        try t.tmux("resize-window", "-t", "t", "-x", "120", "-y", "40")
        screen = try t.wait(for: "a 120×40 frame") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 39 && lines[38].contains("READY")
        }
        #expect(screen.contains("Stale systems"))
    }

    @Test func coloursFollowTheTerminalAndNoColor() throws {
        for (environment, expectsPalette, expectsColour) in [("TERM=tmux-256color", true, true),
                                                             ("TERM=tmux-256color NO_COLOR=1", false, false),
                                                             ("TERM=screen", false, true),
                                                             ("TERM=vt100", false, false)] {
            let t = try TmuxHarness.console(fixtures, environment: environment)
            defer { t.kill() }
            _ = try t.wait(forText: "READY")
            let styled = t.captureStyled()
            #expect(styled.contains("38;5;") == expectsPalette, "\(environment)")
            let eightColour = styled.contains("\u{1B}[3") || styled.contains(";3") || styled.contains("\u{1B}[4")
            #expect(eightColour || styled.contains("38;5;") == expectsColour, "\(environment)")
            #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m") || expectsColour, "\(environment): reverse video marks the bars")
        }
    }

    @Test func colonOpenLoadsAnotherWorkspace() throws {
        let t = try TmuxHarness.console(fixtures + "/PC-BETA")
        defer { t.kill() }
        _ = try t.wait(forText: "1 client · 4 records")
        _ = try t.press("2")
        _ = try t.wait(forText: "all clients · 1/4")
        _ = try t.press(":")
        try t.type("open " + fixtures)
        _ = try t.press("Enter")
        let screen = try t.wait(for: "the bigger workspace") { $0.contains("all clients · 1/11") && $0.contains("READY") }
        #expect(screen.contains("PC-ALPHA"))
    }

    /// The shell records `stty -g` before and after; the console must leave the modes as it found them.
    /// ILL is what a Swift trap (fatalError, an overflow) raises on Linux: the crash path.
    @Test(arguments: ["C-c", "TERM", "HUP", "ILL"]) func signalsRestoreTheTerminal(how: String) throws {
        let dir = NSTemporaryDirectory() + "cmlens-stty-\(getpid())-\(how)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try TmuxHarness.console(fixtures) { run in
            // The shell traps SIGINT so that Ctrl-C, sent to the whole foreground group, leaves it alive
            // to report; the console resets the trap to its own handler. `sleep` keeps the pane
            // readable (tmux blanks a dead pane).
            "sh -c 'trap : INT; stty -g > \(dir)/before; \(run); echo EXIT=$? > \(dir)/exit; stty -g > \(dir)/after; echo DONE; sleep 60'"
        }
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        if how == "C-c" {
            try t.send("C-c")
        } else {
            let shell = t.panePID
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            let app = Int32(children.split(separator: " ").first ?? "") ?? 0
            #expect(app > 0)
            kill(app, ["TERM": SIGTERM, "HUP": SIGHUP, "ILL": SIGILL][how]!)
        }
        _ = try t.wait(forText: "DONE")
        let before = try String(contentsOfFile: dir + "/before", encoding: .utf8)
        let after = try String(contentsOfFile: dir + "/after", encoding: .utf8)
        let exit = try String(contentsOfFile: dir + "/exit", encoding: .utf8)
        #expect(before == after)
        let expected = ["C-c": "EXIT=130", "TERM": "EXIT=143", "HUP": "EXIT=129", "ILL": "EXIT=132"][how]!
        #expect(exit.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
        #expect(try t.tmux("display-message", "-p", "-t", "t", "#{alternate_on}").hasPrefix("0"))
    }
}
