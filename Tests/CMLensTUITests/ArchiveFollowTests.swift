import CMLensCore
import Testing
@testable import CMLensTUI

/// Follow mode watches files for growth; an archive is read once, so F says so and stays off.
@Suite struct ArchiveFollowTests {
    @Test func followSaysItDoesNotApplyToArchives() {
        var console = ConsoleFixture(size: Size(columns: 100, lines: 30))
        let loaded = console.state.context.workspace!
        var inputs = loaded.inputs
        inputs.archives = ["/home/admin/tickets/case-1234.zip"]
        console.state.context.workspace = ConsoleWorkspace(paths: loaded.paths, inputs: inputs, logs: loaded.logs)
        console.press(.character("2"), .character("F"))
        #expect(console.state.message == "follow does not apply to archives: case-1234.zip is read once; unpack it to follow")
        #expect(!console.logs.follow)
        #expect(!console.state.context.following)
    }

    @Test func followStillWorksOnFolders() {
        var console = ConsoleFixture(size: Size(columns: 100, lines: 30))
        console.press(.character("2"), .character("F"))
        #expect(console.logs.follow)
        #expect(console.state.context.following)
    }
}
