/// Trimming as Foundation's `trimmingCharacters(in: .whitespaces)` and `(in: .whitespacesAndNewlines)`
/// trim — the same scalars, compared scalar by scalar — without its cost. Foundation's builds a
/// character set and bridges for every call; the parsers trim every field, property and line they
/// read, so it was a sixth of reading a site control file or a hotfix catalogue.
extension String {
    /// Without leading and trailing spaces (Unicode's, and the zero width space) and tabs.
    public var trimmingWhitespace: String { self[...].trimming(Whitespace.isSpaceOrTab) }

    /// Without leading and trailing spaces, tabs, line ends (LF, VT, FF, CR, NEL) and Unicode's line
    /// and paragraph separators.
    public var trimmingWhitespaceAndNewlines: String { self[...].trimming(Whitespace.isSpaceOrNewline) }
}

extension Substring {
    public var trimmingWhitespace: String { trimming(Whitespace.isSpaceOrTab) }
    public var trimmingWhitespaceAndNewlines: String { trimming(Whitespace.isSpaceOrNewline) }

    fileprivate func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        // Most text has neither: an ASCII byte that is not trimmed at each end settles it.
        if first < 0x80, last < 0x80, !isTrimmed(Unicode.Scalar(first)), !isTrimmed(Unicode.Scalar(last)) {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isTrimmed($0) })!
        return String(scalars[start...end])
    }
}

/// Foundation's sets, scalar for scalar: the Unicode spaces (category Zs) and the tab, and — as
/// Foundation has it — the zero width space U+200B; the newline set adds LF, VT, FF, CR, NEL and the
/// line and paragraph separators.
enum Whitespace {
    static func isSpaceOrTab(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isSpaceOrTab(scalar)
        }
    }
}
