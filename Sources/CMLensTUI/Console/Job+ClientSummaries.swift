import CMLensCore

extension Job {
    /// Every client's summary, for the Client and Compare panes: computed once per workspace (the
    /// workspace's analyses share it), handed to whichever pane asked.
    static func clientSummaries<Owner: Pane>(_ workspace: ConsoleWorkspace, for owner: Owner.Type,
                                             then deliver: @escaping @Sendable (inout Owner, ClientSummaries, ConsoleContext) -> Reaction) -> Job {
        Job("summing up the clients", for: owner, work: { _ in workspace.clientSummaries() }, then: deliver)
    }
}
