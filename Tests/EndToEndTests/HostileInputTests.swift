import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every subcommand over a workspace of hostile inputs (see `HostileWorkspace`): each names the
/// bad file (and line) on stderr, exits with the documented status, never crashes or hangs, and
/// still reads the good client beside the hostile ones.
@Suite(.serialized) struct HostileInputTests {
    static let deadline = 90.0

    /// The shared workspace, built once per test process (it takes a second; the tests only read it).
    static let shared: HostileWorkspace = {
        // Named by the test process, so that the next run removes it (Swift Testing has no suite teardown).
        let w = try! HostileWorkspace.make(name: "cmlens-hostile-shared-\(getpid())")
        if let keep = ProcessInfo.processInfo.environment["CMLENS_KEEP_HOSTILE"] {
            try? FileManager.default.removeItem(atPath: keep)
            try? FileManager.default.copyItem(atPath: w.path, toPath: keep)
        }
        return w
    }()

    /// What a crash looks like on stderr, whatever the backtracer is set to.
    static func expectNoCrash(_ run: CmlensRun.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status >= 0 && run.status < 128, "\(what): killed by signal \(run.status - 128)", sourceLocation: sourceLocation)
        for marker in ["Fatal error", "Crash", "Segmentation", "stack overflow", "Illegal instruction"] {
            #expect(!run.stderr.contains(marker), "\(what): \(marker) on stderr: \(run.stderr.suffix(2000))", sourceLocation: sourceLocation)
        }
    }

    /// Every message on stderr starts with `cmlens:` and cites a file (no bare Swift error dumps).
    static func expectMessagesAreOurs(_ run: CmlensRun.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in run.stderr.split(separator: "\n") where !line.hasPrefix("cmlens: ") {
            Issue.record("\(what): stderr line not from cmlens: \(line.prefix(300))", sourceLocation: sourceLocation)
        }
    }

    // MARK: log readers over the whole workspace

    struct Reader: Sendable, CustomStringConvertible {
        var arguments: [String]
        /// Proof that the good client was read.
        var good: String
        /// Whether stderr carries the problems of every hostile log (timeline reads only execmgr logs:
        /// all hostile logs are execmgr.log; diagnose too).
        var reportsEveryLog = true
        var description: String { arguments.joined(separator: " ") }
    }

    static let readers: [Reader] = [
        Reader(arguments: ["log", "{W}"], good: "WKS-LAB-007 execmgr Policy is updated for Program: Visio Viewer 2010"),
        Reader(arguments: ["log", "{W}", "--format", "json"], good: #""client":"WKS-LAB-007","file":"#),
        Reader(arguments: ["log", "{W}", "--format", "csv", "--level", "error"], good: "WKS-LAB-007,"),
        Reader(arguments: ["log", "{W}", "--grep", "exit code", "--since", "2011-01-14"], good: "WKS-LAB-007"),
        Reader(arguments: ["timeline", "{W}"], good: "WKS-LAB-007  advert XYZ20041"),
        Reader(arguments: ["timeline", "{W}", "--format", "json"], good: #""client":"WKS-LAB-007""#),
        Reader(arguments: ["diagnose", "{W}"], good: "WKS-LAB-007"),
        Reader(arguments: ["sql", "{W}", "--query", "SELECT client, count(*) AS n FROM Logs GROUP BY client ORDER BY client"],
               good: "WKS-LAB-007"),
        Reader(arguments: ["console", "{W}"], good: "WKS-LAB-007"),
    ]

    @Test(arguments: readers)
    func everyLogReaderNamesEachHostileFileAndReadsTheGoodClient(reader: Reader) {
        let w = Self.shared
        let run = CmlensRun.cmlens(reader.arguments.map { $0.replacingOccurrences(of: "{W}", with: w.path) },
                                   environment: ["NO_COLOR": "1"], deadline: Self.deadline)
        Self.expectNoCrash(run, reader.description)
        Self.expectMessagesAreOurs(run, reader.description)
        // A binary log and a named pipe are errors: status 1.
        #expect(run.status == 1, "\(reader): exit \(run.status); stderr: \(run.stderr.prefix(3000))")
        #expect(run.stdout.contains(reader.good), "\(reader): good client missing from stdout: \(run.stdout.prefix(2000))")
        for item in HostileWorkspace.logItems where reader.reportsEveryLog {
            guard let mention = item.mention else { continue }
            #expect(run.stderr.contains(mention), "\(reader): missing on stderr: \(mention)")
        }
    }

    // MARK: each hostile log alone beside the good client

    @Test(arguments: HostileWorkspace.logItems)
    func eachHostileLogAloneGivesItsMessageAndStatus(item: HostileWorkspace.Item) {
        let w = Self.shared
        let run = CmlensRun.cmlens(["log", w.path + "/WKS-LAB-007", w.path + "/" + item.folder, "--format", "json"],
                                   deadline: Self.deadline)
        Self.expectNoCrash(run, item.folder)
        Self.expectMessagesAreOurs(run, item.folder)
        #expect(run.status == (item.isError ? 1 : 0), "\(item): exit \(run.status); stderr: \(run.stderr.prefix(2000))")
        if let mention = item.mention {
            #expect(run.stderr.contains(mention), "\(item): stderr: \(run.stderr.prefix(2000))")
        }
        #expect(run.lines.filter { $0.contains(#""client":"WKS-LAB-007""#) }.count == 133)
        // Nothing raw reaches the output, whatever the file held.
        #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0.value != 0x0A })
    }

    // MARK: site control files: explain, retry-codes, timeline and diagnose with --site-control

    static let siteControlFiles: [(file: String, mention: String)] = [
        ("site/sitectrl.ct0", "site/sitectrl.ct0:"),
        ("sitecontrol/binary/sitectrl.ct0", "sitecontrol/binary/sitectrl.ct0"),
        ("sitecontrol/truncated/sitectrl.ct0", "sitecontrol/truncated/sitectrl.ct0:2:"),
        ("sitecontrol/utf16odd/sitectrl.ct0", "sitecontrol/utf16odd/sitectrl.ct0:"),
        ("sitecontrol/huge/sitectrl.ct0", "sitecontrol/huge/sitectrl.ct0:3: Execution Failure Retry Interval 9223372036854775807 is out of range"),
    ]

    static let policyCommands: [[String]] = [
        ["explain", "1618", "--site-control", "{S}"],
        ["retry-codes", "--site-control", "{S}"],
        ["retry-codes", "--site-control", "{S}", "--format", "csv"],
        ["timeline", "{W}/WKS-LAB-007", "--site-control", "{S}"],
        ["diagnose", "{W}/WKS-LAB-007", "--site-control", "{S}"],
    ]

    @Test(arguments: policyCommands)
    func hostileSiteControlFilesAreReportedAndDefaultsUsed(arguments: [String]) {
        let w = Self.shared
        for (file, mention) in Self.siteControlFiles {
            let argv = arguments.map { $0.replacingOccurrences(of: "{S}", with: w.path + "/" + file)
                .replacingOccurrences(of: "{W}", with: w.path) }
            let what = "\(arguments.first!) with \(file)"
            let run = CmlensRun.cmlens(argv, environment: ["NO_COLOR": "1"], deadline: Self.deadline)
            Self.expectNoCrash(run, what)
            Self.expectMessagesAreOurs(run, what)
            #expect(run.status == 1, "\(what): exit \(run.status); stderr: \(run.stderr.prefix(1500))")
            #expect(run.stderr.contains(mention), "\(what): stderr: \(run.stderr.prefix(1500))")
            #expect(!run.stdout.isEmpty, "\(what): printed nothing")
        }
    }

    // MARK: inventory: compliance and sql

    @Test func complianceReadsTheWideCSVAndNamesTheBadOnes() {
        let w = Self.shared
        let run = CmlensRun.cmlens(["compliance", w.path + "/inventory", "--kb", "977384"], environment: ["NO_COLOR": "1"],
                                   deadline: Self.deadline)
        Self.expectNoCrash(run, "compliance")
        Self.expectMessagesAreOurs(run, "compliance")
        #expect(run.status == 1, "exit \(run.status): \(run.stderr.prefix(2000))")
        #expect(run.stderr.contains("inventory/binary.csv"))
        #expect(run.stderr.contains("inventory/ragged.csv:2:"))
        #expect(run.stderr.contains("inventory/wide.csv:4:"))
        // The good export and the two clients of the 10,000-column one.
        #expect(run.stdout.contains("WKS-LAB-007"))
        #expect(run.stdout.contains("ResourceID 16777999") && run.stdout.contains("ResourceID 16777998"))
    }

    @Test func sqlQueriesTheWideCSV() {
        let w = Self.shared
        let run = CmlensRun.cmlens(["sql", w.path + "/inventory", "--format", "csv", "--query",
                                    "SELECT ResourceID, Name0, Version0, Col1800 FROM v_GS_SMS_ADVANCED_CLIENT_STATE WHERE ResourceID > 16777990 ORDER BY ResourceID"],
                                   deadline: Self.deadline)
        Self.expectNoCrash(run, "sql")
        Self.expectMessagesAreOurs(run, "sql")
        #expect(run.status == 1, "exit \(run.status): \(run.stderr.prefix(2000))")
        #expect(run.lines == ["ResourceID,Name0,Version0,Col1800",
                              "16777998,SmsPowerManagement,4.00.6487.2000,v1800",
                              "16777999,SmsPowerManagement,4.00.6487.2157,v1800"])
        // Past SQLite's 2,000 columns the rest are left out, and said so.
        #expect(run.stderr.contains("inventory/wide.csv:1: 10000 columns; only the first 1900"))
    }

    // MARK: machine lists: stale

    @Test func staleNamesTheBadLinesAndChecksTheGoodName() {
        let w = Self.shared
        let run = CmlensRun.cmlens(["stale", w.path + "/lists", "--dns-server", "127.0.0.1:9", "--timeout", "1", "--format", "csv"],
                                   deadline: Self.deadline)
        Self.expectNoCrash(run, "stale")
        // Exit 1 in any case here: nothing answers on port 9, so every lookup fails.
        #expect(run.status == 1)
        #expect(run.stderr.contains("lists/binary.sys.txt: binary data"))
        #expect(run.stderr.contains("lists/sys.txt:2:"), "stderr: \(run.stderr.prefix(2000))")
        #expect(run.stderr.contains("lists/sys.txt:3:"))
        #expect(run.stdout.contains("WKS-LAB-007,"))
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    // MARK: rules

    @Test func deeplyNestedRulesFileIsReportedAndBuiltInRulesStillRun() {
        let w = Self.shared
        let run = CmlensRun.cmlens(["diagnose", w.path + "/WKS-LAB-007", "--rules", w.path + "/rules/deep.rules.json"],
                                   environment: ["NO_COLOR": "1"], deadline: Self.deadline)
        Self.expectNoCrash(run, "diagnose --rules")
        Self.expectMessagesAreOurs(run, "diagnose --rules")
        #expect(run.status == 1)
        #expect(run.stderr.contains("rules/deep.rules.json"))
        #expect(!run.stdout.isEmpty)
    }

    // MARK: a 100 MB line (CMLENS_HOSTILE_HUGE=1: a debug build takes minutes over it)

    static var hugeRequested: Bool { ProcessInfo.processInfo.environment["CMLENS_HOSTILE_HUGE"] == "1" }

    @Test(.enabled(if: hugeRequested, "set CMLENS_HOSTILE_HUGE=1 to read a 100 MB line through every log reader"),
          arguments: [["log", "{W}", "--format", "json"], ["timeline", "{W}"], ["diagnose", "{W}"], ["console", "{W}"],
                      ["sql", "{W}", "--query", "SELECT client, count(*) FROM Logs GROUP BY client"]])
    func hundredMegabyteLineIsReadAndReported(arguments: [String]) throws {
        let w = try HostileWorkspace.make(hugeLine: true)
        defer { w.remove() }
        for entry in try FileManager.default.contentsOfDirectory(atPath: w.path) where !["WKS-LAB-007", "H-HUGELINE"].contains(entry) {
            try FileManager.default.removeItem(atPath: w.path + "/" + entry)
        }
        let run = CmlensRun.cmlens(arguments.map { $0.replacingOccurrences(of: "{W}", with: w.path) },
                                   environment: ["NO_COLOR": "1"], deadline: 900)
        Self.expectNoCrash(run, arguments[0])
        Self.expectMessagesAreOurs(run, arguments[0])
        #expect(run.status == 0, "exit \(run.status): \(run.stderr.prefix(1000))")
        #expect(run.stderr.contains("H-HUGELINE/execmgr.log:2:"), "stderr: \(run.stderr.prefix(1000))")
        #expect(run.stdout.contains("WKS-LAB-007"))
    }

    // MARK: the console in tmux

    @Test(.enabled(if: TmuxHarness.shouldRun))
    func consoleOpensTheHostileWorkspaceAndCountsItsProblems() throws {
        let w = Self.shared
        let t = try TmuxHarness.console(w.path + "; echo EXIT=$?; sleep 60", columns: 160, lines: 50)
        defer { t.kill() }
        var screen = try t.wait(for: "READY", timeout: 120) { $0.contains("READY") }
        #expect(screen.contains("WKS-LAB-007") && screen.contains("H-BINARY") && screen.contains("H-LONGLINE"))
        #expect(screen.contains("load problems (cmlens log PATH lists them)"), "\(screen)")
        _ = try t.press("2")
        _ = try t.press("/")
        try t.type("Visio Viewer 2010")
        _ = try t.press("Enter")
        screen = try t.wait(forText: "Visio Viewer 2010")
        _ = try t.press("G")
        _ = try t.press("3")
        screen = try t.wait(forText: "Visio Viewer 2010")
        try t.send("q")
        screen = try t.wait(forText: "EXIT=0")
    }
}
