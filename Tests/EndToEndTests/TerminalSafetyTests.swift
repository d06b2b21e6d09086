import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Log bytes must never drive the terminal. A workspace whose logs, file names, inventory, machine
/// list and site control folder carry ESC/CSI/OSC/DCS sequences, C1 controls (as U+009B and as a raw
/// 0x9B byte) and bidi overrides is put through every subcommand with its output on a terminal
/// (tmux), and through the console: the screen shows the sequences escaped, carries no attribute
/// they would set, and the pane's title and window name stay as they were.
@Suite(.serialized, .enabled(if: TmuxHarness.shouldRun)) struct TerminalSafetyTests {
    static let esc = "\u{1B}"
    /// Each sets something visible if it reaches the terminal: the title (OSC 0/2, and OSC inside
    /// tmux's DCS passthrough), the window name (ESC k), blink + strikethrough + magenta (CSI),
    /// clearing the screen, a C1 CSI and C1 OSC, and a right-to-left override.
    static let payload = [
        "\(esc)]0;pwned-osc0\u{07}", "\(esc)]2;pwned-osc2\(esc)\\", "\(esc)kpwned-name\(esc)\\",
        "\(esc)Ptmux;\(esc)\(esc)]0;pwned-dcs\u{07}\(esc)\\", "\(esc)P+q544e\(esc)\\",
        "\(esc)[5;9;45mBLINK", "\(esc)[2J\(esc)[H", "\u{9B}5;9m", "\u{9D}0;pwned-c1\u{9C}", "\u{202E}evil\u{2066}\u{200F}",
    ].joined(separator: " ")

    static func makeWorkspace() throws -> HostileWorkspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-termsafe-\(UUID().uuidString)")
        let w = HostileWorkspace(root: root)
        let r = HostileWorkspace.record
        try w.write("EVIL-PC/execmgr.log",
                    r("Execution Request for advert XYZ20099 package XYZ00099 program Evil\(payload) state change from WaitingContent to NotifyExecution", "10:00:00.000+300", "01-14-2011", 1, "7")
                    + r("Program exit code 999 \(payload)", "10:00:01.000+300", "01-14-2011", 3, "7")
                    + r("Execution Request for advert XYZ20099 package XYZ00099 program Evil\(payload) state change from Running to FailureRetry", "10:00:02.000+300", "01-14-2011", 3, "7")
                    + r("Unexpected error 0x80070005 \(payload)", "10:00:03.000+300", "01-14-2011", 3, "\(esc)]0;pwned-thread\u{07}"))
        // A raw 0x9B byte (not UTF-8: the file is then read as Windows-1252, where 0x9B is '›').
        try w.write("EVIL-PC/CAS.log", Array(r("raw c1 ", "10:00:04.000+300", "01-14-2011", 3, "7").utf8.prefix(13)) + [0x9B]
                    + Array(r("raw c1 ", "10:00:04.000+300", "01-14-2011", 3, "7").utf8.dropFirst(13)))
        // A file name with an OSC in it, holding a cut-off record so that a warning names it.
        try w.write("EVIL-PC/Policy\(esc)]0;pwned-file\u{07}Agent.log", r("fine", "10:00:05.000+300", "01-14-2011", 1, "7") + "<![LOG[cut")
        try w.write("inventory/v_R_System.csv", "ResourceID,Name0,Client0\r\n16777001,EVIL\(esc)]0;pwned-csv\u{07}\(esc)[5;9;45mPC\u{202E},1\r\n")
        try w.write("inventory/v_GS_SMS_ADVANCED_CLIENT_STAT.csv",
                    "ResourceID,Name0,Version0\r\n16777001,SmsPowerManagement,4.00.6487.2000\r\n16777001,SmsInventory,4.0.\(esc)[5m6487\r\n")
        try w.write("sys.txt", "GOOD-PC\nEVIL\(esc)]0;pwned-sys\u{07}PC\nname\u{9B}5;9mwith-c1\n\u{202E}exe.txt\n")
        try w.write("site\(esc)]0;pwned-site\u{07}/sitectrl.ct0",
                    "BEGIN_SITE_DEFINITION\r\nPROPERTY <Execution Failure Retry Count><REG_DWORD><><x\(esc)]0;pwned-prop\u{07}>\r\nEND_SITE_DEFINITION\r\n")
        return w
    }

    /// SGR parameters that the payload sets and cmlens never uses: blink, strikethrough, magenta background.
    static func injectedAttributes(in styled: String) -> [String] {
        var found: [String] = []
        var rest = Substring(styled)
        while let start = rest.range(of: "\(esc)[") {
            let body = rest[start.upperBound...].prefix { $0.isNumber || $0 == ";" }
            let after = rest[start.upperBound...].dropFirst(body.count)
            rest = after
            guard after.first == "m" else { continue }
            let parameters = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
            var k = 0
            while k < parameters.count {
                if parameters[k] == 38 || parameters[k] == 48 || parameters[k] == 58 {
                    k += parameters.count > k + 1 && parameters[k + 1] == 2 ? 5 : 3
                    continue
                }
                if [5, 6, 9, 45].contains(parameters[k]) { found.append(String(body)) }
                k += 1
            }
        }
        return found
    }

    func checkPane(_ t: TmuxHarness, _ what: String, originalTitle: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let title = try t.tmux("display-message", "-p", "-t", "t", "#{pane_title}|#{window_name}")
        #expect(!title.contains("pwned"), "\(what): title/name changed to \(title)", sourceLocation: sourceLocation)
        #expect(title.hasPrefix(originalTitle + "|"), "\(what): title \(title), was \(originalTitle)", sourceLocation: sourceLocation)
        let styled = t.captureStyled()
        #expect(Self.injectedAttributes(in: styled).isEmpty, "\(what): injected attributes \(Self.injectedAttributes(in: styled))",
                sourceLocation: sourceLocation)
        #expect(!styled.contains("BLINK") || t.capture().contains("^[[5;9;45mBLINK"), "\(what): the CSI was not shown escaped",
                sourceLocation: sourceLocation)
    }

    static let commands: [(arguments: String, shows: String)] = [
        ("log {W}", "^[]0;pwned-osc0^G"),
        ("log {W} --level error", "<U+202E>evil<U+2066><U+200F>"),
        ("timeline {W}", "Evil^[]0;pwned-osc0^G"),
        ("diagnose {W}", "EVIL-PC"),
        ("sql {W} --query \"SELECT thread, message FROM Logs WHERE level = 'error'\"", "^[]0;pwned-thread^G"),
        ("compliance {W} --kb 977384", "EVIL^[]0;pwned-csv^G"),
        ("stale {W}/sys.txt --dns-server 127.0.0.1:9 --timeout 1", "EVIL^[]0;pwned-sys^GPC"),
        ("explain \"(Error: 80070057) \(esc)]0;pwned-arg\u{07} \u{9B}5;9m\"", "0x80070057"),
        ("retry-codes --site-control {W}/site*/sitectrl.ct0", "site^[]0;pwned-site^G"),
        ("console {W} < /dev/null", "EVIL-PC"),
    ]

    @Test func everySubcommandPrintsToATerminalEscaped() throws {
        let w = try Self.makeWorkspace()
        defer { w.remove() }
        for (arguments, shows) in Self.commands {
            let line = arguments.replacingOccurrences(of: "{W}", with: w.path)
            // Output straight to the pane's tty; stderr too, since problems name the hostile files.
            let command = "cd \(CmlensRun.repositoryRoot.path) && env -u NO_COLOR LANG=C.UTF-8 TERM=tmux-256color SWIFT_BACKTRACE=enable=no "
                + "\(CmlensRun.binary) \(line); echo; echo DONE-$?; sleep 600"
            let t = try TmuxHarness(command: "/bin/sh -c '\(command.replacingOccurrences(of: "'", with: "'\\''"))'", columns: 250, lines: 200)
            defer { t.kill() }
            let title = try t.tmux("display-message", "-p", "-t", "t", "#{pane_title}").trimmingCharacters(in: .newlines)
            let screen = try t.wait(for: "\(arguments) to finish", timeout: 60) { $0.contains("DONE-") }
            #expect(screen.contains(shows), "\(arguments): no \(shows) on screen:\n\(screen)")
            #expect(!screen.contains("DONE-2"), "\(arguments): usage error:\n\(screen)")
            try checkPane(t, arguments, originalTitle: title)
        }
    }

    @Test func consoleShowsEveryPaneEscaped() throws {
        let w = try Self.makeWorkspace()
        defer { w.remove() }
        let t = try TmuxHarness.console("\(w.path) \(w.path)/site*/sitectrl.ct0", columns: 200, lines: 50)
        defer { t.kill() }
        let title = try t.tmux("display-message", "-p", "-t", "t", "#{pane_title}").trimmingCharacters(in: .newlines)
        _ = try t.wait(forText: "READY")
        try checkPane(t, "clients", originalTitle: title)
        _ = try t.press("2")
        var screen = try t.wait(forText: "^[]0;pwned-osc0^G")
        #expect(screen.contains("<U+202E>evil"))
        try checkPane(t, "logs", originalTitle: title)
        _ = try t.press("/")
        try t.type("Unexpected")
        _ = try t.press("Enter")
        // The search lands before `x` asks about the selected line: under load the key could otherwise
        // reach the line the cursor was on. Its text shows at once; READY with it means the job is done.
        _ = try t.wait(for: "the match") { $0.contains("/Unexpected/") && $0.contains("READY") }
        _ = try t.press("x")
        screen = try t.wait(forText: "0x80070005")
        try checkPane(t, "explain", originalTitle: title)
        _ = try t.press("Escape")
        for pane in ["3", "4", "5", "6", "7"] {
            _ = try t.press(pane)
            _ = try t.press("Enter")
            usleep(200_000)
            try checkPane(t, "pane \(pane)", originalTitle: title)
        }
        screen = t.capture()
        try t.send("q")
    }

    /// JSON and CSV carry no raw control byte, C1 control or bidi override either (they end up in
    /// terminals, spreadsheets and other people's parsers).
    @Test func jsonAndCSVCarryNoRawControls() throws {
        let w = try Self.makeWorkspace()
        defer { w.remove() }
        let site = try FileManager.default.contentsOfDirectory(atPath: w.path).first { $0.hasPrefix("site") }!
        let runs: [[String]] = [
            ["log", w.path, "--format", "json"], ["log", w.path, "--format", "csv"],
            ["timeline", w.path, "--format", "json"], ["timeline", w.path, "--format", "csv"],
            ["diagnose", w.path, "--format", "json"],
            ["sql", w.path, "--format", "json", "--query", "SELECT * FROM Logs"],
            ["sql", w.path, "--format", "csv", "--query", "SELECT * FROM Logs"],
            ["sql", w.path, "--format", "csv", "--query", "SELECT * FROM v_R_System"],
            ["compliance", w.path, "--format", "json"], ["compliance", w.path, "--format", "csv"],
            ["stale", w.path + "/sys.txt", "--dns-server", "127.0.0.1:9", "--timeout", "1", "--format", "json"],
            ["stale", w.path + "/sys.txt", "--dns-server", "127.0.0.1:9", "--timeout", "1", "--format", "csv"],
            ["explain", "(Error: 80070057) \(Self.esc)]0;pwned\u{07}", "--format", "json"],
            ["retry-codes", "--site-control", w.path + "/" + site + "/sitectrl.ct0", "--format", "json"],
            ["retry-codes", "--site-control", w.path + "/" + site + "/sitectrl.ct0", "--format", "csv"],
        ]
        for arguments in runs {
            let run = CmlensRun.cmlens(arguments)
            let what = arguments.prefix(1).joined() + " " + arguments.suffix(2).joined(separator: " ")
            #expect(run.status == 0 || run.status == 1, "\(what): exit \(run.status): \(run.stderr.prefix(1000))")
            #expect(!run.stdout.isEmpty, "\(what): no output")
            for (name, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
                let bad = text.unicodeScalars.filter { TerminalSafetyTests.isRawControl($0) }
                #expect(bad.isEmpty, "\(what): \(name) carries \(bad.map { String($0.value, radix: 16) })")
            }
        }
    }

    /// A control character other than newline, C1, or a bidi control (CSV rows may break lines only inside quotes).
    static func isRawControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
