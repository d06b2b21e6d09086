/// Where a CMTrace log can be cut without reading it from the start: a line that opens `<![LOG[`
/// after a line that ended `>` (a record's attribute block). The split scan cuts a large log into
/// parts there, and a sparse read scans the stretch between two such places around a hit.
enum RecordBoundary {
    /// Whether the line after the newline at `newline` starts a record.
    static func follows(newline: Int, in b: UnsafeRawBufferPointer) -> Bool {
        guard Bytes.isLogOpen(b, at: newline + 1) else { return false }
        var before = newline - 1
        if before >= 0 && b[before] == Bytes.carriageReturn { before -= 1 }
        return before >= 0 && b[before] == UInt8(ascii: ">")
    }

    /// The last boundary at or before `p`; 0, the buffer's start, when there is none.
    static func before(_ p: Int, in b: UnsafeRawBufferPointer) -> Int {
        var i = min(p, b.count)
        while let newline = Bytes.findLast(Bytes.newline, in: b, before: i) {
            if follows(newline: newline, in: b) { return newline + 1 }
            i = newline
        }
        return 0
    }

    /// The first boundary after `p`, or nil.
    static func after(_ p: Int, in b: UnsafeRawBufferPointer) -> Int? {
        var i = p
        while let newline = Bytes.find(Bytes.newline, in: b, from: i, to: b.count) {
            if follows(newline: newline, in: b) { return newline + 1 }
            i = newline + 1
        }
        return nil
    }
}
