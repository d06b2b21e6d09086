/// What the user asked for, whatever key or `:` command asked it.
public enum Command: Hashable, Sendable {
    case quit, help, commandLine, redraw
    case nextPane, previousPane, showPane(String), back, open
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

    /// The name typed after `:`.
    public var name: String {
        switch self {
        case .quit: "quit"
        case .help: "help"
        case .commandLine: "command-line"
        case .redraw: "redraw"
        case .nextPane: "next-pane"
        case .previousPane: "previous-pane"
        case .showPane(let id): id
        case .back: "back"
        case .open: "select"
        case .up: "up"
        case .down: "down"
        case .pageUp: "page-up"
        case .pageDown: "page-down"
        case .top: "top"
        case .bottom: "bottom"
        case .search: "search"
        case .searchNext: "search-next"
        case .searchPrevious: "search-previous"
        case .nextError: "next-error"
        case .previousError: "previous-error"
        case .nextWarning: "next-warning"
        case .previousWarning: "previous-warning"
        case .filter: "filter"
        case .clearFilter: "clear-filter"
        case .follow: "follow"
        case .mark: "mark"
        case .toggleUTC: "utc"
        case .toggleDetail: "detail"
        case .toggleWrap: "wrap"
        case .goto: "goto"
        case .columns: "columns"
        case .copy: "copy"
        case .openPath: "open"
        case .theme: "theme"
        case .explain: "explain"
        case .nextStep: "next-step"
        case .previousStep: "previous-step"
        case .export: "export"
        case .collectionQueries: "queries"
        case .clientLogs: "client-logs"
        case .compare: "compare-marked"
        case .problems: "problems"
        }
    }

    /// One line for the help overlay.
    public var help: String {
        switch self {
        case .quit: "quit and restore the terminal"
        case .help: "this help"
        case .commandLine: "command line (:open PATH, :filter …, :theme NAME, :quit, any command by name)"
        case .redraw: "redraw the screen"
        case .nextPane: "next pane"
        case .previousPane: "previous pane"
        case .showPane(let id): "show the \(PaneRegistry.title(of: id)) pane"
        case .back: "back to where Enter came from"
        case .open: "drill in (a client, a program's steps, where a code occurs, a finding, a KB's clients, a log; runs the DNS check)"
        case .up: "up one line"
        case .down: "down one line"
        case .pageUp: "up one page"
        case .pageDown: "down one page"
        case .top: "first line"
        case .bottom: "last line"
        case .search: "search messages (regular expression, case-insensitive)"
        case .searchNext: "next match"
        case .searchPrevious: "previous match"
        case .nextError: "next error"
        case .previousError: "previous error"
        case .nextWarning: "next warning"
        case .previousWarning: "previous warning"
        case .filter: "filter: level>=warning component=C thread=T file=F text=RE -text=RE since=T until=T"
        case .clearFilter: "clear the filter"
        case .follow: "follow: show lines appended to the logs (and rotation to .lo_)"
        case .mark: "mark this record, the status bar shows the time from mark to cursor (Logs); mark a client to compare (Clients)"
        case .toggleUTC: "times as logged (with offset) or in UTC"
        case .toggleDetail: "show or hide the detail area"
        case .toggleWrap: "wrap long messages under the message column, or cut them (←/→ scroll them sideways)"
        case .goto: "go to a time: :goto 2011-01-13 10:15, :goto 10:15 (the day shown), :goto -30m (from the cursor)"
        case .copy: "copy the selected record (time, level, component, message) to the clipboard through the terminal (OSC 52; CMLENS_OSC52=1 when the terminal takes it but is not known to)"
        case .columns: "choose the Logs columns: :columns time,level,client,component,thread (all: :columns all)"
        case .openPath: "open another workspace"
        case .theme: "switch theme (dark, light, monochrome, or a file in Themes/)"
        case .explain: "explain every error code in the selected line (:explain CODE explains a code)"
        case .nextStep: "a program's next state change (Timeline; n too); next section (Client); next client (Compare); scroll the messages right (Logs)"
        case .previousStep: "a program's previous state change (Timeline; N too); previous section (Client) or client (Compare); scroll left (Logs)"
        case .export: "write the table to a file: :export FILE (Stale systems: CSV; Logs: the records shown, .txt, .csv or .json)"
        case .collectionQueries: "the WQL and SQL collection queries for the selected KB (Compliance)"
        case .clientLogs: "the selected client's logs (Clients, Client, Compare)"
        case .compare: "the marked clients side by side (Clients: m marks them)"
        case .problems: "the problems met loading the workspace, as file:line: message"
        }
    }

    /// A short word for the status-bar hints.
    public var hint: String {
        switch self {
        case .quit: "quit"
        case .help: "help"
        case .commandLine: "cmd"
        case .search: "search"
        case .filter: "filter"
        case .clearFilter: "unfilter"
        case .nextError: "error"
        case .nextWarning: "warning"
        case .open: "open"
        case .back: "back"
        case .follow: "follow"
        case .mark: "mark"
        case .toggleUTC: "UTC"
        case .nextPane: "pane"
        case .explain: "explain"
        case .nextStep: "step"
        case .clientLogs: "logs"
        case .compare: "compare"
        default: name
        }
    }

    /// Parses what was typed after `:`; nil when no command has that name.
    public static func parse(_ line: String) -> Command? {
        let trimmed = line.trimmingWhitespace
        let word = String(trimmed.prefix { $0 != " " })
        let rest = String(trimmed.dropFirst(word.count)).trimmingWhitespace
        switch word.lowercased() {
        case "q", "quit", "exit": return .quit
        case "open", "o": return rest.isEmpty ? nil : .openPath(rest)
        case "theme": return rest.isEmpty ? nil : .theme(rest)
        case "filter": return .filter(rest.isEmpty ? nil : rest)
        case "search": return .search(rest.isEmpty ? nil : rest)
        case "explain": return .explain(rest.isEmpty ? nil : rest)
        case "export": return .export(rest.isEmpty ? nil : rest)
        case "problems": return .problems
        case "goto", "g": return .goto(rest.isEmpty ? nil : rest)
        case "columns", "cols": return .columns(rest.isEmpty ? nil : rest)
        default: break
        }
        let all = KeyBindings.standard.entries.map(\.command)
        return all.first { $0.name == word.lowercased() }
    }
}
