import Foundation
import Testing
@testable import CMLensCore
#if canImport(Glibc)
import Glibc
#endif

/// Archives as workspaces: the same records as the folders they hold, names as labels only, bombs
/// and damage refused by name while the rest loads.
@Suite struct ArchiveWorkspaceTests {
    static let clients = ["WKS-ACCT-014", "WKS-LAB-007"]

    /// The sample clients' files, relative to Samples/.
    static func sampleFiles() throws -> [String] {
        try clients.flatMap { client in
            try FileManager.default.contentsOfDirectory(atPath: ArchiveFixtures.samples + "/" + client).sorted().map { client + "/" + $0 }
        }
    }

    static func fromDisk() -> [String: [String]] {
        let disk = ArchiveFixtures.records(clients.map { ArchiveFixtures.samples + "/" + $0 })
        #expect(disk.records.count >= 8)
        return disk.records
    }

    /// The samples' deliberate problems (a cut-off record in CAS.log), as met in any copy of them.
    static let diskProblems = ArchiveFixtures.records(clients.map { ArchiveFixtures.samples + "/" + $0 }).problems.map(Self.placeless)

    /// A problem without the folder or archive it was met in: `CAS.log:4: record cut off…`.
    static func placeless(_ problem: LoadProblem) -> String {
        "\(ArchiveReading.lastComponent(problem.file)):\(problem.line ?? 0): \(problem.message)"
    }

