import Dispatch

/// One record as `LoadedLogs.writeLines` hands it to a writer: its bytes as the file holds them,
/// decoded only when the writer asks.
public struct RawRecord: ~Copyable {
    let log: LogFileIndex
    let entry: RecordEntry
    let bytes: UnsafeRawBufferPointer
    let loss: TextLoss?

    public var decoded: LogRecord { log.decode(entry, bytes, lost: loss) }
}

/// Writes records as lines for `LoadedLogs.writeLines`; each lane has its own, so a writer may keep
/// what it made for the file before (a record's file is nearly always the last one's).
public protocol RecordWriter: Sendable {
    mutating func append(_ record: borrowing RawRecord, to out: inout [UInt8])
}

/// A writer from a function of the decoded record, for formats that need the whole record.
public struct DecodedRecordWriter: RecordWriter {
    let format: @Sendable (LogRecord) -> String

    public init(_ format: @escaping @Sendable (LogRecord) -> String) { self.format = format }

    public func append(_ record: borrowing RawRecord, to out: inout [UInt8]) {
        out.append(contentsOf: format(record.decoded).utf8)
    }
}

extension LoadedLogs {
    /// The records of `order` written by `writer` (each followed by a line feed), on all cores,
    /// handed to `emit` as bytes a block at a time in `order`'s order. Records that follow each
    /// other in one file are read from it in one window rather than a read each: a merged gigabyte
    /// log is mostly such runs. Writers append bytes: a string per record costs more than the rest.
    public func writeLines<Writer: RecordWriter>(_ order: [RecordReference], block: Int = 1 << 15, _ writer: Writer,
                                                 emit: ([UInt8]) -> Void) {
        let lanes = 8
        var first = 0
        while first < order.count {
            let last = min(order.count, first + block)
            let start = first
            let parts = Concurrently.map(count: lanes) { lane -> [UInt8] in
                let share = (last - start + lanes - 1) / lanes
                let from = min(last, start + lane * share), to = min(last, from + share)
                var writer = writer
                var out: [UInt8] = []
                out.reserveCapacity((to - from) * 320)
                var k = from
                while k < to {
                    // A run: the same file, each record the next one in it.
                    let file = order[k].file
                    var end = k + 1
                    while end < to && order[end].file == file && order[end].index == order[end - 1].index + 1 { end += 1 }
                    let log = files[Int(file)]
                    let range = Int(order[k].index)..<Int(order[end - 1].index) + 1
                    _ = log.forEachRecord(containing: nil, in: range, window: LogFileIndex.sequentialWindow,
                                          isCancelled: { false }) { index, bytes, loss in
                        writer.append(RawRecord(log: log, entry: log.entries[index], bytes: bytes, loss: loss), to: &out)
                        out.append(0x0A)
                    }
                    k = end
                }
                return out
            }
            for part in parts where !part.isEmpty { emit(part) }
            first = last
        }
    }
}
