import CMLensCore
import Foundation

/// The seed's stale-record check over the workspace's `sys.txt`: Enter looks every name up in DNS
/// (forward, then reverse) in the background, with progress; the table shows the four statuses
/// (and lookups that failed); `:export FILE` writes it as CSV.
struct StaleSystemsPane: Pane {
    static let descriptor = PaneDescriptor(id: "stale-systems", title: "Stale systems")
    static let commands: [Command] = [.open, .export(nil), .up, .down, .pageUp, .pageDown, .top, .bottom]

    /// The names to check, read from the workspace's system lists when it loads.
    var list = SystemList()
    var rows: [StaleSystemRow] = []
    var cursor = ListCursor()
    /// Set once a check has finished (rows may be empty for an empty list).
    var checked = false
    var failure: String?
    /// Where lookups go; tests put a resolver with known answers here.
    var resolver: any DNSResolving = SystemResolver()
    var concurrency = 32

    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace else { return .handled }
        let previous = list.names
        list = workspace.machineList
        // A follow-mode reload with the same names keeps the results: the check is not free.
        if checked && list.names == previous { return .handled }
        rows = []
        checked = false
        failure = nil
        cursor = ListCursor()
        return .handled
    }

    /// What the background check hands back.
    struct Outcome: Sendable {
        var rows: [StaleSystemRow]
        var failure: String?
    }

    /// The check's answer: its rows, or why it could not start.
    mutating func finished(_ outcome: Outcome) {
        rows = outcome.rows
        failure = outcome.failure
        checked = outcome.failure == nil
        cursor = ListCursor()
    }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        if checked, cursor.apply(command, count: rows.count, visible: Self.layout(Rect(context.paneSize)).page) { return .handled }
        switch command {
        case .open:
            guard context.workspace != nil else { return .say("still loading the workspace") }
            guard !context.isRunning(Self.id) else { return .say("the check is running") }
            guard !list.names.isEmpty else {
                return .say(list.entries.isEmpty && context.workspace!.inputs.systemLists.isEmpty
                            ? "no sys.txt in the workspace: add a list of machine names (one per line)"
                            : "the system list has no names")
            }
            failure = nil
            let names = list.names, resolver = self.resolver, concurrency = self.concurrency
            // The names were read when the workspace loaded: a reload does not make the answers stale.
            return .run(Job("checking DNS", for: Self.self, followsWorkspace: false) { progress in
                let cancellation = StaleCheckCancellation()
                do {
                    let rows = try StaleSystemCheck.run(names: names, resolver: resolver, concurrency: concurrency,
                                                        cancellation: cancellation) { step in
                        progress.report(step.completed, of: step.total)
                        if progress.isCancelled { cancellation.cancel() }
                    }
                    return Outcome(rows: rows, failure: nil)
                } catch {
                    return Outcome(rows: [], failure: "\(error)")
                }
            } then: { pane, outcome, _ in
                pane.finished(outcome)
                return .handled
            })
        case .export(nil):
            return Reaction(handled: true, prompt: ":export ")
        case .export(let path?):
            return export(to: path, context: context)
        default:
            return .ignored
        }
    }

    /// Writes the table as `cmlens stale --format csv` does; never over one of the workspace's inputs.
    func export(to path: String, context: ConsoleContext) -> Reaction {
        guard checked else { return .say("nothing to export yet: Enter runs the check") }
        let target = URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL.path
        if let workspace = context.workspace {
            let inputs = workspace.inputs.systemLists + workspace.logs.files.map(\.path) + workspace.inputs.siteControlFiles
                + workspace.inputs.tableFiles
            if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
                return .say("\(ShortPlace.tail(path, components: 2)) is one of the workspace's inputs: export to another file")
            }
        }
        let text = ([CSVRow.render(StaleSystemOutput.csvHeader)] + rows.map(StaleSystemOutput.csv)).joined(separator: "\n") + "\n"
        do {
            try text.write(toFile: target, atomically: true, encoding: .utf8)
        } catch {
            return .say("could not write \(path): \(error.localizedDescription)")
        }
        return .say("wrote \(rows.count) row\(rows.count == 1 ? "" : "s") to \(path)")
    }

    func status(context: ConsoleContext) -> [String] {
        var items = ["\(list.names.count) name\(list.names.count == 1 ? "" : "s")"]
        if checked {
            items.append("\(rows.isEmpty ? 0 : cursor.selected + 1)/\(rows.count)")
            let stale = rows.filter { $0.status.suggestsStale }.count
            items.append("\(stale) suggest stale")
        }
        return items
    }

    /// The summary line's words for each status (the table keeps the seed's own).
    static func shortName(_ status: StaleStatus) -> String {
        switch status {
        case .ok: "OK"
        case .registeredToAnotherSystem: "another system"
        case .couldNotResolve: "not resolved"
        case .notInReverseZone: "no reverse"
        case .timedOut: "timed out"
        case .serverFailure: "server failure"
        }
    }

    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard let workspace = context.workspace else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        let room = (area.columns - 20) / max(1, workspace.inputs.systemLists.count)
        let source = workspace.inputs.systemLists.map { ShortPlace.path(TerminalText.escape($0), room: room) }
            .joined(separator: ", ")
        grid.write(source.isEmpty ? "No sys.txt in the workspace." : "\(list.names.count) names from \(source)",
                   at: area.origin, role: .title, clip: area)
        var line = area.line + 1
        func note(_ text: String, _ role: Role) {
            grid.write(text, at: Position(column: area.column, line: line), role: role, clip: area)
            line += 1
        }
        if let failure { note("The check could not start: " + TerminalText.escape(failure), .error) }
        guard checked else {
            if context.isRunning(Self.id) {
                note("Looking every name up in DNS (A and AAAA, then PTR for each address)…", .dim)
            } else if !list.names.isEmpty {
                note("Enter looks every name up in DNS: forward (A, AAAA), then reverse (PTR) for each address,", .text)
                note("and says whether the record looks stale. Nothing is sent until you press Enter.", .text)
            }
            for problem in list.problems.prefix(max(0, area.bottom - line - 1)) {
                note(TerminalText.escape("\(ShortPlace.of(file: problem.file, line: problem.line ?? 0)): \(problem.message)"), .warning)
            }
            return
        }
        let counts = StaleStatus.allCases.compactMap { status -> String? in
            let n = rows.filter { $0.status == status }.count
            return n == 0 ? nil : "\(Self.shortName(status)) \(n)"
        }
        note(counts.joined(separator: " · "), .dim)
        ListView.render(SystemRows(rows: rows, width: area.columns), cursor: cursor, layout: Self.layout(area), into: &grid)
    }

    /// The checked table: the title and the counts above, the selected name's detail below.
    static func layout(_ area: Rect) -> ListLayout { ListLayout(area, above: 2, detail: 1) }
}
