import Foundation

/// A dotted component version (`4.00.6487.2157`), compared numerically part by part.
///
/// ConfigMgr writes the same version with different zero-padding (`4.0.` in setup logs, `4.00.` in
/// inventory), so string order is wrong: `"4.00.6487.999" > "4.00.6487.2161"` as strings. Here a
/// missing part counts as 0, so `4.0.6487.2157 == 4.00.6487.2157.0`. The text as written is kept
/// for display; it takes no part in equality.
public struct ComponentVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numeric parts, as many as were written.
    public let parts: [UInt64]
    /// The version as written, for display and for citing the inventory.
    public let text: String

    /// Why a text is not a version.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "'\(text)' is not a version: \(reason)" }
    }

    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmedOfSpaces
        if let parts = Self.fastParts(trimmed) {
            self.parts = parts
            self.text = trimmed
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
        self.parts = parts
        self.text = trimmed
    }

    /// The parts of a well-formed version, straight from its bytes (a million rows load in a blink);
    /// nil for anything else, which the careful path then explains.
    private static func fastParts(_ text: String) -> [UInt64]? {
        var parts: [UInt64] = []
        parts.reserveCapacity(4)
        var current: UInt64 = 0
        var digits = 0
        for byte in text.utf8 {
            if byte == 0x2E {
                guard digits > 0 else { return nil }
                parts.append(current)
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
        guard digits > 0 else { return nil }
        parts.append(current)
        return parts
    }

    /// Only for literals known to be valid (the built-in catalogue, tests).
    public init(_ text: String) {
        do { try self.init(parsing: text) } catch { preconditionFailure(error.description) }
    }

    public var description: String { text }

    /// The parts without trailing zeros: the canonical form two equal versions share.
    var significantParts: ArraySlice<UInt64> {
        var end = parts.count
        while end > 0 && parts[end - 1] == 0 { end -= 1 }
        return parts[..<end]
    }

    public func part(_ index: Int) -> UInt64 { index < parts.count ? parts[index] : 0 }

    public static func == (a: ComponentVersion, b: ComponentVersion) -> Bool {
        a.significantParts == b.significantParts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(Array(significantParts))
    }

    public static func < (a: ComponentVersion, b: ComponentVersion) -> Bool {
        for k in 0..<max(a.parts.count, b.parts.count) where a.part(k) != b.part(k) {
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
