import ArgumentParser
import CMLensCore

struct StaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stale",
        abstract: "Name, IP, Reverse, Status for each machine (DNS forward/reverse check).")

    @Argument(parsing: .captureForPassthrough)
    var arguments: [String] = []

    func run() throws {
        throw UsageError("'stale' is not built yet")
    }
}
