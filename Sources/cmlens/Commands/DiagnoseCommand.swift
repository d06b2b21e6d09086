import ArgumentParser
import CMLensCore

struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Known problems found, each with its evidence lines.",
        discussion: """
            Runs the built-in diagnostic rules, the *.rules.json files found in the workspace and any \
            --rules file over the logs. A broken rules file is reported with its line; the other rules still run.
            """)

    @Argument(help: "Log files, folders (searched recursively) or archives (.zip, .cab, .tar.*, .7z).")
    var paths: [String]

    @Option(help: "Only this client (folder name; repeatable).")
    var client: [String] = []

    @Option(help: "A rules file in the format of README.md (repeatable).")
    var rules: [String] = []

    @Option(help: "The site control file whose retry policy the retry rules quote (default: the workspace's).")
    var siteControl: String?

    @Option(help: "text or json (one object per finding).")
    var format: OutputFormat = .text

    func run() throws {
        if format == .csv { throw UsageError("--format csv: diagnose prints text or json") }
        // Only the logs the rules read are loaded (and their problems reported).
        let workspace = Workspace.load(paths, .init(parts: [.logs, .sitePolicy, .inventory, .rules], logs: .readByRules,
                                                    clients: client.isEmpty ? nil : Set(client),
                                                    siteControl: siteControl, ruleFiles: rules))
        let output = workspace.diagnosis()
        let problems = workspace.problems
        Diagnostics.report(problems)
        let out = StandardOutput.shared
        switch format {
        case .json:
            for finding in output.findings { out.line(FindingOutput.json(finding)) }
        default:
            let style = ANSIStyle.standardOutput
            if output.findings.isEmpty {
                out.line("No known problem found (\(output.rules.count) rules over \(output.logFileCount) log files).")
            } else {
                for line in FindingOutput.text(output.findings) { out.line(style.render(line)) }
            }
            for skipped in output.skipped {
                out.line("note: rule \(skipped.rule) not evaluated: \(skipped.reason)")
            }
        }
        out.flush()
        if problems.contains(where: { $0.severity == .error }) { throw InputHadErrors() }
    }
}
