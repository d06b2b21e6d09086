import ArgumentParser
import CMLensCore
import Foundation

/// Buffered standard output: `print` takes a lock per call, which dominates when a command writes
/// millions of records.
final class StandardOutput: @unchecked Sendable {
    // Used from the main thread only.
    static let shared = StandardOutput()
    private var buffer: [UInt8] = []

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Lines already ended, written as they are.
    func write(_ bytes: [UInt8]) {
        flush()
        Self.writeAll(bytes)
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        Self.writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    break
                }
                offset += written
            }
        }
    }
}

/// Thrown once a command has printed its results and its problems, to exit with status 1.
struct InputHadErrors: Error {
    var status: Int32 = 1
}

enum Diagnostics {
    /// Prints problems to standard error, `file:line: message`, escaped for the terminal.
    static func report(_ problems: [LoadProblem]) {
        guard !problems.isEmpty else { return }
        StandardOutput.shared.flush()
        var text = ""
        for problem in problems {
            let prefix = problem.severity == .error ? "error" : "warning"
            text += "cmlens: \(prefix): \(TerminalText.escape(problem.description))\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether colour may be used on standard output.
    static var colorOnStdout: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}


extension OutputFormat: ExpressibleByArgument {}
