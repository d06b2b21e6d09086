/// Where an execution step's line is, so its text is read when an output or a pane asks for it:
/// a workspace with a 1 GB execmgr.log has millions of steps, and a String per step held them in
/// gigabytes. A step read from a loaded log names its record (file and number); one built from
/// records handed in (tests, small inputs) keeps the record.
public struct StepSource: Sendable, Hashable {
    enum Storage: Sendable {
        case indexed(LogFileIndex, UInt32)
        case held(HeldRecord)
    }

    final class HeldRecord: Sendable {
        let record: LogRecord
        init(_ record: LogRecord) { self.record = record }
    }

    let storage: Storage

    public init(file: LogFileIndex, index: Int) {
        storage = .indexed(file, UInt32(index))
    }

    public init(record: LogRecord) {
        storage = .held(HeldRecord(record))
    }

    /// The whole record, decoded from its file when the step came from a loaded log.
    public var record: LogRecord {
        switch storage {
        case let .indexed(file, index): file.record(at: Int(index))
        case let .held(held): held.record
        }
    }

    /// The record's file and line, read from the file's index (nothing is decoded).
    public var evidence: Evidence {
        switch storage {
        case let .indexed(file, index): Evidence(record: RecordID(file: file, index: Int(index)))
        case let .held(held): Evidence(file: held.record.file, line: held.record.line)
        }
    }

    /// The record's first line, as the log wrote it.
    public var firstLine: String { String(record.firstLine) }

    /// Which record of `file` it is, when it came from a loaded log.
    public var recordIndex: Int? {
        if case let .indexed(_, index) = storage { return Int(index) }
        return nil
    }

    /// The record's identity, when it came from a loaded log.
    public var recordID: RecordID? {
        if case let .indexed(file, index) = storage { return RecordID(file: file, index: Int(index)) }
        return nil
    }

    /// Steps compare by their text, as they did when they held it.
    public static func == (a: StepSource, b: StepSource) -> Bool {
        if case let .indexed(f, i) = a.storage, case let .indexed(g, j) = b.storage, f === g, i == j { return true }
        return a.firstLine == b.firstLine
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(firstLine) }
}

/// A value kept off a struct's inline storage: most steps have no prediction, and each of the
/// millions of steps would otherwise carry its room.
final class Boxed<Value: Sendable & Hashable>: Sendable, Hashable {
    let value: Value
    init(_ value: Value) { self.value = value }
    static func == (a: Boxed, b: Boxed) -> Bool { a === b || a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
