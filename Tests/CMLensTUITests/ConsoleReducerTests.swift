import Testing
@testable import CMLensTUI

@Suite struct ConsoleReducerTests {
    let size = Size(columns: 80, lines: 24)

    @Test func jAndKMoveTheSelectionWithinBounds() {
        var console = ConsoleFixture(size: size)
        console.press(.character("k"))
        #expect((console.state.panes[0] as! ClientsPane).cursor.selected == 0)
        console.press(.character("j"), .character("j"), .character("j"), .character("j"))
        #expect((console.state.panes[0] as! ClientsPane).cursor.selected == 2)
        console.press(.character("g"))
        #expect((console.state.panes[0] as! ClientsPane).cursor.selected == 0)
    }

    @Test func enterDrillsIntoAClientAndEscGoesBack() {
        var console = ConsoleFixture(size: size)
        // Enter opens the client (ClientViewTests); l opens its logs.
        console.press(.character("j"), .character("l"))
        #expect(console.state.focus == PaneRegistry.index(of: LogsPane.id))
        #expect(console.state.context.client == "PC-ALPHA")
        #expect(console.logs.view.count == 5)
        #expect(console.grid.lines[size.lines - 2].hasPrefix(" PC-ALPHA · 1/5"))
        console.press(.escape)
        #expect(console.state.focus == 0)
        #expect(console.state.context.client == nil)
        #expect(console.logs.view.count == 7)
    }

    @Test func errorAndWarningJumpsUseTheIndex() {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"), .character("e"))
        #expect(console.logs.cursor.selected == 3)  // インストール… at 10:15:05
        console.press(.character("e"))
        #expect(console.logs.cursor.selected == 4)  // exit code 999
        console.press(.character("e"))
        #expect(console.state.message == "no next error")
        console.press(.character("w"))
        #expect(console.logs.cursor.selected == 5)
        console.press(.character("W"))
        #expect(console.state.message == "no previous warning")
        console.press(.character("E"))
        #expect(console.logs.cursor.selected == 4)
    }

    @Test func searchFindsAndRepeatsAndWraps() {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"), .character("/"))
        #expect(console.state.prompt == Prompt(kind: .search))
        console.type("AB1000")
        console.press(.enter)
        #expect(console.logs.cursor.selected == 1)  // Execution Request for package AB100012 (after the cursor's row)
        console.press(.character("n"))
        #expect(console.logs.cursor.selected == 0)  // wraps to Download started … AB100012.1
        #expect(console.logs.searchNote == "wrapped")
        console.press(.character("N"))
        #expect(console.logs.cursor.selected == 1)
    }

    @Test func filterByLevelAndTextAndClearWithOneKey() {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"), .character("f"))
        #expect(console.state.prompt == Prompt(kind: .command, text: "filter "))
        console.type("level>=warning")
        console.press(.enter)
        #expect(console.logs.view.count == 4)
        #expect(console.grid.lines[size.lines - 2].contains("filter: level>=warning"))
        console.press(.character(":"))
        console.type("filter -text=retry thread=2484,4100")
        console.press(.enter)
        #expect(console.logs.view.count == 5)  // threads 2484 and 4100, less the retry line
        console.press(.character("c"))
        #expect(console.logs.view.count == 7)
        #expect(!console.grid.lines[size.lines - 2].contains("filter:"))
    }

    @Test func filterByTimeRangeOnTheLogsOwnClockOrAsAnInstant() {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"), .character(":"))
        console.type("filter since=2011-01-14T10:15:05 until=2011-01-14T10:15:09.5")
        console.press(.enter)
        #expect(console.logs.view.count == 2)
        console.press(.character(":"))
        console.type("filter since=2011-01-14T15:15:09Z component=execmgr")
        console.press(.enter)
        #expect(console.logs.view.count == 3)
        #expect(console.grid.lines[size.lines - 2].contains("1/3 of 7 · filter: component=execmgr since=2011-01-14T15:"))
    }

    @Test func aBadFilterSaysWhatToType() {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"), .character(":"))
        console.type("filter level>=loud")
        console.press(.enter)
        #expect(console.state.message?.contains("use verbose, info, warning or error") == true)
        #expect(console.logs.view.count == 7)
    }

    @Test func markShowsTheElapsedTimeToTheCursor() {
        var console = ConsoleFixture(size: size)
        console.press(.character("2"), .character("m"), .character("G"))
        #expect(console.grid.lines[size.lines - 2].contains("mark Δ +0:00:11.700"))
        #expect(console.grid.lines.contains { $0.hasPrefix("*") })
    }

    @Test func colonCommandsRunEveryKeyCommandByName() {
        var console = ConsoleFixture(size: size)
        console.press(.character(":"))
        console.type("logs")
        console.press(.enter)
        #expect(console.state.focus == 1)
        console.press(.character(":"))
        console.type("bottom")
        console.press(.enter)
        #expect(console.logs.cursor.selected == 6)
        console.press(.character(":"))
        console.type("frobnicate")
        console.press(.enter)
        #expect(console.state.message?.hasPrefix("unknown command") == true)
        console.press(.character(":"))
        console.type("quit")
        console.press(.enter)
        #expect(console.state.wantsQuit)
    }

    @Test func qQuitsAndTabCyclesPanes() {
        var console = ConsoleFixture(size: size)
        console.press(.tab)
        #expect(console.state.focus == 1)
        console.press(.backTab)
        #expect(console.state.focus == 0)
        console.press(.backTab)
        #expect(console.state.focus == console.state.panes.count - 1)
        console.press(.character("q"))
        #expect(console.state.wantsQuit)
    }

    @Test func resizeChangesThePageSize() {
        var console = ConsoleFixture(size: size)
        _ = console.state.handle(.resize(Size(columns: 100, lines: 30)))
        #expect(console.state.context.paneSize == Size(columns: 100, lines: 27))
        #expect(console.grid.size == Size(columns: 100, lines: 30))
    }

    @Test func keysWorkWhileLoading() {
        var state = ConsoleState(size: size)
        _ = state.handle(.loading("loading 3/40 files"))
        _ = state.handle(.key(.character("2")))
        #expect(state.focus == 1)
        let screen = ConsoleView.render(state).plainText
        #expect(screen.contains("loading 3/40 files"))
        #expect(!screen.contains("READY"))
    }

    @Test func everyCommandInTheTableHasAUniqueName() {
        let names = KeyBindings.standard.entries.map(\.command.name)
        #expect(Set(names).count == names.count)
        for entry in KeyBindings.standard.entries {
            #expect(Command.parse(entry.command.name) == entry.command || entry.command.name == "search" || entry.command.name == "filter")
        }
    }
}
