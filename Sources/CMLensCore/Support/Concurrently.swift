import Dispatch
import Synchronization

/// Independent jobs on all cores, their results in job order. The one place where results cross
/// threads: each job hands its result to a slot under a lock (held only to store it), so no caller
/// needs an unchecked buffer.
public enum Concurrently {
    /// `body(0)`, …, `body(count - 1)` run at once on `DispatchQueue.concurrentPerform`; the results
    /// in index order. One job runs on the calling thread.
    public static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let slots = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { k in
            let result = body(k)
            slots.withLock { $0[k] = result }
        }
        // Emptied as they are taken, so each result has one owner (its storage is not shared with
        // the slot array's and frees when the caller is done with it).
        return slots.withLock { held in
            defer { held = [] }
            return held.map { $0! }
        }
    }
}
