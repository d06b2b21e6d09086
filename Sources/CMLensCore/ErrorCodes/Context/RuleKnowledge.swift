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

    private struct Known: Sendable {
        var rule: DiagnosticRule
        var codes: Set<UInt32>
        var searched: Set<UInt32>
    }

    private let known: [Known]

    public static let builtIn = RuleKnowledge(rules: BuiltInDiagnosticRules.load().rules)

    public init(rules: [DiagnosticRule]) {
        known = rules.compactMap { rule in
            var searched = Set<UInt32>()
            var logs = rule.logs
            for pattern in rule.patterns {
                guard case .regex(let regex) = pattern.source else { continue }
                searched.formUnion(Self.codes(in: regex.source))
                logs += pattern.logs ?? []
            }
            let codes = searched.union(Self.codes(in: rule.title + " " + rule.explanation + " " + rule.fix))
            return codes.isEmpty ? nil : Known(rule: rule, codes: codes, searched: searched)
        }
    }

    /// The rules that know `value`; with a place, only those that read that log.
    public func rules(knowing value: UInt32, in context: ExplanationContext?) -> [Mention] {
        known.filter { $0.codes.contains(value) }.compactMap { entry in
            let rule = entry.rule
            let logs = Self.logs(of: rule)
            if let log = context?.log, !logs.isEmpty, LogIdentity.known(log, among: Set(logs.map { $0.lowercased() })) == nil {
                return nil
            }
            return Mention(ruleID: rule.id, title: Self.title(rule.title, code: ErrorCodeBits.hex(value)), logs: logs,
                           searchesForCode: entry.searched.contains(value))
        }
    }

    private static func logs(of rule: DiagnosticRule) -> [String] {
        var logs = rule.logs
        for pattern in rule.patterns { for log in pattern.logs ?? [] where !logs.contains(log) { logs.append(log) } }
        return logs
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
