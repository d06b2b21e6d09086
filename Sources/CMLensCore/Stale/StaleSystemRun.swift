import Foundation

/// Progress of a running check, reported once per machine as it completes.
public struct StaleCheckProgress: Sendable {
    /// Machines finished so far, this one included.
    public var completed: Int
    public var total: Int
    /// Position of this machine in the list.
    public var index: Int
    /// Its rows (one per address).
    public var rows: [StaleSystemRow]
}

/// Lets a caller (the console pane) stop a check: workers take no new machine once it is set.
public final class StaleCheckCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() { lock.withLock { cancelled = true } }
    public var isCancelled: Bool { lock.withLock { cancelled } }
}

extension StaleSystemCheck {
    /// Checks every name with at most `concurrency` lookups in flight (one per worker; each worker
    /// asks one query at a time). Blocks until done or cancelled; returns rows in list order, for
    /// the machines that were checked. `progress` runs on a worker thread, one call at a time.
    public static func run(
        names: [String],
        resolver: any DNSResolving,
        concurrency: Int,
        cancellation: StaleCheckCancellation? = nil,
        progress: (@Sendable (StaleCheckProgress) -> Void)? = nil
    ) throws -> [StaleSystemRow] {
        guard !names.isEmpty else { return [] }
        let workers = max(1, min(concurrency, names.count))
        // Sessions are opened here so a bad configuration fails once, before anything runs.
        let sessions = try (0..<workers).map { _ in try resolver.makeSession() }
        let state = RunState(total: names.count)
        let finished = DispatchSemaphore(value: 0)
        for session in sessions {
            let thread = Thread {
                while cancellation?.isCancelled != true, let index = state.nextIndex() {
                    let rows = check(names[index], session: session)
                    state.finish(index: index, rows: rows, progress: progress)
                }
                finished.signal()
            }
            thread.name = "cmlens-stale"
            thread.start()
        }
        for _ in sessions { finished.wait() }
        return state.rowsInListOrder()
    }
}

private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var completed = 0
    private var results: [[StaleSystemRow]?]
    private let total: Int

    init(total: Int) {
        self.total = total
        results = Array(repeating: nil, count: total)
    }

    func nextIndex() -> Int? {
        lock.withLock {
            guard next < total else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finish(index: Int, rows: [StaleSystemRow], progress: (@Sendable (StaleCheckProgress) -> Void)?) {
        lock.withLock {
            results[index] = rows
            completed += 1
            progress?(StaleCheckProgress(completed: completed, total: total, index: index, rows: rows))
        }
    }

    func rowsInListOrder() -> [StaleSystemRow] {
        lock.withLock { results.compactMap { $0 }.flatMap { $0 } }
    }
}
