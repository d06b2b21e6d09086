import Foundation
import Testing
@testable import CMLensTUI

/// Every pane and its drilled-in levels on the Samples workspace, at 80×24 and 120×40, compared
/// whole with the files under `Snapshots/ScreenSnapshots/` (see `Snapshot`). The safety net for
/// reshaping the console: a change that moves one cell shows here as a line diff.
@Suite struct ScreenSnapshotTests {
    /// A screen reached from the Samples console by keys.
    struct Screen: CustomTestStringConvertible, Sendable {
        var name: String
        var keys: [Key]
        var testDescription: String { name }
    }

    static func keys(_ text: String) -> [Key] { text.map { .character($0) } }

    static let screens: [Screen] = [
        Screen(name: "clients", keys: []),
        Screen(name: "client-view", keys: [.down, .down, .down, .enter]),
        Screen(name: "logs", keys: keys("2")),
        Screen(name: "logs-bottom", keys: keys("2G")),
        Screen(name: "logs-search", keys: keys("2/exit code") + [.enter]),
        Screen(name: "timeline", keys: keys("3")),
        Screen(name: "timeline-program", keys: keys("3") + [.enter]),
        Screen(name: "retry-codes", keys: keys("4")),
        Screen(name: "stale-systems", keys: keys("5")),
        Screen(name: "diagnostics", keys: keys("6")),
        Screen(name: "diagnostics-finding", keys: keys("6") + [.enter]),
        Screen(name: "compliance", keys: keys("7")),
        Screen(name: "compliance-kb", keys: keys("7") + [.enter]),
        Screen(name: "compliance-queries", keys: keys("7Q")),
        Screen(name: "compare", keys: [.down, .down, .down] + keys("m") + [.down] + keys("mC")),
        Screen(name: "help", keys: keys("?")),
        Screen(name: "explain", keys: keys("2e") + keys("x")),
        Screen(name: "problems", keys: keys(":problems") + [.enter]),
        // Recorded with the console before the list view and typed jobs (a783b1e), as a check
        // that they changed nothing on screen: paging, levels, drills and back.
        Screen(name: "clients-bottom", keys: keys("G")),
        Screen(name: "client-view-paged", keys: [.down, .down, .down, .enter, .pageDown]),
        Screen(name: "client-view-next-section", keys: [.down, .down, .down, .enter, .right, .right]),
        Screen(name: "client-view-program-drill", keys: [.down, .down, .down, .enter] + keys("jjj") + [.enter]),
        Screen(name: "client-view-program-drill-back", keys: [.down, .down, .down, .enter] + keys("jjj") + [.enter, .escape]),
        Screen(name: "logs-paged", keys: keys("2") + [.pageDown, .pageDown, .down]),
        Screen(name: "timeline-program-steps", keys: keys("3") + [.enter, .right, .right]),
        Screen(name: "timeline-bottom", keys: keys("3G")),
        Screen(name: "timeline-task-sequence", keys: keys("3G") + [.up, .enter]),
        Screen(name: "timeline-update-job", keys: keys("3G") + [.enter]),
        Screen(name: "retry-codes-occurrences", keys: keys("4") + keys(String(repeating: "j", count: 23)) + [.enter, .down]),
        Screen(name: "diagnostics-evidence-bottom", keys: keys("6") + [.enter] + keys("G")),
        Screen(name: "diagnostics-whole-text", keys: keys("6") + [.enter] + keys("d")),
        Screen(name: "diagnostics-whole-text-scrolled", keys: keys("6") + [.enter] + keys("djj")),
        Screen(name: "compliance-kb-bottom", keys: keys("7") + [.enter] + keys("G")),
        Screen(name: "compliance-bottom", keys: keys("7G")),
        Screen(name: "compare-next-client", keys: [.down, .down, .down] + keys("m") + [.down] + keys("mC") + [.right, .down, .down]),
    ]

    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    @Test(arguments: screens, sizes) func screen(_ screen: Screen, size: Size) {
        let samples = AnalysisFixture.stableSamples
        var console = AnalysisFixture.console(size: size, workspace: samples.workspace)
        for key in screen.keys { console.press(key) }
        // The link's folder is /tmp/cmlens-snap-XXXXXXXX: 25 characters, written as 25 others.
        Snapshot.expect(console.grid, named: "\(screen.name)-\(size.columns)x\(size.lines)", suite: "ScreenSnapshots",
                        replacing: [(samples.folder, "/tmp/cmlens-snap-<stable>")])
    }
}
