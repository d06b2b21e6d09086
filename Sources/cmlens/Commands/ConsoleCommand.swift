import ArgumentParser
import CMLensCore

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console on the given paths (Samples/ when none).",
        shouldDisplay: false)

    @Argument(help: "Log folders, files, site control file, inventory exports, sys.txt.")
    var paths: [String] = []

    func run() throws {
        let inputs = WorkspaceScanner.scan(paths.isEmpty ? [WorkspaceScanner.samplesFolder] : paths)
        let logs = LoadedLogs.load(inputs)
        Diagnostics.report(logs.problems)
        let summary = WorkspaceSummary(inputs: inputs, logs: logs)
        for line in summary.lines { StandardOutput.shared.line(TerminalText.escape(line)) }
        StandardOutput.shared.flush()
    }
}
