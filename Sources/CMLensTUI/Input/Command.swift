/// What the user asked for, whatever key or `:` command asked it.
enum Command: Hashable, Sendable {
    case quit, help, commandLine, redraw
    case nextPane, previousPane, showPane(PaneID), back, open
    case up, down, pageUp, pageDown, top, bottom
    /// Without text: prompt for it.
    case search(String?)
    case searchNext, searchPrevious
    case nextError, previousError, nextWarning, previousWarning
    case filter(String?)
    case clearFilter
    case follow, mark, toggleUTC, toggleDetail
    /// Wrap long messages under the message column, or cut them and scroll sideways (Logs).
    case toggleWrap
    /// Jump to a time (Logs): `2011-01-13 10:15`, `10:15` on the day shown, `-30m` from the cursor.
    case goto(String?)
    /// Copy the selected record to the clipboard through the terminal (Logs).
    case copy
    /// Which columns the Logs pane shows: `:columns time,level,component` (the message always).
    case columns(String?)
    case openPath(String)
    case theme(String)
    /// Explain the error codes of the selected line; with text, that code.
    case explain(String?)
    /// A program's next and previous state change (Timeline).
    case nextStep, previousStep
    /// Write the pane's table to a file (Stale systems: CSV); without a path, prompt for it.
    case export(String?)
    /// The WQL and SQL collection queries for the selected KB (Compliance).
    case collectionQueries
    /// The selected client's logs (Clients, Client, Compare).
    case clientLogs
    /// The clients marked with `m` side by side (Clients).
    case compare
    /// The problems met loading the workspace, each with its file and line.
    case problems

    /// The name typed after `:`: its row's in the command table.
    var name: String {
        if case .showPane(let id) = self { return id.rawValue }
        return KeyBindings.standard.row(for: self)?.name ?? "\(self)"
    }

    /// The command without what was typed after it (`:search foo` → search): the one its row names.
    var bare: Command {
        switch self {
        case .search: .search(nil)
        case .filter: .filter(nil)
        case .goto: .goto(nil)
        case .columns: .columns(nil)
        case .explain: .explain(nil)
        case .export: .export(nil)
        case .openPath: .openPath("")
        case .theme: .theme("")
        default: self
        }
    }

    /// Parses what was typed after `:`; nil when no command has that name.
    static func parse(_ line: String) -> Command? { KeyBindings.standard.parse(line) }
}
