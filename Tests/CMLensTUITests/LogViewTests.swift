import CMLensCore
import Foundation
import Testing
@testable import CMLensTUI

/// The Logs pane as a reader: the message gets the width, long messages wrap or scroll sideways,
/// matches are highlighted, `:goto` jumps to a time, `:columns` and `:export` do what they say.
@Suite struct LogViewTests {
    static let long = "Execution Request for advert LAB20003 package LAB00007 program Install Visio Viewer 2010 state change from WaitingContent to NotifyExecution and then some more words to pass the edge"

    /// One client, one log, one day, one offset: the layout an admin reading execmgr.log sees.
    static func oneLog(size: Size) -> ConsoleFixture {
        let text = (0..<30).map { n in
            ConsoleFixture.record(n == 3 ? long : "Line \(n) of the log, exit code \(n % 5 == 0 ? 1618 : 0)",
                                  "10:\(10 + n):01.100", type: n == 7 ? 3 : 1)
        }.joined()
        var console = ConsoleFixture(size: size, logs: [("WKS-LAB-007", "execmgr.log", text)])
        console.press(.character("2"))
        return console
    }

    @Test func atOneHundredTwentyColumnsALongExecmgrMessageShowsAtLeastEightyCharacters() throws {
        var console = Self.oneLog(size: Size(columns: 120, lines: 40))
        console.press(.down, .down, .down)
        let line = try #require(console.grid.lines.first { $0.contains("Execution Request for advert") })
        let shown = line[line.range(of: "Execution Request")!.lowerBound...].trimmingCharacters(in: .whitespaces)
        #expect(shown.count - 1 >= 80, "\(shown.count - 1) characters: \(line)")  // less the scrollbar column
        #expect(!console.grid.lines[1].contains("Client"), "one client: no Client column")
        // The Component column is as wide as "execmgr", the thread as "2484".
        #expect(console.grid.lines[1].hasPrefix(" Time -05:00  L Comp    Thr  Message"), "\(console.grid.lines[1])")
    }

    @Test func zWrapsTheSelectedMessageUnderTheMessageColumnAndArrowsScrollItSideways() throws {
        var console = Self.oneLog(size: Size(columns: 80, lines: 24))
        console.press(.down, .down, .down)
        let cut = console.grid.lines[5]
        #expect(cut.contains("Execution Request") && !cut.contains("pass the edge"))
        console.press(.character("z"))
        let lines = console.grid.lines
        let first = try #require(lines.firstIndex { $0.contains("Execution Request for advert") })
        let column = lines[first].distance(from: lines[first].startIndex, to: lines[first].range(of: "Execution")!.lowerBound)
        // The continuation lines start under the message column, and every line of the record is selected.
        #expect(lines[first + 1].prefix(column).allSatisfy { $0 == " " })
        #expect(lines[first + 1].dropFirst(column).hasPrefix("LAB00007") || lines[first + 1].dropFirst(column).first != " ")
        #expect(lines[first...].prefix(4).joined().contains("pass the edge"))
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        #expect(Array(roles[first + 1])[column] == Role.selection.letter)
        #expect(console.grid.lines[22].contains("WRAP"))
        // Sideways: z again cuts, → moves the text left by a quarter of the width.
        console.press(.character("z"), .right)
        let scrolled = console.grid.lines[5]
        #expect(!scrolled.contains("Execution Request") && scrolled.contains("LAB"), "\(scrolled)")
        #expect(console.grid.lines[1].contains("(→ 20)"))
        console.press(.left)
        #expect(console.grid.lines[5] == cut)
    }

