@testable import CMLensCore

/// Archives, whatever libarchive makes of the input (zip, cab, tar and its compressions, 7z, and
/// the other formats it knows), read under small limits so that each input stays fast: every log
/// kept lies in the archive and is read, every problem names the archive or one of its entries,
/// and no limit is passed.
public enum ArchiveFuzz {
    static let limits: ArchiveLimits = {
        var limits = ArchiveLimits()
        limits.entryBytes = 1 << 20
        limits.archiveBytes = 4 << 20
        limits.ratioFloor = 64 << 10
        limits.discardBytes = 4 << 20
        return limits
    }()

    /// Compared as bytes: an entry's name may start with a combining mark, which String's
    /// `hasPrefix` would join to the `/` before it.
    static func within(_ path: String, _ archive: String) -> Bool {
        path == archive || path.utf8.starts(with: (archive + "!/").utf8)
    }

    public static func run(_ input: [UInt8]) {
        let display = "case.zip"
        let contents = ArchiveReading.read(bytes: input, display: display, limits: limits)
        var files = Set<String>()
        for folder in contents.folders {
            require(within(folder.key, display), "folder \(folder.key) outside the archive")
            require(!folder.client.isEmpty, "a client without a name in \(folder.key)")
            for file in folder.files {
                require(files.insert(file).inserted, "\(file) listed twice")
                require(within(file, display) && file != display, "log \(file) outside the archive")
                guard let bytes = contents.bytes[file] else { return require(false, "\(file) listed without its bytes") }
                require(bytes.count <= limits.entryBytes, "\(file) holds \(bytes.count) bytes, past the entry limit")
                let index = LogReader.parse(bytes: bytes, path: file, client: folder.client)
                for problem in index.problems { require(problem.file == file, "a problem of \(file) names \(problem.file)") }
            }
        }
        require(files.count == contents.bytes.count, "\(contents.bytes.count) logs read, \(files.count) listed")
        require(contents.expanded <= limits.archiveBytes, "\(contents.expanded) bytes expanded, past the archive limit")
        for problem in contents.problems {
            require(within(problem.file, display), "a problem names \(problem.file)")
            require(!problem.message.isEmpty, "a problem without a message")
        }
    }
}
