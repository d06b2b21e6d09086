import ArgumentParser
import CMLensCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "What an error code means, and whether ConfigMgr retries it.")

    @Argument(parsing: .captureForPassthrough)
    var arguments: [String] = []

    func run() throws {
        throw UsageError("'explain' is not built yet")
    }
}
