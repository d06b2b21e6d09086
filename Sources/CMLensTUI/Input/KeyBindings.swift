/// The one command table: a row per command with its `:` name, its keys, its help, its word in
/// the status bar's hints, and which panes handle it. The key dispatch, the `?` overlay, the
/// hints, `:` parsing and docs/console.md are all read from it, never written by hand.
struct KeyBindings: Sendable {
    struct Row: Sendable, Hashable {
        var command: Command
        /// Typed after `:`.
        var name: String
        var keys: [Key]
        /// What the `?` overlay says it does.
        var help: String
        /// Its word in the status bar's hints; nil: not hinted.
        var hint: String?
        /// What it takes after its name in the `?` overlay (`:open PATH`).
        var argument: String?
        /// The console handles it, whatever pane has the focus; false: the focused pane does.
        var isConsole: Bool
        /// The panes that list it in their `commands` (none for the console's own).
        var panes: [PaneID] = []

        init(_ command: Command, _ name: String, keys: [Key], hint: String? = nil, argument: String? = nil,
             console: Bool = false, help: String) {
            self.command = command
            self.name = name
            self.keys = keys
            self.help = help
            self.hint = hint
            self.argument = argument
            isConsole = console
        }

        /// `:open PATH`, `:search`: how the `?` overlay names it.
        var usage: String { ":" + name + (argument.map { " " + $0 } ?? "") }
    }

    /// Every command, in the order help and the docs list them.
    private(set) var rows: [Row]
    /// The panes the table was made for, in tab order.
    let panes: [any Pane.Type]

    /// The rows with keys: what a key press can give.
    var entries: [Row] { rows.filter { !$0.keys.isEmpty } }

    static let standard = KeyBindings(panes: PaneRegistry.all)

    /// The table for a console with `panes`: the first nine have the number keys 1–9; the others
    /// are reached with Tab or by name (`:logs`).
    init(panes: [any Pane.Type]) {
        var showPanes: [Row] = []
        for (n, pane) in panes.enumerated() {
            let key: [Key] = n < 9 ? [.character(Character(String(n + 1)))] : []
            showPanes.append(Row(.showPane(pane.id), pane.id.rawValue, keys: key, console: true,
                                 help: "show the \(pane.descriptor.title) pane"))
        }
        var all = Self.console + showPanes + Self.navigation + Self.typed
        for k in all.indices where !all[k].isConsole {
            let command = all[k].command
            all[k].panes = panes.filter { $0.commands.contains(command) }.map { $0.id }
        }
        self.panes = panes
        rows = all
    }

    func command(for key: Key) -> Command? {
        rows.first { $0.keys.contains(key) }?.command
    }

    func keys(for command: Command) -> [Key] {
        row(for: command)?.keys ?? []
    }

    /// The row of `command`, whatever words were typed after it.
    func row(for command: Command) -> Row? {
        let bare = command.bare
        return rows.first { $0.command == bare }
    }

    /// Parses what was typed after `:`; nil when no command has that name.
    func parse(_ line: String) -> Command? {
        let trimmed = line.trimmingWhitespace
        let word = String(trimmed.prefix { $0 != " " }).lowercased()
        let rest = String(trimmed.dropFirst(word.count)).trimmingWhitespace
        let words: String? = rest.isEmpty ? nil : rest
        switch word {
        case "q", "quit", "exit": return .quit
        case "open", "o": return words.map(Command.openPath)
        case "theme": return words.map(Command.theme)
        case "filter": return .filter(words)
        case "search": return .search(words)
        case "explain": return .explain(words)
        case "export": return .export(words)
        case "goto", "g": return .goto(words)
        case "columns", "cols": return .columns(words)
        default: return rows.first { $0.name == word }?.command
        }
    }

    /// The key table as Markdown, for docs/console.md (a test keeps the two equal).
    var markdown: String {
        var out = "| keys | `:` name | does |\n| --- | --- | --- |\n"
        for entry in entries {
            let keys = entry.keys.map { "`\($0.label == "`" ? "``" : $0.label)`" }.joined(separator: " ")
            out += "| \(keys) | `\(entry.name)` | \(entry.help.replacingPipes) |\n"
        }
        return out
    }
}

extension String {
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
