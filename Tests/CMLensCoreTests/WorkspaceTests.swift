import Foundation
import Testing
@testable import CMLensCore

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// `Workspace.load`: every part read once, every problem in one list naming its file and line, the
/// analyses computed once and shared.
@Suite struct WorkspaceTests {
    /// A client folder, a site control file whose retry count is not a number (line 3), an
    /// inventory, a hotfix catalogue with a bad version (line 3) and a rules file that is not JSON.
    static func troubledWorkspace() throws -> String {
        let root = try LogTestSupport.temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("PC1"), withIntermediateDirectories: true)
        let log = LogTestSupport.cmtrace("Execution Manager service instance started", thread: 12) + "\n"
            + LogTestSupport.cmtrace("Raising event: retry later", time: "10:16:00.000+300", thread: 12) + "\n"
            + LogTestSupport.cmtrace("Job done", time: "10:17:00.000+300", thread: 40) + "\n"
        try Data(log.utf8).write(to: root.appendingPathComponent("PC1/execmgr.log"))
        try Data("""
            BEGIN_CLIENT_COMPONENT
                <Software Distribution>
                PROPERTY <Execution Failure Retry Count><REG_DWORD><><many>
            END_CLIENT_COMPONENT

            """.utf8).write(to: root.appendingPathComponent("sitectrl.ct0"))
        try Data("ResourceID,Name0,Version0\n1,SmsPowerManagement,4.0.6487.2000\n".utf8)
            .write(to: root.appendingPathComponent("v_GS_SMS_ADVANCED_CLIENT_STATE.csv"))
        try Data("KB,Component,Version\n999001,CcmFramework,4.0.6487.2155\n999002,SmsPolicyAgent,4.0.x\n".utf8)
            .write(to: root.appendingPathComponent("hotfixes.csv"))
        try Data("{ not json\n".utf8).write(to: root.appendingPathComponent("mine.rules.json"))
        return root.path
    }

    @Test func everyPartsProblemsAreInOneListWithFileAndLine() throws {
        let root = try Self.troubledWorkspace()
        let workspace = Workspace.load([root])
        let places = workspace.problems.map { "\(($0.file as NSString).lastPathComponent):\($0.line.map(String.init) ?? "-")" }
        #expect(places.contains("sitectrl.ct0:3"), "\(workspace.problems)")
        #expect(places.contains("hotfixes.csv:3"), "\(workspace.problems)")
        #expect(places.contains { $0.hasPrefix("mine.rules.json:") }, "\(workspace.problems)")
        #expect(workspace.hasErrors)
        // The parts themselves were read: the policy names its file, the catalogue took the good row.
        #expect(workspace.policy.source != .defaults)
        #expect(workspace.catalog["999001"] != nil)
        #expect(workspace.logs.files.count == 1)
        #expect(workspace.inventory.components.count == 1)
    }

    @Test func aCommandReadsOnlyThePartsItAsksFor() throws {
        let root = try Self.troubledWorkspace()
        let logsOnly = Workspace.load([root], .init(parts: .logs))
        #expect(logsOnly.logs.files.count == 1)
        #expect(logsOnly.policy.source == .defaults)
        #expect(logsOnly.inventory.components.isEmpty)
        #expect(logsOnly.rules.isEmpty)
        // Nothing but the logs was read, so nothing else can have gone wrong.
        #expect(logsOnly.problems.isEmpty, "\(logsOnly.problems)")

        let inventoryOnly = Workspace.load([root], .init(parts: .inventory))
        #expect(inventoryOnly.logs.files.isEmpty)
        #expect(inventoryOnly.problems.map { ($0.file as NSString).lastPathComponent } == ["hotfixes.csv"])
    }

    @Test func theFilesTheUserNamedWinAndTheirProblemsAreKept() throws {
        let root = try Self.troubledWorkspace()
        let badCatalog = root + "/elsewhere.json"
        try Data("[{\"kb\": \"KB1\"}]".utf8).write(to: URL(fileURLWithPath: badCatalog))
        let custom = fixtures.appendingPathComponent("sitecontrol/custom/sitectrl.ct0").path
        let workspace = Workspace.load([root], .init(parts: [.sitePolicy, .inventory], siteControl: custom,
                                                     catalogFiles: [badCatalog]))
        #expect(workspace.policy.count == 3)
        #expect(!workspace.problems.contains { $0.file.hasSuffix("sitectrl.ct0") && $0.file.hasPrefix(root) })
        #expect(workspace.problems.contains { $0.file == badCatalog })
    }

    @Test func theAnalysesAreComputedOnceAndSharedByCopies() throws {
        let workspace = Workspace.load([try Self.troubledWorkspace()])
        let copy = workspace
        #expect(copy.analyses === workspace.analyses)
        #expect(copy.analyses.history.withLock { $0 == nil })
        _ = workspace.clientSummaries()
        // Asking one copy for the summaries computed what they rest on, for every copy.
        #expect(copy.analyses.history.withLock { $0 != nil })
        #expect(copy.analyses.diagnosis.withLock { $0 != nil })
        #expect(copy.analyses.compliance.withLock { $0 != nil })
        // A workspace read again starts afresh.
        let again = Workspace.load(workspace.paths)
        #expect(again.analyses !== workspace.analyses)
        #expect(again.analyses.history.withLock { $0 == nil })
    }

    @Test func refreshedReadsAgainOnlyWhenALogChanged() throws {
        let root = try Self.troubledWorkspace()
        let workspace = Workspace.load([root])
        #expect(workspace.refreshed() == nil)
        let log = FileHandle(forWritingAtPath: root + "/PC1/execmgr.log")!
        log.seekToEndOfFile()
        log.write(Data((LogTestSupport.cmtrace("One more line", time: "10:18:00.000+300") + "\n").utf8))
        try log.close()
        let fresh = try #require(workspace.refreshed())
        #expect(fresh.logs.recordCount == workspace.logs.recordCount + 1)
        // The parts whose files did not change are kept, problems and all.
        #expect(fresh.problems.contains { $0.file.hasSuffix("sitectrl.ct0") })
        #expect(fresh.catalog == workspace.catalog)
    }

    @Test func theMachineListsOfStaleAreFoundAndRead() throws {
        let root = try LogTestSupport.temporaryDirectory()
        try Data("PC1\nPC2\nPC1\n".utf8).write(to: root.appendingPathComponent("sys.txt"))
        let lists = try Workspace.machineLists(root.path)
        #expect(lists.machineList.names == ["PC1", "PC2"])
        #expect(lists.problems.count == 1)
        #expect(throws: UsageError.self) { try Workspace.machineLists(root.path + "/nothing-here") }
    }
}
