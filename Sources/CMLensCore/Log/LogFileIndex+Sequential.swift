extension LogFileIndex {
    /// Bytes read at once when records are decoded in file order.
    static let sequentialWindow = 1 << 20

    /// Every record, in file order, decoded from reads of about a megabyte: `record(at:)` reads
    /// each record from disk on its own, a system call per record, which dominated reading a
    /// gigabyte execmgr.log into its history. A file held in memory is decoded in place.
    public func forEachRecord(_ body: (_ index: Int, _ record: LogRecord) -> Void) {
        guard case let .file(filePath, _, identity) = text else {
            for index in 0..<count { body(index, record(at: index)) }
            return
        }
        var buffer: [UInt8] = []
        var next = 0
        while next < count {
            // The run of records from `next` whose bytes lie, in order, within one window.
            let start = entries[next].offset
            var end = start + length(at: next)
            var last = next + 1
            while last < count {
                let offset = entries[last].offset
                let recordEnd = offset + length(at: last)
                guard offset >= start, recordEnd - start <= Self.sequentialWindow else { break }
                end = max(end, recordEnd)
                last += 1
            }
            if buffer.count != end - start { buffer = [UInt8](repeating: 0, count: end - start) }
            // Fewer bytes than asked: the file changed since it was indexed; the records past what is
            // left say why.
            let (got, loss) = OpenFiles.shared.read(path: filePath, identity: identity, into: &buffer, offset: start)
            buffer.withUnsafeBytes { window in
                for index in next..<last {
                    let entry = entries[index]
                    let length = length(at: index)
                    let from = min(entry.offset - start, got)
                    let to = min(from + length, got)
                    body(index, decode(entry, UnsafeRawBufferPointer(rebasing: window[from..<to]), lost: to - from < length ? loss : nil))
                }
            }
            next = last
        }
    }
}
