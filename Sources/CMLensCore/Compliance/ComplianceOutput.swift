import Foundation

/// `cmlens compliance`'s output forms. JSON field names are a documented contract.
public enum ComplianceOutput {
    public static let csvHeader = ["client", "resourceId", "kb", "component", "required", "found", "status",
                                   "disagrees", "corroboration", "evidence", "note"]

    /// One object per (client, KB).
    public static func json(_ v: ComplianceVerdict) -> String {
        var o = JSONLine()
        o.add("client", v.client)
        o.add("resourceId", v.resourceID)
        o.add("kb", v.kb)
        o.add("component", v.component)
        o.add("required", v.required.text)
        o.add("found", v.found)
        o.add("status", v.status.rawValue)
        o.add("disagrees", v.disagrees)
        o.addRaw("corroboration", "[" + v.corroboration.map(json).joined(separator: ",") + "]")
        o.addRaw("evidence", v.evidence.map(evidence) ?? "null")
        o.add("note", v.note)
        return o.rendered
    }

    static func json(_ c: Corroboration) -> String {
        var o = JSONLine()
        o.add("component", c.component)
        o.add("required", c.required.text)
        o.add("found", c.found?.versionText)
        o.add("status", c.status.rawValue)
        o.addRaw("evidence", c.found.map(evidence) ?? "null")
        return o.rendered
    }

    static func evidence(_ row: InstalledComponent) -> String {
        var o = JSONLine()
        o.add("file", row.source.file)
        o.add("line", row.source.line)
        o.add("component", row.name)
        o.add("version", row.versionText)
        return o.rendered
    }

    public static func csv(_ v: ComplianceVerdict) -> String {
        let corroboration = v.corroboration.map { "\($0.component) \($0.found?.versionText ?? "-") \($0.status.rawValue)" }
        return CSVRow.render([v.client, String(v.resourceID), v.kb, v.component, v.required.text, v.found ?? "",
                              v.status.rawValue, v.disagrees ? "true" : "false", corroboration.joined(separator: "; "),
                              v.evidence?.source.description ?? "", v.note ?? ""])
    }

    /// Per KB: the counts, then the clients in each status, with the version seen; disagreements flagged.
    public static func text(_ summary: ComplianceReport.KBSummary) -> [StyledText] {
        let h = summary.hotfix
        var lines: [StyledText] = []
        let title = h.title.map { " (\(TerminalText.escape($0)))" } ?? ""
        lines.append(StyledText("KB\(h.kb)", .heading) + title + "  \(TerminalText.escape(h.component)) >= \(TerminalText.escape(h.minimumVersion.text))"
            + (h.alsoRaises.isEmpty ? "" : "; also raises " + h.alsoRaises.map { "\(TerminalText.escape($0.component)) \(TerminalText.escape($0.version.text))" }.joined(separator: ", ")))
        lines.append(StyledText("  installed \(summary.count(.installed))  missing \(summary.count(.missing))  unknown \(summary.count(.unknown))"
            + (summary.disagreements.isEmpty ? "" : "  disagreements \(summary.disagreements.count)")))
        for status in ComplianceStatus.allCases {
            let positions = summary.indices(status)
            guard !positions.isEmpty else { continue }
            let label = StyledText(status.rawValue.padded(to: 9), Meaning(status))
            lines.append("  " + label + " " + positions.map { clientText(summary.verdicts[$0]) }.joined(separator: ", "))
        }
        for verdict in summary.disagreements {
            lines.append("  " + StyledText("! ", .warning) + "\(TerminalText.escape(verdict.client)): \(TerminalText.escape(verdict.note ?? ""))")
        }
        return lines
    }

    static func clientText(_ v: ComplianceVerdict) -> String {
        let name = TerminalText.escape(v.client)
        guard let found = v.found else { return name }
        return "\(name) (\(TerminalText.escape(found)))"
    }

    public static func json(_ query: CollectionQuery) -> String {
        var o = JSONLine()
        o.add("kb", query.kb)
        o.add("language", query.language.rawValue)
        o.add("query", query.text)
        o.add("notes", strings: query.notes)
        o.add("lowerVersions", strings: query.lowerVersions)
        return o.rendered
    }
}
