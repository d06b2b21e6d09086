@testable import CMLensCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The log reader, every encoding: the bytes are read whole (`LogReader.parse`), through the chunk
/// loop with read sizes drawn from the input (so a record, a CRLF or a UTF-8 sequence is split at
/// every kind of place), and from a file through the on-disk path with small chunks and the
/// two-part split scan. All three must give the same records. The input is also turned into a
/// well-formed CMTrace log whose every record must come back, whole and in order.
public enum LogReaderFuzz {
    /// One scratch file per process for the on-disk read; the in-memory reads use its name too, so
    /// every way of reading names the same file. In /dev/shm where there is one: writing the input
    /// there is a copy in memory, not a disk write per input.
    static let path: String = {
        let parent = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        var template = Array("\(parent)/cmlens-fuzz-XXXXXX".utf8CString)
        let folder = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) } ?? parent
        atexit {
            unlink(LogReaderFuzz.path)
            rmdir(String(LogReaderFuzz.path.dropLast("/fuzz.log".count)))
        }
        return folder + "/fuzz.log"
    }()

    public static func run(_ input: [UInt8]) {
        let whole = LogReader.parse(bytes: input, path: path, client: "CLIENT")
        let records = whole.records
        for (k, record) in records.enumerated() {
            require(record.line >= 1, "record \(k) has line \(record.line)")
            OutputChecks.check(record, parseJSON: k < 2)
        }
        for problem in whole.problems {
            require(problem.file == path, "a problem names another file: \(problem)")
            if let line = problem.line { require(line >= 1, "a problem has line \(line)") }
        }

        let sniff = EncodingSniffer.sniff(Array(input.prefix(64 << 10)))
        guard !sniff.isBinary else { return }
        let utf8: [UInt8]
        switch sniff.encoding {
        case .utf16LE, .utf16BE:
            utf8 = UTF16Transcoding.utf8(from: input, bigEndian: sniff.encoding == .utf16BE, skipBOM: sniff.hasBOM).bytes
        case .utf8, .utf8BOM:
            utf8 = input
        }
        var random = SplitMix(seeding: input)
        let sizes = (0..<4).map { k in random.next(upTo: [4, 256, 4096, 64][k]) }
        let pieces = LogReader.parseInPieces(bytes: utf8, path: path, client: "CLIENT", readSizes: sizes)
        same(whole, records, pieces, "read in pieces of \(sizes)")

        // The on-disk read costs a file write and two threads: one input in four takes it.
        if sniff.encoding == .utf8 || sniff.encoding == .utf8BOM, random.next() % 4 == 0 {
            let chunk = 16 + random.next(upTo: 48)
            if let fromDisk = readFromDisk(input, chunkSize: chunk) {
                same(whole, records, fromDisk, "read from disk in \(chunk)-byte chunks, split in two")
            }
        }
        WellFormedLog.check(input)
    }

    /// Records, their places and times, and the warnings must not depend on how the bytes arrived.
    static func same(_ whole: LogFileIndex, _ records: [LogRecord], _ other: LogFileIndex, _ how: String) {
        require(other.count == whole.count, "\(how): \(other.count) records, read whole: \(whole.count)")
        for k in 0..<whole.count {
            let record = other.record(at: k)
            require(record == records[k], "\(how): record \(k) differs:\n  whole:  \(records[k])\n  pieces: \(record)")
            require(other.sortTicks(at: k) == whole.sortTicks(at: k), "\(how): record \(k) sorts at another time")
            require(other.hasTime(at: k) == whole.hasTime(at: k), "\(how): record \(k) timed differently")
        }
        require(other.unparsedCount == whole.unparsedCount, "\(how): \(other.unparsedCount) unparsed, read whole: \(whole.unparsedCount)")
        let oddByte = "UTF-16 file has an odd number of bytes"
        let wholeProblems = whole.problems.filter { !$0.message.hasPrefix(oddByte) }
        require(other.problems == wholeProblems, "\(how): problems differ:\n  whole:  \(wholeProblems)\n  pieces: \(other.problems)")
    }

    /// The on-disk path a large file takes: never kept in memory, scanned in chunks, split in two.
    static func readFromDisk(_ input: [UInt8], chunkSize: Int) -> LogFileIndex? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        let written = input.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == input.count else { return nil }
        let options = LogReader.Options(inMemoryLimit: -1, splitThreshold: 0, chunkSize: chunkSize)
        return LogReader.read(path: path, client: "CLIENT", logName: nil, options: options)
    }
}
