import Foundation
import Testing
@testable import CMLensCore
#if canImport(Glibc)
import Glibc
#endif

/// A read that fails mid-file (EIO from a failing disk or a dropped network share) is said, with the
/// byte it failed at; the records before it are kept. It used to end the file there without a word.
@Suite struct ReadFailureTests {
    static let log = (1...40).map { LogTestSupport.cmtrace("record \($0)") + "\r\n" }.joined()

    /// The chunk loop over a reader that fails once it reaches `failAt`.
    static func scan(failAt: Int, chunkSize: Int) -> (records: Int, failure: LogReader.ReadFailure?) {
        let bytes = Array(log.utf8)
        var scanner = RecordScanner(structured: true, legacy: false)
        let failure = LogReader.scanRange(from: 0, to: bytes.count, chunkSize: chunkSize, into: &scanner) { destination, count, offset in
            if offset >= failAt { return -Int(EIO) }
            let size = min(count, failAt - offset)
            bytes.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress! + offset, byteCount: size) }
            return size
        }
        scanner.finish()
        return (scanner.entries.count, failure)
    }

    @Test(arguments: [16, 100, 4096]) func recordsBeforeAFailedReadAreKeptAndTheFailureNamed(chunkSize: Int) {
        let bytes = Array(Self.log.utf8)
        let recordLength = bytes.count / 40
        let failAt = recordLength * 10 + 5  // inside the eleventh record
        let (records, failure) = Self.scan(failAt: failAt, chunkSize: chunkSize)
        #expect(failure == LogReader.ReadFailure(offset: failAt, errno: EIO))
        // Ten whole records, and the start of the eleventh kept as a fragment, never more.
        #expect(records >= 10 && records <= 11, "\(records) records")

        let whole = Self.scan(failAt: bytes.count, chunkSize: chunkSize)
        #expect(whole.failure == nil && whole.records == 40)
    }

    /// The whole-file read: a descriptor whose reads fail (a folder's: EISDIR) gives the errno and where.
    @Test func aWholeFileReadThatFailsSaysSo() throws {
        let folder = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fd = open(folder.path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64)
        var failure: LogReader.ReadFailure?
        #expect(LogReader.preadFully(fd, &buffer, offset: 0, failure: &failure) == 0)
        #expect(failure == LogReader.ReadFailure(offset: 0, errno: EISDIR))
    }

    @Test func theProblemSaysWhereAndWhatToDo() {
        let problem = LogReader.ReadFailure(offset: 1_048_576, errno: EIO).problem(file: "PC1/execmgr.log", size: 9_000_000)
        #expect(problem.file == "PC1/execmgr.log")
        #expect(problem.severity == .error)
        #expect(problem.message.hasPrefix("read failed at byte 1048576 of 9000000 (Input/output error);"))
        #expect(problem.message.contains("the rest of the file was not read"))
    }
}
