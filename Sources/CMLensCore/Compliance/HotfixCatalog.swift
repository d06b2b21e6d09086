import Foundation

/// The client hotfixes cmlens knows, by KB. The built-in catalogue is the seed's table; a user
/// catalogue (CSV or JSON, format in README.md) adds KBs or replaces them whole.
public struct HotfixCatalog: Sendable, Hashable {
    /// In catalogue order; one per KB.
    public private(set) var hotfixes: [Hotfix]

    public init(_ hotfixes: [Hotfix]) {
        self.hotfixes = []
        for hotfix in hotfixes { add(hotfix) }
    }

    /// The seed's table (ConfigMgr 2007 SP2 client hotfixes, January 2011).
    public static let builtIn = HotfixCatalog([
        Hotfix(kb: "977384", title: "pre-R3 client hotfix",
               requirement: .init(component: "SmsPowerManagement", version: ComponentVersion("4.0.6487.2157")),
               alsoRaises: [.init(component: "CcmFramework", version: ComponentVersion("4.0.6487.2155")),
                            .init(component: "SmsSoftwareDistribution", version: ComponentVersion("4.0.6487.2154"))],
               source: "built-in"),
        Hotfix(kb: "978754",
               requirement: .init(component: "SmsOSDeployment", version: ComponentVersion("4.0.6487.2115")),
               source: "built-in"),
        Hotfix(kb: "2444668",
               requirement: .init(component: "SmsInventory", version: ComponentVersion("4.0.6487.2161")),
               source: "built-in"),
    ])

    public subscript(kb: String) -> Hotfix? {
        let key = Hotfix.normalisedKB(kb)
        return hotfixes.first { $0.kb == key }
    }

    /// Adds a hotfix, or replaces the one with the same KB in place.
    public mutating func add(_ hotfix: Hotfix) {
        if let k = hotfixes.firstIndex(where: { $0.kb == hotfix.kb }) {
            hotfixes[k] = hotfix
        } else {
            hotfixes.append(hotfix)
        }
    }

    /// This catalogue with another's KBs added or overriding.
    public func merging(_ other: HotfixCatalog) -> HotfixCatalog {
        var merged = self
        for hotfix in other.hotfixes { merged.add(hotfix) }
        return merged
    }

    /// The catalogue a workspace is judged against: the built-in KBs, then the catalogues found among
    /// its CSV files, then `files` (`--catalog`), each adding or overriding KBs; with the problems met.
    public static func forWorkspace(_ inventory: Inventory, files: [String] = []) -> (HotfixCatalog, [LoadProblem]) {
        var catalog = builtIn
        var problems: [LoadProblem] = []
        for found in inventory.catalogs { catalog = catalog.merging(found) }
        for file in files {
            let (loaded, catalogProblems) = load(path: file)
            catalog = catalog.merging(loaded)
            problems += catalogProblems
        }
        return (catalog, problems)
    }

    static let versionColumnNames: Set<String> = ["version", "minimumversion", "minimum version", "minversion"]

    /// Reads a catalogue file: JSON when it starts with `[` or `{`, CSV otherwise.
    public static func load(path: String) -> (HotfixCatalog, [LoadProblem]) {
        let data: Data
        do {
            data = try InputFile.read(atPath: path, limit: InputFile.Limit.small)
        } catch {
            return (HotfixCatalog([]), [LoadProblem(file: path, message: "hotfix catalogue \(error); \(error.advice)")])
        }
        let text = CSVTable.decode(data)
        if let first = text.first(where: { !$0.isWhitespace }), first == "[" || first == "{" {
            return parseJSON(Data(text.utf8), file: path)
        }
        let table = CSVTable.parse(data, file: path)
        guard InventoryTableKind.recognise(header: table.header) == .hotfixCatalog else {
            return (HotfixCatalog([]), table.problems + [LoadProblem(
                file: path, line: 1,
                message: "not a hotfix catalogue: the header needs KB, Component and Version columns (see README.md)")])
        }
        return parse(table)
    }

