/// Which known log a file is, by its name, the way an administrator would read it: copies of logs
/// arrive renamed, rotated and in any case, and a rule written for `UpdatesHandler.log` must still
/// read `updateshandler.lo_`, `UpdatesHandler-20110315-140500.log` or `UpdatesHandler.PC042-1.log`.
public enum LogIdentity {
    /// The name in `known` (lowercased `name.log`) that `fileName` is, or nil. The longest known
    /// name that fits wins, so `UpdatesHandler.log` is not taken for a shorter log's copy.
    public static func known(_ fileName: String, among known: Set<String>) -> String? {
        let base = RotationGrouping.rotationKey(of: lastComponent(fileName)).name.lowercased()
        if known.contains(base) { return base }
        let stem = base.hasSuffix(".log") ? String(base.dropLast(4)) : base
        var best: String?
        for name in known where name.hasSuffix(".log") {
            let knownStem = name.dropLast(4)
            guard stem.count > knownStem.count, stem.hasPrefix(knownStem) else { continue }
            let rest = stem.dropFirst(knownStem.count)
            guard isCopySuffix(rest) else { continue }
            if best.map({ name.count > $0.count }) ?? true { best = name }
        }
        return best
    }

    /// What a copy adds after the log's own name. A dot starts any suffix (`.PC042-1`, `.log.bak`: no
    /// ConfigMgr log has a dot in its name). A hyphen or underscore only a number or a copy word
    /// (`-1`, `_old`), because real logs extend each other's names that way (`ccmsetup-ccmeval.log` is
    /// not `ccmsetup.log`). A space starts a copy's decoration (`UpdatesHandler (2)`, `- Copy`).
    static func isCopySuffix(_ rest: Substring) -> Bool {
        guard let first = rest.first else { return false }
        switch first {
        case ".", " ", "(", "~": return true
        case "-", "_":
            let word = rest.dropFirst().prefix { $0 != "." && $0 != " " }
            if !word.isEmpty && word.allSatisfy(\.isNumber) { return true }
            return copyWords.contains(word.lowercased())
        default: return false
        }
    }

    static let copyWords: Set<String> = ["copy", "old", "bak", "backup", "orig", "saved", "prev", "previous"]

    private static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
