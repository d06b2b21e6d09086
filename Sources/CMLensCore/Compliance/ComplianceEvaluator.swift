
/// Judges every client of an inventory against every hotfix of a catalogue.
public enum ComplianceEvaluator {
    public static func evaluate(_ inventory: Inventory, catalog: HotfixCatalog,
                                kbs: Set<String>? = nil) -> ComplianceReport {
        let clients = inventory.clients
        let wanted = kbs.map { Set($0.map(Hotfix.normalisedKB)) }
        let hotfixes = catalog.hotfixes.filter { wanted?.contains($0.kb) ?? true }
        // Only the components the catalogue names matter: number them once.
        var slots: [String: Int] = [:]
        for hotfix in hotfixes {
            for requirement in [hotfix.requirement] + hotfix.alsoRaises where slots[requirement.component.lowercased()] == nil {
                slots[requirement.component.lowercased()] = slots.count
            }
        }
        let plans = hotfixes.map { hotfix in
            (hotfix, slots[hotfix.component.lowercased()]!, hotfix.alsoRaises.map { slots[$0.component.lowercased()]! })
        }
        // A large inventory is judged in two halves at once; each half's verdicts stay in client order.
        let numbering = slots
        let halves = clients.count >= 20_000
            ? [0..<clients.count / 2, clients.count / 2..<clients.count] : [0..<clients.count]
        var parts = Concurrently.map(count: halves.count) { k in
            judge(clients[halves[k]], plans: plans, slots: numbering, components: inventory.components)
        }
        var summaries = hotfixes.map { ComplianceReport.KBSummary(hotfix: $0, verdicts: []) }
        for k in summaries.indices {
            swap(&summaries[k].verdicts, &parts[0][k])
            for part in parts.dropFirst() { summaries[k].verdicts += part[k] }
        }
        return ComplianceReport(kbs: summaries, clients: clients)
    }

    /// Every plan's verdicts for a run of clients: one array per hotfix, in client order.
    private static func judge(_ clients: ArraySlice<InventoryClient>, plans: [(Hotfix, Int, [Int])], slots: [String: Int],
                              components: [InstalledComponent]) -> [[ComplianceVerdict]] {
        var verdicts = plans.map { _ in [ComplianceVerdict]() }
        for k in verdicts.indices { verdicts[k].reserveCapacity(clients.count) }
        var rows = [[Int]](repeating: [], count: slots.count)
        for client in clients {
            for slot in rows.indices { rows[slot].removeAll(keepingCapacity: true) }
            for index in client.componentIndexes {
                if let slot = slots[components[index].key] { rows[slot].append(index) }
            }
            let name = client.displayName
            for (k, plan) in plans.enumerated() {
                verdicts[k].append(verdict(plan.0, client: client, name: name, main: rows[plan.1],
                                           also: plan.2.map { rows[$0] }, components: components))
            }
        }
        return verdicts
    }

    static func verdict(_ hotfix: Hotfix, client: InventoryClient, name: String, main: [Int], also: [[Int]],
                        components: [InstalledComponent]) -> ComplianceVerdict {
        let (status, evidence, note) = judge(hotfix.requirement, rows: main, components)
        let corroboration = zip(hotfix.alsoRaises, also).map { requirement, rows in
            let (status, row, _) = judge(requirement, rows: rows, components)
            return Corroboration(requirement: requirement, found: row, status: status)
        }
        var verdict = ComplianceVerdict(
            client: name, resourceID: client.resourceID, kb: hotfix.kb, component: hotfix.component,
            required: hotfix.minimumVersion, evidence: evidence, status: status, corroboration: corroboration,
            note: note)
        if verdict.disagrees {
            let others = corroboration.filter { $0.status != .unknown }
                .map { "\($0.component) \($0.found?.versionText ?? "-")" }.joined(separator: ", ")
            verdict.note = status == .installed
                ? "\(hotfix.component) is raised but not all the components KB\(hotfix.kb) also raises are: \(others)"
                : "\(hotfix.component) is lower but the components KB\(hotfix.kb) also raises are raised: \(others)"
        }
        return verdict
    }

    /// The status of one requirement from the client's rows for its component, with the row it rests on.
    static func judge(_ requirement: ComponentRequirement, rows: [Int], _ components: [InstalledComponent])
        -> (ComplianceStatus, InstalledComponent?, String?) {
        guard let first = rows.first else {
            return (.unknown, nil, "no \(requirement.component) in this client's inventory")
        }
        var best: Int?
        for index in rows {
            guard let version = components[index].version else { continue }
            if let current = best, let bestVersion = components[current].version, !(bestVersion < version) { continue }
            best = index
        }
        guard let best, let version = components[best].version else {
            let row = components[first]
            return (.unknown, row, "\(requirement.component) version '\(row.versionText)' is not a version (\(row.source))")
        }
        return (version >= requirement.version ? .installed : .missing, components[best], nil)
    }
}