    @Test func zipReadsAsTheFolders() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let zip = temp.appendingPathComponent("case-1234.zip").path
        try ArchiveFixtures.zip(zip, try Self.sampleFiles().map { ($0, $0) }, in: ArchiveFixtures.samples)
        let archived = ArchiveFixtures.records([zip])
        #expect(archived.problems.map(Self.placeless) == Self.diskProblems)
        #expect(archived.records == Self.fromDisk())
    }

    @Test func tarGzReadsAsTheFolders() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let tar = temp.appendingPathComponent("bundle.tar.gz").path
        try ArchiveFixtures.run(["tar", "czf", tar] + Self.clients, in: ArchiveFixtures.samples)
        let archived = ArchiveFixtures.records([tar])
        #expect(archived.problems.map(Self.placeless) == Self.diskProblems)
        #expect(archived.records == Self.fromDisk())
    }

    @Test(.enabled(if: ArchiveFixtures.cabTestsRun, "gcab is not installed (scripts/install-deps.sh installs it)"))
    func cabReadsAsTheFolders() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let cab = temp.appendingPathComponent("logs.cab").path
        try ArchiveFixtures.run(["gcab", "-c", "-z", cab] + (try Self.sampleFiles()), in: ArchiveFixtures.samples)
        let archived = ArchiveFixtures.records([cab])
        #expect(archived.problems.map(Self.placeless) == Self.diskProblems)
        #expect(archived.records == Self.fromDisk())
    }

    /// A cab of one client's logs at its root is that client, named after the cab.
    @Test(.enabled(if: ArchiveFixtures.cabTestsRun, "gcab is not installed (scripts/install-deps.sh installs it)"))
    func logsAtTheRootAreTheArchivesClient() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let cab = temp.appendingPathComponent("WKS-LAB-007.cab").path
        let folder = ArchiveFixtures.samples + "/WKS-LAB-007"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        try ArchiveFixtures.run(["gcab", "-c", cab] + files, in: folder)
        let inputs = WorkspaceScanner.scan([cab])
        #expect(inputs.clients.map(\.name) == ["WKS-LAB-007"])
        #expect(ArchiveFixtures.records([cab]).records == ArchiveFixtures.records([folder]).records)
    }

    /// `../` and absolute names are shown as they are and read from the archive; nothing is written
    /// or looked up on disk by them.
    @Test func traversalNamesAreLabelsOnly() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let inner = temp.appendingPathComponent("inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let log = ArchiveFixtures.samples + "/WKS-LAB-007/execmgr.log"
        let zip = inner.appendingPathComponent("evil.zip").path
        try ArchiveFixtures.zip(zip, [(log, "../../escaped/execmgr.log"), (log, "/tmp/cmlens-absolute/execmgr.log")], in: temp.path)
        let (records, problems) = ArchiveFixtures.records([zip])
        #expect(problems.isEmpty)
        let inputs = WorkspaceScanner.scan([zip])
        let paths = inputs.clients.flatMap { $0.logs.flatMap(\.files) }.sorted()
        #expect(paths == [zip + "!/../../escaped/execmgr.log", zip + "!//tmp/cmlens-absolute/execmgr.log"])
        #expect(Set(inputs.clients.map(\.name)) == ["escaped", "cmlens-absolute"])
        #expect(records.values.allSatisfy { $0.count > 10 })
        #expect(!FileManager.default.fileExists(atPath: temp.appendingPathComponent("escaped").path))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/cmlens-absolute"))
    }

    /// ~1 GiB of zeros in a 1 MiB zip: refused by name before it is expanded, and the log beside it loads.
    @Test func zipBombIsRefusedQuickly() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let zip = temp.appendingPathComponent("bomb.zip").path
        try ArchiveFixtures.zeros(zip: zip, name: "PC1/huge.log", megabytes: 1024,
                                  alsoLog: ArchiveFixtures.samples + "/WKS-LAB-007/execmgr.log", in: temp.path)
        let size = try FileManager.default.attributesOfItem(atPath: zip)[.size] as! Int
        #expect(size < 4 << 20)
        let start = ContinuousClock.now
        let contents = ArchiveReading.read(zip)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(contents.problems.map(\.file) == [zip + "!/PC1/huge.log"])
        #expect(contents.problems.first?.message.hasPrefix("refused:") == true)
        #expect(contents.folders.map(\.files) == [[zip + "!/PC1/execmgr.log"]])
        // Nothing of the bomb was held: only the log's bytes count.
        #expect(contents.expanded < 1 << 20)
    }

    /// A tar.xz claims its entry's true size (under the cap); the expansion ratio stops it early.
    @Test func expansionRatioStopsAnEntryEarly() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let tar = temp.appendingPathComponent("ratio.tar.xz").path
        let script = """
        import io, sys, tarfile
        with tarfile.open(sys.argv[1], "w:xz") as t:
            info = tarfile.TarInfo("PC1/zeros.log"); info.size = 64 << 20
            t.addfile(info, io.BytesIO(bytes(info.size)))
            t.add(sys.argv[2], arcname="PC1/execmgr.log")
        """
        try ArchiveFixtures.python(script, [tar, ArchiveFixtures.samples + "/WKS-LAB-007/execmgr.log"], in: temp.path)
        let contents = ArchiveReading.read(tar)
        #expect(contents.problems.map(\.file) == [tar + "!/PC1/zeros.log"])
        #expect(contents.problems.first?.message.contains("expands more than 1000 times") == true)
        #expect(contents.folders.map(\.files) == [[tar + "!/PC1/execmgr.log"]])
    }

    @Test func corruptArchiveIsAnErrorNamingIt() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let garbage = temp.appendingPathComponent("case.zip").path
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: URL(fileURLWithPath: garbage))
        let inputs = WorkspaceScanner.scan([garbage])
        #expect(inputs.clients.isEmpty)
        #expect(inputs.problems.map(\.file) == [garbage])
        #expect(inputs.problems.first?.severity == .error)
        #expect(inputs.problems.first?.message.contains("cannot be read as an archive") == true)

        // A tar.gz cut short: what came before the cut loads, the damage is named.
        let tar = temp.appendingPathComponent("cut.tar.gz").path
        try ArchiveFixtures.run(["tar", "czf", tar] + Self.clients, in: ArchiveFixtures.samples)
        let whole = try Data(contentsOf: URL(fileURLWithPath: tar))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: tar))
        let cut = ArchiveReading.read(tar)
        #expect(!cut.problems.isEmpty)
        #expect(cut.problems.allSatisfy { $0.file.hasPrefix(tar) && $0.severity == .error })
    }

    /// A named pipe called like an archive is refused at once, not waited on.
    @Test func namedPipeNamedLikeAnArchiveIsRefused() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let fifo = temp.appendingPathComponent("case.zip").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let inputs = WorkspaceScanner.scan([temp.path])
        #expect(inputs.problems.map(\.file) == [fifo])
        #expect(inputs.problems.first?.message.contains("not a regular file") == true)
    }

    /// A bundle zip in a folder beside an unpacked client: both are the workspace.
    @Test func archiveInsideAFolderIsPartOfIt() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.copyItem(atPath: ArchiveFixtures.samples + "/WKS-LAB-007",
                                         toPath: temp.appendingPathComponent("WKS-LAB-007").path)
        let folder = ArchiveFixtures.samples + "/WKS-ACCT-014"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        try ArchiveFixtures.zip(temp.appendingPathComponent("WKS-ACCT-014.zip").path, files.map { ($0, $0) }, in: folder)
        let mixed = ArchiveFixtures.records([temp.path])
        #expect(mixed.problems.map(Self.placeless).sorted() == Self.diskProblems.sorted())
        #expect(mixed.records == Self.fromDisk())
    }

    /// A zip of clients' zips is read; one more level is refused by name.
    @Test func nestingIsReadOneLevelDeep() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let log = ArchiveFixtures.samples + "/WKS-LAB-007/execmgr.log"
        try ArchiveFixtures.zip("PC2.zip", [(log, "execmgr.log")], in: temp.path)
        try ArchiveFixtures.zip("deeper.zip", [(temp.path + "/PC2.zip", "PC2.zip")], in: temp.path)
        try ArchiveFixtures.zip("bundle.zip", [(temp.path + "/PC2.zip", "clients/PC2.zip"),
                                               (temp.path + "/deeper.zip", "deeper.zip")], in: temp.path)
        let bundle = temp.path + "/bundle.zip"
        let inputs = WorkspaceScanner.scan([bundle])
        #expect(inputs.clients.map(\.name) == ["PC2"])
        #expect(inputs.clients.first?.logs.first?.files == [bundle + "!/clients/PC2.zip!/execmgr.log"])
        #expect(inputs.problems.map(\.file) == [bundle + "!/deeper.zip!/PC2.zip"])
        #expect(inputs.problems.first?.message.contains("nested") == true)
    }

    /// Two entries of one name: one log, the later copy's, with a warning naming it.
    @Test func aNameTwiceReadsTheLaterCopy() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let first = ArchiveFixtures.samples + "/WKS-LAB-007/execmgr.log"
        let later = ArchiveFixtures.samples + "/WKS-ACCT-014/execmgr.log"
        let zip = temp.appendingPathComponent("twice.zip").path
        try ArchiveFixtures.zip(zip, [(first, "PC1/execmgr.log"), (later, "PC1/execmgr.log")], in: temp.path)
        let contents = ArchiveReading.read(zip)
        #expect(contents.folders.map(\.files) == [[zip + "!/PC1/execmgr.log"]])
        #expect(contents.bytes[zip + "!/PC1/execmgr.log"] == Array(try Data(contentsOf: URL(fileURLWithPath: later))))
        #expect(contents.problems.map(\.severity) == [.warning])
        #expect(contents.problems.first?.message.contains("appears twice") == true)
    }

    /// The same reading from memory (the fuzz target's way in) as from the file.
    @Test func readingFromMemoryMatchesTheFile() throws {
        let temp = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let tar = temp.appendingPathComponent("bundle.tar.gz").path
        try ArchiveFixtures.run(["tar", "czf", tar] + Self.clients, in: ArchiveFixtures.samples)
        let fromFile = ArchiveReading.read(tar)
        let fromMemory = ArchiveReading.read(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: tar))), display: tar)
        #expect(fromMemory.folders == fromFile.folders)
        #expect(fromMemory.bytes == fromFile.bytes)
        #expect(fromFile.folders.count == 2)
    }

    @Test func archiveNames() {
        #expect(ArchiveNames.isArchive("CCMLogs.ZIP"))
        #expect(ArchiveNames.isArchive("b.tar.zst"))
        #expect(!ArchiveNames.isArchive("execmgr.log"))
        #expect(!ArchiveNames.isArchive(".zip"))
        #expect(ArchiveNames.stem("case-1234.tar.gz") == "case-1234")
        #expect(ArchiveNames.stem("PC1.cab") == "PC1")
        #expect(ArchiveLimits.size(4 << 20) == "4 MiB")
        #expect(ArchiveLimits.size(1536) == "1.5 KiB")
    }
}
