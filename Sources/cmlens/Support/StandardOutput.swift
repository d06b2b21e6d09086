import ArgumentParser
import CMLensCore
import Foundation

/// Buffered standard output: `print` takes a lock per call, which dominates when a command writes
/// millions of records.
///
/// Blocks of records are written by a thread of their own while the next block is merged and
/// formatted on both cores (`cmlens log --format json` spent a third of its time writing). At most
/// a few blocks wait, so memory stays bounded when the reader is slow; `flush` waits for all of
/// them, so what follows (problems on stderr, the exit) comes after the output, in order.
final class StandardOutput: @unchecked Sendable {
    // Called from the main thread only; the writer thread touches nothing but the bytes it is given.
    static let shared = StandardOutput()
    private var buffer: [UInt8] = []
    private let writer = DispatchQueue(label: "cmlens.standard-output")
    private let waiting = DispatchSemaphore(value: 4)

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { hand(take()) }
    }

    /// Lines already ended, written as they are, in order after everything before them.
    func write(_ bytes: [UInt8]) {
        if !buffer.isEmpty { hand(take()) }
        hand(bytes)
    }

    /// Writes everything handed over so far and waits until it is written.
    func flush() {
        if !buffer.isEmpty { hand(take()) }
        writer.sync {}
    }

    private func take() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    private func hand(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        waiting.wait()
        writer.async { [waiting] in
            Self.writeAll(bytes)
            waiting.signal()
        }
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
