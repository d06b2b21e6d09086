/// Inventory and hotfix compliance as facts for the rules: a client missing a hotfix of the
/// catalogue (`inventory.missingHotfix`, evidence the inventory row of the component it raises) and
/// a machine inventory reports in the default workgroup (`inventory.workgroup`, evidence its
/// `v_R_System` row).
public struct InventoryFacts: DiagnosticFactProvider {
    let missing: [DiagnosticMatch]
    let workgroups: [DiagnosticMatch]

    public var kinds: Set<String> { [DiagnosticFactKind.inventoryMissingHotfix, DiagnosticFactKind.inventoryWorkgroup] }

    public init(inventory: Inventory, catalog: HotfixCatalog) {
        var missing: [DiagnosticMatch] = []
        for summary in ComplianceEvaluator.evaluate(inventory, catalog: catalog).kbs {
            for verdict in summary.verdicts(.missing) {
                // A missing verdict always rests on a row: the component at a lower version.
                guard let row = verdict.evidence else { continue }
                let required = verdict.required.text
                missing.append(DiagnosticMatch(
                    pattern: DiagnosticFactKind.inventoryMissingHotfix, client: verdict.client,
                    file: row.source.file, line: row.source.line, time: nil,
                    captures: ["kb": verdict.kb, "hotfix": "KB" + verdict.kb, "component": verdict.component,
                               "installed": row.versionText, "required": required,
                               "detail": "KB\(verdict.kb) (\(verdict.component) \(row.versionText), needs \(required))"],
                    text: "\(row.name) \(row.versionText)"))
            }
        }
        self.missing = missing
        var workgroups: [DiagnosticMatch] = []
        for (kind, table) in inventory.tables where kind == .systems {
            guard let name = table.column("Name0"), let domain = table.column("Resource_Domain_OR_Workgr0") else { continue }
            for row in table.rows where row.fields.count > max(name, domain) {
                let value = row.fields[domain].trimmingWhitespace
                // WORKGROUP is Windows' default workgroup: a machine that never joined a domain.
                guard value.caseInsensitiveCompare("WORKGROUP") == .orderedSame else { continue }
                let machine = row.fields[name].trimmingWhitespace
                workgroups.append(DiagnosticMatch(
                    pattern: DiagnosticFactKind.inventoryWorkgroup, client: machine, file: table.file, line: row.line,
                    time: nil, captures: ["workgroup": value], text: "\(machine) Resource_Domain_OR_Workgr0=\(value)"))
            }
        }
        self.workgroups = workgroups
    }

    public func facts(of kind: String) -> [DiagnosticMatch] {
        switch kind {
        case DiagnosticFactKind.inventoryMissingHotfix: missing
        case DiagnosticFactKind.inventoryWorkgroup: workgroups
        default: []
        }
    }
}
