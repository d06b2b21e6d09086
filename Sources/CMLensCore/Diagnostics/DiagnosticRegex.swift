import CShims
import Foundation

/// A rule's regular expression, compiled once, with the names of its `(?<name>…)` captures.
///
/// Rules are written in ICU's syntax (NSRegularExpression), which checks them as they load. They
/// run on PCRE2 with its JIT, matching the message's bytes — ICU matched a UTF-16 copy of each,
/// a fifth of `cmlens diagnose` — unless the pattern uses what only ICU reads (`ICUOnlySyntax`)
/// or PCRE2 cannot compile it; those stay on ICU.
public struct DiagnosticRegex: Sendable {
    let expression: NSRegularExpression
    /// nil when the pattern must run on ICU.
    let compiled: CompiledRegex?
    private let groupNumbers: [(name: String, number: Int)]
    public let source: String
    public let captureNames: [String]

    /// Text every match must contain, when the pattern has one (ASCII, lowercased when the
    /// pattern is case-insensitive): a memmem over the message's bytes rules most records out
    /// before the regex engine sees them.
    let literal: [UInt8]?
    let caseInsensitive: Bool
    /// Texts one of which every match contains, for the search engine's byte search over a whole
    /// log: the required literal, or one per alternative of an alternation.
    let searchLiterals: [SearchLiteral]?

    public init(_ pattern: String) throws {
        expression = try NSRegularExpression(pattern: pattern, options: [])
        source = pattern
        let names = Self.names(in: pattern)
        captureNames = names
        let compiled = ICUOnlySyntax.isUsed(in: pattern) ? nil : try? CompiledRegex(pattern, caseInsensitive: false, likeICU: true)
        let numbers = compiled.map { regex in names.compactMap { name in regex.groupNumber(name).map { (name, $0) } } }
        // A name PCRE2 does not number the way ICU does is not worth a guess: ICU runs it.
        if let numbers, numbers.count == names.count {
            self.compiled = compiled
            groupNumbers = numbers
        } else {
            self.compiled = nil
            groupNumbers = []
        }
        let folded = pattern.hasPrefix("(?i)")
        caseInsensitive = folded
        literal = Self.requiredLiteral(in: folded ? String(pattern.dropFirst(4)) : pattern)
            .map { Array((folded ? $0.lowercased() : $0).utf8) }
        let unflagged = folded ? String(pattern.dropFirst(4)) : pattern
        // The required text, or one per alternative of an alternation.
        searchLiterals = RequiredLiteral.alternatives(of: unflagged, minimumLength: 4)?
            .map { SearchLiteral($0, caseInsensitive: folded) }
    }

    /// Whether the message could match: false only when it lacks the required literal.
    /// `lowered` is the message's bytes with ASCII letters lowercased, for case-insensitive patterns.
    func mayMatch(_ bytes: [UInt8], lowered: () -> [UInt8]) -> Bool {
        guard let literal else { return true }
        let haystack = caseInsensitive ? lowered() : bytes
        guard haystack.count >= literal.count else { return false }
        return haystack.withUnsafeBytes { h in
            literal.withUnsafeBytes { n in cshims_memmem(h.baseAddress!, h.count, n.baseAddress!, n.count) != nil }
        }
    }

    /// Text every match must contain, at least 4 ASCII characters: the search engine's reading
    /// (`RequiredLiteral`), one reader for rules and searches alike.
    static func requiredLiteral(in pattern: String) -> String? {
        RequiredLiteral.of(pattern, minimumLength: 4)
    }

    /// The first match in the text and its named captures (only those that took part).
    public func match(_ text: String) -> [String: String]? {
        guard let compiled else { return matchICU(text) }
        var text = text
        return text.withUTF8 { utf8 -> [String: String]? in
            let bytes = UnsafeRawBufferPointer(utf8)
            guard let found = CompiledRegex.Matcher(compiled).firstMatch(in: bytes) else { return nil }
            var captures: [String: String] = [:]
            for (name, number) in groupNumbers {
                guard number < found.groups.count, let range = found.groups[number] else { continue }
                captures[name] = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            return captures
        }
    }

    /// `match` on ICU, for the patterns PCRE2 does not run.
    func matchICU(_ text: String) -> [String: String]? {
        let whole = NSRange(text.startIndex..., in: text)
        guard let result = expression.firstMatch(in: text, range: whole) else { return nil }
        var captures: [String: String] = [:]
        for name in captureNames {
            let range = result.range(withName: name)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { continue }
            captures[name] = String(text[swiftRange])
        }
        return captures
    }

    private static let namePattern = try! NSRegularExpression(pattern: #"(?<!\\)\(\?<([A-Za-z][A-Za-z0-9]*)>"#)

    static func names(in pattern: String) -> [String] {
        let range = NSRange(pattern.startIndex..., in: pattern)
        return namePattern.matches(in: pattern, range: range).compactMap { result in
            Range(result.range(at: 1), in: pattern).map { String(pattern[$0]) }
        }
    }
}
