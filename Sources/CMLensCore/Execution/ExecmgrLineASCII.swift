/// The readings of `ExecmgrLine` over an ASCII message's bytes. They mirror the Character readings
/// in ExecmgrLine.swift (which still read any message with other text in it); a test holds the two
/// to the same answers on the real logs and on variations of every line kind.
extension ExecmgrLine {
    static func parseASCII(_ message: UnsafeBufferPointer<UInt8>) -> ExecmgrLine? {
        var end = message.count
        while end > 0, message[end - 1] == 0x20 || message[end - 1] == 0x0A || message[end - 1] == 0x0D { end -= 1 }
        guard end > 0 else { return nil }
        let text = ExecmgrASCIIText(bytes: UnsafeBufferPointer(rebasing: message[0..<end]))
        switch text[0] {
        case UInt8(ascii: "E"):
            if text.has("Execution Request for ", at: 0) { return stateChangeASCII(text, end: end) }
            if text.has("Execution is complete for program ", at: 0) { return completeASCII(text, end: end) }
        case UInt8(ascii: "R"):
            if text.has("Raised Program ", at: 0) { return parseCharacters(text.string(0..<end)) }
            if text.has("Raising event:", at: 0) { return WMIEvent.parseASCII(text).map(ExecmgrLine.wmiEvent) }
        case UInt8(ascii: "P"), UInt8(ascii: "p"):
            if text.hasIgnoringCase("Program exit code ", at: 0) { return exitCodeASCII(text, end: end) }
            if text.has("Policy is ", at: 0) { return parseCharacters(text.string(0..<end)) }
        case UInt8(ascii: "S"):
            if text.has("Script for Package:", at: 0) { return parseCharacters(text.string(0..<end)) }
        default:
            break
        }
        if text.containsIgnoringCase("fatal execution error"),
           text.containsIgnoringCase("non fatal") || text.containsIgnoringCase("non-fatal") {
            return .nonFatalError
        }
        return nil
    }

    private static func stateChangeASCII(_ text: ExecmgrASCIIText, end: Int) -> ExecmgrLine {
        var unreadable: ExecmgrLine { .unreadableStateChange(text.string(0..<end)) }
        let marker = " state change from "
        guard let at = text.last(" state change from ", in: 0..<end) else { return unreadable }
        // Exactly `FROM to TO` after the marker, words split on (runs of) spaces.
        var words: [Range<Int>] = []
        var i = at + marker.utf8.count
        while i < end {
            if text[i] == 0x20 { i += 1; continue }
            let wordEnd = text.end(from: i, before: end) { $0 != 0x20 }
            words.append(i..<wordEnd)
            i = wordEnd
            if words.count > 3 { return unreadable }
        }
        guard words.count == 3, text.string(words[1]) == "to", text.isStateName(words[0]), text.isStateName(words[2])
        else { return unreadable }
        var rest = "Execution Request for ".utf8.count..<at
        var advertisement: String?, package: String?
        if text.has("advert ", at: rest.lowerBound, before: at), let id = word(after: 7, in: &rest, text) { advertisement = id }
        if text.has("package ", at: rest.lowerBound, before: at), let id = word(after: 8, in: &rest, text) { package = id }
        guard text.has("program ", at: rest.lowerBound, before: at), rest.count > 8 else { return unreadable }
        return .stateChange(advertisement: advertisement, package: package,
                            program: text.string(rest.lowerBound + 8..<rest.upperBound),
                            from: text.string(words[0]), to: text.string(words[2]))
    }

    /// Takes `keyword ID ` off the front of `rest` and returns the ID.
    private static func word(after keyword: Int, in rest: inout Range<Int>, _ text: ExecmgrASCIIText) -> String? {
        let start = rest.lowerBound + keyword
        guard start <= rest.upperBound else { return nil }
        let space = text.end(from: start, before: rest.upperBound) { $0 != 0x20 }
        guard space < rest.upperBound, space > start else { return nil }
        rest = space + 1..<rest.upperBound
        return text.string(start..<space)
    }

    private static func completeASCII(_ text: ExecmgrASCIIText, end: Int) -> ExecmgrLine? {
        let body = "Execution is complete for program ".utf8.count..<end
        guard let codeAt = text.last(". The exit code is ", in: body) else { return nil }
        let codeStart = codeAt + ". The exit code is ".utf8.count
        guard let statusAt = text.first(", the execution status is ", in: codeStart..<end),
              let code = text.integer(codeStart..<statusAt) else { return nil }
        let status = statusAt + ", the execution status is ".utf8.count..<end
        guard text.isStateName(status) else { return nil }
        return .executionComplete(program: text.string(body.lowerBound..<codeAt), exitCode: code,
                                  status: text.string(status))
    }

    /// `Program exit code 3010`, or `Program Exit Code 4 has been tried 1 times, will retry later`.
    private static func exitCodeASCII(_ text: ExecmgrASCIIText, end: Int) -> ExecmgrLine? {
        let start = "Program exit code ".utf8.count
        let digitsEnd = text.end(from: start, before: end) { $0 == UInt8(ascii: "-") || ExecmgrASCIIText.isDigit($0) }
        guard let code = text.integer(start..<digitsEnd) else { return nil }
        if digitsEnd == end { return .exitCode(code) }
        guard text.has(" has been tried ", at: digitsEnd) else { return nil }
        let triesStart = digitsEnd + " has been tried ".utf8.count
        let triesEnd = text.end(from: triesStart, before: end, while: ExecmgrASCIIText.isDigit)
        guard let tries = text.integer(triesStart..<triesEnd) else { return nil }
        return .willRetry(exitCode: code, tries: tries)
    }
}
