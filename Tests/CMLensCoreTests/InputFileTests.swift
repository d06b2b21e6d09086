import Foundation
import Testing
@testable import CMLensCore
#if canImport(Glibc)
import Glibc
#endif

/// InputFile says why a file could not be read, from the one open, fstat and read it did; every
/// reader of input files passes that reason on, naming the file and saying what to do.
@Suite struct InputFileTests {
    typealias S = LogTestSupport

    final class Folder {
        let url: URL
        init() throws { url = try S.temporaryDirectory() }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            try Data(bytes).write(to: url.appendingPathComponent(name))
            return path(name)
        }
    }

    @Test func aRegularFileIsReadWhole() throws {
        let folder = try Folder()
        // Larger than the read loop's chunk, and not a multiple of it.
        let bytes = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try InputFile.read(atPath: folder.write("big.csv", bytes), limit: 1 << 20) == Data(bytes))
        #expect(try InputFile.read(atPath: folder.write("empty.csv", []), limit: 1 << 20).isEmpty)
    }

    /// A file far larger than its kind ever is (a disk image named like a site control file) is
    /// refused before a byte is allocated for it. The files are sparse: no disk is used.
    @Test func aFileLargerThanItsKindIsRefusedUnread() throws {
        let folder = try Folder()
        let small = try folder.write("rules.json", Array(repeating: 0x20, count: 4097))
        #expect(throws: InputFile.Failure.tooLarge(size: 4097, limit: 4096)) { try InputFile.read(atPath: small, limit: 4096) }
        #expect(try InputFile.read(atPath: small, limit: 4097).count == 4097)

        let siteControl = folder.path("sitectrl.ct0")
        #expect(FileManager.default.createFile(atPath: siteControl, contents: nil))
        #expect(truncate(siteControl, off_t(InputFile.Limit.siteControl + 1)) == 0)
        let file = SiteControlParser.read(path: siteControl)
        #expect(file.blocks.isEmpty)
        #expect(file.problems.count == 1)
        #expect(file.problems.first?.description.contains("is 256.0 MiB, more than the 256 MiB cmlens reads of such a file") == true,
                "\(file.problems)")

        let csv = folder.path("inventory.csv")
        #expect(FileManager.default.createFile(atPath: csv, contents: nil))
        #expect(truncate(csv, off_t(3) << 30) == 0)
        let error = #expect(throws: LoadProblem.self) { try CSVTable.read(path: csv) }
        #expect(error?.message == "CSV file is 3 GiB, more than the 1 GiB cmlens reads of such a file; check that this is the file you meant; nothing was read from it")
    }

    @Test func aMissingPathIsMissing() throws {
        let folder = try Folder()
        #expect(throws: InputFile.Failure.missing) { try InputFile.read(atPath: folder.path("none.csv"), limit: 1 << 20) }
        // A path that goes through a file (ENOTDIR) does not exist either.
        let file = try folder.write("file.csv", Array("a\n".utf8))
        #expect(throws: InputFile.Failure.missing) { try InputFile.read(atPath: file + "/inner.csv", limit: 1 << 20) }
        // A link whose target is gone.
        let link = folder.path("dangling.csv")
        #expect(symlink(folder.path("gone.csv"), link) == 0)
        #expect(throws: InputFile.Failure.missing) { try InputFile.read(atPath: link, limit: 1 << 20) }
        #expect(InputFile.Failure.missing.description.contains("does not exist"))
        #expect(InputFile.Failure.missing.description.contains("no such file"))
    }

    @Test func aFolderIsNotARegularFile() throws {
        let folder = try Folder()
        #expect(throws: InputFile.Failure.notRegularFile(.folder)) { try InputFile.read(atPath: folder.url.path, limit: 1 << 20) }
        #expect(InputFile.Failure.notRegularFile(.folder).description == "is a folder, not a regular file")
    }

    /// A named pipe with no writer would block a plain open forever: it is refused at once.
    @Test func aNamedPipeIsRefusedWithoutWaiting() throws {
        let folder = try Folder()
        let fifo = folder.path("sys.txt")
        #expect(mkfifo(fifo, 0o644) == 0)
        let started = Date()
        #expect(throws: InputFile.Failure.notRegularFile(.namedPipe)) { try InputFile.read(atPath: fifo, limit: 1 << 20) }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aDeviceIsNotARegularFile() {
        #expect(throws: InputFile.Failure.notRegularFile(.device)) { try InputFile.read(atPath: "/dev/null", limit: 1 << 20) }
    }

    /// Root reads a `chmod 000` file anyway, so what is expected depends on who runs the tests
    /// (EndToEndTests/InputFileReasonsTests runs the binary as `nobody` to see the refusal).
    @Test func anUnreadableFileIsPermissionDeniedUnlessRoot() throws {
        let folder = try Folder()
        let path = try folder.write("v_R_System.csv", Array("ResourceID\n1\n".utf8))
        #expect(chmod(path, 0) == 0)
        defer { chmod(path, 0o644) }
        if getuid() == 0 {
            #expect(try InputFile.read(atPath: path, limit: 1 << 20) == Data("ResourceID\n1\n".utf8))
        } else {
            #expect(throws: InputFile.Failure.permissionDenied) { try InputFile.read(atPath: path, limit: 1 << 20) }
        }
        #expect(InputFile.Failure.permissionDenied.description.contains("permission denied"))
    }

    @Test func otherErrorsCarryTheSystemsText() {
        let failure = InputFile.Failure(errno: ELOOP)
        #expect(failure == .system(errno: ELOOP, text: "too many levels of symbolic links"))
        #expect(failure.description == "cannot be read: too many levels of symbolic links")
        #expect(InputFile.Failure(errno: EACCES) == .permissionDenied)
        #expect(InputFile.Failure(errno: ENOENT) == .missing)
    }

    /// A link that leads back to itself: the system's own words, not a guess.
    @Test func aSymlinkLoopSaysSo() throws {
        let folder = try Folder()
        let loop = folder.path("loop.ct0")
        #expect(symlink(loop, loop) == 0)
        #expect(throws: InputFile.Failure.system(errno: ELOOP, text: "too many levels of symbolic links")) {
            try InputFile.read(atPath: loop, limit: 1 << 20)
        }
    }

    /// Each reader names the file, the reason and what to do.
    @Test func everyReaderPassesTheReasonOn() throws {
        let folder = try Folder()
        let missing = folder.path("none")
        let site = SiteControlParser.read(path: folder.url.path)
        #expect(site.problems.map(\.description) == [
            "\(folder.url.path): site control file is a folder, not a regular file; using the default retry policy"])

        let list = SystemList.read(paths: [missing])
        #expect(list.problems.map(\.description) == [
            "\(missing): list of machine names does not exist (no such file or folder); check the path (nothing was checked from it)"])

        #expect(throws: LoadProblem(file: "/dev/null", message: "CSV file is a device, not a regular file; give the path of a file")) {
            try CSVTable.read(path: "/dev/null")
        }
        #expect(DiagnosticRuleLoader.load(path: missing).problems.map(\.description) == [
            "\(missing): rules file does not exist (no such file or folder); check the path"])
        #expect(HotfixCatalog.load(path: folder.url.path).1.map(\.description) == [
            "\(folder.url.path): hotfix catalogue is a folder, not a regular file; give the path of a file"])
    }
}
