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

    /// `(?i)`, `(?x)`, `(?-i)` …: a group that sets options rather than capturing.
    private static func hasInlineFlags(_ pattern: String) -> Bool {
        pattern.range(of: #"\(\?[imsxwnU^-]*[imsxwnU]"#, options: .regularExpression) != nil
    }
}
