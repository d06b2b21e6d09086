import Foundation

/// Which diagnostic rules know a code: a rule whose pattern looks for the code itself (the seed's
/// `(?<error>0x80040669)` in UpdatesHandler.log), or whose explanation names it (0x80072EE2 for a
/// WSUS scan that timed out). Read from the rules as data, so a rule added later is known here too.
public struct RuleKnowledge: Sendable {
    /// A rule that knows a code: what its finding is called and where it looks.
    public struct Mention: Sendable, Hashable {
        public var ruleID: String
        /// The finding's title, placeholders filled with the code or left as `…`.
        public var title: String
        /// The logs the rule reads (empty: facts, not logs).
        public var logs: [String]
        /// The rule's pattern looks for this code itself, not only mentions it.
        public var searchesForCode: Bool
    }

    /// A rule's parts that name codes and places, as text.
    public struct RuleText: Sendable {
        public var id: String
        public var title: String
        /// The rule's logs and its patterns' own, in order.
        public var logs: [String]
        /// The patterns' regular expressions as written.
        public var regexes: [String]
        /// Explanation and fix.
        public var prose: String

        public init(id: String, title: String, logs: [String], regexes: [String], prose: String) {
            self.id = id
            self.title = title
            self.logs = logs
            self.regexes = regexes
            self.prose = prose
        }
    }

    private struct Known: Sendable {
        var rule: RuleText
        var codes: Set<UInt32>
        var searched: Set<UInt32>
    }

    private let known: [Known]

    /// The built-in rules, read from their JSON without compiling a regular expression: `explain`
    /// needs their words, not their matching, and compiling them would cost every explanation
    /// the regex engine's start-up.
    public static let builtIn = RuleKnowledge(rules: texts(fromRulesJSON: BuiltInDiagnosticRules.json))

    public init(rules: [RuleText]) {
        known = rules.compactMap { rule in
            let searched = rule.regexes.reduce(into: Set<UInt32>()) { $0.formUnion(Self.codes(in: $1)) }
            let codes = searched.union(Self.codes(in: rule.title + " " + rule.prose))
            return codes.isEmpty ? nil : Known(rule: rule, codes: codes, searched: searched)
        }
    }

    /// From loaded rules (a user's rules file included).
    public init(rules: [DiagnosticRule]) {
        self.init(rules: rules.map { rule in
            var logs = rule.logs
            var regexes: [String] = []
            for pattern in rule.patterns {
                for log in pattern.logs ?? [] where !logs.contains(log) { logs.append(log) }
                if case .regex(let regex) = pattern.source { regexes.append(regex.source) }
            }
            return RuleText(id: rule.id, title: rule.title, logs: logs, regexes: regexes, prose: rule.explanation + " " + rule.fix)
        })
    }

    /// The rules file format's `rules` array (README), read for its words only; a rule that does not
    /// read is left out here as the loader would leave it out.
    static func texts(fromRulesJSON json: String) -> [RuleText] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let rules = root["rules"] as? [[String: Any]] else { return [] }
        return rules.compactMap { rule in
            guard let id = rule["id"] as? String, let title = rule["title"] as? String else { return nil }
            var logs = rule["logs"] as? [String] ?? []
            var regexes: [String] = []
            for pattern in rule["patterns"] as? [[String: Any]] ?? [] {
                for log in pattern["logs"] as? [String] ?? [] where !logs.contains(log) { logs.append(log) }
                if let regex = pattern["regex"] as? String { regexes.append(regex) }
            }
            let prose = [rule["explanation"], rule["fix"]].compactMap { $0 as? String }.joined(separator: " ")
            return RuleText(id: id, title: title, logs: logs, regexes: regexes, prose: prose)
        }
    }

    /// The rules that know `value`; with a place, only those that read that log.
    public func rules(knowing value: UInt32, in context: ExplanationContext?) -> [Mention] {
        known.filter { $0.codes.contains(value) }.compactMap { entry in
            let rule = entry.rule
            let logs = rule.logs
            if let log = context?.log, !logs.isEmpty,
               LogIdentity.known(LogFileReference.lastComponent(log), among: Set(logs.map { $0.lowercased() })) == nil {
                return nil
            }
            return Mention(ruleID: rule.id, title: Self.title(rule.title, code: ErrorCodeBits.hex(value)), logs: logs,
                           searchesForCode: entry.searched.contains(value))
        }
    }

    /// `0x80040669` in a regex or a text, as 8-digit hex (`0x80072EE2`, `0x8024402c`).
    static func codes(in text: String) -> Set<UInt32> {
        var out = Set<UInt32>()
        let bytes = Array(text.utf8)
        var i = 0
        while i + 10 <= bytes.count {
            if bytes[i] == UInt8(ascii: "0"), bytes[i + 1] | 0x20 == UInt8(ascii: "x"),
               i == 0 || !isHex(bytes[i - 1]),
               bytes[(i + 2)..<(i + 10)].allSatisfy(isHex), i + 10 == bytes.count || !isHex(bytes[i + 10]),
               let value = UInt32(String(decoding: bytes[(i + 2)..<(i + 10)], as: UTF8.self), radix: 16), value != 0 {
                out.insert(value)
                i += 10
            } else {
                i += 1
            }
        }
        return out
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66)
    }

    /// `Software updates scan against WSUS fails ({all:error})` → `… fails (0x80072EE2)`.
    static func title(_ title: String, code: String) -> String {
        var out = ""
        var placeholder: String?
        for character in title {
            if character == "{" { placeholder = ""; continue }
            if character == "}", let name = placeholder {
                out += name.lowercased().contains("error") ? code : "…"
                placeholder = nil
                continue
            }
            if placeholder != nil { placeholder!.append(character) } else { out.append(character) }
        }
        return out
    }
}
