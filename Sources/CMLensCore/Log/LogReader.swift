import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and indexes log files. Never throws: a file that cannot be read comes back empty with a
/// problem that names it, so the rest of a workspace still loads.
public enum LogReader {
    /// How a file is read; tests shrink these to exercise chunk carries and the split scan.
    struct Options: Sendable {
        /// Files up to this size are kept in memory after indexing; larger ones are read again on demand.
        var inMemoryLimit = 8 << 20
        /// Files larger than this are split and scanned on all cores.
        var splitThreshold = 32 << 20
        /// A split file has a part per this many bytes (2 to 8 parts).
        var splitPartSize = 64 << 20
        /// 1 MiB: a chunk just copied in by `pread` is still in the core's cache when it is scanned, and
        /// freed buffers of this size go back to the system (4 MiB ones raised glibc's mmap threshold
        /// and kept 35 MiB more resident on a 1 GB file).
        var chunkSize = 1 << 20
        static let standard = Options()
    }

    /// Total bytes kept in memory across files, so a huge workspace does not live in RAM.
    static let inMemoryBudget = Atomic<Int>(32 << 20)

    public static func read(path: String, client: String, logName: String? = nil) -> LogFileIndex {
        read(path: path, client: client, logName: logName, options: .standard)
    }

    /// As `read`, but a large CMTrace log keeps only the records whose bytes hold `key` (with,
    /// now and then, a neighbour): for a one-shot search, never for a view of the whole log.
    static func read(path: String, client: String, logName: String?, keeping key: SparseKey?) -> LogFileIndex {
        read(path: path, client: client, logName: logName, options: .standard, keeping: key)
    }

