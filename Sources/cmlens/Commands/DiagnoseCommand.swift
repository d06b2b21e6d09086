import ArgumentParser
import CMLensCore

struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Known problems found, each with its evidence lines.")

    @Argument(parsing: .captureForPassthrough)
    var arguments: [String] = []

    func run() throws {
        throw UsageError("'diagnose' is not built yet")
    }
}
