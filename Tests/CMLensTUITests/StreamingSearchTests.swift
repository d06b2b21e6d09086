import CMLensCore
import Foundation
import Synchronization
import Testing
@testable import CMLensTUI

/// `/` shows the next match before the scan of the workspace ends (#17): the walk from the cursor
/// hands it over early, the scan's answer then brings every match for `n`/`N`. The early answer is
/// never another record than the scan's, and one from a stopped search never lands.
@Suite struct StreamingSearchTests {
    static let size = Size(columns: 80, lines: 24)

    /// The row of `text` and the roles of its cells.
    static func roles(of text: String, in grid: Grid) throws -> (line: Int, roles: [Role]) {
        let line = try #require(grid.lines.firstIndex { $0.contains(text) })
        return (line, (0..<grid.size.columns).map { grid[$0, line].role })
    }

    @Test func theNextMatchShowsWhileTheScanRunsAndItsEndDoesNotMoveTheCursorBack() throws {
        var console = LogViewTests.oneLog(size: Self.size)
        console.deferJobs = true
        console.press(.character("/"))
        console.type("exit code 1618")
        console.press(.enter)
        let search = try #require(console.logs.searchJob)
        #expect(console.logs.cursor.selected == 0)
        console.startJobs()
        // The walk's answer: the cursor on the next match, highlighted, while the scan still runs.
        #expect(console.logs.cursor.selected == 5)
        #expect(console.logs.searchJob == search && console.logs.searchMatches == nil)
        #expect(console.state.running[LogsPane.id] == "searching" && console.state.context.jobs[search] != nil)
        let grid = console.grid
        #expect(grid.lines[22].contains("searching") && grid.lines[22].contains("/exit code 1618/"), "\(grid.lines[22])")
        let row = try Self.roles(of: "Line 5 of the log", in: grid)
        #expect(row.roles.contains(.match) && row.roles.contains(.selection), "\(grid.roleText)")
        #expect(try Self.roles(of: "Line 4 of the log", in: grid).roles.allSatisfy { $0 != .match && $0 != .selection })
        // The user reads on; the scan's end brings every match and leaves the cursor where it is.
        console.press(.down, .down)
        console.finishJobs()
        #expect(console.logs.cursor.selected == 7)
        #expect(!console.logs.isBusy && console.state.running[LogsPane.id] == nil)
        #expect(console.logs.searchMatches?.byFile[0]?.indices == [0, 5, 10, 15, 20, 25])
        #expect(!console.grid.lines[22].contains("searching"))
        // n and N go over every match, from the cursor, with no scan.
        console.deferJobs = false
        console.press(.character("n"))
        #expect(console.logs.cursor.selected == 10)
        console.press(.character("n"), .character("n"), .character("n"))
        #expect(console.logs.cursor.selected == 25)
        console.press(.character("n"))
        #expect(console.logs.cursor.selected == 0 && console.logs.searchNote == "wrapped")
        console.press(.character("N"))
        #expect(console.logs.cursor.selected == 25 && console.logs.searchNote == "wrapped")
        console.press(.character("N"))
        #expect(console.logs.cursor.selected == 20 && console.logs.searchNote == nil)
    }

    @Test func withNoMatchNothingLandsEarlyAndTheScanSaysSo() {
        var console = LogViewTests.oneLog(size: Self.size)
        console.press(.down, .down)
        console.deferJobs = true
        console.press(.character("/"))
        console.type("nothing-like-this")
        console.press(.enter)
        console.startJobs()
        #expect(console.logs.cursor.selected == 2 && console.logs.searchNote == nil && console.logs.isBusy)
        console.finishJobs()
        #expect(console.logs.cursor.selected == 2 && console.logs.searchNote == "no match" && !console.logs.isBusy)
    }

