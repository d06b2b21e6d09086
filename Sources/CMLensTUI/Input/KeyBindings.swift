/// The one key table: every key, the command it gives, and where it applies. Help and the
/// status-bar hints are generated from it.
public struct KeyBindings: Sendable {
    public struct Entry: Sendable, Hashable {
        public var keys: [Key]
        public var command: Command
        /// Listed in the status bar's hints for panes that handle it.
        public var isHint: Bool
    }

    public var entries: [Entry]

    public static let standard = KeyBindings(entries: [
        Entry(keys: [.character("q")], command: .quit, isHint: true),
        Entry(keys: [.character("?"), .function(1)], command: .help, isHint: true),
        Entry(keys: [.character(":")], command: .commandLine, isHint: true),
        Entry(keys: [.control("l")], command: .redraw, isHint: false),
        Entry(keys: [.tab], command: .nextPane, isHint: false),
        Entry(keys: [.backTab], command: .previousPane, isHint: false),
    ] + PaneRegistry.all.enumerated().map { n, pane in
        Entry(keys: [.character(Character(String(n + 1)))], command: .showPane(pane.id), isHint: false)
    } + [
        Entry(keys: [.enter], command: .open, isHint: true),
        Entry(keys: [.escape, .backspace], command: .back, isHint: true),
        Entry(keys: [.character("k"), .up], command: .up, isHint: false),
        Entry(keys: [.character("j"), .down], command: .down, isHint: false),
        Entry(keys: [.pageUp, .control("b")], command: .pageUp, isHint: false),
        Entry(keys: [.pageDown, .control("f"), .character(" ")], command: .pageDown, isHint: false),
        Entry(keys: [.character("g"), .home], command: .top, isHint: false),
        Entry(keys: [.character("G"), .end], command: .bottom, isHint: false),
        Entry(keys: [.character("/")], command: .search(nil), isHint: true),
        Entry(keys: [.character("n")], command: .searchNext, isHint: false),
        Entry(keys: [.character("N")], command: .searchPrevious, isHint: false),
        Entry(keys: [.character("e")], command: .nextError, isHint: true),
        Entry(keys: [.character("E")], command: .previousError, isHint: false),
        Entry(keys: [.character("w")], command: .nextWarning, isHint: true),
        Entry(keys: [.character("W")], command: .previousWarning, isHint: false),
        Entry(keys: [.character("f")], command: .filter(nil), isHint: true),
        Entry(keys: [.character("c")], command: .clearFilter, isHint: true),
        Entry(keys: [.character("F")], command: .follow, isHint: true),
        Entry(keys: [.character("m")], command: .mark, isHint: true),
        Entry(keys: [.character("t")], command: .toggleUTC, isHint: true),
        Entry(keys: [.character("d")], command: .toggleDetail, isHint: false),
        Entry(keys: [.character("z")], command: .toggleWrap, isHint: false),
        Entry(keys: [.character("y")], command: .copy, isHint: false),
        Entry(keys: [.character("x")], command: .explain(nil), isHint: true),
        Entry(keys: [.right], command: .nextStep, isHint: true),
        Entry(keys: [.left, .character("p")], command: .previousStep, isHint: false),
        Entry(keys: [.character("o")], command: .export(nil), isHint: true),
        Entry(keys: [.character("Q")], command: .collectionQueries, isHint: true),
        Entry(keys: [.character("l")], command: .clientLogs, isHint: true),
        Entry(keys: [.character("C")], command: .compare, isHint: true),
    ])

    public func command(for key: Key) -> Command? {
        entries.first { $0.keys.contains(key) }?.command
    }

    public func keys(for command: Command) -> [Key] {
        entries.first { $0.command == command }?.keys ?? []
    }

    /// The key table as Markdown, for docs/console.md (a test keeps the two equal).
    public var markdown: String {
        var out = "| keys | `:` name | does |\n| --- | --- | --- |\n"
        for entry in entries {
            let keys = entry.keys.map { "`\($0.label == "`" ? "``" : $0.label)`" }.joined(separator: " ")
            out += "| \(keys) | `\(entry.command.name)` | \(entry.command.help.replacingPipes) |\n"
        }
        return out
    }
}

extension String {
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
