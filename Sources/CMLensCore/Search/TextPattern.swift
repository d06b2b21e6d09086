import CShims

/// What the user typed to find text — a `/` search, a filter's `text=`, `--grep` — compiled once.
/// A regular expression in PCRE syntax (what grep -P and lnav take; for what admins type, classes,
/// alternation, `\d`, `(?i)`, it reads as ICU did), case-insensitive unless it says `(?-i)`.
///
/// Every match must contain `literal` when the pattern has one: the search engine finds it in
/// whole files by a byte search and runs the expression only on the records that hold it.
/// Case-insensitive literals fold ASCII letters only: the Kelvin sign and the long s, which
/// Unicode folds to k and s, are not found through a literal (grep -i does the same).
public struct TextPattern: Sendable, Equatable {
    public let text: String
    public let caseInsensitive: Bool
    let regex: CompiledRegex
    /// Required text, lowercased when the pattern ignores case.
    let literal: SearchLiteral?

    public init(_ text: String, caseInsensitive: Bool = true) throws(PatternError) {
        self.text = text
        self.caseInsensitive = caseInsensitive
        regex = try CompiledRegex(text, caseInsensitive: caseInsensitive)
        literal = RequiredLiteral.of(text, minimumLength: 3).map { SearchLiteral($0, caseInsensitive: caseInsensitive) }
    }

    public static func == (a: TextPattern, b: TextPattern) -> Bool {
        a.text == b.text && a.caseInsensitive == b.caseInsensitive
    }

    /// Match data for one thread; make one per lane of a parallel scan.
    func matcher() -> CompiledRegex.Matcher { CompiledRegex.Matcher(regex) }

    public func matches(_ text: String) -> Bool {
        let matcher = matcher()
        var text = text
        return text.withUTF8 { matcher.matches(UnsafeRawBufferPointer($0)) }
    }

    /// Every match in `text`, in order, as ranges of the string (empty matches left out).
    public func ranges(in text: String) -> [Range<String.Index>] {
        let matcher = matcher()
        var text = text
        let byteRanges: [Range<Int>] = text.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            var out: [Range<Int>] = []
            var start = 0
            while start <= bytes.count, let found = matcher.firstMatch(in: bytes, from: start) {
                let range = found.range
                if !range.isEmpty { out.append(range) }
                start = range.isEmpty ? range.upperBound + 1 : range.upperBound
            }
            return out
        }
        let utf8 = text.utf8
        return byteRanges.compactMap { range in
            let low = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let high = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            // A match inside a scalar (invalid UTF-8 read as such) has no string range.
            guard let l = low.samePosition(in: text.unicodeScalars), let h = high.samePosition(in: text.unicodeScalars) else { return nil }
            return l..<h
        }
    }

}

/// Text to find in raw log bytes: a memmem, or a search that folds ASCII letters.
struct SearchLiteral: Sendable, Hashable {
    /// Lowercased when `caseInsensitive`.
    let bytes: [UInt8]
    let caseInsensitive: Bool

    init(_ text: String, caseInsensitive: Bool) {
        bytes = Array((caseInsensitive ? text.lowercased() : text).utf8)
        self.caseInsensitive = caseInsensitive
    }

    var count: Int { bytes.count }

    /// Where the text first occurs in `haystack[from...]`, or nil.
    func find(in haystack: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard from < haystack.count, let base = haystack.baseAddress else { return nil }
        let start = base.assumingMemoryBound(to: UInt8.self) + from
        let length = haystack.count - from
        return bytes.withUnsafeBufferPointer { needle -> Int? in
            if caseInsensitive {
                let at = cshims_find_folded(start, length, needle.baseAddress, needle.count)
                return at < length ? from + at : nil
            }
            guard let hit = cshims_memmem(start, length, needle.baseAddress, needle.count) else { return nil }
            return base.distance(to: hit)
        }
    }
}