    @Test func searchMatchesAreHighlightedInTheListAndTheDetail() throws {
        var console = Self.oneLog(size: Size(columns: 120, lines: 40))
        console.press(.character("/"))
        console.type("exit code 1618")
        console.press(.enter)
        let grid = console.grid
        let listLine = try #require(grid.lines.firstIndex { $0.contains("Line 5 of the log") })
        let at = grid.lines[listLine].distance(from: grid.lines[listLine].startIndex, to: grid.lines[listLine].range(of: "exit code 1618")!.lowerBound)
        #expect(grid[at, listLine].role == .match && grid[at + 13, listLine].role == .match)
        #expect(grid[at - 2, listLine].role != .match)
        let detailLine = try #require(grid.lines.lastIndex { $0.hasPrefix("Line 5 of the log") })
        #expect(grid[19, detailLine].role == .match && grid[18, detailLine].role != .match)
        // The scrollbar marks where matches are (the rightmost column, ◆/▐/█ in the match role).
        #expect((2..<30).contains { grid[119, $0].role == .match })
    }

    @Test func gotoJumpsToATimeOfDayAnAbsoluteTimeOrAnOffsetFromTheCursor() {
        var console = Self.oneLog(size: Size(columns: 120, lines: 40))
        console.command("goto 10:20")
        #expect(console.logs.cursor.selected == 10)
        console.command("goto -5m")
        #expect(console.logs.cursor.selected == 5)
        console.command("goto 2011-01-14 10:30:01.100")
        #expect(console.logs.cursor.selected == 20)
        console.command("goto 2011-01-14T15:12:30Z")  // 10:12:30 at -05:00: the first record after it is 10:13:01
        #expect(console.logs.cursor.selected == 3)
        console.command("goto 23:00")
        #expect(console.logs.cursor.selected == 29 && console.state.message?.contains("at the last record") == true)
        console.command("goto yesterday")
        #expect(console.state.message?.contains("not understood") == true)
    }

    @Test func columnsChooseWhatShowsAndTheChoiceStays() {
        var console = Self.oneLog(size: Size(columns: 80, lines: 24))
        console.command("columns time,level")
        #expect(console.grid.lines[1].hasPrefix(" Time -05:00  L Message"))
        console.press(.character("1"), .character("2"))
        #expect(console.grid.lines[1].hasPrefix(" Time -05:00  L Message"), "kept for the session")
        console.command("columns nonsense")
        #expect(console.state.message?.contains("column \"nonsense\" not known") == true)
        console.command("columns all")
        #expect(console.grid.lines[1].contains("Comp") && console.grid.lines[1].contains("Thr"))
    }

