import ArgumentParser
import CMLensCore

struct RetryCodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry-codes",
        abstract: "The retry-code table with meanings.",
        discussion: "The codes a program may exit with for ConfigMgr to run it again, what each means, why it is retried, and the policy around them.")

    @Option(name: .customLong("site-control"), help: "Site control file whose retry policy to show (default: ConfigMgr's defaults).")
    var siteControl: String?

    @Option(help: "text, json (one object per code) or csv.")
    var format: OutputFormat = .text

    func run() throws {
        let workspace = Workspace.load([], .init(parts: .sitePolicy, siteControl: siteControl))
        let (policy, problems) = (workspace.policy, workspace.problems)
        Diagnostics.report(problems)
        let table = RetryCodeTable(policy: policy)
        let out = StandardOutput.shared
        switch format {
        case .text:
            let style = ANSIStyle.standardOutput
            for line in table.text() { out.line(style.render(line)) }
        case .json:
            for row in table.rows { out.line(table.json(row)) }
        case .csv:
            out.line(CSVRow.render(RetryCodeTable.csvHeader))
            for row in table.rows { out.line(table.csv(row)) }
        }
        out.flush()
        if problems.contains(where: { $0.severity == .error }) { throw InputHadErrors() }
    }
}
