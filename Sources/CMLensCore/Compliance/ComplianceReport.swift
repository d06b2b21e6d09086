/// Verdicts for a set of KBs over an inventory: per KB for the Compliance pane, per client for the
/// Clients pane's hotfix columns.
public struct ComplianceReport: Sendable {
    public struct KBSummary: Sendable {
        public var hotfix: Hotfix
        /// One per client, in client order.
        public var verdicts: [ComplianceVerdict]

        public func count(_ status: ComplianceStatus) -> Int { verdicts.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }
        public func verdicts(_ status: ComplianceStatus) -> [ComplianceVerdict] { verdicts.filter { $0.status == status } }
        public var disagreements: [ComplianceVerdict] { verdicts.filter(\.disagrees) }
    }

    public var kbs: [KBSummary]
    public var clients: [InventoryClient]

    /// Every verdict, KB by KB.
    public var verdicts: [ComplianceVerdict] { kbs.flatMap(\.verdicts) }

    /// One client's verdicts, in catalogue order.
    public func verdicts(resourceID: Int) -> [ComplianceVerdict] {
        kbs.compactMap { summary in summary.verdicts.first { $0.resourceID == resourceID } }
    }

    public func verdict(resourceID: Int, kb: String) -> ComplianceVerdict? {
        let key = Hotfix.normalisedKB(kb)
        return kbs.first { $0.hotfix.kb == key }?.verdicts.first { $0.resourceID == resourceID }
    }
}
