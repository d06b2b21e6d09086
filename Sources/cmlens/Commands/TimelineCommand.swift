import ArgumentParser
import CMLensCore

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Programs' execution state changes, retries and predictions.")

    @Argument(parsing: .captureForPassthrough)
    var arguments: [String] = []

    func run() throws {
        throw UsageError("'timeline' is not built yet")
    }
}
