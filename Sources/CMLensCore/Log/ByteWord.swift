/// Eight bytes compared in one step: the literals of a CMTrace attribute block and the date cache.
enum ByteWord {
    /// The eight bytes at `i`, first byte in the low lane. The caller guarantees `i + 8 <= b.count`.
    @inline(__always)
    static func load(_ b: UnsafeRawBufferPointer, _ i: Int) -> UInt64 {
        b.baseAddress.unsafelyUnwrapped.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
    }

    /// `text` (at most 8 bytes) as a word and the mask of the lanes it fills, for `matches`.
    static func pattern(_ text: StaticString) -> (word: UInt64, mask: UInt64) {
        precondition(text.utf8CodeUnitCount <= 8)
        var word: UInt64 = 0, mask: UInt64 = 0
        for k in 0..<text.utf8CodeUnitCount {
            word |= UInt64(text.utf8Start[k]) << (8 * k)
            mask |= 0xFF << (8 * k)
        }
        return (word, mask)
    }
}
