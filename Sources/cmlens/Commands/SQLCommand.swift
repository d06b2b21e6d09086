import ArgumentParser
import CMLensCore

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "SQL over the loaded inventory and logs.",
        discussion: """
            Read-only SQLite over the workspace: v_GS_SMS_ADVANCED_CLIENT_STATE (also \
            v_GS_SMS_ADVANCED_CLIENT_STAT), v_R_System and Logs, with or without the dbo. schema. A query \
            that would change the database is refused.
            """)

    @Argument(help: "Inventory CSV files, log files or folders (searched recursively).")
    var paths: [String]

    @Option(help: "One SQL statement (SELECT …).")
    var query: String

    @Option(help: "text (aligned table), json (one object per row) or csv.")
    var format: OutputFormat = .text

    func run() throws {
        let workspace = Workspace.load(paths, .init(parts: .inventory))
        var problems = workspace.problems
        Diagnostics.report(problems)
        let database: WorkspaceDatabase
        do {
            // The logs are read only when the query names them.
            database = try WorkspaceDatabase(inventory: workspace.inventory) {
                let withLogs = workspace.loading(.logs)
                let logProblems = withLogs.logs.problems.filter { !workspace.inputs.problems.contains($0) }
                Diagnostics.report(logProblems)
                problems += logProblems
                return withLogs.logs
            }
        } catch {
            throw UsageError(error.description)
        }
        Diagnostics.report(database.problems)
        problems += database.problems
        let out = StandardOutput.shared
        var keys: [String] = []
        var columns: [String] = []
        var rows: [[SQLValue]] = []
        do {
            try database.query(query, columns: { names in
                columns = names
                keys = SQLResultOutput.jsonKeys(names)
                if format == .csv { out.line(CSVRow.render(names)) }
            }, row: { row in
                switch format {
                case .text: rows.append(row)
                case .json: out.line(SQLResultOutput.json(row, keys: keys))
                case .csv: out.line(SQLResultOutput.csv(row))
                }
            })
        } catch {
            out.flush()
            throw UsageError(error.description)
        }
        if format == .text {
            for line in SQLResultOutput.text(columns: columns, rows: rows) { out.line(line) }
        }
        out.flush()
        if problems.contains(where: { $0.severity == .error }) { throw InputHadErrors() }
    }
}
