import CShims
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An ASCII message's bytes, read without building Characters: the timeline reads every record of
/// execmgr.log, and on a 1 GB log Character-by-Character reading (and Foundation's searches) took
/// most of a minute. Positions are byte offsets into `bytes`.
struct ExecmgrASCIIText {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Whether every byte is ASCII: only then do bytes and Characters read the same (but for CR LF,
    /// one Character and two bytes, which no reading here tells apart).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var seen: UInt8 = 0
        for byte in bytes { seen |= byte }
        return seen < 0x80
    }

    var count: Int { bytes.count }

    subscript(_ i: Int) -> UInt8 { bytes[i] }

    /// `literal` at byte `at`, ending by `limit` (the end of the text by default).
    func has(_ literal: StaticString, at: Int, before limit: Int? = nil) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard at >= 0, at + n <= (limit ?? bytes.count) else { return false }
        return memcmp(bytes.baseAddress! + at, literal.utf8Start, n) == 0
    }

    /// `literal` at byte `at`, ASCII letters in either case.
    func hasIgnoringCase(_ literal: StaticString, at: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard at >= 0, at + n <= bytes.count else { return false }
        for k in 0..<n where Self.lower(bytes[at + k]) != Self.lower(literal.utf8Start[k]) { return false }
        return true
    }

    /// The first `literal` inside `range`, as the offset it starts at.
    func first(_ literal: StaticString, in range: Range<Int>) -> Int? {
        let n = literal.utf8CodeUnitCount
        guard range.count >= n, let base = bytes.baseAddress else { return nil }
        guard let hit = cshims_memmem(base + range.lowerBound, range.count, literal.utf8Start, n) else { return nil }
        return UnsafeRawPointer(base).distance(to: hit)
    }

    /// The last `literal` inside `range`.
    func last(_ literal: StaticString, in range: Range<Int>) -> Int? {
        let n = literal.utf8CodeUnitCount
        guard range.count >= n else { return nil }
        var at = range.upperBound - n
        while at >= range.lowerBound {
            if bytes[at] == literal.utf8Start[0] && has(literal, at: at) { return at }
            at -= 1
        }
        return nil
    }

    /// Case-insensitive search for an ASCII `literal` anywhere in the text.
    func containsIgnoringCase(_ literal: StaticString) -> Bool {
        Bytes.containsASCIICaseInsensitive(literal, in: UnsafeRawBufferPointer(bytes), from: 0, to: bytes.count)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `Int(text)` of the bytes in `range`: an optional sign, then decimal digits, nothing else.
    func integer(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        return Int(string(range))
    }

    /// The end of the run of bytes from `start` that satisfy `accepts`.
    func end(from start: Int, before limit: Int, while accepts: (UInt8) -> Bool) -> Int {
        var i = start
        while i < limit && accepts(bytes[i]) { i += 1 }
        return i
    }

    /// A state name: letters, digits and `_` (ASCII text has no other letters).
    func isStateName(_ range: Range<Int>) -> Bool {
        !range.isEmpty && range.allSatisfy { Self.isWordByte(bytes[$0]) }
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// `Character.isWhitespace` for ASCII: space, tab, LF, VT, FF, CR.
    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    static func lower(_ b: UInt8) -> UInt8 { Bytes.lowerASCII(b) }
}
