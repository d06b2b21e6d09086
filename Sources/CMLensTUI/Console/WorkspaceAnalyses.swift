import CMLensCore
import Synchronization

/// Results several panes need from the whole workspace (the Client and Compare panes both need
/// every client's summary), computed by the first background job that asks and then shared.
public final class WorkspaceAnalyses: Sendable {
    private let summaries = Mutex<ClientSummaries?>(nil)

    public init() {}

    /// The summaries, computed by `make` the first time; a second job that asks meanwhile waits
    /// for the first rather than doing the work twice.
    public func clientSummaries(_ make: () -> ClientSummaries) -> ClientSummaries {
        summaries.withLock { cached in
            if let cached { return cached }
            let made = make()
            cached = made
            return made
        }
    }
}
