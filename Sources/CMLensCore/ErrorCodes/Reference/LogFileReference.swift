/// Microsoft's ConfigMgr log file reference (429 rows, 350 log names): which log records what.
///
/// A name is looked up the way `LogIdentity` recognises logs in a workspace: any case, rotations
/// (`execmgr-20110315-140500.log`, `execmgr.lo_`) and renamed copies (`execmgr.PC042-1.log`). A name
/// the reference does not list gets nil: cmlens says the log is unknown rather than guess from a
/// name that looks like one it knows.
public struct LogFileReference: Sendable {
    public let entries: [LogFileDescription.Entry]
    /// Lowercased name → indices into `entries`.
    private let byName: [String: [Int]]
    /// Names the reference writes with `<placeholder>`s, as their literal pieces.
    private let patterns: [(pieces: [String], name: String)]

    public static let shared = LogFileReference(tsv: EmbeddedCatalogue.configMgrLogFiles)

    /// Rows of `log description computer section doc`.
    public init(tsv: String) {
        entries = ReferenceTable(tsv).rows.map { row in
            LogFileDescription.Entry(log: row[0], description: row[1], computer: row[2], section: row[3],
                                     document: .forDoc(row[4]))
        }
        var byName: [String: [Int]] = [:]
        var patterns: [(pieces: [String], name: String)] = []
        for (k, entry) in entries.enumerated() {
            let name = entry.log.lowercased()
            if byName[name] == nil, let pieces = Self.placeholderPieces(name) { patterns.append((pieces, name)) }
            byName[name, default: []].append(k)
            // The page lists a few logs without their extension (`EndpointProtectionAgent`); the file on
            // disk has one.
            if !name.contains(".") { byName[name + ".log", default: []].append(k) }
        }
        self.byName = byName
        self.patterns = patterns
    }

    /// Every name the reference lists, as written (once each, first spelling).
    public var logNames: [String] {
        var seen = Set<String>()
        return entries.map(\.log).filter { seen.insert($0.lowercased()).inserted }
    }

    /// What the reference says about a log file, or nil when it does not list the log.
    /// `fileName` may be a path (`C:\Windows\CCM\Logs\execmgr.log`, `logs/execmgr.lo_`).
    public func describe(fileName: String) -> LogFileDescription? {
        let last = Self.lastComponent(fileName)
        let lower = last.lowercased()
        if let found = byName[lower] { return description(fileName, lower, found, .name) }
        if let pattern = patterns.first(where: { Self.matches(lower, pieces: $0.pieces) }) {
            return description(fileName, pattern.name, byName[pattern.name]!, .pattern)
        }
        guard let known = LogIdentity.known(last, among: Self.fileNames(byName)), let found = byName[known] else { return nil }
        let rotated = RotationGrouping.rotationKey(of: last).name.lowercased() == known
        return description(fileName, known, found, rotated ? .rotation : .copy)
    }

    public static func describe(fileName: String) -> LogFileDescription? { shared.describe(fileName: fileName) }

    /// `key` is the lowercased name found; the log is named by a row spelled that way when there is
    /// one (`objreplmgr.log`, not the page's other spelling `Objreplmgr`).
    private func description(_ fileName: String, _ key: String, _ indices: [Int], _ match: LogFileDescription.Match)
        -> LogFileDescription {
        let rows = indices.map { entries[$0] }
        let log = rows.first { $0.log.lowercased() == key }?.log ?? rows[0].log
        return LogFileDescription(fileName: fileName, log: log, match: match, entries: rows)
    }

    /// The `.log` names without placeholders, lowercased, for `LogIdentity`.
    private static func fileNames(_ byName: [String: [Int]]) -> Set<String> {
        Set(byName.keys.filter { $0.hasSuffix(".log") && !$0.contains("<") })
    }

    /// `scclient_<domain>@<username>_1.log` → ["scclient_", "@", "_1.log"]; nil without placeholders.
    static func placeholderPieces(_ name: String) -> [String]? {
        guard name.contains("<") else { return nil }
        var pieces: [String] = []
        var current = ""
        var inside = false
        for character in name {
            switch character {
            case "<": inside = true; pieces.append(current); current = ""
            case ">" where inside: inside = false
            default: if !inside { current.append(character) }
            }
        }
        pieces.append(current)
        return pieces
    }

    /// Whether `name` is the pieces in order with something (not nothing) in each gap.
    static func matches(_ name: String, pieces: [String]) -> Bool {
        guard let first = pieces.first, let last = pieces.last, pieces.count >= 2,
              name.hasPrefix(first), name.hasSuffix(last), name.count > first.count + last.count else { return false }
        var rest = Substring(name.dropFirst(first.count).dropLast(last.count))
        for piece in pieces.dropFirst().dropLast() {
            guard !rest.isEmpty, let found = rest.dropFirst().range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return !rest.isEmpty
    }

    static func lastComponent(_ path: String) -> String {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    }
}
