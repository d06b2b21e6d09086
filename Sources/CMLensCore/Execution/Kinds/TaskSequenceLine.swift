import Foundation

/// The smsts.log lines the task sequence engine (TSManager) writes about its instructions, read.
///
/// Shapes from the real logs in `../shared/corpus/real` (smsts.brackdk04-1.log, smsts.maxmoonACR-1.log)
/// and from Microsoft's smsts.log excerpts: `Start executing an instruction. Instruction name: X.
/// Instruction pointer: N`, `Successfully completed the action (X) with the exit win32 code 0`,
/// `The group (X) has been skipped because the condition is evaluated to be false`, `Failed to run
/// the action: X.` with `(Error: 80004005; Source: Windows)` on its next line, `The execution of the
/// group (X) has failed and the execution has been aborted`, `Task Sequence Engine failed! Code: enExecutionFail`.
enum TaskSequenceLine: Equatable {
    case engineStarted
    case instruction(name: String, pointer: Int)
    case groupStarted(String)
    case groupCompleted(String)
    case skipped(String, reason: String)
    case commandLine(String)
    case processExit(Int)
    case actionSucceeded(String, code: Int)
    case actionFailed(String, error: Int?, text: String)
    case continuedOnError(String?)
    case groupAborted(String, error: Int?)
    case lastActionFailed(String, error: Int?)
    case rebootRequested(String)
    case engineFailed(String)
    case engineSucceeded
    case engineResult(error: Int)
    case packageName(String)

    static func parse(_ message: String) -> TaskSequenceLine? {
        let first = message.prefix { $0 != "\n" && $0 != "\r" }
        switch first.first {
        case "S":
            if first.hasPrefix("Start executing an instruction. Instruction name: ") {
                let rest = first.dropFirst("Start executing an instruction. Instruction name: ".count)
                guard let mark = rest.range(of: ". Instruction pointer: ", options: .backwards) else { return nil }
                let pointer = Int(rest[mark.upperBound...].trimmingCharacters(in: .whitespaces)) ?? -1
                return .instruction(name: String(rest[..<mark.lowerBound]), pointer: pointer)
            }
            if first.hasPrefix("Successfully completed the action ("),
               let name = name(in: first, after: "action (", before: ") with the exit win32 code ") {
                let code = first.split(separator: " ").last.flatMap { ExecutionCode.parse($0) } ?? 0
                return .actionSucceeded(String(name), code: code)
            }
            if first.hasPrefix("Start executing the command line: ") {
                return .commandLine(String(first.dropFirst("Start executing the command line: ".count)))
            }
            if first.hasPrefix("SMSTSRebootRequested="), first.count > "SMSTSRebootRequested=".count {
                return .rebootRequested(String(first.dropFirst("SMSTSRebootRequested=".count)))
            }
            if first.hasPrefix("Set a global environment variable _SMSTSPackageName=") {
                let value = first.dropFirst("Set a global environment variable _SMSTSPackageName=".count)
                return value.isEmpty ? nil : .packageName(String(value))
            }
        case "T":
            if first.hasPrefix("The task execution engine started execution") { return .engineStarted }
            if first.hasPrefix("The group ("), let name = name(in: first, after: "group (", before: ") has been successfully started") {
                return .groupStarted(String(name))
            }
            if first.hasPrefix("The group ("), let name = name(in: first, after: "group (", before: ") has been successfully completed") {
                return .groupCompleted(String(name))
            }
            if first.hasPrefix("The group (") || first.hasPrefix("The action ("),
               let mark = first.range(of: ") has been skipped because ") {
                let open = first.hasPrefix("The group (") ? "The group (".count : "The action (".count
                let name = first[first.index(first.startIndex, offsetBy: open)..<mark.lowerBound]
                return .skipped(String(name), reason: String(first[mark.upperBound...]))
            }
            if first.hasPrefix("The execution of the group ("),
               let name = name(in: first, after: "group (", before: ") has failed and the execution has been aborted") {
                return .groupAborted(String(name), error: errorCode(message))
            }
            if first.hasPrefix("Task Sequence Engine failed! Code: ") {
                return .engineFailed(String(first.dropFirst("Task Sequence Engine failed! Code: ".count)))
            }
            if first.hasPrefix("Task sequence execution failed with error code ") {
                let code = ExecutionCode.parseHex(first.dropFirst("Task sequence execution failed with error code ".count))
                return .engineResult(error: code ?? 0x80004005)
            }
            if first.hasPrefix("Task sequence completed 0x") {
                // All eight digits, or a line cut short (`0x0000`) would read as success.
                let digits = first.dropFirst("Task sequence completed 0x".count).prefix { $0.isHexDigit }
                guard digits.count == 8, let code = ExecutionCode.parseHex(digits) else { return nil }
                return code == 0 ? .engineSucceeded : .engineResult(error: code)
            }
            if first.hasPrefix("The action ("), first.contains("initiated a reboot request"),
               let name = name(in: first, after: "action (", before: ") initiated a reboot request") {
                return .rebootRequested(String(name))
            }
        case "P":
            if first.hasPrefix("Process completed with exit code "),
               let code = ExecutionCode.parse(first.dropFirst("Process completed with exit code ".count)) {
                return .processExit(code)
            }
        case "F":
            if first.hasPrefix("Failed to run the action: ") {
                var name = first.dropFirst("Failed to run the action: ".count)
                if name.hasSuffix(".") { name = name.dropLast() }
                let rest = message.dropFirst(first.count).trimmingCharacters(in: .whitespacesAndNewlines)
                return .actionFailed(String(name), error: errorCode(message), text: rest)
            }
            if first.hasPrefix("Failed to run the last action: ") {
                let rest = first.dropFirst("Failed to run the last action: ".count)
                let name = rest.range(of: ". Execution of task sequence failed").map { rest[..<$0.lowerBound] } ?? rest
                return .lastActionFailed(String(name), error: errorCode(message))
            }
        case "E":
            if first.hasPrefix("Execution engine result code: ") {
                let rest = first.dropFirst("Execution engine result code: ".count)
                if rest.hasPrefix("Success") { return .engineSucceeded }
                let code = between(rest, "(", ")").flatMap { ExecutionCode.parse($0) }
                return .engineResult(error: code ?? 0x80004005)
            }
        default:
            break
        }
        // The engine's words for a failure it steps over differ between versions; each says
        // "continue on error".
        if first.range(of: "continue on error", options: .caseInsensitive) != nil
            || first.range(of: "ContinueOnError", options: .caseInsensitive) != nil {
            let name = between(first, "(", ")").map(String.init)
            return .continuedOnError(name)
        }
        return nil
    }

    /// The HRESULT of `(Error: 80004005; Source: Windows)`, on the line or the lines after it.
    static func errorCode(_ message: String) -> Int? {
        guard let found = between(Substring(message), "(Error: ", ";") ?? between(Substring(message), "(Error: ", ")")
        else { return nil }
        return ExecutionCode.parseHex(found)
    }
}
