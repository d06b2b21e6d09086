/// Builds one JSON object on one line, fields in the order given (stable for scripts and diffs).
///
/// Hand-written rather than JSONEncoder: it keeps field order, and it escapes every control
/// character, DEL, C1 and bidi control as `\uXXXX`, so JSON printed to a terminal is still safe.
/// It works on UTF-8 bytes: appending to a String scalar by scalar costs more than the rest of a
/// record's output.
public struct JSONLine {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    public init() {}

    public mutating func add(_ key: String, _ value: String?) {
        addKey(key)
        if let value { Self.appendString(value, to: &bytes) } else { bytes.append(contentsOf: Self.null) }
    }

    public mutating func add(_ key: String, _ value: Int?) {
        addKey(key)
        if let value { bytes.append(contentsOf: String(value).utf8) } else { bytes.append(contentsOf: Self.null) }
    }

    public mutating func add(_ key: String, _ value: Bool?) {
        addKey(key)
        bytes.append(contentsOf: value.map { $0 ? "true" : "false" }?.utf8 ?? "null".utf8)
    }

    public mutating func add(_ key: String, _ value: Double?) {
        addKey(key)
        let text = value.map { $0.isFinite ? String($0) : "null" } ?? "null"
        bytes.append(contentsOf: text.utf8)
    }

    /// A value that is already JSON (a nested object or array).
    public mutating func addRaw(_ key: String, _ json: String) {
        addKey(key)
        bytes.append(contentsOf: json.utf8)
    }

    public mutating func add(_ key: String, strings: [String]) {
        addKey(key)
        bytes.append(UInt8(ascii: "["))
        for (k, value) in strings.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendString(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    public var rendered: String { String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self) }

    private mutating func addKey(_ key: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        Self.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    public static func quoted(_ value: String) -> String {
        var out: [UInt8] = []
        appendString(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let null = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = value.utf8
        // Most strings need no escape at all: checked on their contiguous bytes (a UTF8View's
        // contains(where:) went through the view's index per byte, a seventh of `log --format json`)
        // and copied in one go.
        let plain = utf8.withContiguousStorageIfAvailable { b -> Bool in
            var k = 0
            while k < b.count {
                let c = b[k]
                if c < 0x20 || c == 0x22 || c == 0x5C || c >= 0x7F { return false }
                k += 1
            }
            out.append(contentsOf: b)
            return true
        } ?? false
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        Array(utf8).withUnsafeBufferPointer { b in
            var k = 0
            let n = b.count
            while k < n {
                let c = b[k]
                switch c {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case 0x00..<0x20, 0x7F: appendEscape(UInt32(c), to: &out)
                case 0x20..<0x7F: out.append(c)
                default:
                    // A multi-byte scalar: escape C1 controls and bidi controls, copy the rest.
                    let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                    var scalar: UInt32 = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    var j = 1
                    while j < length && k + j < n {
                        scalar = scalar << 6 | UInt32(b[k + j] & 0x3F)
                        j += 1
                    }
                    if let s = Unicode.Scalar(scalar), TerminalText.needsEscape(s) {
                        appendEscape(scalar, to: &out)
                    } else {
                        for m in k..<min(k + length, n) { out.append(b[m]) }
                    }
                    k += length
                    continue
                }
                k += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ scalar: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int(scalar >> UInt32(shift) & 0xF)]) }
    }
}
