import CShims
import Foundation

/// A rule's regular expression, compiled once, with the names of its `(?<name>…)` captures.
public struct DiagnosticRegex: Sendable {
    let expression: NSRegularExpression
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
        captureNames = Self.names(in: pattern)
        let folded = pattern.hasPrefix("(?i)")
        caseInsensitive = folded
        literal = Self.requiredLiteral(in: folded ? String(pattern.dropFirst(4)) : pattern)
            .map { Array((folded ? $0.lowercased() : $0).utf8) }
        let unflagged = folded ? String(pattern.dropFirst(4)) : pattern
        // The engine's reading first (it also looks inside groups that must match), the pre-filter's
        // literal when that finds nothing.
        let engine = RequiredLiteral.hasInlineFlags(unflagged) ? nil
            : RequiredLiteral.alternatives(of: unflagged, minimumLength: 4)?.map { SearchLiteral($0, caseInsensitive: folded) }
        searchLiterals = engine ?? literal.map { [SearchLiteral(String(decoding: $0, as: UTF8.self), caseInsensitive: folded)] }
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

    /// The longest run of plain characters outside any group, class or quantifier, if the pattern
    /// has no top-level alternation and the run is ASCII and at least 4 characters long.
    static func requiredLiteral(in pattern: String) -> String? {
        // Flags switched on inside the pattern ((?i), (?x) …) change what the text after them means.
        if pattern.range(of: #"\(\?[imsxwU-]*[imsxwU]"#, options: .regularExpression) != nil { return nil }
        var best = "", run = ""
        var depth = 0
        var chars = Array(pattern)[...]
        func endRun() {
            if run.count > best.count { best = run }
            run = ""
        }
        while let c = chars.popFirst() {
            switch c {
            case "\\":
                guard let next = chars.popFirst() else { return nil }
                // Escapes that spell a character by number or name (\x41, \u00E9, \N{…}, \p{…}, \Q…\E,
                // octal, \cX): rare in rules, and not worth reading right. No prefilter.
                if "xuUNpPQc0123456789".contains(next) { return nil }
                if depth == 0 && !next.isLetter && !next.isNumber {
                    run.append(next)
                } else {
                    endRun()  // \d, \s, \b, \1 …: not a literal
                }
            case "(":
                endRun()
                depth += 1
            case ")":
                depth -= 1
                endRun()
            case "[":
                endRun()
                // Skip the class, escapes and ICU's nested sets (`[a-z[0-9]]`, `[[:alpha:]]`) included:
                // ending it at the first `]` read the rest of the class as pattern.
                // A `]` first in a set (after `[` or `[^`) is one of its members, not its end: `[]a]`.
                func skipLeadingBracket() {
                    if chars.first == "^" { chars.removeFirst() }
                    if chars.first == "]" { chars.removeFirst() }
                }
                var nesting = 1
                skipLeadingBracket()
                while nesting > 0, let d = chars.popFirst() {
                    if d == "\\" {
                        // The same escapes as outside: `\cX` takes the next character whatever it is (even
                        // `]`), `\x{…}` and `\p{…}` run on; where the class ends is then not worth guessing.
                        guard let escaped = chars.popFirst(), !"xuUNpPQc".contains(escaped) else { return nil }
                    } else if d == "[" {
                        nesting += 1
                        skipLeadingBracket()
                    } else if d == "]" { nesting -= 1 }
                }
            case "|":
                if depth == 0 { return nil }
            case "?", "*", "{":
                // The character before is optional: it is not required text.
                if !run.isEmpty { run.removeLast() }
                endRun()
                if c == "{" { while let d = chars.popFirst(), d != "}" {} }
            case "+", ".", "^", "$":
                endRun()
            default:
                if depth == 0 { run.append(c) } else { endRun() }
            }
        }
        endRun()
        guard best.count >= 4, best.allSatisfy(\.isASCII) else { return nil }
        return best
    }

    /// The first match in the text and its named captures (only those that took part).
    public func match(_ text: String) -> [String: String]? {
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
