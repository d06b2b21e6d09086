import Synchronization

/// One background job, told from every other: its label is only what the status bar says.
struct JobID: Sendable, Hashable, Comparable {
    let value: Int

    private static let counter = Atomic<Int>(0)

    /// A number no other job of this process has.
    static func next() -> JobID { JobID(value: counter.add(1, ordering: .relaxed).newValue) }

    static func < (a: JobID, b: JobID) -> Bool { a.value < b.value }
}

/// Work a pane hands to the background (merging, filtering, searching millions of records). Its
/// result comes back typed, straight to the pane that asked; a result computed for a workspace
/// that is no longer loaded is dropped by the console, so no pane checks for one.
struct Job: Sendable {
    let id = JobID.next()
    /// Shown in the status bar while it runs: "filtering", "searching".
    var label: String
    /// What it is for, within its pane: a newer job for the same purpose stops the older one (a
    /// new search the last one); one purpose per pane unless the pane says otherwise.
    var purpose: String
    /// False when the result does not depend on the workspace (a DNS check of a list of names):
    /// it is kept across a reload.
    var followsWorkspace: Bool
    /// Filled in by the console: the pane that asked, and the workspace loaded then.
    var pane: PaneID = ""
    var workspace: ObjectIdentifier?
    /// Runs the work; what it returns hands the result to the pane.
    let work: @Sendable (JobProgress) -> Delivery

    /// `work` for a pane of type `Owner`, its result handed to `deliver` on that pane.
    init<Owner: Pane, Result: Sendable>(_ label: String, for owner: Owner.Type, purpose: String = "", followsWorkspace: Bool = true,
                                        work: @escaping @Sendable (JobProgress) -> Result,
                                        then deliver: @escaping @Sendable (inout Owner, Result, ConsoleContext) -> Reaction) {
        self.label = label
        self.purpose = purpose
        self.followsWorkspace = followsWorkspace
        self.work = { progress in Delivery(work(progress), to: deliver) }
    }

    /// `work` that can hand results ahead of its end (the next match while the scan goes on): each
    /// value it posts reaches `partly` on the pane at once, unless the job was stopped meanwhile;
    /// its result then reaches `deliver` as any job's.
    init<Owner: Pane, Partial: Sendable, Result: Sendable>(
        _ label: String, for owner: Owner.Type, purpose: String = "", followsWorkspace: Bool = true,
        work: @escaping @Sendable (JobProgress, _ post: @escaping @Sendable (Partial) -> Void) -> Result,
        partly: @escaping @Sendable (inout Owner, Partial, ConsoleContext) -> Reaction,
        then deliver: @escaping @Sendable (inout Owner, Result, ConsoleContext) -> Reaction
    ) {
        self.label = label
        self.purpose = purpose
        self.followsWorkspace = followsWorkspace
        self.work = { progress in
            let result = work(progress) { partial in progress.post(Delivery(partial, to: partly)) }
            return Delivery(result, to: deliver)
        }
    }

    /// Runs the work here and now (the run loop calls it on a background queue).
    func run(_ progress: JobProgress) -> Delivered {
        delivered(work(progress))
    }

    /// `delivery` addressed as this job's: its pane, and the workspace it belongs to.
    func delivered(_ delivery: Delivery) -> Delivered {
        Delivered(id: id, pane: pane, workspace: followsWorkspace ? workspace : nil, delivery: delivery)
    }

    /// A result on its way back to the pane that asked.
    struct Delivery: Sendable {
        let apply: @Sendable (inout any Pane, ConsoleContext) -> Reaction

        /// `value` handed to `deliver` on the pane, which the console makes sure is an `Owner`.
        init<Owner: Pane, Value: Sendable>(_ value: Value, to deliver: @escaping @Sendable (inout Owner, Value, ConsoleContext) -> Reaction) {
            apply = { pane, context in
                guard var owner = pane as? Owner else { return .handled }
                let reaction = deliver(&owner, value, context)
                pane = owner
                return reaction
            }
        }
    }

    /// A result handed back (the job's, or one ahead of its end): which job, for which pane and
    /// workspace, and what it does to the pane.
    struct Delivered: Sendable {
        let id: JobID
        let pane: PaneID
        /// The workspace the result belongs to; nil when it belongs to none.
        let workspace: ObjectIdentifier?
        let delivery: Delivery
    }
}

/// A running job as the console keeps it: whose it is and what the status bar says.
struct RunningJob: Sendable {
    var pane: PaneID
    var purpose: String
    var followsWorkspace: Bool
    /// The label, with the percentage done once there is one.
    var text: String
}