    @Test func anEarlyAnswerAfterEscLandsNowhere() {
        var console = LogViewTests.oneLog(size: Self.size)
        console.deferJobs = true
        console.press(.character("/"))
        console.type("exit code 1618")
        console.press(.enter)
        console.press(.escape)
        console.startJobs()
        #expect(console.logs.cursor.selected == 0 && console.logs.searchNote == "stopped")
        console.finishJobs()
        #expect(console.logs.cursor.selected == 0 && console.logs.searchMatches == nil)
    }

    /// A newer search stops the older: the older's early answer is dropped whether it comes before
    /// or after the newer's.
    @Test(arguments: [false, true])
    func anOlderSearchsEarlyAnswerIsDropped(olderLast: Bool) {
        var console = LogViewTests.oneLog(size: Self.size)
        console.deferJobs = true
        console.press(.character("/"))
        console.type("exit code 1618")  // would land on 5
        console.press(.enter)
        console.press(.character("/"))
        console.type("Line 2")  // lands on 2
        console.press(.enter)
        #expect(console.waiting.count == 2)
        if olderLast { console.waiting.reverse() }
        console.startJobs()
        #expect(console.logs.cursor.selected == 2)
        console.finishJobs()
        #expect(console.logs.cursor.selected == 2 && console.logs.searchMatches?.pattern.text == "Line 2")
    }

    @Test func anEarlyAnswerForAViewSinceRebuiltIsDropped() throws {
        var console = LogViewTests.oneLog(size: Self.size)
        console.deferJobs = true
        console.press(.character("/"))
        console.type("exit code 1618")
        console.press(.enter)
        let old = console.logs.generation
        // A filter rebuilds the view: the search over the old one is stopped.
        console.press(.character(":"))
        console.type("filter level>=info")
        console.press(.enter)
        #expect(console.logs.searchJob == nil && console.logs.generation == old + 1)
        console.startJobs()
        console.finishJobs()
        #expect(console.logs.cursor.selected == 0 && console.logs.searchMatches == nil)
        // Handed to the pane itself, an answer of another generation changes nothing.
        var pane = console.logs
        pane.searchJob = JobID.next()
        pane.searchedEarly(.init(generation: old, found: 9, wrapped: true), context: console.state.context)
        #expect(pane.cursor.selected == 0 && pane.searchNote == nil && !pane.searchShownEarly)
        pane.searchedEarly(.init(generation: pane.generation, found: 9, wrapped: true), context: console.state.context)
        #expect(pane.cursor.selected == 9 && pane.searchNote == "wrapped" && pane.searchShownEarly)
    }

    /// `N` with no matches known yet (the first search was stopped) walks backward.
    @Test(arguments: [(3, 0, nil), (0, 25, "wrapped")] as [(Int, Int, String?)])
    func backwardTheEarlyAnswerIsThePreviousMatch(cursor: Int, expected: Int, note: String?) {
        var console = LogViewTests.oneLog(size: Self.size)
        for _ in 0..<cursor { console.press(.down) }
        console.deferJobs = true
        console.press(.character("/"))
        console.type("exit code 1618")
        console.press(.enter)
        console.press(.escape)
        console.finishJobs()
        #expect(console.logs.searchMatches == nil && console.logs.cursor.selected == cursor)
        console.press(.character("N"))
        console.startJobs()
        #expect(console.logs.cursor.selected == expected && console.logs.searchNote == note && console.logs.isBusy)
        console.finishJobs()
        #expect(console.logs.cursor.selected == expected && console.logs.searchNote == note && !console.logs.isBusy)
    }
}

/// The early answer against the scan's on generated workspaces: many files merged, filtered views,
/// every direction, cursors anywhere.
@Suite struct StreamingSearchAgreementTests {
    static let words = ["Program", "exit", "code", "1618", "999", "0x80070005", "Execution", "Request", "state",
                        "retry", "failed", "café", "インストール", "\u{212A}elvin", "kelvin", "ZZZQQQ"]
    static let patterns = ["exit code", "1618", "exit code (999|1618)", "\\d{4}", "kelvin", "ZZZQQQ", "execmgr",
                           "(?-i)Exit", "café|インストール", "nothing-like-this"]

