import Foundation

/// A rule's regular expression, compiled once, with the names of its `(?<name>…)` captures.
public struct DiagnosticRegex: Sendable {
    let expression: NSRegularExpression
    public let source: String
    public let captureNames: [String]

    public init(_ pattern: String) throws {
        expression = try NSRegularExpression(pattern: pattern, options: [])
        source = pattern
        captureNames = Self.names(in: pattern)
    }

    /// The first match in the text and its named captures (only those that took part).
    public func match(_ text: String) -> [String: String]? {
        let whole = NSRange(text.startIndex..., in: text)
        guard let result = expression.firstMatch(in: text, range: whole) else { return nil }
        var captures: [String: String] = [:]
        for name in captureNames {
            let range = result.range(withName: name)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { continue }
            captures[name] = String(text[swiftRange])
        }
        return captures
    }

    private static let namePattern = try! NSRegularExpression(pattern: #"(?<!\\)\(\?<([A-Za-z][A-Za-z0-9]*)>"#)

    static func names(in pattern: String) -> [String] {
        let range = NSRange(pattern.startIndex..., in: pattern)
        return namePattern.matches(in: pattern, range: range).compactMap { result in
            Range(result.range(at: 1), in: pattern).map { String(pattern[$0]) }
        }
    }
}
