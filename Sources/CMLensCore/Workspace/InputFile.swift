import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole input file (site control file, CSV, rules, catalogue, machine list, theme) without
/// ever waiting on it: a named pipe or a device given a workspace file's name would block
/// `FileManager.contents(atPath:)` forever, so the file is opened non-blocking and read only if it
/// is a regular file. What went wrong comes from the one `open`/`fstat`/`read`, not from a second
/// look at the path afterwards (which could see a different file).
public enum InputFile {
    /// Why a file could not be read. `description` is a phrase that follows the file's name or kind
    /// ("sys.txt does not exist …"); `advice` says what to do about it.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing at the path (or a part of the path is not a folder, or a link leads nowhere).
        case missing
        /// Something that is not a regular file: reading it could block, never end, or mean nothing.
        case notRegularFile(Kind)
        case permissionDenied
        /// Larger than any file of its kind should be: read whole, it could take all the memory.
        case tooLarge(size: Int, limit: Int)
        /// Any other failure of the system call, with errno's text.
        case system(errno: Int32, text: String)

        public enum Kind: String, Sendable, Hashable {
            case folder = "a folder"
            case namedPipe = "a named pipe"
            case device = "a device"
            case socket = "a socket"
            case other = "a special file"
        }

        public var description: String {
            switch self {
            case .missing: "does not exist (no such file or folder)"
            case .notRegularFile(let kind): "is \(kind.rawValue), not a regular file"
            case .permissionDenied: "cannot be read: permission denied"
            case .system(_, let text): "cannot be read: \(text)"
            case .tooLarge(let size, let limit): "is \(Self.megabytes(size)), more than the \(Self.megabytes(limit)) cmlens reads of such a file"
            }
        }

        public var advice: String {
            switch self {
            case .missing: "check the path"
            case .notRegularFile: "give the path of a file"
            case .permissionDenied: "check its permissions, or run cmlens as a user who may read it"
            case .system: "check the file and the disk it is on"
            case .tooLarge: "check that this is the file you meant; nothing was read from it"
            }
        }

        private static func megabytes(_ bytes: Int) -> String {
            let (unit, name) = bytes >= 1 << 30 ? (1 << 30, "GiB") : bytes >= 1 << 20 ? (1 << 20, "MiB") : (1, "bytes")
            if bytes % unit == 0 { return "\(bytes / unit) \(name)" }
            return "\(String(format: "%.1f", Double(bytes) / Double(unit))) \(name)"
        }

        init(errno code: Int32) {
            switch code {
            case ENOENT, ENOTDIR: self = .missing
            case EACCES, EPERM: self = .permissionDenied
            default: self = .system(errno: code, text: SystemErrorText.of(code).lowercased())
            }
        }

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFDIR: self = .notRegularFile(.folder)
            case S_IFIFO: self = .notRegularFile(.namedPipe)
            case S_IFCHR, S_IFBLK: self = .notRegularFile(.device)
            case S_IFSOCK: self = .notRegularFile(.socket)
            default: self = .notRegularFile(.other)
            }
        }
    }

    /// The most cmlens reads of a file it holds whole. Real ones are far smaller: a site control file
    /// is a few MB, a rules file or theme a few KB; an inventory export of a large site a few hundred MB
    /// (and takes about nine times its size in memory once parsed).
    public enum Limit {
        public static let csv = 1 << 30
        public static let siteControl = 256 << 20
        public static let machineList = 256 << 20
        public static let small = 64 << 20
    }

    /// The file's bytes, or why they could not be had. A file larger than `limit` is not read.
    public static func read(atPath path: String, limit: Int) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw Failure(mode: info.st_mode) }
        guard Int(info.st_size) <= limit else { throw .tooLarge(size: Int(info.st_size), limit: limit) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = try readFully(fd, into: &bytes, at: 0)
        bytes.removeSubrange(count...)
        // A file that grew since fstat: the rest is read too.
        if count == Int(info.st_size) {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let more = try readFully(fd, into: &chunk, at: bytes.count)
                if more == 0 { break }
                bytes += chunk[..<more]
                if bytes.count > limit { throw .tooLarge(size: bytes.count, limit: limit) }
            }
        }
        return Data(bytes)
    }

    /// Fills `buffer` from `offset` on, or up to the end of the file; the count read.
    private static func readFully(_ fd: Int32, into buffer: inout [UInt8], at offset: Int) throws(Failure) -> Int {
        var done = 0
        while done < buffer.count {
            let got = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
            }
            if got > 0 { done += got; continue }
            if got == 0 { break }
            let code = errno
            if code == EINTR { continue }
            throw Failure(errno: code)
        }
        return done
    }
}