    /// `clients` clients of a few logs each; records at random seconds, so the merge interleaves them.
    static func workspace(seed: UInt64, records: Int) -> ConsoleFixture {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        var logs: [(client: String, name: String, text: String)] = []
        for c in 0..<3 {
            for name in ["execmgr.log", "CAS.log", "AppEnforce.log"] {
                let count = records / 9 + Int(random.next() % 20)
                let times = (0..<count).map { _ in Int(random.next() % 3600) }.sorted()
                let text = times.map { t in
                    let message = (0..<Int(2 + random.next() % 6)).map { _ in pick(words) }.joined(separator: " ")
                    return ConsoleFixture.record(message, String(format: "10:%02d:%02d.%03d", t / 60, t % 60, Int(random.next() % 1000)),
                                                 component: pick(["execmgr", "ContentAccess", "AppEnforce"]),
                                                 type: Int(1 + random.next() % 3))
                }.joined()
                logs.append(("PC-\(c)", name, text))
            }
        }
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24), logs: logs)
        console.press(.character("2"))
        return console
    }

    /// The scan's answer, as the search gave it before the walk: every match, then a bit test per
    /// position from the cursor.
    static func scanned(_ view: [RecordReference], _ logs: LoadedLogs, _ pattern: TextPattern, start: Int,
                        forward: Bool) -> LogViewBuilder.SearchResult {
        let all = RecordSearch.run(pattern, in: logs, files: Array(logs.files.indices), fields: .messageAndComponent)!
        return LogViewBuilder.answer(view, matches: SearchMatches(pattern: pattern, byFile: all), start: start,
                                     forward: forward, generation: 0, density: nil)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func theEarlyAnswerIsTheScansAnswer(seed: UInt64) throws {
        let console = Self.workspace(seed: seed, records: 900)
        let logs = try #require(console.logs.source).logs
        var random = SplitMix64(seed: seed &* 31)
        let merged = console.logs.view
        #expect(merged.count > 800)
        // The whole view, and views a filter thinned out (a few records of each file, far apart).
        let views = [merged, merged.filter { _ in random.next() % 4 == 0 }, merged.filter { _ in random.next() % 40 == 0 }]
        var early = 0, found = 0
        for view in views {
            for text in Self.patterns {
                let pattern = try TextPattern(text)
                for _ in 0..<6 {
                    let forward = random.next() % 2 == 0
                    let cursor = Int(random.next() % UInt64(view.count))
                    let start = cursor + (forward ? 1 : -1)
                    let expected = Self.scanned(view, logs, pattern, start: start, forward: forward)
                    if expected.found != nil { found += 1 }
                    let what = "\(text) \(forward ? "forward" : "backward") from \(cursor) of \(view.count)"
                    // The walk alone, in batches of any size, over every position.
                    let batch = 1 + Int(random.next() % 50)
                    let walked = LogViewBuilder.walk(view, probe: RecordSearch.Probe(pattern, in: logs, fields: .messageAndComponent),
                                                     start: start, forward: forward, steps: 0..<view.count, batch: batch,
                                                     isStopped: { false })
                    #expect(walked == expected.found.map { .found(position: $0, wrapped: expected.wrapped) } ?? LogViewBuilder.WalkOutcome.none,
                            "\(what) batch \(batch)")
                    // The search job: its early answer, if any, and its final answer are the scan's.
                    let posted = Posted()
                    let result = LogViewBuilder.search(view, logs: logs, pattern: pattern, start: start, forward: forward,
                                                       generation: 0, known: nil, density: ViewDensity(), progress: JobProgress(),
                                                       post: posted.add)
                    #expect(result.found == expected.found && result.wrapped == expected.wrapped, "\(what)")
                    let handed = posted.all
                    #expect(handed.count <= 1 && handed.allSatisfy { $0.found == expected.found && $0.wrapped == expected.wrapped && $0.matches == nil },
                            "\(what): \(handed.map { ($0.found, $0.wrapped) })")
                    // A view this small is walked whole before the scan starts: a match is always handed early.
                    #expect(handed.count == (expected.found == nil ? 0 : 1), "\(what)")
                    early += handed.count
                }
            }
        }
        #expect(found > 60 && early == found, "\(early) early answers, \(found) matches")
    }

    /// Longer than the first batch: the rest of the walk runs beside the scan and may or may not
    /// finish first; whatever it hands over is the scan's answer.
    @Test func pastTheFirstBatchAnEarlyAnswerIsStillTheScans() throws {
        let console = Self.workspace(seed: 9, records: 9000)
        let logs = try #require(console.logs.source).logs
        let view = console.logs.view
        #expect(view.count > LogViewBuilder.walkBatch + 1000)
        var random = SplitMix64(seed: 9)
        for text in ["ZZZQQQ café", "kelvin 1618 exit", "nothing-like-this"] {
            let pattern = try TextPattern(text)
            for _ in 0..<4 {
                let forward = random.next() % 2 == 0
                let start = Int(random.next() % UInt64(view.count))
                let expected = Self.scanned(view, logs, pattern, start: start, forward: forward)
                let posted = Posted()
                let result = LogViewBuilder.search(view, logs: logs, pattern: pattern, start: start, forward: forward,
                                                   generation: 0, known: nil, density: ViewDensity(), progress: JobProgress(),
                                                   post: posted.add)
                #expect(result.found == expected.found && result.wrapped == expected.wrapped, "\(text) from \(start)")
                #expect(posted.all.allSatisfy { $0.found == expected.found && $0.wrapped == expected.wrapped },
                        "\(text) from \(start)")
            }
        }
    }

    /// Through the console: `/` lands on the scan's answer early, and stays there when the scan ends.
    @Test(arguments: [UInt64(5), 6])
    func theConsoleLandsOnTheScansAnswer(seed: UInt64) throws {
        var console = Self.workspace(seed: seed, records: 600)
        let logs = try #require(console.logs.source).logs
        var random = SplitMix64(seed: seed)
        for text in ["exit code 1618", "kelvin", "ZZZQQQ", "nothing-like-this"] {
            let cursor = Int(random.next() % UInt64(console.logs.view.count))
            console.logs(select: cursor)
            let expected = Self.scanned(console.logs.view, logs, try TextPattern(text), start: cursor + 1, forward: true)
            console.deferJobs = true
            console.press(.character("/"))
            console.type(text)
            console.press(.enter)
            console.startJobs()
            #expect(console.logs.cursor.selected == expected.found ?? cursor, "\(text) from \(cursor)")
            console.finishJobs()
            #expect(console.logs.cursor.selected == expected.found ?? cursor, "\(text) from \(cursor)")
            #expect(console.logs.searchNote == (expected.found == nil ? "no match" : expected.wrapped ? "wrapped" : nil))
            console.deferJobs = false
        }
    }
}

/// What a search hands over early, gathered from the threads it runs on.
final class Posted: Sendable {
    private let list = Mutex<[LogViewBuilder.SearchResult]>([])
    func add(_ result: LogViewBuilder.SearchResult) { list.withLock { $0.append(result) } }
    var all: [LogViewBuilder.SearchResult] { list.withLock { $0 } }
}

extension ConsoleFixture {
    /// Puts the Logs pane's cursor on `position`, as `:goto` or the arrows would.
    mutating func logs(select position: Int) {
        let index = PaneRegistry.index(of: LogsPane.id)!
        var pane = logs
        pane.cursor.select(position, count: pane.view.count, visible: pane.listLines(state.context.paneSize.lines))
        state.panes[index] = pane
    }
}
