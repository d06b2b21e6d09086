import Foundation

/// What one execmgr.log record says about a program's execution, read from its fixed wording.
///
/// Program names contain `, ` and `.` (`Office 2010, SP1 v1.2`), so every reading anchors on the
/// fixed text around a name (the *last* `. The exit code is `, the *last* ` state change from `),
/// never on the separators inside it. Advertisement and package IDs have no spaces or commas.
public enum ExecmgrLine: Sendable, Hashable {
    /// `Execution Request for [advert A] [package P] program N state change from X to Y`
    case stateChange(advertisement: String?, package: String?, program: String, from: String, to: String)
    /// `Program exit code N`
    case exitCode(Int)
    /// `Execution is complete for program N. The exit code is C, the execution status is S`
    case executionComplete(program: String, exitCode: Int, status: String)
    /// `Program Exit Code C has been tried K times, will retry later`
    case willRetry(exitCode: Int, tries: Int)
    /// Any line with "non fatal execution error" (its exact wording is not documented).
    case nonFatalError
    /// `Raised Program <Kind> Event for Ad:A, Package:P, Program: N`
    case raisedEvent(kind: String, advertisement: String, package: String, program: String)
    /// `Policy is <action> for Program: N, Package: P, Advert: A` (package and advert when given).
    case policy(action: String, program: String, package: String?, advertisement: String?)
    /// A multi-line `Raising event:` block: the WMI class and its `Name = value;` pairs.
    case wmiEvent(WMIEvent)
    /// `Script for Package:P, Program: N succeeded|failed with exit code C`
    case script(package: String, program: String, succeeded: Bool, exitCode: Int)
    /// A line that starts like a state change but could not be read (a truncated log): kept, not dropped.
    case unreadableStateChange(String)

    /// Reads one record's message; nil when it is not one of the lines above.
    public static func parse(_ message: String) -> ExecmgrLine? {
        var message = message
        let ascii: ExecmgrLine?? = message.withUTF8 { bytes in
            ExecmgrASCIIText.isASCII(bytes) ? .some(parseASCII(bytes)) : .none
        }
        if let ascii { return ascii }
        return parseCharacters(message)
    }

    /// The same read Character by Character: for messages with non-ASCII text (a program named in
    /// another script), where bytes and Characters differ.
    static func parseCharacters(_ message: String) -> ExecmgrLine? {
        let text = message.hasSuffix("\n") || message.hasSuffix(" ") ? trimmedEnd(message) : message
        if text.hasPrefix("Execution Request for ") { return stateChange(text) }
        if text.hasPrefix("Execution is complete for program ") { return complete(text) }
        if startsCaseInsensitive(text, "Program exit code ") { return exitCodeLine(text) }
        if text.hasPrefix("Raised Program ") { return raised(text) }
        if text.hasPrefix("Policy is ") { return policy(text) }
        if text.hasPrefix("Script for Package:") { return script(text) }
        if text.hasPrefix("Raising event:") { return WMIEvent.parse(text).map(ExecmgrLine.wmiEvent) }
        if containsASCIICaseInsensitive(text, "fatal execution error"),
           containsASCIICaseInsensitive(text, "non fatal") || containsASCIICaseInsensitive(text, "non-fatal") {
            return .nonFatalError
        }
        return nil
    }

    // MARK: - Readings

    private static func stateChange(_ text: String) -> ExecmgrLine {
        guard let marker = text.range(of: " state change from ", options: .backwards) else {
            return .unreadableStateChange(text)
        }
        let states = text[marker.upperBound...].split(separator: " ", omittingEmptySubsequences: true)
        guard states.count == 3, states[1] == "to", isStateName(states[0]), isStateName(states[2]) else {
            return .unreadableStateChange(text)
        }
        // `advert A package P program N`, `package P program N` or `program N`: keywords in that
        // order, each ID one word, the program name everything after `program `.
        var rest = text[text.index(text.startIndex, offsetBy: "Execution Request for ".count)..<marker.lowerBound]
        var advertisement: String?, package: String?
        if rest.hasPrefix("advert "), let id = word(after: "advert ", in: &rest) { advertisement = id }
        if rest.hasPrefix("package "), let id = word(after: "package ", in: &rest) { package = id }
        guard rest.hasPrefix("program ") else { return .unreadableStateChange(text) }
        let program = String(rest.dropFirst("program ".count))
        guard !program.isEmpty else { return .unreadableStateChange(text) }
        return .stateChange(advertisement: advertisement, package: package, program: program,
                            from: String(states[0]), to: String(states[2]))
    }

    private static func complete(_ text: String) -> ExecmgrLine? {
        let body = text.dropFirst("Execution is complete for program ".count)
        guard let codeAt = body.range(of: ". The exit code is ", options: .backwards),
              let statusAt = body.range(of: ", the execution status is ", range: codeAt.upperBound..<body.endIndex),
              let code = Int(body[codeAt.upperBound..<statusAt.lowerBound]) else { return nil }
        let status = body[statusAt.upperBound...]
        guard isStateName(status) else { return nil }
        return .executionComplete(program: String(body[..<codeAt.lowerBound]), exitCode: code, status: String(status))
    }

