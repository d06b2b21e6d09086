import ArgumentParser
import CMLensCore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Merged, time-ordered records of every log under the given paths.",
        discussion: """
            Every folder that holds logs is one client. Times print in the log's own local time with its offset.

            With --grep, a large log (32 MiB and more) is searched for the text every match must hold and only \
            the records holding it are read, as grep would: a damaged record elsewhere in that log is then not \
            reported.
            """)

    @Argument(help: "Log files, folders (searched recursively) or archives (.zip, .cab, .tar.*, .7z).")
    var paths: [String]

    @Option(help: "Show this level and worse: verbose, info, warning, error.")
    var level: String?

    @Option(help: "Only this component (repeatable, case-insensitive).")
    var component: [String] = []

    @Option(help: "Only this client (folder name; repeatable).")
    var client: [String] = []

    @Option(help: "From this time: 2011-01-14T10:15 on each log's clock, or with an offset (Z, -05:00) as an instant; 10:15 on the last record's day; -2h, -30m, -1d counted back from the last record (write --since=-2h).")
    var since: String?

    @Option(help: "Up to this time (same forms as --since).")
    var until: String?

    @Option(help: "Only records whose message matches this regular expression (PCRE syntax, case-insensitive; (?-i) for case).")
    var grep: String?

    @Option(help: "text, json (one object per line) or csv.")
    var format: OutputFormat = .text

    func run() throws {
        var minimum: LogLevel?
        if let level {
            guard let parsed = LogLevel(name: level) else {
                throw UsageError("--level \(level): use verbose, info, warning or error")
            }
            minimum = parsed
        }
        let filter = RecordFilter(minimumLevel: minimum, components: Set(component),
                                  since: try since.map(TimeBound.init(parsing:)),
                                  until: try until.map(TimeBound.init(parsing:)), grep: grep)
        let inputs = WorkspaceScanner.scan(paths)
        let logs = LoadedLogs.load(inputs, clients: client.isEmpty ? nil : Set(client), showing: filter)
        Diagnostics.report(logs.problems)
        let out = StandardOutput.shared
        if format == .csv { out.line(CSVRow.render(LogRecordOutput.csvHeader)) }
        let style = ANSIStyle(enabled: format == .text && Diagnostics.colorOnStdout)
        let format = self.format
        do {
            try filter.select(from: logs) { order in
                switch format {
                case .text: logs.writeLines(order, DecodedRecordWriter { style.render(LogRecordOutput.text($0)) }, emit: out.write)
                case .json: logs.writeLines(order, JSONRecordWriter(), emit: out.write)
                case .csv: logs.writeLines(order, CSVRecordWriter(), emit: out.write)
                }
            }
        } catch { throw UsageError("--grep: \(error)") }
        out.flush()
        if logs.hasErrors { throw InputHadErrors() }
    }
}