    @Test func exportWritesTheRecordsShownByTheFilesExtension() throws {
        var console = Self.oneLog(size: Size(columns: 80, lines: 24))
        console.command("filter text=1618")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, check) in [("a.csv", "client,"), ("a.json", "{\""), ("a.txt", "2011-01-14")] {
            console.command("export " + folder.appendingPathComponent(name).path)
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(lines.count == (name.hasSuffix("csv") ? 7 : 6), "\(name): \(lines.count) lines")
            #expect(text.hasPrefix(check) || text.contains(check), "\(name)")
            #expect(lines.allSatisfy { !$0.contains("Line 1 of") })
        }
        #expect(console.state.message?.contains("wrote 6 records") == true)
        console.command("export /nonexistent-folder/x.csv")
        #expect(console.state.message?.hasPrefix("cannot write /nonexistent-folder/x.csv") == true)
    }

    @Test func aRelativeFilterCountsBackFromTheLastRecord() {
        var console = Self.oneLog(size: Size(columns: 80, lines: 24))
        console.command("filter since=-5m")  // the last record is 10:39:01.100
        #expect(console.logs.view.count == 6)
        console.command("filter until=10:12")
        #expect(console.logs.view.count == 2)
    }

    @Test func openingOneLogFileLandsInTheLogsPaneOnIt() {
        let path = AnalysisFixture.samples + "/WKS-LAB-007/execmgr.log"
        let inputs = WorkspaceScanner.scan([path])
        let workspace = ConsoleWorkspace(paths: [path], inputs: inputs, logs: LoadedLogs.load(inputs, clients: nil))
        let console = AnalysisFixture.console(size: Size(columns: 120, lines: 40), workspace: workspace)
        #expect(console.state.focus == PaneRegistry.index(of: LogsPane.id))
        #expect(console.grid.lines[2].contains("execmgr"))
        // A folder opens on the Clients pane as before.
        #expect(AnalysisFixture.console(size: Size(columns: 80, lines: 24)).state.focus == 0)
    }

    @Test func escStopsASearchStillRunningAndItsResultIsDropped() {
        var console = Self.oneLog(size: Size(columns: 80, lines: 24))
        console.deferJobs = true
        console.press(.character("/"))
        console.type("exit code 1618")
        console.press(.enter)
        #expect(console.logs.isBusy && console.state.running[LogsPane.id] == "searching")
        let search = console.logs.searchJob
        let cancels = console.state.handle(.key(.escape)).cancel
        #expect(search != nil && cancels == [search])
        #expect(!console.logs.isBusy && console.state.running[LogsPane.id] == nil)
        #expect(console.grid.lines[22].contains("/exit code 1618/ stopped"))
        console.finishJobs()  // the scan's late answer does not move the cursor
        #expect(console.logs.cursor.selected == 0)
        #expect(console.state.focus == PaneRegistry.index(of: LogsPane.id), "Esc stopped the search, it did not leave the pane")
    }

    @Test func yCopiesTheSelectedRecordThroughTheTerminalWhenItTakesIt() throws {
        var console = Self.oneLog(size: Size(columns: 80, lines: 24))
        console.press(.down, .down, .down)
        let effects = console.state.handle(.key(.character("y")))
        let text = try #require(effects.clipboard)
        #expect(text.hasPrefix("2011-01-14T10:13:01.100-05:00 info execmgr Execution Request for advert"))
        // Encoded: no byte of the log reaches the terminal as itself.
        let sequence = Clipboard.sequence("a\u{1B}[31mb")
        #expect(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{07}"))
        #expect(sequence.dropFirst(7).dropLast().allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) })
        // Off unless the terminal is known to take it or the user says so.
        #expect(!Clipboard.isSupported(environment: ["TERM": "xterm-256color"]))
        #expect(!Clipboard.isSupported(environment: ["TERM": "linux"]))
        #expect(Clipboard.isSupported(environment: ["TERM": "xterm-256color", "CMLENS_OSC52": "1"]))
        #expect(Clipboard.isSupported(environment: ["TERM": "xterm-kitty"]))
        #expect(!Clipboard.isSupported(environment: ["TERM": "xterm-kitty", "CMLENS_OSC52": "0"]))
    }

    /// Word wrap on generated lines: the pieces put back with the spaces they broke at are the line,
    /// none is wider than the width unless one character alone is, and no piece is empty.
    @Test func wrappedPiecesAreTheLineAgainAndFitTheWidth() {
        setlocale(LC_CTYPE, "C.UTF-8")  // wide characters take two columns only in a UTF-8 locale
        var random = SplitMix64(seed: 11)
        let words = ["exit", "code", "1618", "インストール", "a", "", "Execution-Request-for-advert-LAB20003", "é"]
        for _ in 0..<400 {
            let line = (0..<Int(random.next() % 12)).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            let width = Int(1 + random.next() % 20)
            let pieces = WordWrap.pieces(line, columns: width)
            var rebuilt = ""
            for piece in pieces {
                #expect(!piece.text.isEmpty || line.isEmpty, "\(line) at \(width)")
                #expect(DisplayWidth.of(piece.text) <= max(width, 2) || !piece.text.contains(" "), "\(piece.text) at \(width)")
                rebuilt += String(repeating: " ", count: max(0, piece.start - DisplayWidth.of(rebuilt))) + piece.text
            }
            // A space the line breaks at is dropped, so one at the very end may be gone.
            var withoutTrailing = line
            while withoutTrailing.hasSuffix(" ") { withoutTrailing.removeLast() }
            #expect(rebuilt == line || rebuilt == withoutTrailing, "\(line) at \(width): \(pieces)")
        }
    }
}
