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
    case file(path: String, size: Int)

    func withBytes<T>(offset: Int, length: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        switch self {
        case .memory(let bytes):
            let start = min(offset, bytes.count)
            let end = min(offset + length, bytes.count)
            return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        case .file(let path, _):
            var buffer = [UInt8](repeating: 0, count: length)
            let got = OpenFiles.shared.read(path: path, into: &buffer, offset: offset)
            return buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
        }
    }
}

/// A small cache of read-only descriptors, so showing records from many files does not reopen
/// each file for every record.
final class OpenFiles: Sendable {
    static let shared = OpenFiles()
    private let state = Mutex<[(path: String, fd: Int32)]>([])
    private let limit = 64

    func read(path: String, into buffer: inout [UInt8], offset: Int) -> Int {
        guard let fd = descriptor(for: path) else { return 0 }
        var done = 0
        let wanted = buffer.count
        buffer.withUnsafeMutableBytes { raw in
            while done < wanted {
                let got = pread(fd, raw.baseAddress! + done, wanted - done, off_t(offset + done))
                if got > 0 { done += got; continue }
                if got < 0 && errno == EINTR { continue }
                break  // the file shrank: show what is left
            }
        }
        return done
    }

    private func descriptor(for path: String) -> Int32? {
        state.withLock { cache in
            if let hit = cache.firstIndex(where: { $0.path == path }) {
                let entry = cache.remove(at: hit)
                cache.append(entry)
                return entry.fd
            }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            if cache.count >= limit { close(cache.removeFirst().fd) }
            cache.append((path, fd))
            return fd
        }
    }
}