    /// A CSV catalogue: `KB,Component,Version[,AlsoRaises][,Title]`; AlsoRaises is
    /// `Component version; Component version`.
    public static func parse(_ table: CSVTable) -> (HotfixCatalog, [LoadProblem]) {
        var problems = table.problems
        var catalog = HotfixCatalog([])
        guard let kbColumn = table.column("KB"), let componentColumn = table.column("Component"),
              let versionColumn = table.column("Version", "MinimumVersion", "Minimum Version", "MinVersion") else {
            return (catalog, problems)
        }
        let alsoColumn = table.column("AlsoRaises", "Also Raises", "Also")
        let titleColumn = table.column("Title")
        for row in table.rows {
            let place = "\(table.file):\(row.line)"
            guard row.fields.count == table.header.count else {
                problems.append(LoadProblem(file: table.file, line: row.line,
                                            message: "\(row.fields.count) fields where the header has \(table.header.count); hotfix skipped"))
                continue
            }
            let field = { (k: Int) in row.fields[k].trimmingWhitespace }
            do throws(LoadProblem) {
                let requirement = try requirement(component: field(componentColumn), version: field(versionColumn),
                                                  file: table.file, line: row.line)
                var also: [ComponentRequirement] = []
                for item in alsoColumn.map(field)?.split(separator: ";") ?? [] {
                    let words = item.split(whereSeparator: { $0 == " " || $0 == "=" || $0 == ":" })
                    guard words.count == 2 else {
                        throw LoadProblem(file: table.file, line: row.line,
                                          message: "AlsoRaises item '\(item.trimmingWhitespace)' should be 'Component version'")
                    }
                    also.append(try Self.requirement(component: String(words[0]), version: String(words[1]),
                                                     file: table.file, line: row.line))
                }
                let kb = try kb(field(kbColumn), file: table.file, line: row.line)
                let title = titleColumn.map(field).flatMap { $0.isEmpty ? nil : $0 }
                catalog.add(Hotfix(kb: kb, title: title, requirement: requirement, alsoRaises: also, source: place))
            } catch {
                problems.append(error)
            }
        }
        return (catalog, problems)
    }

    private struct JSONHotfix: Decodable {
        struct Also: Decodable {
            var component: String
            var version: String
        }
        var kb: String
        var title: String?
        var component: String
        var version: String
        var alsoRaises: [Also]?

        enum CodingKeys: String, CodingKey { case kb, title, component, version, alsoRaises }

        // `"kb": 977384` is as natural as `"kb": "KB977384"`: accept both.
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let number = try? c.decode(Int.self, forKey: .kb) {
                kb = String(number)
            } else {
                kb = try c.decode(String.self, forKey: .kb)
            }
            title = try c.decodeIfPresent(String.self, forKey: .title)
            component = try c.decode(String.self, forKey: .component)
            version = try c.decode(String.self, forKey: .version)
            alsoRaises = try c.decodeIfPresent([Also].self, forKey: .alsoRaises)
        }
    }

    private struct JSONCatalog: Decodable {
        var hotfixes: [JSONHotfix]
    }

    /// A JSON catalogue: an array of hotfixes, or `{"hotfixes": [...]}`.
    public static func parseJSON(_ data: Data, file: String) -> (HotfixCatalog, [LoadProblem]) {
        let decoder = JSONDecoder()
        let items: [JSONHotfix]
        do {
            if let list = try? decoder.decode([JSONHotfix].self, from: data) {
                items = list
            } else {
                items = try decoder.decode(JSONCatalog.self, from: data).hotfixes
            }
        } catch {
            return (HotfixCatalog([]), [LoadProblem(
                file: file,
                message: "not a hotfix catalogue (\(Self.describe(error))); expected [{\"kb\", \"component\", \"version\", \"alsoRaises\": [{\"component\", \"version\"}]}]")])
        }
        var catalog = HotfixCatalog([])
        var problems: [LoadProblem] = []
        for (k, item) in items.enumerated() {
            do throws(LoadProblem) {
                let requirement = try requirement(component: item.component, version: item.version, file: file, line: nil,
                                                  entry: k + 1)
                let also = try (item.alsoRaises ?? []).map { a throws(LoadProblem) in
                    try Self.requirement(component: a.component, version: a.version, file: file, line: nil, entry: k + 1)
                }
                catalog.add(Hotfix(kb: try kb(item.kb, file: file, line: nil), title: item.title,
                                   requirement: requirement, alsoRaises: also, source: "\(file) entry \(k + 1)"))
            } catch {
                problems.append(error)
            }
        }
        return (catalog, problems)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\"" + (context.codingPath.isEmpty ? "" : " in entry \(context.codingPath.first.map { ($0.intValue ?? 0) + 1 } ?? 0)")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted:
            return "invalid JSON"
        default:
            return "\(error)"
        }
    }

    private static func kb(_ text: String, file: String, line: Int?) throws(LoadProblem) -> String {
        let kb = Hotfix.normalisedKB(text)
        guard !kb.isEmpty, kb.allSatisfy(\.isNumber) else {
            throw LoadProblem(file: file, line: line, message: "KB '\(text)' should be a number like 977384 or KB977384; hotfix skipped")
        }
        return kb
    }

    private static func requirement(component: String, version: String, file: String, line: Int?,
                                    entry: Int? = nil) throws(LoadProblem) -> ComponentRequirement {
        let prefix = entry.map { "entry \($0): " } ?? ""
        guard !component.trimmingWhitespace.isEmpty else {
            throw LoadProblem(file: file, line: line, message: "\(prefix)no component; hotfix skipped")
        }
        do {
            return ComponentRequirement(component: component.trimmingWhitespace,
                                        version: try ComponentVersion(parsing: version))
        } catch {
            throw LoadProblem(file: file, line: line, message: "\(prefix)\(component): \(error.description); hotfix skipped")
        }
    }
}
