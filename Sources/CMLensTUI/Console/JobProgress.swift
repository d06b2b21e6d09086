import Synchronization

/// Shared between a background job and the console: how far it got, and whether a newer job of
/// the same pane made it pointless.
final class JobProgress: Sendable {
    private let permille = Atomic<Int>(0)
    private let cancelled = Atomic<Bool>(false)

    init() {}

    func report(_ done: Int, of total: Int) {
        permille.store(total > 0 ? done * 1000 / total : 0, ordering: .relaxed)
    }

    var fraction: Double { Double(permille.load(ordering: .relaxed)) / 1000 }
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
    func cancel() { cancelled.store(true, ordering: .relaxed) }
}
