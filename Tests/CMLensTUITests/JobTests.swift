import CMLensCore
import Testing
@testable import CMLensTUI

/// Jobs as the console keeps them: by their id, not their label; a newer one for the same purpose
/// stops the older; a result for a workspace since replaced never reaches its pane.
@Suite struct JobTests {
    @Test func aResultForAWorkspaceSinceReplacedIsDropped() {
        let withPrograms = ConsoleFixture(size: Size(columns: 80, lines: 24)).state.context.workspace!
        let empty = ConsoleFixture(size: Size(columns: 80, lines: 24), logs: []).state.context.workspace!
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24), logs: [])
        console.deferJobs = true
        console.run(console.state.handle(.loaded(withPrograms)))
        let stale = console.waiting.map(\.id)
        console.run(console.state.handle(.loaded(empty)))
        #expect(!stale.isEmpty && stale.allSatisfy { console.state.context.jobs[$0] == nil })
        // The new workspace's answers first, then the old one's late: those are dropped.
        console.waiting.reverse()
        console.finishJobs()
        let timeline = console.state.panes[console.state.index(of: TimelinePane.id)!] as! TimelinePane
        #expect(timeline.history?.timelines.isEmpty == true)
        #expect(console.state.context.jobs.isEmpty && console.state.isReady)
    }

    @Test func aNewerJobForTheSamePurposeStopsTheOlder() {
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24))
        console.press(.character("2"))
        console.deferJobs = true
        console.press(.character("/"))
        console.type("exit")
        console.press(.enter)
        let first = console.logs.searchJob
        console.press(.character("n"))
        let second = console.logs.searchJob
        #expect(first != nil && second != nil && first != second)
        #expect(console.state.context.jobs[first!] == nil && console.state.context.jobs[second!] != nil)
        #expect(console.state.running[LogsPane.id] == "searching")
        console.finishJobs()
        #expect(!console.logs.isBusy && console.state.context.jobs.isEmpty)
    }

    @Test func jobsWithTheSameLabelAreStillTwoJobs() {
        let a = Job("reading", for: ClientsPane.self) { _ in 1 } then: { _, _, _ in .handled }
        let b = Job("reading", for: ClientsPane.self) { _ in 1 } then: { _, _, _ in .handled }
        #expect(a.id != b.id)
    }
}
