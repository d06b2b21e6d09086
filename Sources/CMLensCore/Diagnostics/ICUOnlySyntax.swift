/// What ICU's regular expressions read differently from PCRE2's, found without compiling: a rule
/// using any of it runs on ICU, as it was written for. Conservative — a construct both engines read
/// alike but that is rare in rules may be listed here too.
enum ICUOnlySyntax {
    static func isUsed(in pattern: String) -> Bool {
        let chars = Array(pattern.unicodeScalars)
        var k = 0
        var inClass = false
        var classStart = 0
        while k < chars.count {
            let c = chars[k]
            if c == "\\" {
                guard k + 1 < chars.count else { return true }
                switch chars[k + 1] {
                // `\cX` takes the next character whatever it is (ICU even a `]`); `\N{NAME}` and `\X`
                // differ in detail; `\Q…\E` quotes differently inside sets.
                case "c", "N", "X", "Q", "E": return true
                default: k += 2
                }
                continue
            }
            if inClass {
                if c == "]" && k > classStart {
                    inClass = false
                } else if c == "[" {
                    return true  // a nested set or a POSIX class: ICU's set syntax
                } else if (c == "&" || c == "-") && k + 1 < chars.count && chars[k + 1] == c {
                    return true  // `&&` intersection, `--` difference
                }
                k += 1
                continue
            }
            if c == "[" {
                inClass = true
                k += 1
                if k < chars.count && chars[k] == "^" { k += 1 }
                // A `]` first in a set is a member in both engines.
                classStart = k + (k < chars.count && chars[k] == "]" ? 1 : 0)
                k = classStart
                continue
            }
            if c == "(" && k + 2 < chars.count && chars[k + 1] == "?" {
                // Flags ICU has and PCRE2 reads otherwise (`w`: Unicode word boundaries).
                var j = k + 2
                while j < chars.count && (chars[j].properties.isAlphabetic || chars[j] == "-") {
                    if chars[j] == "w" { return true }
                    j += 1
                }
            }
            k += 1
        }
        return inClass
    }
}
