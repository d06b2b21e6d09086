/// How a typed or logged number becomes a 32-bit error value.
///
/// Accepted: decimal (`5`, `1618`), negative signed (`-2147024891`), unsigned (`2147942405`), `0x` hex
/// (`0x80070057`, `0x80070057L`), `&H80070057`, and bare hex as logs print it (`80070057`, `87d00324`).
/// Bare digits can be either base (`1645` is 1645 or 0x1645): both readings are returned, the likelier first.
public enum ErrorCodeInput {
    /// One way of reading the input.
    public struct Reading: Sendable, Hashable {
        public enum Form: String, Sendable, Hashable {
            case decimal, negative, hex
        }
        public var value: UInt32
        public var form: Form

        public init(value: UInt32, form: Form) {
            self.value = value
            self.form = form
        }
    }

    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case notANumber(String)
        case outOfRange(String)

        public var description: String {
            switch self {
            case .notANumber(let text):
                "\"\(TerminalText.escape(text))\" is not an error code. Accepted forms: decimal (5, 1618), negative (-2147024891), "
                    + "unsigned (2147942405), hex (0x80070057, 0x80070057L) or bare hex as logs print it (80070057)"
            case .outOfRange(let text):
                "\"\(TerminalText.escape(text))\" does not fit in 32 bits: error codes run from -2147483648 to 4294967295 (0xFFFFFFFF)"
            }
        }
    }

    /// The readings of `text`, likelier first; `catalogue` breaks ties for bare digits (a documented reading wins).
    public static func readings(_ text: String, catalogue: ErrorCatalogue = .shared) throws(Failure) -> [Reading] {
        let trimmed = text.trimmingWhitespace
        var body = Substring(trimmed)
        // C's long suffix, as headers and some logs print constants: `0x80070057L`.
        if body.hasSuffix("UL") || body.hasSuffix("ul") { body = body.dropLast(2) }
        else if body.hasSuffix("L") || body.hasSuffix("l") { body = body.dropLast() }
        guard !body.isEmpty else { throw .notANumber(text) }
        if body.hasPrefix("0x") || body.hasPrefix("0X") || body.hasPrefix("&H") || body.hasPrefix("&h") {
            return try [hexReading(body.dropFirst(2), original: trimmed)]
        }
        if body.hasPrefix("-") {
            let digits = body.dropFirst()
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { throw .notANumber(text) }
            guard let n = Int64(body), n >= Int64(Int32.min) else { throw .outOfRange(trimmed) }
            return [Reading(value: UInt32(bitPattern: Int32(n)), form: .negative)]
        }
        if body.hasPrefix("+") { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy(\.isASCIIHexDigit) else { throw .notANumber(text) }
        guard body.allSatisfy(\.isASCIIDigit) else { return try [hexReading(body, original: trimmed)] }

        let decimal = UInt64(body).flatMap { $0 <= UInt64(UInt32.max) ? Reading(value: UInt32($0), form: .decimal) : nil }
        let hex = significantDigits(body) <= 8 ? UInt32(body, radix: 16).map { Reading(value: $0, form: .hex) } : nil
        switch (decimal, hex) {
        case (nil, nil): throw .outOfRange(trimmed)
        case (let d?, nil): return [d]
        case (nil, let h?): return [h]
        case (let d?, let h?):
            if d.value == h.value { return [d] }
            return hexFirst(body, decimal: d, hex: h, catalogue: catalogue) ? [h, d] : [d, h]
        }
    }

    /// Logs print HRESULTs as 8 bare hex digits (`Error: 80070057`): an 8-digit number with the failure
    /// bit set is hex; otherwise whichever reading the catalogue documents, else decimal.
    private static func hexFirst(_ digits: Substring, decimal: Reading, hex: Reading, catalogue: ErrorCatalogue) -> Bool {
        if digits.count == 8 && hex.value & 0x8000_0000 != 0 { return true }
        let decimalKnown = ErrorExplainer.isDocumented(decimal.value, catalogue: catalogue)
        let hexKnown = ErrorExplainer.isDocumented(hex.value, catalogue: catalogue)
        return hexKnown && !decimalKnown
    }

    private static func hexReading(_ digits: Substring, original: String) throws(Failure) -> Reading {
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIHexDigit) else { throw .notANumber(original) }
        guard significantDigits(digits) <= 8, let value = UInt32(digits, radix: 16) else { throw .outOfRange(original) }
        return Reading(value: value, form: .hex)
    }

    private static func significantDigits(_ digits: Substring) -> Int {
        max(1, digits.drop(while: { $0 == "0" }).count)
    }
}

extension Character {
    /// 0-9 only: `isNumber` and `isHexDigit` also admit other scripts' and fullwidth digits.
    var isASCIIDigit: Bool { unicodeScalars.count == 1 && asciiValue.map { (0x30...0x39).contains($0) } == true }
    var isASCIIHexDigit: Bool {
        unicodeScalars.count == 1 && asciiValue.map { (0x30...0x39).contains($0) || (0x41...0x46).contains($0 & 0xDF) } == true
    }
}
