import CShims
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers over raw buffers. The scanner calls these millions of times a second, so they
/// lean on libc's vectorised memchr/memmem rather than Swift loops (4× slower on this hardware).
enum Bytes {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    static let logOpen: [UInt8] = Array("<![LOG[".utf8)
    static let logClose: [UInt8] = Array("]LOG]!>".utf8)
    /// Their lengths as constants: the scanner uses them per record, where a global array costs a lazy-init check.
    static var logOpenLength: Int { 7 }
    static var logCloseLength: Int { 7 }
    static let smsMarker: [UInt8] = Array("$$<".utf8)

    /// First index of `byte` in `buffer[from..<to]`, or nil.
    @inline(__always)
    static func find(_ byte: UInt8, in buffer: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard from < to, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// First index in `buffer[from..<to]` of `a` or `b`, or nil.
    @inline(__always)
    static func findEither(_ a: UInt8, _ b: UInt8, in buffer: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        let start = buffer.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self) + from
        let hit = from + cshims_find_either(start, to - from, a, b)
        return hit < to ? hit : nil
    }

    /// First index in `buffer[from..<to]` of `a`, `b` or `c`, or nil.
    @inline(__always)
    static func findAny(_ a: UInt8, _ b: UInt8, _ c: UInt8, in buffer: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        let start = buffer.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self) + from
        let hit = from + cshims_find_any(start, to - from, a, b, c)
        return hit < to ? hit : nil
    }

    /// Last index of `byte` in `buffer[..<before]`, or nil.
    @inline(__always)
    static func findLast(_ byte: UInt8, in buffer: UnsafeRawBufferPointer, before: Int) -> Int? {
        guard before > 0, let base = buffer.baseAddress else { return nil }
        guard let hit = cshims_memrchr(base, Int32(byte), before) else { return nil }
        return base.distance(to: hit)
    }

    /// First index of `needle` in `buffer[from..<to]`, or nil.
    static func find(_ needle: [UInt8], in buffer: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard to - from >= needle.count, let base = buffer.baseAddress else { return nil }
        return needle.withUnsafeBytes { n -> Int? in
            guard let hit = cshims_memmem(base + from, to - from, n.baseAddress!, n.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    /// Whether `buffer[at...]` starts with `prefix` (false when the buffer ends first).
    @inline(__always)
    static func hasPrefix(_ prefix: [UInt8], in buffer: UnsafeRawBufferPointer, at: Int) -> Bool {
        guard at >= 0, at + prefix.count <= buffer.count, let base = buffer.baseAddress else { return false }
        return prefix.withUnsafeBytes { memcmp(base + at, $0.baseAddress!, prefix.count) == 0 }
    }

    /// `<![LOG[` at `at`, compared without a call (the scanner asks once or twice per record).
    @inline(__always)
    static func isLogOpen(_ b: UnsafeRawBufferPointer, at i: Int) -> Bool {
        i >= 0 && i + 7 <= b.count && b[i] == 0x3C && b[i + 1] == 0x21 && b[i + 2] == 0x5B && b[i + 3] == 0x4C
            && b[i + 4] == 0x4F && b[i + 5] == 0x47 && b[i + 6] == 0x5B
    }

    /// `]LOG]!>` at `at`.
    @inline(__always)
    static func isLogClose(_ b: UnsafeRawBufferPointer, at i: Int) -> Bool {
        i >= 0 && i + 7 <= b.count && b[i] == 0x5D && b[i + 1] == 0x4C && b[i + 2] == 0x4F && b[i + 3] == 0x47
            && b[i + 4] == 0x5D && b[i + 5] == 0x21 && b[i + 6] == 0x3E
    }

    /// Number of newlines in `buffer[from..<to]`.
    static func countNewlines(in buffer: UnsafeRawBufferPointer, from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        let start = buffer.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self) + from
        // A call costs more than a short range's inline count; a long one counts faster with AVX2.
        return to - from >= 1024 ? cshims_count_byte_wide(start, to - from, newline) : cshims_count_byte(start, to - from, newline)
    }

    /// Case-insensitive ASCII search, for the few plain-text heuristics and execmgr's wording. Only
    /// letters fold: `| 0x20` alone would also make a CR match `-` and a NUL match a space.
    static func containsASCIICaseInsensitive(_ needle: StaticString, in buffer: UnsafeRawBufferPointer,
                                             from: Int, to: Int) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0 else { return true }
        guard to - from >= n else { return false }
        let first = lowerASCII(needle.utf8Start[0])
        var i = from
        while i <= to - n {
            if lowerASCII(buffer[i]) == first {
                var j = 1
                while j < n && lowerASCII(buffer[i + j]) == lowerASCII(needle.utf8Start[j]) { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    @inline(__always)
    static func lowerASCII(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
}
