import ArgumentParser
import CMLensCore

struct RetryCodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry-codes",
        abstract: "The retry-code table with meanings.")

    @Argument(parsing: .captureForPassthrough)
    var arguments: [String] = []

    func run() throws {
        throw UsageError("'retry-codes' is not built yet")
    }
}
