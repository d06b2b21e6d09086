import Foundation

/// A dotted component version (`4.00.6487.2157`), compared numerically part by part.
///
/// ConfigMgr writes the same version with different zero-padding (`4.0.` in setup logs, `4.00.` in
/// inventory), so string order is wrong: `"4.00.6487.999" > "4.00.6487.2161"` as strings. Here a
/// missing part counts as 0, so `4.0.6487.2157 == 4.00.6487.2157.0`. The text as written is kept
/// for display; it takes no part in equality.
public struct ComponentVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first four parts inline (a version is almost always four parts, and a million inventory
    /// rows should not cost a million arrays), the rest in `extra`; `count` is how many were written.
    private let head: (UInt64, UInt64, UInt64, UInt64)
    private let extra: [UInt64]
    private let count: Int
    /// The version as written, for display and for citing the inventory.
    public let text: String

    /// The numeric parts, as many as were written.
    public var parts: [UInt64] { (0..<count).map(part) }

    private init(parts: [UInt64], text: String) {
        head = (parts.count > 0 ? parts[0] : 0, parts.count > 1 ? parts[1] : 0,
                parts.count > 2 ? parts[2] : 0, parts.count > 3 ? parts[3] : 0)
        extra = parts.count > 4 ? Array(parts[4...]) : []
        count = parts.count
        self.text = text
    }

    /// Why a text is not a version.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "'\(text)' is not a version: \(reason)" }
    }

    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmedOfSpaces
        if let fast = Self.fastFourParts(trimmed) {
            self = fast
            return
        }
        guard !trimmed.isEmpty else { throw ParseError(text: text, reason: "it is empty") }
        var parts: [UInt64] = []
        for (index, piece) in trimmed.split(separator: ".", omittingEmptySubsequences: false).enumerated() {
            guard !piece.isEmpty else {
                throw ParseError(text: text, reason: "part \(index + 1) is empty")
            }
            guard piece.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw ParseError(text: text, reason: "part \(index + 1) ('\(piece)') is not a number")
            }
            guard let value = UInt64(piece) else {
                throw ParseError(text: text, reason: "part \(index + 1) ('\(piece)') is too large")
            }
            parts.append(value)
        }
        self.init(parts: parts, text: trimmed)
    }

    /// A well-formed version of one to four parts, straight from its bytes; nil for anything else,
    /// which the careful path then reads or explains.
    private static func fastFourParts(_ text: String) -> ComponentVersion? {
        var values: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        var current: UInt64 = 0
        var digits = 0
        func store() -> Bool {
            switch count {
            case 0: values.0 = current
            case 1: values.1 = current
            case 2: values.2 = current
            case 3: values.3 = current
            default: return false
            }
            count += 1
            return true
        }
        for byte in text.utf8 {
            if byte == 0x2E {
                guard digits > 0, store() else { return nil }
                current = 0
                digits = 0
            } else if byte >= 0x30 && byte <= 0x39 {
                let (times10, o1) = current.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - 0x30))
                guard !o1 && !o2 else { return nil }
                current = sum
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0, store() else { return nil }
        return ComponentVersion(head: values, count: count, text: text)
    }

    private init(head: (UInt64, UInt64, UInt64, UInt64), count: Int, text: String) {
        self.head = head
        self.extra = []
        self.count = count
        self.text = text
    }

    /// Only for literals known to be valid (the built-in catalogue, tests).
    public init(_ text: String) {
        do { try self.init(parsing: text) } catch { preconditionFailure(error.description) }
    }

    public var description: String { text }

    /// How many parts matter: trailing zeros do not (`4.0.6487.2157` equals `4.00.6487.2157.0`).
    private var significantCount: Int {
        var end = count
        while end > 0 && part(end - 1) == 0 { end -= 1 }
        return end
    }

    public func part(_ index: Int) -> UInt64 {
        switch index {
        case 0 where count > 0: head.0
        case 1 where count > 1: head.1
        case 2 where count > 2: head.2
        case 3 where count > 3: head.3
        case 4...: index < count ? extra[index - 4] : 0
        default: 0
        }
    }

    public static func == (a: ComponentVersion, b: ComponentVersion) -> Bool {
        let n = a.significantCount
        guard n == b.significantCount else { return false }
        for k in 0..<n where a.part(k) != b.part(k) { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        let n = significantCount
        hasher.combine(n)
        for k in 0..<n { hasher.combine(part(k)) }
    }

    public static func < (a: ComponentVersion, b: ComponentVersion) -> Bool {
        for k in 0..<max(a.count, b.count) where a.part(k) != b.part(k) {
            return a.part(k) < b.part(k)
        }
        return false
    }

    /// Whether comparing the two texts as strings (what WQL does) gives a different order than
    /// comparing them as versions.
    public static func stringOrderDiffers(_ a: ComponentVersion, _ b: ComponentVersion) -> Bool {
        let byString: Int = a.text == b.text ? 0 : (a.text < b.text ? -1 : 1)
        let byVersion: Int = a == b ? 0 : (a < b ? -1 : 1)
        return byString != byVersion
    }
}
