/// Judges every client of an inventory against every hotfix of a catalogue.
public enum ComplianceEvaluator {
    public static func evaluate(_ inventory: Inventory, catalog: HotfixCatalog,
                                kbs: Set<String>? = nil) -> ComplianceReport {
        let clients = inventory.clients
        let wanted = kbs.map { Set($0.map(Hotfix.normalisedKB)) }
        let hotfixes = catalog.hotfixes.filter { wanted?.contains($0.kb) ?? true }
        // Components per client, keyed by lowercased name, built once for all KBs.
        let byClient: [[String: [InstalledComponent]]] = clients.map { client in
            var table: [String: [InstalledComponent]] = [:]
            for k in client.componentIndexes {
                let component = inventory.components[k]
                table[component.key, default: []].append(component)
            }
            return table
        }
        let summaries = hotfixes.map { hotfix in
            ComplianceReport.KBSummary(hotfix: hotfix, verdicts: clients.indices.map { k in
                verdict(hotfix, client: clients[k], components: byClient[k])
            })
        }
        return ComplianceReport(kbs: summaries, clients: clients)
    }

    static func verdict(_ hotfix: Hotfix, client: InventoryClient,
                        components: [String: [InstalledComponent]]) -> ComplianceVerdict {
        let (status, evidence, note) = judge(hotfix.requirement, components)
        let corroboration = hotfix.alsoRaises.map { requirement in
            let (status, row, _) = judge(requirement, components)
            return Corroboration(requirement: requirement, found: row, status: status)
        }
        var verdict = ComplianceVerdict(
            client: client.displayName, resourceID: client.resourceID, kb: hotfix.kb, component: hotfix.component,
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

    /// The status of one requirement, with the row it rests on.
    static func judge(_ requirement: ComponentRequirement, _ components: [String: [InstalledComponent]])
        -> (ComplianceStatus, InstalledComponent?, String?) {
        let rows = components[requirement.component.lowercased()] ?? []
        guard !rows.isEmpty else {
            return (.unknown, nil, "no \(requirement.component) in this client's inventory")
        }
        let readable = rows.filter { $0.version != nil }
        guard let best = readable.max(by: { $0.version! < $1.version! }) else {
            let row = rows[0]
            return (.unknown, row, "\(requirement.component) version '\(row.versionText)' is not a version (\(row.source))")
        }
        return (best.version! >= requirement.version ? .installed : .missing, best, nil)
    }
}
