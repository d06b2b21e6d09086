import CMLensCore
import Foundation
import Testing
@testable import CMLensTUI

/// Junk named like a log, opened in the console: no records of it, and `:problems` names it.
@Suite struct BinaryLogProblemsTests {
    @Test func aFileRepeatingEveryByteIsListedInProblems() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-junk-\(UUID().uuidString)")
        let client = dir.appendingPathComponent("PC-JUNK")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data((0..<16_640).map { UInt8(truncatingIfNeeded: $0) }).write(to: client.appendingPathComponent("execmgr.log"))
        var console = ConsoleFixture(size: Size(columns: 120, lines: 40))
        console.command("open \(dir.path)")
        let workspace = try #require(console.state.context.workspace)
        #expect(workspace.logs.files.allSatisfy { $0.count == 0 })
        console.command("problems")
        let lines = console.grid.lines
        #expect(lines.contains { $0.contains("PC-JUNK/execmgr.log: binary data, not a log") })
    }
}
