extension LogFileIndex {
    /// Bytes read at once when records are decoded in file order.
    static let sequentialWindow = 1 << 20

    /// Every record, in file order, decoded from reads of about a megabyte: `record(at:)` reads
    /// each record from disk on its own, a system call per record, which dominated reading a
    /// gigabyte execmgr.log into its history. A file held in memory is decoded in place.
    public func forEachRecord(_ body: (_ index: Int, _ record: LogRecord) -> Void) {
        forEachRecord(in: 0..<count, body)
    }

    /// The records of `range`, in file order, decoded from windows of about a megabyte.
    func forEachRecord(in range: Range<Int>, _ body: (_ index: Int, _ record: LogRecord) -> Void) {
        forEachRecord(containing: nil, in: range, window: Self.sequentialWindow, isCancelled: { false }) { index, bytes, loss in
            body(index, decode(entries[index], bytes, lost: loss))
        }
    }
}
