/// Turns log bytes into text: UTF-8 where it is valid, else Windows-1252 (what ANSI writers such as
/// PowerShell 5's `Out-File -Encoding Default` produce). A byte-order mark anywhere is dropped.
public enum TextDecoding {
    /// Bytes of a record: ASCII (nearly every field of a ConfigMgr log) is copied as it is, with
    /// no generic validation and no look for a byte-order mark, which only non-ASCII can hold.
    static func string(_ raw: UnsafeRawBufferPointer) -> String {
        var k = 0
        var high: UInt64 = 0
        while k + 8 <= raw.count {
            high |= ByteWord.load(raw, k)
            k += 8
        }
        while k < raw.count {
            high |= UInt64(raw[k])
            k += 1
        }
        guard high & 0x8080_8080_8080_8080 == 0 else { return generalString(raw) }
        return String(decoding: raw, as: UTF8.self)
    }

    static func string(_ bytes: Slice<UnsafeRawBufferPointer>) -> String { string(UnsafeRawBufferPointer(rebasing: bytes)) }

    public static func string<C: Collection<UInt8>>(_ bytes: C) -> String { generalString(bytes) }

    private static func generalString<C: Collection<UInt8>>(_ bytes: C) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            return hasByteOrderMark(bytes) ? withoutByteOrderMarks(bytes) : text
        }
        // Built as UTF-8 and decoded once: a scalar appended at a time was a tenth of reading an ANSI log.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 2)
        for byte in bytes {
            if byte < 0x80 { utf8.append(byte) } else { UTF8.encode(windows1252(byte)) { utf8.append($0) } }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Valid UTF-8 without its U+FEFF: EF always leads a scalar there, so EF BB BF is always one.
    private static func withoutByteOrderMarks<C: Collection<UInt8>>(_ bytes: C) -> String {
        let all = Array(bytes)
        var kept: [UInt8] = []
        kept.reserveCapacity(all.count)
        var k = 0
        while k < all.count {
            if all[k] == 0xEF, k + 2 < all.count, all[k + 1] == 0xBB, all[k + 2] == 0xBF { k += 3; continue }
            kept.append(all[k])
            k += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// U+FEFF in UTF-8 (EF BB BF), found without decoding: most messages have none.
    private static func hasByteOrderMark<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var state = 0
        for byte in bytes {
            switch (state, byte) {
            case (_, 0xEF): state = 1
            case (1, 0xBB): state = 2
            case (2, 0xBF): return true
            default: state = 0
            }
        }
        return false
    }

    /// A message: CRLF becomes LF (the file's line ending is not part of the text).
    static func message(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        var end = range.upperBound
        while end > range.lowerBound && (b[end - 1] == Bytes.carriageReturn) { end -= 1 }
        let slice = UnsafeRawBufferPointer(rebasing: b[range.lowerBound..<end])
        guard Bytes.find(Bytes.carriageReturn, in: slice, from: 0, to: slice.count) != nil else { return string(slice) }
        // Drop the CR of each CRLF on the bytes, before decoding (Foundation's replace is slow per record).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(slice.count)
        for k in 0..<slice.count where !(slice[k] == Bytes.carriageReturn && k + 1 < slice.count && slice[k + 1] == Bytes.newline) {
            bytes.append(slice[k])
        }
        return string(bytes)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 {
            // The five bytes Windows-1252 leaves undefined stay C1 controls, shown escaped later.
            let mapped = cp1252High[Int(byte - 0x80)]
            return mapped == 0xFFFD ? Unicode.Scalar(byte) : Unicode.Scalar(mapped)!
        }
        return Unicode.Scalar(byte)
    }
}
