import CMLensCore
import Testing
@testable import CMLensTUI

/// A tenth pane, written as docs/console.md's "Add a pane" says: a descriptor, its commands, a
/// cursor, a layout, a row source, and `handle`/`render` that hand both to the list view.
/// It lists the workspace's log files; Enter opens one alone in the Logs pane.
struct LogFilesPane: Pane {
    static let descriptor = PaneDescriptor(id: "log-files", title: "Log files", shortTitle: "Files")
    static let commands: [Command] = [.open, .up, .down, .pageUp, .pageDown, .top, .bottom]

    var cursor = ListCursor()

    /// The column names, the files, and the selected file's path below.
    func layout(_ area: Rect) -> ListLayout { ListLayout(area, detail: 3) }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        let files = context.workspace?.logs.files ?? []
        if cursor.apply(command, count: files.count, visible: layout(Rect(context.paneSize)).page) { return .handled }
        guard command == .open, files.indices.contains(cursor.selected) else { return .ignored }
        let file = files[cursor.selected]
        return Reaction(handled: true, drill: .init(client: file.client, pane: LogsPane.id, focus: .logFile(file.logName)))
    }

    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        ListView.render(FileRows(files: context.workspace?.logs.files ?? []), cursor: cursor, layout: layout(area), into: &grid)
    }

    struct FileRows: RowSource {
        var files: [LogFileIndex]

        var count: Int { files.count }

        func header(width: Int) -> StyledLine? {
            return .header(" " + DisplayWidth.fit("Client", to: 14) + " " + DisplayWidth.fit("Log", to: 24) + "   Records")
        }

        func row(_ index: Int, width: Int) -> StyledLine {
            let file = files[index]
            var line = StyledLine(" " + DisplayWidth.fit(TerminalText.escape(file.client), to: 14) + " ", .text)
            line.add(DisplayWidth.fit(TerminalText.escape(file.logName), to: 24), .text)
            line.add(CountText.column(file.count, width: 10), .dim)
            return line
        }

        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            guard let selected else { return nil }
            return ListDetail(title: "─ Enter shows this log alone ", lines: [(files[selected].logName, .dim)])
        }

        var emptyNote: StyledLine? { StyledLine(" No log files.", .dim) }
    }
}

@Suite struct TenthPaneTests {
    static let panes: [any Pane.Type] = PaneRegistry.all + [LogFilesPane.self]

    static func console(size: Size) -> ConsoleFixture {
        var console = ConsoleFixture(size: size, logs: [])
        console.state = ConsoleState(size: size, panes: panes)
        console.run(console.state.handle(.loaded(AnalysisFixture.stableSamples.workspace)))
        return console
    }

    @Test func aTenthPaneStartsAndHasNoNumberKey() {
        let console = Self.console(size: Size(columns: 80, lines: 24))
        #expect(console.state.panes.count == 10)
        let bindings = console.state.bindings
        for n in 1...9 {
            #expect(bindings.command(for: .character(Character(String(n)))) == .showPane(Self.panes[n - 1].id))
        }
        #expect(bindings.keys(for: .showPane(LogFilesPane.id)).isEmpty)
        #expect(bindings.command(for: .character("0")) == nil)
        #expect(bindings.parse("log-files") == .showPane(LogFilesPane.id))
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
    }

    @Test func theTenthPaneIsReachedByTabAndByNameAndDrawsThroughTheListView() {
        for size in ScreenSnapshotTests.sizes {
            var console = Self.console(size: size)
            console.press(.backTab)  // from the first pane back round to the last
            #expect(console.state.focus == 9)
            console.press(.character("1"))
            console.type(":log-files")
            console.press(.enter)
            #expect(console.state.focus == 9)
            console.press(.down)
            Snapshot.expect(console.grid, named: "tenth-pane-\(size.columns)x\(size.lines)", suite: "ScreenSnapshots")
        }
    }

    @Test func enterOnTheTenthPaneDrillsIntoTheLogAndEscComesBack() throws {
        var console = Self.console(size: Size(columns: 120, lines: 40))
        console.type(":log-files")
        console.press(.enter, .down, .enter)
        let logs = try #require(console.state.index(of: LogsPane.id))
        #expect(console.state.focus == logs)
        #expect(console.logs.filter.files.count == 1)
        console.press(.escape)
        #expect(console.state.focus == 9)
        #expect((console.state.panes[9] as? LogFilesPane)?.cursor.selected == 1)
    }

    @Test func helpAndHintsNameTheTenthPane() {
        var console = Self.console(size: Size(columns: 120, lines: 40))
        let help = HelpOverlay.lines(focus: 0, bindings: console.state.bindings).map(\.0)
        #expect(help.contains("Log files pane"))
        #expect(help.contains { $0.contains(":log-files") && $0.contains("show the Log files pane") })
        console.type(":log-files")
        console.press(.enter)
        #expect(console.grid.lines[0].contains("Log files"))
        #expect(console.grid.lines[39].contains("Enter open"))
    }
}
