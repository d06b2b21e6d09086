import Foundation

/// A `Raising event:` block of execmgr.log: MOF text naming a WMI event class and its values.
///
/// ```
/// Raising event:
/// [SMS_CodePage(437), SMS_LocaleID(1033)]
/// instance of SoftDistProgramErrorEvent
/// {
///     AdvertisementId = "LAB20011"; ExitCode = "999"; ProgramName = "Setup, v1.2";
/// };
/// ```
public struct WMIEvent: Sendable, Hashable {
    /// `SoftDistProgramStartedEvent`, `SoftDistProgramErrorEvent`, …
    public var className: String
    /// The `Name = value;` pairs in order, string values unquoted and unescaped.
    public var properties: [Property]

    public struct Property: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public init(className: String, properties: [Property]) {
        self.className = className
        self.properties = properties
    }

    public subscript(name: String) -> String? {
        properties.first { Self.sameName($0.name, name) }?.value
    }

    /// Property names compared without regard to case: ASCII names byte by byte (this runs for
    /// every event of a big execmgr.log), others through Foundation.
    static func sameName(_ first: String, _ second: String) -> Bool {
        var a = first.utf8.makeIterator(), b = second.utf8.makeIterator()
        while true {
            switch (a.next(), b.next()) {
            case (nil, nil): return true
            case let (x?, y?) where x < 0x80 && y < 0x80:
                if ExecmgrASCIIText.lower(x) != ExecmgrASCIIText.lower(y) { return false }
            case (nil, let y?) where y < 0x80: return false
            case (let x?, nil) where x < 0x80: return false
            default: return first.caseInsensitiveCompare(second) == .orderedSame
            }
        }
    }

    public var advertisement: String? { self["AdvertisementId"] }
    public var program: String? { self["ProgramName"] }
    public var exitCode: Int? { self["ExitCode"].flatMap { Int($0.trimmingWhitespace) } }
    /// A started event opens a run of the program.
    public var isProgramStarted: Bool { className == "SoftDistProgramStartedEvent" }

    /// Reads a whole `Raising event:` message; nil when it names no class. A block cut short (the
    /// log ends inside it) keeps the pairs read so far.
    public static func parse(_ message: String) -> WMIEvent? {
        var message = message
        let ascii: WMIEvent?? = message.withUTF8 { bytes in
            ExecmgrASCIIText.isASCII(bytes) ? .some(parseASCII(ExecmgrASCIIText(bytes: bytes))) : .none
        }
        if let ascii { return ascii }
        return parseCharacters(message)
    }

    /// The same read Character by Character, for a block with non-ASCII text in it.
    static func parseCharacters(_ message: String) -> WMIEvent? {
        guard let instanceAt = message.range(of: "instance of ") else { return nil }
        let afterInstance = message[instanceAt.upperBound...]
        let className = afterInstance.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !className.isEmpty else { return nil }
        var properties: [Property] = []
        if let open = afterInstance.firstIndex(of: "{") {
            properties = pairs(afterInstance[afterInstance.index(after: open)...])
        }
        return WMIEvent(className: String(className), properties: properties)
    }

    /// `Name = value;` pairs up to the closing `}`; a quoted value may hold `;`, `}` and `\"`.
    static func pairs(_ body: Substring) -> [Property] {
        var out: [Property] = []
        var i = body.startIndex
        func skipSpace() { while i < body.endIndex, body[i].isWhitespace { i = body.index(after: i) } }
        while true {
            skipSpace()
            guard i < body.endIndex, body[i] != "}" else { break }
            let nameStart = i
            while i < body.endIndex, body[i] != "=", body[i] != ";", body[i] != "}" { i = body.index(after: i) }
            guard i < body.endIndex, body[i] == "=" else {
                // Not a pair: skip to the next `;`.
                if i < body.endIndex, body[i] == ";" { i = body.index(after: i); continue }
                break
            }
            let name = body[nameStart..<i].trimmingWhitespace
            i = body.index(after: i)
            skipSpace()
            var value = ""
            if i < body.endIndex, body[i] == "\"" {
                i = body.index(after: i)
                while i < body.endIndex, body[i] != "\"" {
                    if body[i] == "\\", body.index(after: i) < body.endIndex {
                        i = body.index(after: i)
                    }
                    value.append(body[i])
                    i = body.index(after: i)
                }
                if i < body.endIndex { i = body.index(after: i) }
                while i < body.endIndex, body[i] != ";", body[i] != "}" { i = body.index(after: i) }
            } else {
                let start = i
                while i < body.endIndex, body[i] != ";", body[i] != "}" { i = body.index(after: i) }
                value = body[start..<i].trimmingWhitespace
            }
            if i < body.endIndex, body[i] == ";" { i = body.index(after: i) }
            if !name.isEmpty { out.append(Property(name: name, value: value)) }
        }
        return out
    }

    /// `parse` over an ASCII block's bytes (see `ExecmgrASCIIText`).
    static func parseASCII(_ text: ExecmgrASCIIText) -> WMIEvent? {
        let n = text.count
        guard let instanceAt = text.first("instance of ", in: 0..<n) else { return nil }
        let nameStart = instanceAt + "instance of ".utf8.count
        let nameEnd = text.end(from: nameStart, before: n, while: ExecmgrASCIIText.isWordByte)
        guard nameEnd > nameStart else { return nil }
        var properties: [Property] = []
        if let open = text.first("{", in: nameStart..<n) { properties = pairsASCII(text, from: open + 1) }
        return WMIEvent(className: text.string(nameStart..<nameEnd), properties: properties)
    }

    private static func pairsASCII(_ text: ExecmgrASCIIText, from start: Int) -> [Property] {
        let n = text.count
        let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "="), semicolon = UInt8(ascii: ";")
        let close = UInt8(ascii: "}"), backslash = UInt8(ascii: "\\")
        func trimmed(_ range: Range<Int>) -> String {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, text[lower] == 0x20 || text[lower] == 0x09 { lower += 1 }
            while upper > lower, text[upper - 1] == 0x20 || text[upper - 1] == 0x09 { upper -= 1 }
            return text.string(lower..<upper)
        }
        var out: [Property] = []
        var i = start
        while true {
            i = text.end(from: i, before: n, while: ExecmgrASCIIText.isWhitespace)
            guard i < n, text[i] != close else { break }
            let nameStart = i
            i = text.end(from: i, before: n) { $0 != equals && $0 != semicolon && $0 != close }
            guard i < n, text[i] == equals else {
                // Not a pair: skip to the next `;`.
                if i < n, text[i] == semicolon { i += 1; continue }
                break
            }
            let name = trimmed(nameStart..<i)
            i = text.end(from: i + 1, before: n, while: ExecmgrASCIIText.isWhitespace)
            var value: String
            if i < n, text[i] == quote {
                var unescaped: [UInt8] = []
                i += 1
                while i < n, text[i] != quote {
                    if text[i] == backslash, i + 1 < n { i += 1 }
                    unescaped.append(text[i])
                    i += 1
                }
                value = String(decoding: unescaped, as: UTF8.self)
                if i < n { i += 1 }
                i = text.end(from: i, before: n) { $0 != semicolon && $0 != close }
            } else {
                let valueStart = i
                i = text.end(from: i, before: n) { $0 != semicolon && $0 != close }
                value = trimmed(valueStart..<i)
            }
            if i < n, text[i] == semicolon { i += 1 }
            if !name.isEmpty { out.append(Property(name: name, value: value)) }
        }
        return out
    }
}
