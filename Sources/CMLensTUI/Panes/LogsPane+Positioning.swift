import CMLensCore

/// What other panes ask of the Logs pane: the selected record's text for `x`, and opening on a
/// record (a retry code's occurrence, a timeline step).
extension LogsPane {
    func explainText(context: ConsoleContext) -> String? {
        guard let ref = selected, let workspace = source else { return nil }
        return workspace.records[ref].message
    }

    /// A drill: the record to show, or the log to show alone.
    mutating func focus(on focus: Reaction.Focus, context: ConsoleContext) -> Reaction {
        switch focus {
        case .record(let record): return position(on: record, context: context)
        case .logFile(let name):
            guard context.workspace != nil else { return .handled }
            filter.files = name.map { [$0] } ?? []
            return rebuild(context, keep: nil)
        default: return .handled
        }
    }

    /// Shows `record`: the filter is cleared (it might hide the record) and the view is rebuilt
    /// with the cursor on it.
    mutating func position(on record: RecordReference, context: ConsoleContext) -> Reaction {
        guard context.workspace != nil else { return .handled }
        filter = LogFilter()
        search = nil
        searchNote = nil
        follow = false
        return rebuild(context, keep: record)
    }
}
