import Dispatch
import Synchronization

extension LoadedLogs {
    /// The records of `order` turned into lines by `format`, on all cores, handed to `emit` a block
    /// at a time in `order`'s order. Records that follow each other in one file are read from it
    /// in one window rather than a read each: a merged gigabyte log is mostly such runs.
    public func formatLines(_ order: [RecordReference], block: Int = 1 << 16,
                            _ format: @escaping @Sendable (LogRecord) -> String, emit: ([String]) -> Void) {
        let lanes = 8
        var first = 0
        while first < order.count {
            let last = min(order.count, first + block)
            let start = first
            let lines = Concurrently.map(count: lanes) { lane -> [String] in
                let share = (last - start + lanes - 1) / lanes
                let from = min(last, start + lane * share), to = min(last, from + share)
                var out: [String] = []
                out.reserveCapacity(to - from)
                var k = from
                while k < to {
                    // A run: the same file, each record the next one in it.
                    let file = order[k].file
                    var end = k + 1
                    while end < to && order[end].file == file && order[end].index == order[end - 1].index + 1 { end += 1 }
                    files[Int(file)].forEachRecord(in: Int(order[k].index)..<Int(order[end - 1].index) + 1) { _, record in
                        out.append(format(record))
                    }
                    k = end
                }
                return out
            }
            emit(lines.flatMap { $0 })
            first = last
        }
    }
}
