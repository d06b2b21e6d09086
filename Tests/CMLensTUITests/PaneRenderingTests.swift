import Testing
@testable import CMLensTUI

@Suite struct PaneRenderingTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    @Test(arguments: sizes) func clientsPaneListsEveryClientWithCounts(size: Size) {
        let console = ConsoleFixture(size: size)
        let lines = console.grid.lines
        #expect(lines.count == size.lines)
        #expect(lines[0].hasPrefix(size.columns >= 100 ? " cmlens  1 Clients 2 Logs 3 Timeline" : " 1 Clients 2 Logs 3 Timeline"))
        #expect(lines[0].contains("Stale") && lines[0].hasSuffix("8 Client 9 Compare"))
        // Two columns on the left for the marks of clients to compare.
        #expect(lines[1].hasPrefix("  Client"))
        #expect(lines[2].hasPrefix("  (all clients)"))
        #expect(lines[3].hasPrefix("  PC-ALPHA") && lines[3].contains("2011-01-14 10:15:10.700-05:00"))
        #expect(lines[4].hasPrefix("  PC-BETA"))
        // PC-ALPHA: 1 error, 2 warnings, in their roles; row 2 (all) is selected.
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        let alpha = lines[3]
        let errorsColumn = alpha.distance(from: alpha.startIndex, to: alpha.firstIndex(of: "1")!)
        #expect(Array(roles[3])[errorsColumn] == Role.error.letter)
        #expect(roles[2].allSatisfy { $0 == Role.selection.letter })
        #expect(roles[0].contains(Role.tabActive.letter) && (PaneRegistry.planned.isEmpty || roles[0].contains(Role.tabUnavailable.letter)))
        #expect(lines[size.lines - 2].contains("2 clients") && lines[size.lines - 2].hasSuffix("READY"))
        #expect(lines[size.lines - 1].contains("q quit") && lines[size.lines - 1].contains("? help"))
    }

    @Test(arguments: sizes) func logsPaneShowsMergedRecordsInTimeOrder(size: Size) {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"))
        let lines = console.grid.lines
        // Both logs write -05:00 and one day: the offset is said once in the header, the day in the status line.
        #expect(lines[1].hasPrefix(size.columns >= 120 ? " Time -05:00  L Client   Component     Thr  Message"
                                                        : " Time -05:00  L Client   Component  Thr  Message"), "\(lines[1])")
        #expect(lines[2].contains("Download started"))      // 10:14:59, PC-BETA
        #expect(lines[3].contains("Execution Request"))
        #expect(lines[4].contains("Raising event:") && !lines[4].contains("instance of"))  // first line only
        #expect(lines[2].hasPrefix(" 10:14:59.000 I PC-BETA  "))
        // The detail area holds the whole selected record with file:line.
        #expect(lines.contains { $0.hasPrefix("─ PC-BETA/CAS.log:1") })
        #expect(console.grid.lines[size.lines - 2].contains("all clients · 1/7 · 2011-01-14"))
    }

    @Test(arguments: sizes) func escapeSequencesFromALogShowEscaped(size: Size) {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"), .character("G"))
        let screen = console.screen
        #expect(screen.contains("^[[31mRED^[[0m") || screen.contains("^[[31mRED"))
        #expect(!screen.unicodeScalars.contains { $0.value == 0x1B })
        let grid = console.grid
        for cell in grid.cells { #expect(cell.scalar.value >= 0x20) }
    }

    /// A tab in a plain ASCII message was passed through unexpanded and drawn as `?`.
    @Test func tabsInAMessageAreExpandedNotShownAsQuestionMarks() {
        let text = ConsoleFixture.record("Column\tafter\ttabs", "10:15:01.100")
        var console = ConsoleFixture(size: Size(columns: 120, lines: 40), logs: [("PC-TAB", "execmgr.log", text)])
        console.press(.character("2"))
        let line = console.grid.lines.first { $0.contains("Column") }
        #expect(line?.contains("Column  after   tabs") == true, "\(line ?? "no line")")
        #expect(line?.contains("?") == false)
    }

    @Test(arguments: sizes) func cjkMessagesTakeTwoColumnsPerCharacter(size: Size) {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"))
        let grid = console.grid
        let line = grid.lines.firstIndex { $0.contains("インストール") }!
        let start = (0..<size.columns).first { grid[$0, line].scalar == "イ" }!
        #expect(grid[start + 1, line].isContinuation)
        #expect(grid[start + 2, line].scalar == "ン")
        // Errors are coloured: the level column and the message.
        #expect(grid[start, line].role == .error)
        #expect(grid.lines[line].contains(" E PC-BETA "))
    }

    @Test func utcToggleShowsTimesInUTC() {
        var console = ConsoleFixture(size: Size(columns: 120, lines: 40))
        console.press(.character("2"), .character("t"))
        #expect(console.grid.lines[1].contains("Time (UTC)"))
        #expect(console.grid.lines[2].hasPrefix(" 15:14:59.000 I "))
        #expect(console.grid.lines[38].contains("2011-01-14"))
    }

    @Test func helpOverlayIsGeneratedFromTheKeyTable() {
        var console = ConsoleFixture(size: Size(columns: 120, lines: 40))
        console.press(.character("?"))
        #expect(console.screen.contains("Keys (Esc closes"))
        let help = HelpOverlay.lines(focus: 0, bindings: .standard).map(\.0).joined(separator: "\n")
        for entry in KeyBindings.standard.entries {
            #expect(help.contains(":" + entry.command.name), "help lacks \(entry.command.name)")
        }
        console.press(.character("G"))  // scrolls nothing away: G is not a help key, it closes
        console.press(.character("?"), .pageDown)
        #expect(console.screen.contains(":previous-warning"))
        console.press(.escape)
        #expect(!console.screen.contains("Keys (Esc closes"))
    }

    @Test func searchMatchesAreHighlighted() {
        var console = ConsoleFixture(size: Size(columns: 120, lines: 40))
        console.press(.character("2"), .character("/"))
        console.type("exit code")
        console.press(.enter)
        let grid = console.grid
        let line = grid.lines.firstIndex { $0.contains("Program exit code 999") }!
        let start = grid.lines[line].range(of: "exit code")!.lowerBound
        let column = grid.lines[line].distance(from: grid.lines[line].startIndex, to: start)
        #expect(grid[column, line].role == .match)
        #expect(grid[column + 8, line].role == .match)
    }

    @Test func tinyScreensAskToBeEnlarged() {
        let console = ConsoleFixture(size: Size(columns: 10, lines: 3))
        #expect(console.screen.hasPrefix("cmlens: en"))
    }
}
