/// Tells binary data from text by what the first block holds, not by what its bytes repeat.
///
/// Text that is not UTF-16 has no NUL bytes and few control bytes. Two exceptions are real logs, not
/// binary: a long run of NULs (the file was extended and the machine lost power before the data was
/// written), and the odd stray control byte a program wrote into a message. So NULs inside a long run
/// are set aside; anything else is counted.
enum BinaryContent {
    /// A run of NULs at least this long is power-loss padding, not data.
    static let paddingRun = 16
    /// This many NULs outside padding and outside a UTF-16 pattern is no longer a stray byte.
    static let strayNULLimit = 4
    /// Control bytes needed before their share is judged at all (a short line with one stray byte is text).
    static let controlMinimum = 8
    /// More than one control byte in twenty is not text: ANSI-coloured output, the densest real case,
    /// uses ESC, which is not counted.
    static let controlShareDenominator = 20

    /// Why `sample` is binary, or nil when it reads as text (single-byte or UTF-8; the caller has
    /// already recognised UTF-16 by its parity of zeros).
    static func reason(_ sample: ArraySlice<UInt8>) -> String? {
        let bytes = Array(sample)
        var strayNULs = 0, controls = 0, padding = 0
        var k = 0
        while k < bytes.count {
            if bytes[k] == 0 {
                var end = k
                while end < bytes.count && bytes[end] == 0 { end += 1 }
                let run = end - k
                if run >= paddingRun {
                    padding += run
                } else {
                    for j in k..<end where !inUTF16Pattern(bytes, at: j) { strayNULs += 1 }
                    controls += run
                }
                k = end
                continue
            }
            if isControl(bytes[k]) { controls += 1 }
            k += 1
        }
        let counted = bytes.count - padding
        if strayNULs >= strayNULLimit {
            return "\(strayNULs) NUL bytes in its first \(bytes.count)"
        }
        // A short file is judged by share alone, as long as control bytes are nearly a third of it.
        if (controls >= controlMinimum && controls * controlShareDenominator > counted) || controls * 10 > counted * 3 {
            return "\(controls) control bytes in its first \(bytes.count)"
        }
        if counted == 0 && padding > 0 {
            return "nothing but NUL bytes in its first \(bytes.count)"
        }
        return nil
    }

    /// Control bytes that text does not hold: tab, LF, FF, CR and ESC (colour codes) are text.
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B) || byte == 0x7F
    }

    /// A NUL that is the high half of an ASCII character in UTF-16 — after it (little-endian, odd
    /// offset) or before it (big-endian, even offset) — belongs to UTF-16 text whose head the parity
    /// check missed (a mostly non-ASCII head, or a short one).
    static func inUTF16Pattern(_ bytes: [UInt8], at k: Int) -> Bool {
        if k % 2 == 1 && isTextASCII(bytes[k - 1]) { return true }
        if k % 2 == 0 && k + 1 < bytes.count && isTextASCII(bytes[k + 1]) { return true }
        return false
    }

    private static func isTextASCII(_ byte: UInt8) -> Bool {
        (0x20...0x7E).contains(byte) || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
