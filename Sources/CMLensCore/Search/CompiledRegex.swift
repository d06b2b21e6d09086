import CPCRE2

/// A regular expression compiled once by PCRE2, with its JIT when the machine has one. Matches
/// UTF-8 bytes in place: a record's message is never turned into another string to be searched.
///
/// The compiled code is read-only and shared by every thread; each match needs its own match data,
/// which `Matcher` holds for one thread at a time.
final class CompiledRegex: @unchecked Sendable {
    // PCRE2 documents compiled code as shareable between threads once JIT compilation is done.
    let code: OpaquePointer

    /// `likeICU`: `\d`, `\w`, `\s`, `\b` and case over all of Unicode, and every Unicode line
    /// ending a newline, as ICU (NSRegularExpression) reads them: for the diagnostic rules, written
    /// for ICU before they ran here.
    init(_ pattern: String, caseInsensitive: Bool, likeICU: Bool = false) throws(PatternError) {
        var options = cpcre2_option_utf() | cpcre2_option_match_invalid_utf()
        if caseInsensitive { options |= cpcre2_option_caseless() }
        if likeICU { options |= cpcre2_option_ucp() }
        var error: Int32 = 0
        var offset = 0
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer {
            likeICU ? cpcre2_compile_any_newline($0.baseAddress, $0.count, options, &error, &offset)
                : cpcre2_compile($0.baseAddress, $0.count, options, &error, &offset)
        }
        guard let compiled else { throw PatternError(pattern: pattern, byteOffset: offset, reason: Self.message(error)) }
        code = compiled
        // No JIT (an unsupported CPU) still matches, through the interpreter.
        _ = cpcre2_jit_compile(code)
    }

    deinit { cpcre2_code_free(code) }

    static func message(_ error: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = cpcre2_error_message(error, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[0..<Int(count)], as: UTF8.self) : "error \(error)"
    }

    /// The number of the group named `name`, nil when there is none.
    func groupNumber(_ name: String) -> Int? {
        let number = (Array(name.utf8) + [0]).withUnsafeBufferPointer { cpcre2_group_number(code, $0.baseAddress) }
        return number > 0 ? Int(number) : nil
    }

    /// Match data for one thread.
    final class Matcher {
        let regex: CompiledRegex
        private let data: OpaquePointer

        init(_ regex: CompiledRegex) {
            self.regex = regex
            data = cpcre2_match_data_create(regex.code)
        }

        deinit { cpcre2_match_data_free(data) }

        /// The first match in `bytes` at or after `start`, as a byte range, with its groups.
        func firstMatch(in bytes: UnsafeRawBufferPointer, from start: Int = 0) -> Match? {
            guard start <= bytes.count else { return nil }
            // PCRE2 wants a non-null subject even when it is empty.
            let empty: UInt8 = 0
            let result = withUnsafePointer(to: empty) { fallback in
                let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? fallback
                return cpcre2_match(regex.code, base, bytes.count, start, data)
            }
            guard result > 0 else { return nil }
            return Match(ovector: cpcre2_ovector(data), pairs: Int(result))
        }

        func matches(_ bytes: UnsafeRawBufferPointer) -> Bool { firstMatch(in: bytes) != nil }
    }

    /// One match: the whole range and the groups that took part.
    struct Match {
        var groups: [Range<Int>?]
        var range: Range<Int> { groups[0]! }

        init(ovector: UnsafeMutablePointer<Int>, pairs: Int) {
            let unset = cpcre2_unset()
            groups = (0..<pairs).map { k in
                let low = ovector[2 * k], high = ovector[2 * k + 1]
                return low == unset || high < low ? nil : low..<high
            }
        }
    }
}

/// A pattern that does not compile, with where and why, for the user to mend.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    /// 1-based character position where PCRE2 stopped.
    public var position: Int
    public var reason: String

    init(pattern: String, byteOffset: Int, reason: String) {
        self.pattern = pattern
        let prefix = Array(pattern.utf8).prefix(byteOffset)
        position = String(decoding: prefix, as: UTF8.self).count + 1
        self.reason = reason
    }

    public var description: String {
        "\"\(pattern)\" is not a valid regular expression: \(reason) at character \(position)"
            + " (PCRE syntax, e.g. exit code (999|1618); put \\ before ( [ . * + ? to match them literally)"
    }
}
