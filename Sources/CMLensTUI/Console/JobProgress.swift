import Synchronization

/// Shared between a background job and the console: how far it got, whether a newer job of
/// the same pane made it pointless, and where results it has ahead of its end go.
final class JobProgress: Sendable {
    private let permille = Atomic<Int>(0)
    private let cancelled = Atomic<Bool>(false)
    private let partial: (@Sendable (Job.Delivery) -> Void)?

    /// `partial` takes what the job hands over before it ends (the run loop posts it to the
    /// console); without one such results are dropped.
    init(partial: (@Sendable (Job.Delivery) -> Void)? = nil) {
        self.partial = partial
    }

    /// Hands a result over before the job ends; dropped once the job is cancelled.
    func post(_ delivery: Job.Delivery) {
        if !isCancelled { partial?(delivery) }
    }

    func report(_ done: Int, of total: Int) {
        permille.store(total > 0 ? done * 1000 / total : 0, ordering: .relaxed)
    }

    var fraction: Double { Double(permille.load(ordering: .relaxed)) / 1000 }
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
    func cancel() { cancelled.store(true, ordering: .relaxed) }
}
