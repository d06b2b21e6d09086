import CMLensCore
import Synchronization

/// The last few hundred records decoded for the screen. A 5-million-record log is never decoded
/// whole: only the rows shown are, and scrolling back and forth hits this cache.
final class RecordCache: Sendable {
    private let logs: LoadedLogs
    private let state = Mutex<(entries: [RecordReference: LogRecord], order: [RecordReference])>(([:], []))
    private let limit = 512

    init(logs: LoadedLogs) {
        self.logs = logs
    }

    subscript(reference: RecordReference) -> LogRecord {
        if let hit = state.withLock({ $0.entries[reference] }) { return hit }
        let record = logs[reference]
        state.withLock { cache in
            if cache.entries.count >= limit {
                for old in cache.order.prefix(limit / 4) { cache.entries[old] = nil }
                cache.order.removeFirst(limit / 4)
            }
            cache.entries[reference] = record
            cache.order.append(reference)
        }
        return record
    }
}
