import CMLensCore
import Foundation
import Testing
@testable import CMLensTUI

/// The console lists every problem the core's workspace met, not only the logs': a site control
/// file's and a hotfix catalogue's reach `:problems` with their file and line, and the status count.
@Suite struct WorkspaceProblemsTests {
    @Test func siteControlAndCatalogueProblemsReachTheProblemsList() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-problems-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("PC1"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(ConsoleFixture.record("Execution Manager started", "10:00:00.000", component: "execmgr").utf8)
            .write(to: root.appendingPathComponent("PC1/execmgr.log"))
        try Data("BEGIN_CLIENT_COMPONENT\n<Software Distribution>\nPROPERTY <Execution Failure Retry Interval><REG_DWORD><><soon>\nEND_CLIENT_COMPONENT\n".utf8)
            .write(to: root.appendingPathComponent("sitectrl.ct0"))
        try Data("KB,Component,Version\n999002,SmsPolicyAgent,4.0.x\n".utf8)
            .write(to: root.appendingPathComponent("hotfixes.csv"))

        var console = ConsoleFixture(size: Size(columns: 160, lines: 30))
        console.command("open \(root.path)")
        #expect(console.screen.contains("2 load problems"), "\(console.screen)")
        console.command("problems")
        let screen = console.screen
        #expect(screen.contains("sitectrl.ct0:3: Execution Failure Retry Interval \"soon\" is not a number"), "\(screen)")
        #expect(screen.contains("hotfixes.csv:2:"), "\(screen)")
    }

    @Test func theRetryPolicyIsReadOnceWithTheWorkspace() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-policy-\(UUID().uuidString)")
        let root = top.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: top) }
        let site = root.appendingPathComponent("sitectrl.ct0")
        try Data("BEGIN_CLIENT_COMPONENT\n<Software Distribution>\nPROPERTY <Execution Failure Retry Count><REG_DWORD><><3>\nEND_CLIENT_COMPONENT\n".utf8).write(to: site)
        let workspace = ConsoleWorkspace.load([root.path]) { _ in }
        #expect(workspace.policy.count == 3)
        // Cited by its last parts so that it fits a line.
        #expect(workspace.policy.sourceDescription.hasPrefix(top.lastPathComponent + "/site/sitectrl.ct0 line 3"))
        // The file changing on disk does not change the policy of the workspace already read.
        try FileManager.default.removeItem(at: site)
        #expect(workspace.policy.count == 3)
    }
}
