import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an indexed file's text lives: in memory (small files, and UTF-16 files converted to UTF-8),
/// or on disk, read back with `pread` when a record is shown. Never memory-mapped: a log that shrinks
/// while it is open would then crash the reader with SIGBUS.
enum TextSource: Sendable {
    case memory([UInt8])
    /// `identity` is the file's device and inode when it was indexed: after a rotation the path
    /// names another file, whose bytes must not be read at this index's offsets.
    case file(path: String, size: Int, identity: FileIdentity)

    /// The bytes at `offset`, fewer than `length` (and why) when the file changed since it was indexed.
    func withBytes<T>(offset: Int, length: Int, _ body: (UnsafeRawBufferPointer, TextLoss?) -> T) -> T {
        switch self {
        case .memory(let bytes):
            let start = min(offset, bytes.count)
            let end = min(offset + length, bytes.count)
            return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end]), nil) }
        case .file(let path, _, let identity):
            // Not zeroed first: the read fills what is used, and a megabyte window is read per
            // thousands of records printed.
            var buffer = [UInt8](unsafeUninitializedCapacity: length) { _, initialized in initialized = length }
            let read = OpenFiles.shared.read(path: path, identity: identity, into: &buffer, offset: offset)
            return buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<read.count]), read.loss) }
        }
    }
}

/// Why a record's bytes could not be read back from its file when it was shown: a large log is
/// indexed once and read again record by record, and in between it may be rotated, cut or lost.
enum TextLoss: Error, Sendable, Equatable {
    /// The file cannot be opened any more (errno).
    case unopenable(Int32)
    /// The path names another file now: a rotation replaced it.
    case replaced
    /// The file ends before the record.
    case shrank
    /// A read failed (errno): a failing disk, a dropped share.
    case failed(Int32)

    /// What a record whose bytes are gone says instead of its message.
    var message: String {
        let why = switch self {
        case .unopenable(let code): "the file cannot be opened any more (\(SystemErrorText.of(code)))"
        case .replaced: "the file was replaced since cmlens read it, as a log rotation does"
        case .shrank: "the file is shorter now than when cmlens read it"
        case .failed(let code): "reading it failed (\(SystemErrorText.of(code)))"
        }
        return "[record text unavailable: \(why); open the workspace again to read it as it is now]"
    }
}

/// A small cache of read-only descriptors, so showing records from many files does not reopen
/// each file for every record.
final class OpenFiles: Sendable {
    static let shared = OpenFiles()

    private struct Entry {
        var path: String
        var identity: FileIdentity
        var fd: Int32
        /// Reads under way: an evicted descriptor stays open until the last one ends.
        var readers = 0
    }

    private struct State {
        var open: [Entry] = []
        /// Evicted descriptors still being read, with how many reads.
        var retired: [Int32: Int] = [:]
    }

    private let state = Mutex(State())
    private let limit = 64

    /// Reads outside the lock, so both cores' reads of one log overlap; a descriptor evicted
    /// meanwhile is closed by its last reader. Fewer bytes than asked come with the reason (what
    /// is left is still shown).
    func read(path: String, identity: FileIdentity, into buffer: inout [UInt8], offset: Int) -> (count: Int, loss: TextLoss?) {
        let opened: Result<Int32, TextLoss> = state.withLock { state in
            descriptor(for: path, identity: identity, in: &state)
        }
        let fd: Int32
        switch opened {
        case .success(let open): fd = open
        case .failure(let loss): return (0, loss)
        }
        var failure: LogReader.ReadFailure?
        let got = LogReader.preadFully(fd, &buffer, offset: offset, failure: &failure)
        state.withLock { state in
            if let i = state.open.firstIndex(where: { $0.fd == fd }) {
                state.open[i].readers -= 1
            } else if let readers = state.retired[fd] {
                if readers <= 1 {
                    state.retired[fd] = nil
                    close(fd)
                } else {
                    state.retired[fd] = readers - 1
                }
            }
        }
        if let failure { return (got, .failed(failure.errno)) }
        return (got, got < buffer.count ? .shrank : nil)
    }

    /// The descriptor for the file, counted as read from.
    private func descriptor(for path: String, identity: FileIdentity, in state: inout State) -> Result<Int32, TextLoss> {
        if let hit = state.open.firstIndex(where: { $0.identity == identity && $0.path == path }) {
            var entry = state.open.remove(at: hit)
            entry.readers += 1
            state.open.append(entry)
            return .success(entry.fd)
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unopenable(errno)) }
        guard identity.matches(fd: fd) else {
            close(fd)
            return .failure(.replaced)
        }
        if state.open.count >= limit {
            let evicted = state.open.removeFirst()
            if evicted.readers == 0 { close(evicted.fd) } else { state.retired[evicted.fd] = evicted.readers }
        }
        state.open.append(Entry(path: path, identity: identity, fd: fd, readers: 1))
        return .success(fd)
    }
}

/// What a path named when it was read: the file's device and inode, and a checksum of its first
/// bytes. The inode alone is not enough: a file deleted and created again under the same name
/// often gets the freed inode back, and its bytes are not the ones indexed. A log only grows at
/// its end, so its first bytes stay as they were until it is replaced.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    /// How many of the first bytes `head` covers (fewer when the file was smaller).
    var headLength: Int
    var head: UInt64

    static let headLimit = 256

    init?(fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        (headLength, head) = Self.head(fd: fd, length: Self.headLimit)
    }

    /// Whether `fd` is still this file: the same inode, starting with the same bytes.
    func matches(fd: Int32) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0, UInt64(info.st_dev) == device, UInt64(info.st_ino) == inode else { return false }
        let now = Self.head(fd: fd, length: headLength)
        return now.length == headLength && now.checksum == head
    }

    /// FNV-1a of the first `length` bytes (as many as there are).
    private static func head(fd: Int32, length: Int) -> (length: Int, checksum: UInt64) {
        var bytes = [UInt8](repeating: 0, count: length)
        let got = LogReader.preadFully(fd, &bytes, offset: 0)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes[0..<got] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (got, hash)
    }
}
