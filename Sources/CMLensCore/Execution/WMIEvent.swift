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
        properties.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public var advertisement: String? { self["AdvertisementId"] }
    public var program: String? { self["ProgramName"] }
    public var exitCode: Int? { self["ExitCode"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    /// A started event opens a run of the program.
    public var isProgramStarted: Bool { className == "SoftDistProgramStartedEvent" }

    /// Reads a whole `Raising event:` message; nil when it names no class. A block cut short (the
    /// log ends inside it) keeps the pairs read so far.
    public static func parse(_ message: String) -> WMIEvent? {
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
            let name = body[nameStart..<i].trimmingCharacters(in: .whitespaces)
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
                value = body[start..<i].trimmingCharacters(in: .whitespaces)
            }
            if i < body.endIndex, body[i] == ";" { i = body.index(after: i) }
            if !name.isEmpty { out.append(Property(name: name, value: value)) }
        }
        return out
    }
}
