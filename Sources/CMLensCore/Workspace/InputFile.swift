#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a whole input file (site control file, CSV, rules, catalogue, machine list) without ever
/// waiting on it: a named pipe or a device given a workspace file's name would block
/// `FileManager.contents(atPath:)` forever, so the file is opened non-blocking and read only if it
/// is a regular file.
public enum InputFile {
    /// The file's bytes; nil when it cannot be opened, is not a regular file, or cannot be read.
    public static func contents(atPath path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let got = LogReader.preadFully(fd, &bytes, offset: 0)
        // A file that grew since fstat: the rest is read too.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset = got
        if got == bytes.count {
            while true {
                let more = LogReader.preadFully(fd, &chunk, offset: offset)
                if more == 0 { break }
                bytes.append(contentsOf: chunk[0..<more])
                offset += more
            }
        }
        return Data(bytes[0..<min(offset, bytes.count)])
    }
}

extension InputFile {
    /// Whether the path names something that exists but is not a regular file or folder (a named
    /// pipe, a socket, a device): reading it could block or never end.
    public static func isSpecial(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }
}