    /// `Program exit code 3010`, or `Program Exit Code 4 has been tried 1 times, will retry later`.
    private static func exitCodeLine(_ text: String) -> ExecmgrLine? {
        let body = text.dropFirst("Program exit code ".count)
        let digits = body.prefix { $0 == "-" || $0.isASCII && $0.isNumber }
        guard let code = Int(digits) else { return nil }
        let rest = body[digits.endIndex...]
        if rest.isEmpty { return .exitCode(code) }
        guard rest.hasPrefix(" has been tried ") else { return nil }
        let tries = rest.dropFirst(" has been tried ".count).prefix { $0.isASCII && $0.isNumber }
        guard let count = Int(tries) else { return nil }
        return .willRetry(exitCode: code, tries: count)
    }

    private static func raised(_ text: String) -> ExecmgrLine? {
        let body = text.dropFirst("Raised Program ".count)
        guard let eventAt = body.range(of: " Event for Ad:"),
              let packageAt = body.range(of: ", Package:", range: eventAt.upperBound..<body.endIndex),
              let programAt = body.range(of: ", Program: ", range: packageAt.upperBound..<body.endIndex)
        else { return nil }
        return .raisedEvent(kind: String(body[..<eventAt.lowerBound]),
                            advertisement: trimmed(body[eventAt.upperBound..<packageAt.lowerBound]),
                            package: trimmed(body[packageAt.upperBound..<programAt.lowerBound]),
                            program: String(body[programAt.upperBound...]))
    }

    /// `Policy is updated for Program: N, Package: P, Advert: A`; the removal wording is not
    /// documented, so any `Policy is <words> for Program:` is read, the rest anchored from the end.
    private static func policy(_ text: String) -> ExecmgrLine? {
        let body = text.dropFirst("Policy is ".count)
        guard let forAt = body.range(of: " for Program:") else { return nil }
        let action = String(body[..<forAt.lowerBound])
        var rest = body[forAt.upperBound...]
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        var advertisement: String?, package: String?
        if let advertAt = rest.range(of: ", Advert: ", options: .backwards) {
            advertisement = trimmed(rest[advertAt.upperBound...])
            rest = rest[..<advertAt.lowerBound]
        }
        if let packageAt = rest.range(of: ", Package: ", options: .backwards) {
            package = trimmed(rest[packageAt.upperBound...])
            rest = rest[..<packageAt.lowerBound]
        }
        guard !rest.isEmpty else { return nil }
        return .policy(action: action, program: String(rest), package: package, advertisement: advertisement)
    }

    private static func script(_ text: String) -> ExecmgrLine? {
        let body = text.dropFirst("Script for Package:".count)
        guard let programAt = body.range(of: ", Program: "),
              let codeAt = body.range(of: " with exit code ", options: .backwards),
              let code = Int(body[codeAt.upperBound...]) else { return nil }
        let named = body[programAt.upperBound..<codeAt.lowerBound]
        let succeeded: Bool
        let program: Substring
        if named.hasSuffix(" succeeded") {
            succeeded = true
            program = named.dropLast(" succeeded".count)
        } else if named.hasSuffix(" failed") {
            succeeded = false
            program = named.dropLast(" failed".count)
        } else {
            return nil
        }
        return .script(package: trimmed(body[..<programAt.lowerBound]), program: String(program),
                       succeeded: succeeded, exitCode: code)
    }

    // MARK: - Helpers

    /// The state vocabulary is open: any word of letters, digits and `_` is a state name.
    static func isStateName<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Takes `keyword ID ` off the front of `rest` and returns the ID.
    private static func word(after keyword: String, in rest: inout Substring) -> String? {
        let afterKeyword = rest.dropFirst(keyword.count)
        guard let space = afterKeyword.firstIndex(of: " ") else { return nil }
        let id = afterKeyword[..<space]
        guard !id.isEmpty else { return nil }
        rest = afterKeyword[afterKeyword.index(after: space)...]
        return String(id)
    }

    /// A plain byte search: this runs on every execmgr line, where Foundation's `range(of:options:)` is costly.
    static func containsASCIICaseInsensitive(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { Bytes.containsASCIICaseInsensitive(needle, in: UnsafeRawBufferPointer($0), from: 0, to: $0.count) }
    }

    private static func startsCaseInsensitive(_ text: String, _ prefix: String) -> Bool {
        text.count >= prefix.count && text.prefix(prefix.count).caseInsensitiveCompare(prefix) == .orderedSame
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    private static func trimmedEnd(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex, let last = text[..<end].last, last == " " || last == "\n" || last == "\r" {
            end = text.index(before: end)
        }
        return String(text[..<end])
    }
}
