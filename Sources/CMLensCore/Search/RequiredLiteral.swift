import Foundation

/// Text every match of a regular expression must contain, read from the pattern: the engine finds
/// it with a byte search over whole files and runs the expression only on records that hold it.
///
/// The longest run of plain characters outside any group, class or quantifier, when the pattern
/// has no top-level alternation. Only ASCII is kept: a log decoded from Windows-1252 holds other
/// characters in other bytes, while ASCII is the same byte in every encoding cmlens reads.
///
///     exit code (999|1618)   →  "exit code "
///     Failed to find the certificate in the store, retry \d+   →  "Failed to find the certificate in the store, retry "
enum RequiredLiteral {
    static func of(_ pattern: String, minimumLength: Int) -> String? {
        // Flags switched on inside the pattern ((?i), (?x) …) change what the text after them means.
        if hasInlineFlags(pattern) { return nil }
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
                // octal, \cX): rare, and not worth reading right. No literal.
                if "xuUNpPQc0123456789oEgk".contains(next) { return nil }
                if depth == 0 && !next.isLetter && !next.isNumber && next.isASCII {
                    run.append(next)
                } else {
                    endRun()  // \d, \s, \b, \1 …: not a literal
                }
            case "(" where depth == 0:
                endRun()
                // A group that must match once (no ?, * or {…} after it) requires what its content
                // requires: `Error (?<error>0x80040669)` needs "0x80040669".
                guard let close = Self.matchingClose(chars) else { return nil }
                let inner = chars[chars.startIndex..<close]
                chars = chars[(close + 1)...]
                let optional = chars.first.map { "?*{".contains($0) } ?? false
                if !optional, let content = Self.consumingContent(inner),
                   let literal = of(String(content), minimumLength: 1), literal.count > best.count {
                    best = literal
                }
            case "(":
                endRun()
                depth += 1
            case ")":
                depth -= 1
                endRun()
            case "[":
                endRun()
                // Skip the class, escapes and nested sets (`[a-z[0-9]]`, `[[:alpha:]]`) included.
                // A `]` first in a set (after `[` or `[^`) is one of its members, not its end: `[]a]`.
                func skipLeadingBracket() {
                    if chars.first == "^" { chars.removeFirst() }
                    if chars.first == "]" { chars.removeFirst() }
                }
                var nesting = 1
                skipLeadingBracket()
                while nesting > 0, let d = chars.popFirst() {
                    if d == "\\" {
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
                if depth == 0 && c.isASCII && !c.isNewline { run.append(c) } else { endRun() }
            }
        }
        endRun()
        guard best.count >= minimumLength, best.allSatisfy(\.isASCII) else { return nil }
        return best
    }

