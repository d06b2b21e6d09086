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

    mutating func add(log display: String, folderKey: String, client: String, bytes entryBytes: [UInt8]) {
        if let k = folders.firstIndex(where: { $0.key == folderKey }) {
            folders[k].files.append(display)
        } else {
            folders.append(Folder(key: folderKey, client: client, files: [display]))
        }
        bytes[display] = entryBytes
    }
}
