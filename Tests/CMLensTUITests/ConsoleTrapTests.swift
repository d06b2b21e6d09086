import CMLensCore
import Foundation
import Testing
@testable import CMLensTUI

/// Sequences of keys that once stopped the console with a Swift trap (`Illegal instruction`), each
/// kept so it cannot come back.
@Suite struct ConsoleTrapTests {
    static func emptyFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Logs pane, bottom, then a workspace with no records: the cursor was left on the old view's
    /// last row while the new view was built.
    @Test func logsBottomThenOpenAnEmptyFolder() throws {
        let empty = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        console.press(.character("2"), .character("G"))
        #expect(console.logs.cursor.selected > 0)
        // The run loop draws the new workspace before the Logs pane's view of it is built.
        console.deferJobs = true
        console.command("open \(empty)")
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
        _ = console.screen
        console.finishJobs()
        console.deferJobs = false
        #expect(console.state.context.workspace?.paths == [empty])
        #expect(console.logs.view.isEmpty)
        #expect(console.logs.cursor == ListCursor())
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
        _ = console.screen  // drawing it traps if anything is still out of range
        for index in PaneRegistry.all.indices {
            console.press(.character(Character(String(index + 1))), .character("G"), .enter, .escape)
            _ = console.screen
            #expect(ConsoleInvariants.violations(console.state).isEmpty)
        }
    }
}

extension ConsoleTrapTests {
    /// Found by the random run (seed 1, step 228): the Clients cursor on the last client of the
    /// Samples stayed there when a workspace with no clients was opened.
    @Test func clientsCursorFollowsAWorkspaceWithFewerClients() throws {
        let empty = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        console.press(.character("1"), .character("G"))
        let clients = console.state.panes[0] as! ClientsPane
        #expect(clients.cursor.selected > 0)
        console.command("open \(empty)")
        #expect((console.state.panes[0] as! ClientsPane).cursor.selected == 0)
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
        console.press(.enter)
        _ = console.screen
    }
}

extension ConsoleTrapTests {
    /// Found by the random run (seed 1, step 958): a comparison's cursor stayed on its row when
    /// the marks were dropped (a new workspace) and the comparison went away.
    @Test func compareCursorGoesWithTheComparison() throws {
        var console = AnalysisFixture.console(size: Size(columns: 120, lines: 40))
        console.press(.character("1"), .down, .character("m"), .down, .character("m"), .character("C"))
        console.press(.character("G"))
        let compare = try #require(console.state.panes[PaneRegistry.index(of: ComparePane.id)!] as? ComparePane)
        #expect(compare.comparison != nil && compare.cursor.selected > 0)
        // Unmark one client: fewer than two are marked, the comparison goes.
        console.press(.character("1"), .character("m"))
        let after = try #require(console.state.panes[PaneRegistry.index(of: ComparePane.id)!] as? ComparePane)
        #expect(after.comparison == nil)
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
        _ = console.screen
    }
}

extension ConsoleTrapTests {
    /// Found by a long random run (seed 3, step 2590): the Diagnostics cursor stayed on the Samples'
    /// second finding when a workspace with none was opened.
    @Test func diagnosticsCursorFollowsAWorkspaceWithFewerFindings() throws {
        let empty = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        var console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        AnalysisFixture.show(DiagnosticsPane.id, in: &console)
        console.press(.character("G"))
        let before = try #require(console.state.panes[PaneRegistry.index(of: DiagnosticsPane.id)!] as? DiagnosticsPane)
        #expect(before.levels.base.selected > 0)
        console.command("open \(empty)")
        let after = try #require(console.state.panes[PaneRegistry.index(of: DiagnosticsPane.id)!] as? DiagnosticsPane)
        #expect(after.findings.isEmpty && after.levels.base.selected == 0)
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
        console.press(.enter)
        _ = console.screen
    }
}

extension ConsoleTrapTests {
    /// Found by a long random run (seed 7, step 3306): with a finding open, choosing a client with
    /// fewer findings left the list's cursor past its end; Esc then showed a list with no selection.
    @Test func diagnosticsCursorStaysInTheListWhenTheClientChangesUnderAnOpenFinding() throws {
        var console = AnalysisFixture.console(size: Size(columns: 120, lines: 40))
        AnalysisFixture.show(DiagnosticsPane.id, in: &console)
        console.press(.character("G"), .enter)
        let index = PaneRegistry.index(of: DiagnosticsPane.id)!
        let before = try #require(console.state.panes[index] as? DiagnosticsPane)
        #expect(before.openFinding != nil && before.levels.base.selected > 0)
        // Another client, chosen while the finding is open (a drill elsewhere and back does this).
        console.state.context.client = "WKS-LAB-007"
        var effects = Effects()
        console.state.broadcastContext(&effects)
        console.run(effects)
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
        console.press(.escape)
        _ = console.screen
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
    }
}

extension ConsoleTrapTests {
    /// A mark on the last record of a log that is then rotated (cut short) in follow mode: the mark
    /// points past the end of the file as reloaded, and the status bar must not read it.
    @Test func aMarkPastTheEndOfARotatedLogIsDropped() throws {
        let dir = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let client = URL(fileURLWithPath: dir).appendingPathComponent("PC")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        let log = client.appendingPathComponent("CAS.log")
        let long = (0..<20).map { ConsoleFixture.record("line \($0)", String(format: "10:00:%02d.000", $0), component: "CAS") }.joined()
        try Data(long.utf8).write(to: log)
        var console = ConsoleFixture(size: Size(columns: 100, lines: 30))
        console.command("open \(dir)")
        console.press(.character("2"), .character("G"), .character("m"))
        #expect(console.logs.mark != nil)
        console.press(.character("g"))
        // Rotated: the log starts again with one record.
        try Data(ConsoleFixture.record("after rotation", "10:01:00.000", component: "CAS").utf8).write(to: log)
        let fresh = try #require(console.state.context.workspace!.refreshed())
        console.run(console.state.handle(.loaded(fresh)))
        _ = console.screen
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
    }
}

extension ConsoleTrapTests {
    /// The Retry codes pane kept the old workspace's occurrences until the new scan landed: Enter on
    /// a code then listed references into files the new workspace does not have, and drawing them trapped.
    @Test func retryCodeOccurrencesAreNeverTheOldWorkspaces() throws {
        let empty = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        var console = AnalysisFixture.console(size: Size(columns: 100, lines: 30))
        AnalysisFixture.show(RetryCodesPane.id, in: &console)
        let index = PaneRegistry.index(of: RetryCodesPane.id)!
        let pane = try #require(console.state.panes[index] as? RetryCodesPane)
        let row = try #require(pane.table.rows.firstIndex { pane.seen[$0.code] != nil })
        console.press(.character("g"))
        for _ in 0..<row { console.press(.down) }
        console.deferJobs = true
        console.command("open \(empty)")
        console.press(.enter)
        _ = console.screen
        #expect(ConsoleInvariants.violations(console.state).isEmpty)
        console.finishJobs()
        console.deferJobs = false
        _ = console.screen
    }
}
