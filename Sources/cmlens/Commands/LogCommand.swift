import ArgumentParser
import CMLensCore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Merged, time-ordered records of every log under the given paths.",
        discussion: """
            Every folder that holds logs is one client. Times print in the log's own local time with its offset.

            With --grep (or text= in --filter), a large log (32 MiB and more) is searched for the text every \
            match must hold and only the records holding it are read, as grep would; with --level warning or \
            error, only the records whose type (or SMS words) can be of that level. A damaged record elsewhere \
            in that log is then not reported.
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

    @Option(help: ArgumentHelp("""
        Filter words, as typed in the console's filter bar: \(LogFilter.grammar) (a bare word is text=RE; \
        every word must hold; commas give alternatives, thread=12,2484; repeatable). For example \
        --filter 'thread=12 -text=retry'.
        """, valueName: "words"))
    var filter: [String] = []

    @Option(help: "text, json (one object per line) or csv.")
    var format: OutputFormat = .text

    func run() throws {
        let filter = try wanted()
        var options = Workspace.Options(parts: .logs, clients: client.isEmpty ? nil : Set(client))
        options.showing = filter
        let workspace = Workspace.load(paths, options)
        let logs = workspace.logs
        Diagnostics.report(workspace.problems)
        let out = StandardOutput.shared
        if format == .csv { out.line(CSVRow.render(LogRecordOutput.csvHeader)) }
        let style = ANSIStyle(enabled: format == .text && Diagnostics.colorOnStdout)
        let format = self.format
        filter.select(from: logs) { order in
            switch format {
            case .text: logs.writeLines(order, DecodedRecordWriter { style.render(LogRecordOutput.text($0)) }, emit: out.write)
            case .json: logs.writeLines(order, JSONRecordWriter(), emit: out.write)
            case .csv: logs.writeLines(order, CSVRecordWriter(), emit: out.write)
            }
        }
        out.flush()
        if workspace.hasErrors { throw InputHadErrors() }
    }

    /// The flags and the --filter words as one filter: the flags are words of the language too
    /// (--level L is level>=L, --grep RE is text=RE).
    private func wanted() throws -> LogFilter {
        var words = LogFilter()
        if let level {
            guard let parsed = LogLevel(name: level) else {
                throw UsageError("--level \(level): use verbose, info, warning or error")
            }
            words.minimumLevel = parsed
        }
        words.components = component
        if let since { _ = try TimeBound(parsing: since); words.since = since }
        if let until { _ = try TimeBound(parsing: until); words.until = until }
        if let grep {
            do { _ = try TextPattern(grep) } catch { throw UsageError("--grep: \(error)") }
            words.include.append(grep)
        }
        for expression in filter {
            do { words = try LogFilter.parse(expression, adding: words) } catch { throw UsageError("--filter: \(error)") }
        }
        return words
    }
}
