/// Reads the time and date fields of CMTrace and SMS records from bytes, without Foundation.
enum TimestampParsing {
    struct ClockTime: Equatable {
        var secondOfDay: Int
        var nanoseconds: Int32
        var bias: Int?
        var biasNote: BiasNote?
    }

    enum BiasNote: Equatable {
        /// `+-300`: a script wrote "+" and then WMI's bias (which has the opposite sign).
        case doubleSign
        /// More than ±14 hours: not a time zone; the offset is treated as unknown.
        case outOfRange
    }

    /// `HH:MM:SS[.f{1,7}][(+|-){1,2}D{1,4}]`; nil when it is not a time of day.
    static func clock(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> ClockTime? {
        millisecondClock(b, r) ?? canonicalClock(b, r) ?? generalClock(b, r)
    }

    /// `HH:MM:SS.mmm±BBB`, sixteen bytes — nearly every record ConfigMgr writes — checked and read as
    /// two words. nil for any other shape or value, which the readers below then take.
    @inline(__always)
    static func millisecondClock(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> ClockTime? {
        guard r.count == 16, r.lowerBound + 16 <= b.count else { return nil }
        let clock = ByteWord.load(b, r.lowerBound)       // HH:MM:SS
        let rest = ByteWord.load(b, r.lowerBound + 8)     // .mmm±BBB
        let clockDigits: UInt64 = 0xFFFF_00FF_FF00_FFFF, restDigits: UInt64 = 0xFFFF_FF00_FFFF_FF00
        guard (clock & 0x0000_FF00_00FF_0000) == 0x0000_3A00_003A_0000, (rest & 0xFF) == 0x2E,
              Self.allDigits(clock, clockDigits), Self.allDigits(rest, restDigits) else { return nil }
        let sign = (rest >> 32) & 0xFF
        guard sign == 0x2B || sign == 0x2D else { return nil }
        @inline(__always) func lane(_ word: UInt64, _ k: UInt64) -> Int { Int((word >> (8 * k)) & 0x0F) }
        let h = lane(clock, 0) * 10 + lane(clock, 1), m = lane(clock, 3) * 10 + lane(clock, 4)
        let sec = lane(clock, 6) * 10 + lane(clock, 7)
        let ms = lane(rest, 1) * 100 + lane(rest, 2) * 10 + lane(rest, 3)
        let bias = lane(rest, 5) * 100 + lane(rest, 6) * 10 + lane(rest, 7)
        guard h < 24, m < 60, sec <= 60, bias <= 840 else { return nil }
        return ClockTime(secondOfDay: h * 3600 + m * 60 + sec, nanoseconds: Int32(ms * 1_000_000),
                         bias: sign == 0x2D ? -bias : bias, biasNote: nil)
    }

    /// Whether every lane of `word` that `mask` selects holds an ASCII digit.
    @inline(__always)
    private static func allDigits(_ word: UInt64, _ mask: UInt64) -> Bool {
        // High nibble 3, and low nibble + 6 stays below 16 (at most 0x15 per lane: no carry between lanes).
        (word & 0xF0F0_F0F0_F0F0_F0F0 & mask) == (0x3030_3030_3030_3030 & mask)
            && ((word & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010 & mask == 0
    }

    static func generalClock(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> ClockTime? {
        var i = r.lowerBound
        let n = r.upperBound
        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < n, digits < maxDigits, case let d = b[i], d >= 0x30, d <= 0x39 {
                value = value * 10 + Int(d - 0x30)
                digits += 1
                i += 1
            }
            return digits == 0 ? nil : value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < n, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let h = number(maxDigits: 2), expect(UInt8(ascii: ":")),
              let m = number(maxDigits: 2), expect(UInt8(ascii: ":")),
              let s = number(maxDigits: 2), h < 24, m < 60, s <= 60 else { return nil }
        var nanos: Int32 = 0
        if i < n && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",")) {
            i += 1
            var scale: Int32 = 100_000_000, digits = 0
            while i < n, case let d = b[i], d >= 0x30, d <= 0x39 {
                if digits < 9 { nanos += Int32(d - 0x30) * scale; scale /= 10 }
                digits += 1
                i += 1
            }
        }
        var result = ClockTime(secondOfDay: h * 3600 + m * 60 + s, nanoseconds: nanos, bias: nil, biasNote: nil)
        guard i < n else { return result }
        var signCount = 0, lastSign = 1
        while i < n && signCount < 3 && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) {
            lastSign = b[i] == UInt8(ascii: "-") ? -1 : 1
            signCount += 1
            i += 1
        }
        guard signCount > 0, let magnitude = number(maxDigits: 4), i == n else {
            return i == n ? result : nil
        }
        var bias = lastSign * magnitude
        if signCount > 1 {
            // "+" followed by WMI's Win32_TimeZone.Bias, whose sign is the ISO one: flip it.
            bias = -bias
            result.biasNote = .doubleSign
        }
        if abs(bias) > 840 {
            result.biasNote = .outOfRange
            return result
        }
        result.bias = bias
        return result
    }

    /// `HH:MM:SS.f{1,7}` and one sign with 1–4 digits of bias within ±14 hours — what ConfigMgr
    /// writes — read at fixed places; nil leaves anything else (and every error) to the general reader.
    @inline(__always)
    static func canonicalClock(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> ClockTime? {
        let s = r.lowerBound, n = r.upperBound
        guard n - s >= 12, b[s + 2] == UInt8(ascii: ":"), b[s + 5] == UInt8(ascii: ":"),
              b[s + 8] == UInt8(ascii: ".") else { return nil }
        @inline(__always) func digit(_ i: Int) -> UInt { UInt(b[i]) &- 0x30 }
        let h1 = digit(s), h0 = digit(s + 1), m1 = digit(s + 3), m0 = digit(s + 4), s1 = digit(s + 6), s0 = digit(s + 7)
        guard h1 < 10, h0 < 10, m1 < 10, m0 < 10, s1 < 10, s0 < 10 else { return nil }
        let h = Int(h1 * 10 + h0), m = Int(m1 * 10 + m0), sec = Int(s1 * 10 + s0)
        guard h < 24, m < 60, sec <= 60 else { return nil }
        var i = s + 9
        var nanos = 0, scale = 100_000_000
        while i < n, case let d = digit(i), d < 10 {
            nanos += Int(d) * scale
            scale /= 10
            i += 1
        }
        let fractionDigits = i - (s + 9)
        guard fractionDigits >= 1, fractionDigits <= 7, i < n else { return nil }
        let sign: Int
        switch b[i] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        i += 1
        let biasStart = i
        var magnitude = 0
        // Five digits at most: more already make it no bias, and 20 would overflow (found by FuzzLog).
        while i < n, i - biasStart <= 4, case let d = digit(i), d < 10 {
            magnitude = magnitude * 10 + Int(d)
            i += 1
        }
        guard i == n, i - biasStart >= 1, i - biasStart <= 4, magnitude <= 840 else { return nil }
        return ClockTime(secondOfDay: h * 3600 + m * 60 + sec, nanoseconds: Int32(nanos), bias: sign * magnitude,
                         biasNote: nil)
    }

    /// `M-D-YYYY` (month first, padded or not; `/` also accepted) → (year, month, day), unvalidated.
    static func date(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) -> (Int, Int, Int)? {
        var i = r.lowerBound
        let n = r.upperBound
        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < n, digits < maxDigits, case let d = b[i], d >= 0x30, d <= 0x39 {
                value = value * 10 + Int(d - 0x30)
                digits += 1
                i += 1
            }
            return digits == 0 ? nil : value
        }
        func separator() -> Bool {
            guard i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "/") else { return false }
            i += 1
            return true
        }
        guard let month = number(maxDigits: 2), separator(), let day = number(maxDigits: 2), separator(),
              let year = number(maxDigits: 4), i == n else { return nil }
        return (year, month, day)
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Time-zone names SMS 2.0 wrote in its logs, to Windows bias minutes (UTC = local + bias).
    static let zoneBiases: [String: Int] = [
        "eastern standard time": 300, "eastern daylight time": 240,
        "central standard time": 360, "central daylight time": 300,
        "mountain standard time": 420, "mountain daylight time": 360,
        "pacific standard time": 480, "pacific daylight time": 420,
        "gmt standard time": 0, "gmt daylight time": -60, "coordinated universal time": 0,
        "w. europe standard time": -60, "w. europe daylight time": -120,
        "central europe standard time": -60, "central europe daylight time": -120,
        "romance standard time": -60, "romance daylight time": -120,
    ]
}
