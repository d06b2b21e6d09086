import Synchronization

/// Shared between a background job and the console: how far it got, and whether a newer job of
/// the same pane made it pointless.
public final class JobProgress: Sendable {
    private let permille = Atomic<Int>(0)
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public func report(_ done: Int, of total: Int) {
        permille.store(total > 0 ? done * 1000 / total : 0, ordering: .relaxed)
    }

    public var fraction: Double { Double(permille.load(ordering: .relaxed)) / 1000 }
    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
    public func cancel() { cancelled.store(true, ordering: .relaxed) }
}
