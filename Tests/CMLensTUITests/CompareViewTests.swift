import CMLensCore
import Testing
@testable import CMLensTUI

/// The Compare pane: m marks clients in the Clients pane, C shows them side by side.
@Suite struct CompareViewTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    /// Marks the Clients pane's rows given (1 = BUILD-CAP-01 … 4 = WKS-LAB-007) and presses C.
    static func compare(_ rows: [Int], size: Size) -> ConsoleFixture {
        var console = AnalysisFixture.console(size: size)
        for row in rows {
            console.press(.character("g"))
            for _ in 0..<row { console.press(.down) }
            console.press(.character("m"))
        }
        console.press(.character("C"))
        return console
    }

    @Test(arguments: sizes) func twoMarkedClientsSideBySideWithTheirDifferencesFlagged(size: Size) throws {
        let console = Self.compare([3, 4], size: size)
        #expect(console.state.focus == PaneRegistry.index(of: ComparePane.id))
        let lines = console.grid.lines
        #expect(lines[1].hasPrefix(" 2 clients compared:") && lines[1].contains("rows differ (≠)"))
        #expect(lines[2].hasPrefix("                WKS-ACCT-014") && lines[2].contains("WKS-LAB-007"))
        let kb = try #require(lines.firstIndex { $0.hasPrefix("≠KB978754") })
        #expect(lines[kb].contains("missing 4.00.6487.2000") && lines[kb].contains("installed 4.00.6487.2115"))
        #expect(lines.contains { $0.hasPrefix(" KB977384") })  // the same on both: no ≠
        // The difference stands out; the verdicts keep their colours.
        #expect(console.grid[0, kb].role == .match && console.grid[3, kb].role == .match)
        let missing = lines[kb].distance(from: lines[kb].startIndex, to: lines[kb].range(of: "missing")!.lowerBound)
        let installed = lines[kb].distance(from: lines[kb].startIndex, to: lines[kb].range(of: "installed")!.lowerBound)
        #expect(console.grid[installed, kb].role == .info)
        #expect([Role.error, .selection].contains(console.grid[missing, kb].role))
        let failing = try #require(lines.firstIndex { $0.hasPrefix("≠Failing ") })
        #expect(lines[failing].contains("Adobe Reader 9.4.1 Update") && lines[failing].contains("Visio Viewer 2010"))
        #expect(lines[failing + 1].contains("Removed waiting (1618)") && lines[failing + 1].contains("Failed, final (1)"))
        #expect(lines.contains { $0.hasPrefix("≠Failing 2") && $0.contains("Office 2010 Setup, Silent") })
        #expect(lines.contains { $0.hasPrefix("≠  retries left") && $0.contains("1007 of 1009") })
        if size.lines >= 40 {
            #expect(lines.contains { $0.hasPrefix("≠  next retry") && $0.contains("2011-01-13 10:22:12.406-05:00") })
            #expect(lines.contains { $0.hasPrefix("≠Top finding") && $0.contains("SMS certificate missing") })
        }
        #expect(lines[size.lines - 2].hasPrefix(" 2 clients · ") && lines[size.lines - 2].hasSuffix("READY"))
    }

    /// BUILD-CAP-01 has logs but no execmgr.log: whether programs ran is unknown, not "0 run".
    @Test func aClientWithoutExecmgrLogHasProgramsUnknown() throws {
        let console = Self.compare([1, 3], size: Size(columns: 120, lines: 40))
        let line = try #require(console.grid.lines.first { $0.contains("Programs") && $0.contains("failing") })
        #expect(line.contains("unknown (no execmgr.log)") && !line.contains("0 run, 0 failing"), "\(line)")
        #expect(line.hasPrefix("≠"), "known and unknown differ")
    }

    @Test func marksShowInTheClientsPaneAndOneIsNotEnough() {
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        console.press(.down, .down, .down, .character("m"))
        #expect(console.grid.lines[5].hasPrefix("* WKS-ACCT-014"))
        #expect(!console.grid.lines[6].hasPrefix("*"))
        #expect(console.state.message == "marked WKS-ACCT-014: mark another (m), then C compares them")
        console.press(.character("C"))
        #expect(console.state.focus == 0)
        #expect(console.state.message == "mark two or more clients with m first (1 marked)")
        console.press(.character("m"))
        #expect(!console.grid.lines[5].hasPrefix("*") && console.state.context.marked.isEmpty)
    }

    @Test func fourClientsScrollSidewaysAt80ColumnsAndEnterOpensOne() throws {
        var console = Self.compare([1, 2, 3, 4], size: Size(columns: 80, lines: 24))
        var lines = console.grid.lines
        #expect(lines[1].contains("clients 1-2 of 4, ←/→"))
        #expect(lines[2].contains("BUILD-CAP-01") && lines[2].contains("SITE-SERVER") && !lines[2].contains("WKS-ACCT-014"))
        #expect(lines[2].hasSuffix("›"))
        console.press(.right, .right)
        lines = console.grid.lines
        #expect(lines[2].contains("SITE-SERVER") && lines[2].contains("WKS-ACCT-014") && lines[2].hasPrefix(" ‹"))
        console.press(.enter)
        #expect(console.state.focus == PaneRegistry.index(of: ClientPane.id))
        #expect(console.state.context.client == "WKS-ACCT-014")
        console.press(.escape)
        #expect(console.state.focus == PaneRegistry.index(of: ComparePane.id))
        // m drops the selected client from the comparison.
        console.press(.character("m"))
        #expect(console.state.context.marked == ["BUILD-CAP-01", "SITE-SERVER", "WKS-LAB-007"])
        #expect(console.grid.lines[1].hasPrefix(" 3 clients compared"))
    }

    @Test func machinesOnlyInTheInventoryAreListedAndCompare() throws {
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        var lines = console.grid.lines
        #expect(lines[6].hasPrefix("  WKS-LAB-007"))
        #expect(lines[7] == "  LAP-EXEC-001   in the inventory only: no logs")
        #expect(lines.filter { $0.hasSuffix("in the inventory only: no logs") }.count == 8)
        #expect(lines[22].contains("8 in the inventory only"))
        console.press(.character("G"), .character("l"))
        #expect(console.state.message == "no logs of WKS-RECEPT-01 are in the workspace: it is only in the inventory")
        // WKS-RECEPT-01 beside WKS-ACCT-014: both judged, one without logs.
        console.press(.character("m"))
        console.press(.character("g"), .down, .down, .down, .character("m"), .character("C"))
        lines = console.grid.lines
        #expect(lines[2].contains("WKS-RECEPT-01") && lines[2].contains("WKS-ACCT-014"))
        let programs = try #require(lines.first { $0.hasPrefix("≠Programs") })
        #expect(programs.contains("no logs") && programs.contains("3 run, 2 failing"))
    }

    @Test func withoutMarksThePaneSaysHowToMakeThem() {
        var console = AnalysisFixture.console(size: Size(columns: 120, lines: 40))
        AnalysisFixture.show(ComparePane.id, in: &console)
        #expect(console.grid.lines[1].hasPrefix("Mark two or more clients in the Clients pane (1): m on each, then C"))
    }
}
