/// Finds, eight bytes at a time, the first byte a JSON string or a CSV field cannot copy as it is:
/// most of a ConfigMgr log is printable ASCII, and a byte-by-byte test was a third of `--format csv`.
enum PlainBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each lane holding a byte below 0x20, 0x7F or above, or equal to `a` or `b`.
    /// Exact per lane: no borrow crosses lanes, as every lane is tested on 7 bits.
    @inline(__always)
    private static func special(_ word: UInt64, _ a: UInt8, _ b: UInt8) -> UInt64 {
        let low7 = word & ~highs
        // A lane below 0x20: adding 0x60 leaves its high bit clear.
        let control = ~(low7 &+ 0x60 &* ones) & highs
        // A lane of 0x7F: adding 1 carries into its high bit.
        let delete = (low7 &+ ones) & highs
        func equal(_ c: UInt8) -> UInt64 {
            let x = low7 ^ (UInt64(c) &* ones)
            return ~((x &+ 0x7F &* ones) | x) & highs
        }
        return (word & highs) | control | delete | equal(a) | equal(b)
    }

    /// The position of the first byte in `range` that is not printable ASCII or is `a` or `b`
    /// (both ASCII), or `range.upperBound`.
    static func firstSpecial(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, _ a: UInt8, _ b: UInt8) -> Int {
        var k = range.lowerBound
        let end = range.upperBound
        while k + 8 <= end {
            let mask = special(ByteWord.load(p, k), a, b)
            if mask != 0 { return k + mask.trailingZeroBitCount / 8 }
            k += 8
        }
        while k < end {
            let c = p[k]
            if c < 0x20 || c >= 0x7F || c == a || c == b { return k }
            k += 1
        }
        return end
    }
}
