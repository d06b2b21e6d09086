/// A line of output in runs of meanings: what the core's text formatters return, so that the
/// command line can colour it and the console can give it roles without re-reading the text.
///
///     var line = StyledText("KB977384", .heading)
///     line += "  CCMExec >= 4.0.6487.2157"
///     line.plainText   // "KB977384  CCMExec >= 4.0.6487.2157"
public struct StyledText: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public struct Run: Sendable, Hashable {
        public var text: String
        public var meaning: Meaning

        public init(_ text: String, _ meaning: Meaning) {
            self.text = text
            self.meaning = meaning
        }
    }

    /// The runs in order. An empty run is kept when it has a meaning other than `plain`: the
    /// command line marks it all the same, and its output must not depend on what a run holds.
    public private(set) var runs: [Run] = []

    public init() {}

    public init(_ text: String, _ meaning: Meaning = .plain) {
        append(text, meaning)
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// The characters alone, as a file or a test reads them.
    public var plainText: String {
        runs.count == 1 ? runs[0].text : runs.map(\.text).joined()
    }

    public var description: String { plainText }

    public mutating func append(_ text: String, _ meaning: Meaning = .plain) {
        if meaning == .plain {
            guard !text.isEmpty else { return }
            // Plain text after plain text is one run: nothing tells them apart.
            if let last = runs.last, last.meaning == .plain {
                runs[runs.count - 1].text += text
                return
            }
        }
        runs.append(Run(text, meaning))
    }

    public mutating func append(_ other: StyledText) {
        for run in other.runs { append(run.text, run.meaning) }
    }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var joined = lhs
        joined.append(rhs)
        return joined
    }

    public static func + (lhs: StyledText, rhs: String) -> StyledText {
        var joined = lhs
        joined.append(rhs)
        return joined
    }

    public static func + (lhs: String, rhs: StyledText) -> StyledText {
        var joined = StyledText(lhs)
        joined.append(rhs)
        return joined
    }

    public static func += (lhs: inout StyledText, rhs: StyledText) { lhs.append(rhs) }

    public static func += (lhs: inout StyledText, rhs: String) { lhs.append(rhs) }
}
