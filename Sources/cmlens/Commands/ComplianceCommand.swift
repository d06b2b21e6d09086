import ArgumentParser
import CMLensCore
import Foundation

struct ComplianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Hotfix compliance per KB and per client; collection queries.",
        discussion: """
            Reads inventory exports (CSV of v_GS_SMS_ADVANCED_CLIENT_STATE and v_R_System) under the paths and \
            judges each client against each KB of the catalogue: installed, missing or unknown. The built-in \
            catalogue is KB977384, KB978754 and KB2444668; a catalogue CSV found among the paths, or given with \
            --catalog, adds or overrides KBs.
            """)

    @Argument(help: "Inventory CSV files or folders (searched recursively).")
    var paths: [String]

    @Option(help: "A hotfix catalogue file (CSV or JSON) that adds or overrides KBs (repeatable).")
    var catalog: [String] = []

    @Option(help: "Only this KB (977384 or KB977384; repeatable).")
    var kb: [String] = []

    @Option(name: .customLong("collection-query"),
            help: "Print a query selecting the clients missing --kb: wql (collection rule) or sql (site database views).")
    var collectionQuery: QueryLanguage?

    @Option(help: "text, json (one object per line) or csv.")
    var format: OutputFormat = .text

    func run() throws {
        let workspace = Workspace.load(paths, .init(parts: .inventory, catalogFiles: catalog))
        let (inventory, hotfixes) = (workspace.inventory, workspace.catalog)
        var problems = workspace.problems
        for wanted in kb where hotfixes[wanted] == nil {
            throw UsageError("KB \(wanted) is not in the hotfix catalogue (it has \(hotfixes.hotfixes.map { "KB" + $0.kb }.joined(separator: ", "))); add it with --catalog FILE")
        }
        if inventory.components.isEmpty && inventory.systems.isEmpty {
            problems.append(LoadProblem(file: paths.joined(separator: " "), severity: .warning,
                                        message: "no inventory export found (a CSV with ResourceID, Name0, Version0 columns — v_GS_SMS_ADVANCED_CLIENT_STATE)"))
        }
        Diagnostics.report(problems)
        let out = StandardOutput.shared
        if let language = collectionQuery {
            guard kb.count == 1, let hotfix = hotfixes[kb[0]] else {
                throw UsageError("--collection-query needs exactly one --kb (e.g. --collection-query wql --kb 977384)")
            }
            let query = language == .wql ? CollectionQuery.wql(for: hotfix, inventory: inventory) : CollectionQuery.sql(for: hotfix)
            switch format {
            case .json:
                out.line(ComplianceOutput.json(query))
            case .text, .csv:
                out.line(query.text)
                out.flush()
                let notes = query.notes.map { "cmlens: note: \(TerminalText.escape($0))\n" }.joined()
                FileHandle.standardError.write(Data(notes.utf8))
            }
        } else {
            let report = kb.isEmpty ? workspace.compliance() : ComplianceEvaluator.evaluate(inventory, catalog: hotfixes, kbs: Set(kb))
            let style = ANSIStyle(enabled: format == .text && Diagnostics.colorOnStdout)
            switch format {
            case .text:
                for (k, summary) in report.kbs.enumerated() {
                    if k > 0 { out.line("") }
                    for line in ComplianceOutput.text(summary) { out.line(style.render(line)) }
                }
            case .json:
                for verdict in report.verdicts { out.line(ComplianceOutput.json(verdict)) }
            case .csv:
                out.line(CSVRow.render(ComplianceOutput.csvHeader))
                for verdict in report.verdicts { out.line(ComplianceOutput.csv(verdict)) }
            }
        }
        out.flush()
        if problems.contains(where: { $0.severity == .error }) { throw InputHadErrors() }
    }
}

extension QueryLanguage: ExpressibleByArgument {}
