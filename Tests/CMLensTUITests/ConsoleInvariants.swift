import CMLensCore
@testable import CMLensTUI

/// What must hold after every event, whatever was pressed: each pane's cursor inside its list (at
/// 0 when the list is empty), the focus on a pane, the back stack pointing at panes.
enum ConsoleInvariants {
    static func violations(_ state: ConsoleState) -> [String] {
        var found: [String] = []
        func check(_ name: String, _ cursor: ListCursor, count: Int) {
            let ok = count == 0 ? cursor.selected == 0 : (0..<count).contains(cursor.selected)
            if !ok { found.append("\(name): cursor \(cursor.selected) outside a list of \(count)") }
            if cursor.top < 0 { found.append("\(name): top \(cursor.top) < 0") }
        }
        if !state.panes.indices.contains(state.focus) { found.append("focus \(state.focus) is no pane") }
        for entry in state.backStack where !state.panes.indices.contains(entry.pane) {
            found.append("back stack names pane \(entry.pane)")
        }
        let context = state.context
        for pane in state.panes {
            switch pane {
            case let p as ClientsPane: check("Clients", p.cursor, count: p.rows(context).count)
            case let p as LogsPane:
                // While a new view is built the old one stays: the cursor is judged against the view shown.
                check("Logs", p.cursor, count: p.view.count)
            case let p as TimelinePane: check("Timeline", p.levels.base, count: p.items(context).count)
            case let p as RetryCodesPane:
                check("Retry codes", p.levels.base, count: p.table.rows.count)
                if let open = p.levels.top { check("Retry codes (occurrences)", p.levels.cursor, count: open.records.count) }
            case let p as StaleSystemsPane: check("Stale systems", p.cursor, count: p.rows.count)
            case let p as DiagnosticsPane:
                check("Diagnostics", p.levels.base, count: p.shown(context).count)
                if let open = p.openFinding { check("Diagnostics (evidence)", p.evidenceCursor, count: open.evidence.count) }
            case let p as CompliancePane:
                check("Compliance", p.levels.base, count: p.kbs.count)
                if let open = p.levels.top { check("Compliance (clients)", p.levels.cursor, count: open.verdicts.count) }
            case let p as ClientPane: check("Client", p.cursor, count: p.rows.count)
            case let p as ComparePane: check("Compare", p.cursor, count: p.rows.count)
            default: break
            }
        }
        return found
    }
}
