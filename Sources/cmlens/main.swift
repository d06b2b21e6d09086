import ArgumentParser
import CMLensCore
import Foundation

/// Exit statuses are part of the command-line contract: 0 success, 1 when the input had errors
/// that were reported, 2 on usage errors (ArgumentParser's own default would be 64).
do {
    var command = try CMLens.parseAsRoot()
    try command.run()
} catch let exit as InputHadErrors {
    StandardOutput.shared.flush()
    Foundation.exit(exit.status)
} catch let usage as UsageError {
    StandardOutput.shared.flush()
    // Usage errors quote the arguments, which may hold control characters (a pasted log line).
    FileHandle.standardError.write(Data("cmlens: \(TerminalText.escape(usage.description, keepNewlines: true))\n".utf8))
    Foundation.exit(2)
} catch {
    StandardOutput.shared.flush()
    let code = CMLens.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((TerminalText.escape(CMLens.fullMessage(for: error), keepNewlines: true) + "\n").utf8))
        Foundation.exit(2)
    }
    CMLens.exit(withError: error)
}
StandardOutput.shared.flush()
