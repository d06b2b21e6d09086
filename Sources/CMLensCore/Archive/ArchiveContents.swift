/// The logs read from one archive (and the archives inside it), held in memory, and what was refused.
public struct ArchiveContents: Sendable {
    /// A folder of the archive that holds logs: one client, as a folder on disk is.
    public struct Folder: Sendable, Hashable {
        /// `case.zip!/PC1`: tells two folders apart.
        public var key: String
        /// `PC1`; the archive's name without extension for logs at its root.
        public var client: String
        /// Display paths of its logs, in archive order.
        public var files: [String]
    }

    public var folders: [Folder] = []
    /// Display path → the entry's bytes.
    public var bytes: [String: [UInt8]] = [:]
    public var problems: [LoadProblem] = []
    /// Site control files, inventory exports and the like seen in the archive: only logs are read
    /// from archives, and the user hears which were left.
    public var notRead: [String] = []
    /// Bytes read from the archive (nested ones included), counted against the limit.
    var expanded = 0

    /// Where each folder is in `folders`, by key: a bundle can hold thousands of logs.
    private var folderIndex: [String: Int] = [:]

    /// Adds a log. A name met again replaces the first one's bytes: the later entry is the one
    /// unpacking would leave (zip and tar both allow two entries of one name).
    mutating func add(log display: String, folderKey: String, client: String, bytes entryBytes: [UInt8]) {
        defer { bytes[display] = entryBytes }
        if bytes[display] != nil { return }
        if let k = folderIndex[folderKey] {
            folders[k].files.append(display)
        } else {
            folderIndex[folderKey] = folders.count
            folders.append(Folder(key: folderKey, client: client, files: [display]))
        }
    }
}
