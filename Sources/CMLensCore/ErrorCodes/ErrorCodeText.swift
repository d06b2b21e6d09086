/// An error code as it appears in a log message.
public struct ErrorCodeMention: Sendable, Hashable {
    /// As written: `0x80070005`, `1618`, `80070057`, `-2147024891`.
    public var text: String
    /// Where `text` is, in UTF-8 bytes from the start of the message (for highlighting and cursor hits).
    public var utf8Range: Range<Int>
    public var reading: ErrorCodeInput.Reading
    /// Introduced as a program's result (`exit code 1618`, `returned 5`, `exit 999`), not as an error.
    public var isExitCode: Bool

    public init(text: String, utf8Range: Range<Int>, reading: ErrorCodeInput.Reading, isExitCode: Bool) {
        self.text = text
        self.utf8Range = utf8Range
        self.reading = reading
        self.isExitCode = isExitCode
    }
}

/// Finds error codes in log messages.
///
/// A `0x` number is always taken. A bare number is taken only after a word that introduces a code —
/// `error`, `code`, `hr`, `result`, `status`, `returned`, `exit`, `failed with` — so times, counts and ids
/// are left alone. A bare number is decimal (`exit code 1618`) except eight digits with the failure bit
/// set, which logs print for HRESULTs (`(Error: 80070057; Source: Windows)`); bare hex with letters is
/// taken only as eight digits (`error 87d00215`).
public enum ErrorCodeText {
    public static func mentions(in message: String) -> [ErrorCodeMention] {
        let bytes = Array(message.utf8)
        var out: [ErrorCodeMention] = []
        forEachCandidate(bytes) { range in
            if let mention = mention(bytes, range) { out.append(mention) }
            return true
        }
        return out
    }

    /// The mention under a cursor (a UTF-8 offset into the message), if any. Only the token under
    /// the cursor is read: the console asks this for every cursor move.
    public static func mention(in message: String, at utf8Offset: Int) -> ErrorCodeMention? {
        let bytes = Array(message.utf8)
        var found: ErrorCodeMention?
        forEachCandidate(bytes) { range in
            guard range.upperBound > utf8Offset else { return true }
            if range.contains(utf8Offset) { found = mention(bytes, range) }
            return false
        }
        return found
    }

    /// Each token that could be a code, in order, until `body` returns false. A token starts at a
    /// word boundary (`abc0x12` and `v1.2` are not codes) and is not followed by `.digit`.
    private static func forEachCandidate(_ bytes: [UInt8], _ body: (Range<Int>) -> Bool) {
        var i = 0
        while i < bytes.count {
            guard isWordByte(bytes[i]) || (bytes[i] == UInt8(ascii: "-") && i + 1 < bytes.count && isDigit(bytes[i + 1])) else {
                i += 1
                continue
            }
            let atBoundary = i == 0 || !(isWordByte(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: "."))
            var end = i + 1
            while end < bytes.count && isWordByte(bytes[end]) { end += 1 }
            let followedByDot = end + 1 < bytes.count && bytes[end] == UInt8(ascii: ".") && isDigit(bytes[end + 1])
            if atBoundary && !followedByDot, !body(i..<end) { return }
            i = end
        }
    }

    private static func mention(_ bytes: [UInt8], _ range: Range<Int>) -> ErrorCodeMention? {
        let token = String(decoding: bytes[range], as: UTF8.self)
        let make = { (reading: ErrorCodeInput.Reading, exit: Bool) in
            ErrorCodeMention(text: token, utf8Range: range, reading: reading, isExitCode: exit)
        }
        let lower = token.lowercased()
        if lower.hasPrefix("0x") {
            guard let reading = try? ErrorCodeInput.readings(token).first else { return nil }
            return make(reading, introducer(bytes, before: range.lowerBound) == .exit)
        }
        guard let role = introducer(bytes, before: range.lowerBound) else { return nil }
        if token.hasPrefix("-") {
            guard let reading = try? ErrorCodeInput.readings(token).first else { return nil }
            return make(reading, role == .exit)
        }
        let digitsOnly = token.utf8.allSatisfy(isDigit)
        if digitsOnly {
            if token.utf8.count == 8 && role == .error, let hex = UInt32(token, radix: 16), hex & 0x8000_0000 != 0 {
                return make(.init(value: hex, form: .hex), false)
            }
            guard let n = UInt64(token), n <= UInt64(UInt32.max) else { return nil }
            return make(.init(value: UInt32(n), form: .decimal), role == .exit)
        }
        guard token.utf8.count == 8, token.utf8.allSatisfy(isHexDigit), let hex = UInt32(token, radix: 16) else { return nil }
        return make(.init(value: hex, form: .hex), role == .exit)
    }

    private enum Role { case error, exit }

    /// The word before a token (across `:`, `=`, `(`, `[`, `#`, spaces and an `is`), if it introduces a code.
    private static func introducer(_ bytes: [UInt8], before start: Int) -> Role? {
        var words = previousWords(bytes, before: start, count: 3)
        // `The exit code is 1`, `exit code was 5`.
        if let first = words.first, ["is", "was"].contains(first) { words.removeFirst() }
        guard let word = words.first else { return nil }
        let before = words.count > 1 ? words[1] : ""
        // `exit code 0`, `the exit win32 code 0` (smsts.log), `process exit status 1`.
        let afterExit = words.dropFirst().contains { ["exit", "return", "process", "exited", "returned"].contains($0) }
        switch word {
        case "exit", "exitcode", "returncode", "returned", "returns", "rc":
            return .exit
        case "code", "status", "value":
            if afterExit { return .exit }
            // `HTTP status 404` is not a Windows code.
            if before == "http" { return nil }
            if word != "value" { return .error }
            return ["error", "status", "hresult", "return"].contains(before) ? .error : nil
        case "error", "err", "errorcode", "hr", "hresult", "result":
            return .error
        case "with":
            if ["exited", "returned", "terminated"].contains(before) { return .exit }
            return ["failed", "fails", "error", "failure"].contains(before) ? .error : nil
        default:
            return nil
        }
    }

    /// Up to `count` lowercased words before `start`, nearest first, crossing only separator punctuation.
    private static func previousWords(_ bytes: [UInt8], before start: Int, count: Int) -> [String] {
        var words: [String] = []
        var i = start
        while words.count < count {
            var skipped = 0
            while i > 0 && isSeparator(bytes[i - 1]) { i -= 1; skipped += 1 }
            guard skipped > 0, skipped <= 4 else { break }
            var wordStart = i
            while wordStart > 0 && isWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
            guard wordStart < i else { break }
            words.append(String(decoding: bytes[wordStart..<i], as: UTF8.self).lowercased())
            i = wordStart
        }
        return words
    }

    private static func isSeparator(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == UInt8(ascii: ":") || b == UInt8(ascii: "=") || b == UInt8(ascii: "(")
            || b == UInt8(ascii: "[") || b == UInt8(ascii: "#")
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) || b == UInt8(ascii: "_") }
    private static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }
}
