import Foundation
import Testing
@testable import CMLensCore
#if canImport(Glibc)
import Glibc
#endif

/// Files that misbehave under the reader: pipes named like inputs, logs that shrink or are replaced
/// after indexing, site control blocks nested beyond any stack.
@Suite struct HostileFilesTests {
    typealias S = LogTestSupport

    /// A named pipe would block `open` (and `FileManager.contents`) until a writer came: each reader
    /// refuses it at once, naming it.
    @Test func namedPipesAreRefusedWithoutWaiting() throws {
        let dir = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var pipes: [String: String] = [:]
        for name in ["execmgr.log", "sitectrl.ct0", "v_R_System.csv", "sys.txt", "x.rules.json", "catalog.csv"] {
            let path = dir.appendingPathComponent(name).path
            #expect(mkfifo(path, 0o644) == 0)
            pipes[name] = path
        }
        let started = Date()
        let log = LogReader.read(path: pipes["execmgr.log"]!, client: "c")
        #expect(log.count == 0 && log.problems.first?.message.contains("not a regular file") == true)
        let site = SiteControlParser.read(path: pipes["sitectrl.ct0"]!)
        #expect(site.problems.first?.message.contains("not a regular file") == true)
        #expect(throws: LoadProblem.self) { try CSVTable.read(path: pipes["v_R_System.csv"]!) }
        let list = SystemList.read(paths: [pipes["sys.txt"]!])
        #expect(list.hasErrors && list.problems.first?.file == pipes["sys.txt"])
        #expect(DiagnosticRuleLoader.load(path: pipes["x.rules.json"]!).problems.count == 1)
        #expect(HotfixCatalog.load(path: pipes["catalog.csv"]!).1.count == 1)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    /// Indexed from disk, then cut short, replaced and removed: records decode from what is there,
    /// those past it say why their text is gone; never a crash, never bytes of the new file at the
    /// old offsets.
    @Test func logShrunkOrReplacedAfterIndexingStillDecodes() throws {
        let dir = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("execmgr.log")
        let text = (0..<2000).map { S.cmtrace("record \($0)") + "\r\n" }.joined()
        try Data(text.utf8).write(to: file)
        let options = LogReader.Options(inMemoryLimit: 0, splitThreshold: 1 << 30, chunkSize: 4096)
        let index = LogReader.read(path: file.path, client: "c", logName: nil, options: options)
        #expect(index.count == 2000)
        #expect(truncate(file.path, off_t(text.utf8.count / 2)) == 0)
        #expect(index.record(at: 10).message == "record 10")
        let pastTheEnd = index.record(at: 1999)
        #expect(pastTheEnd.message == "[record text unavailable: the file is shorter now than when cmlens read it; "
                + "open the workspace again to read it as it is now]")
        #expect(pastTheEnd.line == 2000 && pastTheEnd.file == file.path)
        // Cut inside a record: what is left of it, then why the rest is missing.
        let changed = (0..<index.count).map { index.record(at: $0) }.filter { !$0.message.hasPrefix("record ") }
        #expect(changed.count > 900)
        #expect(changed.first?.message.hasPrefix("<![LOG[record ") == true)
        #expect(changed.first?.message.hasSuffix(" " + TextLoss.shrank.message) == true)
        #expect(changed.dropFirst().allSatisfy { $0.message == TextLoss.shrank.message })
        // Replaced by another file (a rotation): the old index must not read the new bytes. Its
        // descriptor is open (records were shown), so it still reads the old file's text.
        try FileManager.default.removeItem(at: file)
        try Data((S.cmtrace("the new file") + "\r\n").utf8).write(to: file)
        #expect(index.record(at: 0).message == "record 0")

        // Replaced or removed before any record was shown: nothing to read, and the record says why.
        let replaced = dir.appendingPathComponent("replaced.log"), removed = dir.appendingPathComponent("removed.log")
        try Data(text.utf8).write(to: replaced)
        try Data(text.utf8).write(to: removed)
        let replacedIndex = LogReader.read(path: replaced.path, client: "c", logName: nil, options: options)
        let removedIndex = LogReader.read(path: removed.path, client: "c", logName: nil, options: options)
        try FileManager.default.removeItem(at: replaced)
        try Data((S.cmtrace("the new file") + "\r\n").utf8).write(to: replaced)
        try FileManager.default.removeItem(at: removed)
        #expect(replacedIndex.record(at: 0).message == TextLoss.replaced.message)
        #expect(removedIndex.record(at: 5).message
                == "[record text unavailable: the file cannot be opened any more (No such file or directory); "
                + "open the workspace again to read it as it is now]")
        #expect(removedIndex.record(at: 5).line == 6)
    }

    /// A read of a shown record that fails (EIO from a dropped share; here EISDIR, a folder's
    /// descriptor) says so in the record.
    @Test func aFailingReadOfAShownRecordSaysSo() throws {
        let dir = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fd = open(dir.path, O_RDONLY)
        defer { close(fd) }
        let identity = try #require(FileIdentity(fd: fd))
        var buffer = [UInt8](repeating: 0, count: 16)
        let read = OpenFiles.shared.read(path: dir.path, identity: identity, into: &buffer, offset: 0)
        #expect(read.count == 0)
        #expect(read.loss == .failed(EISDIR))
        #expect(TextLoss.failed(EISDIR).message.contains("reading it failed (Is a directory)"))
    }

    /// 100,000 nested blocks, never closed: parsed, reported, and freed without running out of stack.
    @Test func deeplyNestedSiteControlBlocks() {
        var text = "BEGIN_SITE_DEFINITION\r\n"
        for k in 0..<100_000 { text += "BEGIN_SITE_CONTROL_ITEM\r\n<item \(k)>\r\n" }
        text += "PROPERTY <Execution Failure Retry Count><REG_DWORD><><3>\r\n"
        let file = SiteControlParser.parse(text: text, path: "deep/sitectrl.ct0")
        #expect(file.problems.contains { $0.file == "deep/sitectrl.ct0" && $0.line != nil })
        let (policy, _) = RetryPolicy.from(file)
        #expect(policy.count == 3)
    }
}
