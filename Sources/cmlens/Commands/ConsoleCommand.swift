import ArgumentParser
import CMLensCore
import CMLensTUI
import Foundation

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console on the given paths (Samples/ when none).",
        discussion: "When standard input or output is not a terminal (a pipe, a file), prints a summary of the workspace instead.",
        shouldDisplay: false)

    @Argument(help: "Log folders, files, archives (.zip, .cab, .tar.*, .7z), site control file, inventory exports, sys.txt.")
    var paths: [String] = []

    @Option(help: "Colour theme: dark (default), light, monochrome, or NAME for Themes/NAME.theme.")
    var theme: String?

    func run() throws {
        let workspace = paths.isEmpty ? [BundledFiles.samples] : paths
        guard isatty(0) == 1, isatty(1) == 1 else { return try summarize(workspace) }
        let status: Int32
        do {
            status = try ConsoleLauncher.run(paths: workspace, theme: theme)
        } catch let failure as ThemeParser.Failure {
            throw UsageError("--theme: \(failure)")
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The headless summary: a pipe or a file gets text, never screen-control sequences.
    private func summarize(_ workspace: [String]) throws {
        let loaded = Workspace.load(workspace, .init(parts: .logs))
        let logs = loaded.logs
        Diagnostics.report(loaded.problems)
        let summary = WorkspaceSummary(inputs: loaded.inputs, logs: logs)
        for line in summary.lines { StandardOutput.shared.line(TerminalText.escape(line)) }
        StandardOutput.shared.flush()
        // The same contract as the other commands: reported input errors exit 1.
        if logs.hasErrors { throw InputHadErrors() }
    }
}
