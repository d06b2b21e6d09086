/// One record of a workspace's logs, named by its file and its position there: the identity a
/// step, a finding's evidence and a timeline's evidence carry, so a pane opens that very record
/// instead of looking its `path:line` up again. `path:line` is what it prints as.
public struct RecordID: Sendable, Hashable {
    public let file: LogFileIndex
    private let position: UInt32

    public init(file: LogFileIndex, index: Int) {
        self.file = file
        position = UInt32(index)
    }

    /// Which record of the file it is.
    public var index: Int { Int(position) }
    public var path: String { file.path }
    /// The record's first line in the file, read from the index (nothing is decoded).
    public var line: Int { file.line(at: index) }
    public var record: LogRecord { file.record(at: index) }

    public static func == (a: RecordID, b: RecordID) -> Bool { a.file === b.file && a.position == b.position }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(position)
    }
}

extension LoadedLogs {
    /// Where the record is among these logs; nil when its file is not one of them (a workspace
    /// since read again holds other files).
    /// - Complexity: O(files), comparing identities.
    public func reference(to id: RecordID) -> RecordReference? {
        files.firstIndex { $0 === id.file }.map { RecordReference(file: $0, index: id.index) }
    }

    /// The record a citation names: by its identity when it is one of these logs' records; by its
    /// `path:line` when it was read elsewhere (a step built from records handed in, another load
    /// of the same files).
    public func reference(to evidence: Evidence) -> RecordReference? {
        if let id = evidence.record, let found = reference(to: id) { return found }
        return reference(file: evidence.file, line: evidence.line)
    }
}
