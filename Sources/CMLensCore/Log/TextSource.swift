#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where an indexed file's text lives: in memory (small files, and UTF-16 files converted to UTF-8),
/// or on disk, read back with `pread` when a record is shown. Never memory-mapped: a log that shrinks
/// while it is open would then crash the reader with SIGBUS.
enum TextSource: Sendable {
    case memory([UInt8])
    /// `identity` is the file's device and inode when it was indexed: after a rotation the path
    /// names another file, whose bytes must not be read at this index's offsets.
    case file(path: String, size: Int, identity: FileIdentity)

    func withBytes<T>(offset: Int, length: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        switch self {
        case .memory(let bytes):
            let start = min(offset, bytes.count)
            let end = min(offset + length, bytes.count)
            return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        case .file(let path, _, let identity):
            var buffer = [UInt8](repeating: 0, count: length)
            let got = OpenFiles.shared.read(path: path, identity: identity, into: &buffer, offset: offset)
            return buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
        }
    }
}

/// A small cache of read-only descriptors, so showing records from many files does not reopen
/// each file for every record.
final class OpenFiles: Sendable {
    static let shared = OpenFiles()
    private let state = Mutex<[(path: String, identity: FileIdentity, fd: Int32)]>([])
    private let limit = 64

    /// Reads under the lock: another thread evicting the descriptor must not close it mid-read.
    func read(path: String, identity: FileIdentity, into buffer: inout [UInt8], offset: Int) -> Int {
        state.withLock { cache in
            guard let fd = descriptor(for: path, identity: identity, in: &cache) else { return 0 }
            // Fewer bytes than asked means the file shrank: show what is left.
            return LogReader.preadFully(fd, &buffer, offset: offset)
        }
    }

    private func descriptor(for path: String, identity: FileIdentity,
                            in cache: inout [(path: String, identity: FileIdentity, fd: Int32)]) -> Int32? {
        if let hit = cache.firstIndex(where: { $0.identity == identity && $0.path == path }) {
            let entry = cache.remove(at: hit)
            cache.append(entry)
            return entry.fd
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard FileIdentity(fd: fd) == identity else {
            close(fd)
            return nil
        }
        if cache.count >= limit { close(cache.removeFirst().fd) }
        cache.append((path, identity, fd))
        return fd
    }
}

/// A file's device and inode: what a path named when it was read.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64

    init?(fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