    /// Where the group opened just before `chars` closes (an index into `chars`), past escapes,
    /// classes and nested groups; nil when it does not close or an escape is not worth reading.
    private static func matchingClose(_ chars: ArraySlice<Character>) -> Int? {
        var depth = 1
        var i = chars.startIndex
        while i < chars.endIndex {
            switch chars[i] {
            case "\\":
                i += 1
                guard i < chars.endIndex, !"xuUNpPQc".contains(chars[i]) else { return nil }
            case "[":
                var nesting = 1
                i += 1
                if i < chars.endIndex && chars[i] == "^" { i += 1 }
                if i < chars.endIndex && chars[i] == "]" { i += 1 }
                while nesting > 0 && i < chars.endIndex {
                    if chars[i] == "\\" { i += 1 } else if chars[i] == "[" { nesting += 1 } else if chars[i] == "]" { nesting -= 1 }
                    if nesting > 0 { i += 1 }
                }
                guard nesting == 0 else { return nil }
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// A group's content when the group consumes text: `?:X` and `?<name>X` give X, a plain group
    /// itself; lookarounds and other `(?…)` forms give nil.
    private static func consumingContent(_ inner: ArraySlice<Character>) -> ArraySlice<Character>? {
        guard inner.first == "?" else { return inner }
        let rest = inner.dropFirst()
        if rest.first == ":" { return rest.dropFirst() }
        if rest.first == "<", let second = rest.dropFirst().first, second != "=", second != "!",
           let close = rest.firstIndex(of: ">") {
            return rest[(close + 1)...]
        }
        return nil
    }

    /// `(?i)`, `(?x)`, `(?-i)` …: a group that sets options rather than capturing.
    static func hasInlineFlags(_ pattern: String) -> Bool {
        pattern.range(of: #"\(\?[imsxwnU^-]*[imsxwnU]"#, options: .regularExpression) != nil
    }
}

extension RequiredLiteral {
    /// Texts one of which every match must contain, for a pattern that is an alternation (at its top
    /// level, or inside one group spanning it): `failed to find MP|no management point found` needs
    /// "failed to find MP" or "no management point found". Nil when an alternative has no literal.
    static func alternatives(of pattern: String, minimumLength: Int) -> [String]? {
        if hasInlineFlags(pattern) { return nil }
        if let single = of(pattern, minimumLength: minimumLength) { return [single] }
        var body = Substring(pattern)
        if let inner = wholeGroup(body) { body = inner }
        let parts = topLevelAlternatives(body)
        guard parts.count > 1 else { return nil }
        var out: [String] = []
        for part in parts {
            guard let literal = of(String(part), minimumLength: minimumLength) else { return nil }
            out.append(literal)
        }
        return out
    }

    /// `(?:X)`, `(X)` or `(?<name>X)` when that one group is the whole pattern: X.
    private static func wholeGroup(_ pattern: Substring) -> Substring? {
        guard pattern.first == "(", pattern.last == ")" else { return nil }
        var depth = 0
        var chars = pattern.indices.makeIterator()
        var inClass = false
        var escaped = false
        while let i = chars.next() {
            let c = pattern[i]
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if inClass { if c == "]" { inClass = false }; continue }
            if c == "[" { inClass = true; continue }
            if c == "(" { depth += 1 }
            if c == ")" {
                depth -= 1
                // The group closes before the end: the pattern is more than that group.
                if depth == 0 && pattern.index(after: i) != pattern.endIndex { return nil }
            }
        }
        var inner = pattern.dropFirst().dropLast()
        if inner.hasPrefix("?:") { inner = inner.dropFirst(2) } else if inner.hasPrefix("?<"), !inner.hasPrefix("?<="), !inner.hasPrefix("?<!"),
                  let close = inner.firstIndex(of: ">") { inner = inner[inner.index(after: close)...] } else if inner.hasPrefix("?") { return nil }
        return inner
    }

    /// The pattern cut at each `|` outside groups and classes. A class is skipped to its closing `]`,
    /// nested sets and a leading `]` included; an escape whose extent is not worth reading gives up.
    private static func topLevelAlternatives(_ pattern: Substring) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var start = pattern.startIndex
        var i = pattern.startIndex
        while i < pattern.endIndex {
            let c = pattern[i]
            if c == "\\" {
                i = pattern.index(after: i)
                guard i < pattern.endIndex else { return [] }
                if "xuUNpPQc".contains(pattern[i]) { return [] }
            } else if c == "[" {
                var nesting = 1
                i = pattern.index(after: i)
                if i < pattern.endIndex && pattern[i] == "^" { i = pattern.index(after: i) }
                if i < pattern.endIndex && pattern[i] == "]" { i = pattern.index(after: i) }
                while nesting > 0 && i < pattern.endIndex {
                    let d = pattern[i]
                    if d == "\\" { i = pattern.index(after: i); guard i < pattern.endIndex else { return [] } }
                    else if d == "[" { nesting += 1 }
                    else if d == "]" { nesting -= 1 }
                    if nesting > 0 { i = pattern.index(after: i) }
                }
                guard nesting == 0 else { return [] }
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
            } else if c == "|" && depth == 0 {
                parts.append(pattern[start..<i])
                start = pattern.index(after: i)
            }
            i = pattern.index(after: i)
        }
        parts.append(pattern[start...])
        return parts
    }
}
