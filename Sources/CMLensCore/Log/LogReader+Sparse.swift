import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sparse read of a large CMTrace log: only the records whose bytes hold what every wanted
/// record must hold (a text, a severity: `SparseKey`) are indexed, the rest is searched and its
/// lines counted, never parsed.
///
/// `cmlens log --grep WORD` over a gigabyte log then costs what `grep` costs, a byte search, instead
/// of a full index. A stretch read for a hit runs between two record boundaries, found the way the
/// split scan finds them (a line opening `<![LOG[` after a line that ended `>`), so a record comes
/// out exactly as the full read gives it: same bytes, same line, same time. A stretch that would
/// open on an untimed record reaches back to a timed one (an untimed record takes the time before
/// it); where that is not possible the file is read whole instead.
extension LogReader {
    static func indexSparse(fd: Int32, size: Int, sniff: EncodingSniffer.Result, kind: LogFormat, keeping key: SparseKey,
                            path: String, client: String, logName: String, options: Options) -> LogFileIndex? {
        guard kind == .cmtrace else { return nil }
        let parts = SplitPoints.find(fd: fd, size: size, parts: min(8, max(2, size / options.splitPartSize)))
        let results = Mutex([SparseRead?](repeating: nil, count: parts.count - 1))
        let givenUp = Mutex(false)
        DispatchQueue.concurrentPerform(iterations: parts.count - 1) { k in
            let read = SparseRead.read(fd: fd, from: parts[k], to: parts[k + 1], keeping: key, chunkSize: min(options.chunkSize, SparseRead.chunkSize),
                                       givenUp: { givenUp.withLock { $0 } })
            if read.unresolved || read.tooDense { givenUp.withLock { $0 = true } }
            results.withLock { $0[k] = read }
        }
        var reads = results.withLock { held in
            defer { held = [] }
            return held
        }
        var combined = RecordScanner(structured: true, legacy: false)
        var linesBefore = 0
        var failure: ReadFailure?
        for k in reads.indices {
            guard var read = reads[k].take(), !read.unresolved, !read.tooDense, !read.stopped else { return nil }
            if failure == nil { failure = read.failure }
            combined.absorb(&read.records, startingOnLine: linesBefore + 1)
            linesBefore += read.newlines
        }
        combined.finish()
        return build(combined, path: path, client: client, logName: logName, encoding: sniff.encoding, format: kind,
                     size: size, text: FileIdentity(fd: fd).map { .file(path: path, size: size, identity: $0) } ?? .memory([]),
                     extraProblems: failure.map { [$0.problem(file: path, size: size)] } ?? [])
    }
}

/// One part of a sparse read: the records of the stretches around the hits, their lines counted
/// from the part's first line, and the part's lines.
struct SparseRead {
    /// Every stretch of the part is scanned into this one index.
    var records = RecordScanner(structured: true, legacy: false)
    /// Newlines in the part: where the next part's lines start.
    var newlines = 0
    var failure: LogReader.ReadFailure?
    /// A stretch opened on an untimed record with nothing before it to take a time from.
    var unresolved = false
    /// The hits are so close that the stretches are much of the log: a full read is quicker.
    var tooDense = false
    /// Another part gave up, so the file is read whole anyway.
    var stopped = false
    /// Bytes read and bytes of them scanned in stretches.
    private var bytesRead = 0
    private var bytesScanned = 0

    /// Reads `[from, to)`, which begins on a record boundary, a chunk at a time; a chunk is searched
    /// up to its last record boundary and the rest carried into the next read.
    static func read(fd: Int32, from: Int, to: Int, keeping key: SparseKey, chunkSize: Int,
                     givenUp: () -> Bool = { false }) -> SparseRead {
        var result = SparseRead()
        var previousEnd = -1
        result.failure = LogReader.readChunks(from: from, to: to, chunkSize: chunkSize, read: LogReader.positionalReader(fd)) { b, base, final in
            let end = final ? b.count : RecordBoundary.before(b.count, in: b)
            // One record longer than the buffer: read on until it ends.
            if end == 0 && !final { return 0 }
            result.take(UnsafeRawBufferPointer(rebasing: b[0..<end]), base: base, keeping: key, previousEnd: &previousEnd)
            result.bytesRead += end
            if result.bytesRead >= Self.densityProbe && result.bytesScanned * 8 > result.bytesRead { result.tooDense = true }
            if !final && givenUp() { result.stopped = true }
            return result.unresolved || result.tooDense || result.stopped ? nil : end
        }
        return result
    }

    /// Scans the stretch around each hit in `b` (which begins and ends on record boundaries, at
    /// `base` in the file) and counts the lines.
    private mutating func take(_ b: UnsafeRawBufferPointer, base: Int, keeping key: SparseKey, previousEnd: inout Int) {
        var counted = 0
        var lines = 0
        var next = key.next(in: b, from: 0)
        while let hit = next {
            var start = RecordBoundary.before(hit, in: b)
            var end = RecordBoundary.after(hit, in: b) ?? b.count
            // Hits close together make one stretch: scanning the records between costs less than
            // setting up another, and dense hits come out as the full read's one pass.
            next = key.next(in: b, from: end)
            while let close = next, close - end < key.joinDistance {
                end = RecordBoundary.after(close, in: b) ?? b.count
                next = key.next(in: b, from: end)
            }
            // Every stretch goes into the part's one scanner: a scanner per stretch costs more
            // than the few records it reads.
            var skipped = 0
            while true {
                let mark = records.checkpoint()
                skipped = Bytes.countNewlines(in: b, from: counted, to: start)
                records.resume(atLine: newlines + lines + skipped + 1)
                _ = records.scan(UnsafeRawBufferPointer(rebasing: b[start..<end]), base: base + start, final: true)
                if records.firstRecordHasTime(since: mark) != false || base + start == previousEnd { break }
                records.rollback(to: mark)
                guard start > 0 else {
                    unresolved = true
                    return
                }
                start = RecordBoundary.before(start - 1, in: b)
            }
            lines += skipped
            counted = start
            bytesScanned += end - start
            previousEnd = base + end
        }
        lines += Bytes.countNewlines(in: b, from: counted, to: b.count)
        newlines += lines
    }

    /// After this many bytes a part whose stretches cover more than an eighth of them gives up: a
    /// stretch costs its boundary searches and line count on top of its scan, so past that the one
    /// pass of a full read is quicker.
    static let densityProbe = 4 << 20

    /// Bytes read at once: a chunk is searched, then its lines counted, then its stretches
    /// scanned, and at 256 KiB it is still in the core's cache for the second and third pass.
    static let chunkSize = 256 << 10
}
