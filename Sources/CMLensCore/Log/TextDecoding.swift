/// Turns log bytes into text: UTF-8 where it is valid, else Windows-1252 (what ANSI writers such as
/// PowerShell 5's `Out-File -Encoding Default` produce). A byte-order mark anywhere is dropped.
public enum TextDecoding {
    public static func string<C: Collection<UInt8>>(_ bytes: C) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            return hasByteOrderMark(bytes) ? text.replacingOccurrences(of: "\u{FEFF}", with: "") : text
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(windows1252(byte)) }
        return String(scalars)
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