    static func read(path: String, client: String, logName: String?, options: Options,
                     keeping key: SparseKey? = nil) -> LogFileIndex {
        let logName = logName ?? String(path.split(separator: "/").last ?? Substring(path))
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return failed(path, client, logName, "cannot open (\(SystemErrorText.of(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            return failed(path, client, logName, "cannot read (\(SystemErrorText.of(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return failed(path, client, logName, "not a regular file; skipped")
        }
        let size = Int(info.st_size)
        var head = [UInt8](repeating: 0, count: min(size, 64 << 10))
        var failure: ReadFailure?
        let headCount = preadFully(fd, &head, offset: 0, failure: &failure)
        if headCount == 0, let failure {
            return failed(path, client, logName, "cannot read (\(SystemErrorText.of(failure.errno)))")
        }
        head.removeSubrange(headCount...)
        let sniff = EncodingSniffer.sniff(head)
        if sniff.isBinary {
            return failed(path, client, logName,
                          "binary data, not a log (\(sniff.binaryReason)); skipped. Point cmlens at the CCM Logs folder's .log/.lo_ files")
        }
        switch sniff.encoding {
        case .utf16LE, .utf16BE:
            var all = [UInt8](repeating: 0, count: size)
            var failure: ReadFailure?
            let got = preadFully(fd, &all, offset: 0, failure: &failure)
            all.removeSubrange(got...)
            let (utf8, oddByte) = UTF16Transcoding.utf8(from: all, bigEndian: sniff.encoding == .utf16BE,
                                                        skipBOM: sniff.hasBOM)
            var extra: [LoadProblem] = failure.map { [$0.problem(file: path, size: size)] } ?? []
            if oddByte {
                extra.append(LoadProblem(file: path, severity: .warning,
                                         message: "UTF-16 file has an odd number of bytes (cut off mid-character); the last byte was dropped"))
            }
            return index(bytes: utf8, path: path, client: client, logName: logName, encoding: sniff.encoding,
                         size: got, extraProblems: extra)
        case .utf8, .utf8BOM:
            if size <= options.inMemoryLimit, reserveMemory(size) {
                var all = [UInt8](repeating: 0, count: size)
                var failure: ReadFailure?
                let got = preadFully(fd, &all, offset: 0, failure: &failure)
                all.removeSubrange(got...)
                return index(bytes: all, path: path, client: client, logName: logName, encoding: sniff.encoding,
                             size: got, extraProblems: failure.map { [$0.problem(file: path, size: size)] } ?? [])
            }
            if let key, size >= options.splitThreshold,
               let sparse = indexSparse(fd: fd, size: size, sniff: sniff, kind: FormatDetection.detect(head[...]),
                                        keeping: key, path: path, client: client, logName: logName, options: options) {
                return sparse
            }
            return indexFromDisk(fd: fd, size: size, sniff: sniff, path: path, client: client, logName: logName,
                                 options: options)
        }
    }

    /// Indexes bytes already in memory (tests, converted UTF-16, small files).
    public static func parse(bytes: [UInt8], path: String, client: String, logName: String? = nil) -> LogFileIndex {
        let sniff = EncodingSniffer.sniff(Array(bytes.prefix(64 << 10)))
        let logName = logName ?? String(path.split(separator: "/").last ?? Substring(path))
        if sniff.isBinary {
            return failed(path, client, logName, "binary data, not a log (\(sniff.binaryReason)); skipped")
        }
        if sniff.encoding == .utf16LE || sniff.encoding == .utf16BE {
            let (utf8, oddByte) = UTF16Transcoding.utf8(from: bytes, bigEndian: sniff.encoding == .utf16BE,
                                                        skipBOM: sniff.hasBOM)
            let extra = oddByte ? [LoadProblem(file: path, severity: .warning,
                                               message: "UTF-16 file has an odd number of bytes (cut off mid-character); the last byte was dropped")] : []
            return index(bytes: utf8, path: path, client: client, logName: logName, encoding: sniff.encoding,
                         size: bytes.count, extraProblems: extra)
        }
        return index(bytes: bytes, path: path, client: client, logName: logName, encoding: sniff.encoding,
                     size: bytes.count, extraProblems: [])
    }

    private static func reserveMemory(_ size: Int) -> Bool {
        var current = inMemoryBudget.load(ordering: .relaxed)
        while current >= size {
            let (exchanged, original) = inMemoryBudget.compareExchange(
                expected: current, desired: current - size, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    private static func index(bytes: [UInt8], path: String, client: String, logName: String,
                              encoding: TextEncoding, size: Int, extraProblems: [LoadProblem]) -> LogFileIndex {
        let kind = FormatDetection.detect(bytes.prefix(64 << 10))
        var scanner = RecordScanner(structured: kind != .plain, legacy: kind == .sms)
        _ = bytes.withUnsafeBytes { scanner.scan($0, base: 0, final: true) }
        scanner.finish()
        return build(scanner, path: path, client: client, logName: logName, encoding: encoding, format: kind,
                     size: size, text: .memory(bytes), extraProblems: extraProblems)
    }

    private static func indexFromDisk(fd: Int32, size: Int, sniff: EncodingSniffer.Result, path: String,
                                      client: String, logName: String, options: Options) -> LogFileIndex {
        var head = [UInt8](repeating: 0, count: min(size, 64 << 10))
        let got = preadFully(fd, &head, offset: 0)
        let kind = FormatDetection.detect(head.prefix(got))
        // More parts than cores (one per 64 MiB, up to 8): a core slowed by other work hands its share on.
        let parts = size >= options.splitThreshold
            ? SplitPoints.find(fd: fd, size: size, parts: min(8, max(2, size / options.splitPartSize))) : [0, size]
        var scanners = [RecordScanner?](repeating: nil, count: parts.count - 1)
        let results = Mutex(scanners)
        let failures = Mutex([ReadFailure]())
        DispatchQueue.concurrentPerform(iterations: parts.count - 1) { k in
            var scanner = RecordScanner(structured: kind != .plain, legacy: kind == .sms)
            let failure = scanRange(fd: fd, from: parts[k], to: parts[k + 1], chunkSize: options.chunkSize, into: &scanner)
            results.withLock { $0[k] = scanner }
            if let failure { failures.withLock { $0.append(failure) } }
        }
        // The first failure in the file: what follows it in its part was not read.
        let failure = failures.withLock { $0.min { $0.offset < $1.offset } }
        // Take the scanners out, so each half's index has one owner and is freed as it is absorbed.
        scanners = results.withLock { held in
            defer { held = [] }
            return held
        }
        var combined = scanners[0].take()!
        for k in 1..<scanners.count {
            var next = scanners[k].take()!
            combined.absorb(&next)
        }
        combined.finish()
        return build(combined, path: path, client: client, logName: logName, encoding: sniff.encoding, format: kind,
                     size: size, text: FileIdentity(fd: fd).map { .file(path: path, size: size, identity: $0) } ?? .memory([]),
                     extraProblems: failure.map { [$0.problem(file: path, size: size)] } ?? [])
    }

    /// Reads `[from, to)` in chunks, carrying an incomplete record into the next read; a read that
    /// failed, if one did.
    private static func scanRange(fd: Int32, from: Int, to: Int, chunkSize: Int, into scanner: inout RecordScanner) -> ReadFailure? {
        scanRange(from: from, to: to, chunkSize: chunkSize, into: &scanner, read: positionalReader(fd))
    }

    /// `pread` as the chunk loop's reader: the bytes read, or a negative errno.
    static func positionalReader(_ fd: Int32) -> (UnsafeMutableRawPointer, Int, Int) -> Int {
        { destination, count, offset in
            var n = -1
            repeat { n = pread(fd, destination, count, off_t(offset)) } while n < 0 && errno == EINTR
            return n < 0 ? -Int(errno) : n
        }
    }

    /// The chunk loop over any positional reader (`pread`, or memory in tests), feeding a scanner.
    @discardableResult
    static func scanRange(from: Int, to: Int, chunkSize: Int, into scanner: inout RecordScanner,
                          read: (UnsafeMutableRawPointer, Int, Int) -> Int) -> ReadFailure? {
        readChunks(from: from, to: to, chunkSize: chunkSize, read: read) { bytes, base, final in
            scanner.scan(bytes, base: base, final: final)
        }
    }

    /// The chunk loop: `read` may return fewer bytes than asked, 0 only at the end, and a negative
    /// errno when the read failed; the bytes read until then are consumed and the failure is
    /// returned. `consume` gets the bytes held (their first at `base`) and says how many it is done
    /// with; the rest is carried into the next read (the buffer grows when it keeps them all), and
    /// nil stops the loop.
    @discardableResult
    static func readChunks(from: Int, to: Int, chunkSize: Int, read: (UnsafeMutableRawPointer, Int, Int) -> Int,
                           consume: (UnsafeRawBufferPointer, _ base: Int, _ final: Bool) -> Int?) -> ReadFailure? {
        var failure: ReadFailure?
        // A small file needs no whole-chunk buffer: thousands of them would fragment the heap.
        var buffer = [UInt8](repeating: 0, count: max(min(chunkSize, to - from + 1), 16))
        var filled = 0
        var base = from
        var position = from
        while true {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let want = min(buffer.count - filled, to - position)
            var got = want > 0 ? buffer.withUnsafeMutableBytes { read($0.baseAddress! + filled, want, position) } : 0
            if got < 0 {
                failure = ReadFailure(offset: position, errno: Int32(-got))
                got = 0
            }
            filled += got
            position += got
            let final = got == 0 || position >= to
            let consumed = buffer.withUnsafeBytes { consume(UnsafeRawBufferPointer(rebasing: $0[0..<filled]), base, final) }
            guard let consumed, !final else { return failure }
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, filled - consumed)
                }
                filled -= consumed
                base += consumed
            }
        }
    }

    /// Indexes in-memory UTF-8 bytes through the chunk loop, each read returning at most the next of
    /// `readSizes` bytes: tests prove a record split anywhere between reads comes out the same.
    static func parseInPieces(bytes: [UInt8], path: String, client: String, readSizes: [Int]) -> LogFileIndex {
        let kind = FormatDetection.detect(bytes.prefix(64 << 10))
        var scanner = RecordScanner(structured: kind != .plain, legacy: kind == .sms)
        var call = 0
        scanRange(from: 0, to: bytes.count, chunkSize: 16, into: &scanner) { destination, count, offset in
            let size = min(count, max(1, readSizes[call % readSizes.count]), bytes.count - offset)
            call += 1
            bytes.withUnsafeBytes { source in
                destination.copyMemory(from: source.baseAddress! + offset, byteCount: size)
            }
            return size
        }
        scanner.finish()
        return build(scanner, path: path, client: client, logName: path, encoding: .utf8, format: kind,
                     size: bytes.count, text: .memory(bytes), extraProblems: [])
    }

    static func build(_ scanner: RecordScanner, path: String, client: String, logName: String,
                              encoding: TextEncoding, format: LogFormat, size: Int, text: TextSource,
                              extraProblems: [LoadProblem]) -> LogFileIndex {
        LogFileIndex(path: path, client: client, logName: logName, encoding: encoding, format: format,
                     byteCount: size, problems: extraProblems + scanner.notes.problems(file: path),
                     unparsedCount: scanner.notes.unparsed + scanner.notes.truncated,
                     entries: scanner.entries, components: scanner.components,
                     longRecords: scanner.longRecords, text: text)
    }

    static func failed(_ path: String, _ client: String, _ logName: String, _ message: String) -> LogFileIndex {
        LogFileIndex(path: path, client: client, logName: logName, encoding: .utf8, format: .plain, byteCount: 0,
                     problems: [LoadProblem(file: path, message: message)], unparsedCount: 0,
                     entries: EntryStore(), components: ComponentTable(), longRecords: [:], text: .memory([]))
    }

    static func preadFully(_ fd: Int32, _ buffer: inout [UInt8], offset: Int) -> Int {
        var failure: ReadFailure?
        return preadFully(fd, &buffer, offset: offset, failure: &failure)
    }

    /// As above; a read that fails (EIO from a failing disk or a dropped network share) rather than
    /// ending is recorded in `failure`, so the file is not taken to end there without a word.
    static func preadFully(_ fd: Int32, _ buffer: inout [UInt8], offset: Int, failure: inout ReadFailure?) -> Int {
        var done = 0
        let wanted = buffer.count
        var code: Int32 = 0
        buffer.withUnsafeMutableBytes { raw in
            while done < wanted {
                let got = pread(fd, raw.baseAddress! + done, wanted - done, off_t(offset + done))
                if got > 0 { done += got; continue }
                if got < 0 && errno == EINTR { continue }
                if got < 0 { code = errno }
                break
            }
        }
        if code != 0 { failure = ReadFailure(offset: offset + done, errno: code) }
        return done
    }

    /// A read that failed at `offset` with `errno`.
    struct ReadFailure: Equatable {
        var offset: Int
        var errno: Int32

        func problem(file: String, size: Int) -> LoadProblem {
            LoadProblem(file: file, message: "read failed at byte \(offset) of \(size) (\(SystemErrorText.of(errno))); "
                + "the records before it are shown, the rest of the file was not read. Copy the log off the machine and open the copy")
        }
    }
}

extension ScanNotes {
    func problems(file: String) -> [LoadProblem] {
        var problems = examples.map { LoadProblem(file: file, line: $0.line, severity: .warning, message: $0.message) }
        let total = unparsed + truncated + badTime + damagedStart + (doubleSignBias > 0 ? 1 : 0) + (outOfRangeBias > 0 ? 1 : 0)
        if total > examples.count {
            var parts: [String] = []
            if unparsed > 0 { parts.append("\(unparsed) unparsed fragment\(unparsed == 1 ? "" : "s")") }
            if truncated > 0 { parts.append("\(truncated) cut-off record\(truncated == 1 ? "" : "s")") }
            if damagedStart > 0 { parts.append("\(damagedStart) record\(damagedStart == 1 ? "" : "s") missing their start") }
            if badTime > 0 { parts.append("\(badTime) unreadable time\(badTime == 1 ? "" : "s")") }
            if doubleSignBias > 0 { parts.append("\(doubleSignBias) two-sign time zone\(doubleSignBias == 1 ? "" : "s")") }
            if outOfRangeBias > 0 { parts.append("\(outOfRangeBias) out-of-range time zone\(outOfRangeBias == 1 ? "" : "s")") }
            problems.append(LoadProblem(file: file, severity: .warning,
                                        message: "in all: " + parts.joined(separator: ", ") + "; every fragment is kept as a record"))
        }
        return problems
    }
}
