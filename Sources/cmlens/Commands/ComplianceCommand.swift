import ArgumentParser
import CMLensCore

struct ComplianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Hotfix compliance per KB and per client; collection queries.")

    @Argument(parsing: .captureForPassthrough)
    var arguments: [String] = []

    func run() throws {
        throw UsageError("'compliance' is not built yet")
    }
}
