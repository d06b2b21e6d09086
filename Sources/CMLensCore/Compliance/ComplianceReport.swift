/// Verdicts for a set of KBs over an inventory: per KB for the Compliance pane, per client for the
/// Clients pane's hotfix columns.
public struct ComplianceReport: Sendable {
    public struct KBSummary: Sendable {
        public var hotfix: Hotfix
        /// One per client, in client order.
        public var verdicts: [ComplianceVerdict]

        // Index loops: copying 100,000 verdicts to count them is what made the text output slow.
        public func count(_ status: ComplianceStatus) -> Int {
            var total = 0
            for k in verdicts.indices where verdicts[k].status == status { total += 1 }
            return total
        }

        /// Positions in `verdicts` of the clients with this status.
        public func indices(_ status: ComplianceStatus) -> [Int] { verdicts.indices.filter { verdicts[$0].status == status } }
        public func verdicts(_ status: ComplianceStatus) -> [ComplianceVerdict] { indices(status).map { verdicts[$0] } }
        public var disagreements: [ComplianceVerdict] {
            verdicts.indices.filter { verdicts[$0].status != .unknown && verdicts[$0].disagrees }.map { verdicts[$0] }
        }
    }

    public let kbs: [KBSummary]
    /// Every client, in the order of each summary's verdicts.
    public let clients: [InventoryClient]
    private let positions: [Int: Int]
    private let byMachine: [String: Int]

    public init(kbs: [KBSummary], clients: [InventoryClient]) {
        self.kbs = kbs
        self.clients = clients
        var positions: [Int: Int] = [:]
        var byMachine: [String: Int] = [:]
        for (k, client) in clients.enumerated() {
            positions[client.resourceID] = k
            if !client.name.isEmpty && byMachine[client.name.lowercased()] == nil { byMachine[client.name.lowercased()] = k }
        }
        self.positions = positions
        self.byMachine = byMachine
    }

    /// One machine's verdicts by its name (a log folder's name), case-insensitively.
    public func verdicts(machine: String) -> [ComplianceVerdict] {
        guard let k = byMachine[machine.lowercased()] else { return [] }
        return kbs.map { $0.verdicts[k] }
    }

    /// Every verdict, KB by KB.
    public var verdicts: [ComplianceVerdict] { kbs.flatMap(\.verdicts) }

    /// One client's verdicts, in catalogue order.
    public func verdicts(resourceID: Int) -> [ComplianceVerdict] {
        guard let k = positions[resourceID] else { return [] }
        return kbs.map { $0.verdicts[k] }
    }

    public func verdict(resourceID: Int, kb: String) -> ComplianceVerdict? {
        let key = Hotfix.normalisedKB(kb)
        guard let k = positions[resourceID] else { return nil }
        return kbs.first { $0.hotfix.kb == key }?.verdicts[k]
    }
}
