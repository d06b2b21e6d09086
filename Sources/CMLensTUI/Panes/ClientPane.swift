import CMLensCore

/// One client on one screen, answering "what is wrong with it": the failing programs, missing
/// hotfixes and findings first, what the workspace does not know about it, then its hotfix
/// verdicts, programs, findings, logs and components. Enter on a row opens the pane that shows it
/// in full (a program's steps, a finding's evidence, a KB's clients, one log); Esc comes back.
struct ClientPane: Pane {
    static let descriptor = PaneDescriptor(id: "client", title: "Client")
    static let commands: [Command] = [.open, .clientLogs, .explain(nil), .up, .down, .pageUp, .pageDown, .top, .bottom]

    /// A line of the list: a section's title, a note, or something Enter opens.
    enum Row: Sendable {
        case section(String)
        case note(String, Role)
        case hotfix(ComplianceVerdict)
        case program(ClientSummary.Program)
        case finding(DiagnosticFinding)
        case log(ClientSummary.Log)
        case component(InstalledComponent)

        var isSelectable: Bool {
            switch self {
            case .section, .note: false
            default: true
            }
        }
    }

    var summaries: ClientSummaries?
    /// The client shown: the last one drilled into, kept when Esc goes back to the list.
    var client: String?
    var summary: ClientSummary?
    var rows: [Row] = []
    var cursor = ListCursor()

    /// A client is shown: its summary is read again for this workspace; none is: nothing is read
    /// until one is opened (the other panes have the workspace's work to do first).
    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        show(context)
        guard client != nil, let workspace = context.workspace else {
            summaries = nil
            return .handled
        }
        return .run(Self.summing(workspace))
    }

    mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        show(context)
        guard client != nil, summaries == nil, !context.isRunning(Self.id), let workspace = context.workspace else { return .handled }
        return .run(Self.summing(workspace))
    }

    /// The client drilled into, when it is another one.
    mutating func show(_ context: ConsoleContext) {
        guard let chosen = context.client, chosen != client else { return }
        client = chosen
        cursor = ListCursor()
        update(context)
    }

    static func summing(_ workspace: ConsoleWorkspace) -> Job {
        Job.clientSummaries(workspace, for: Self.self) { pane, summaries, context in
            pane.summaries = summaries
            pane.update(context)
            return .handled
        }
    }

    /// The summary and rows of the client shown, the cursor kept on a row Enter can open.
    mutating func update(_ context: ConsoleContext) {
        summary = client.flatMap { summaries?.summary(of: $0) }
        rows = summary.map(Self.rows) ?? []
        settle(forward: true, visible: layout(Rect(context.paneSize)).page)
    }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        let visible = layout(Rect(context.paneSize)).page
        let before = cursor.selected
        if cursor.apply(command, count: rows.count, visible: visible) {
            settle(forward: command == .top || (command != .bottom && cursor.selected >= before), visible: visible)
            return .handled
        }
        switch command {
        case .nextStep, .previousStep:
            return jumpSection(forward: command == .nextStep, visible: visible)
        case .clientLogs:
            guard let summary else { return .say("no client opened: Enter on a client in the Clients pane") }
            guard summary.hasLogs else { return .say("no logs of \(summary.name) are in the workspace") }
            return Reaction(handled: true, drill: .init(client: summary.name, pane: LogsPane.id, focus: .logFile(nil)))
        case .open:
            return open(context)
        default:
            return .ignored
        }
    }

    /// Enter: the pane that shows the selected row in full.
    func open(_ context: ConsoleContext) -> Reaction {
        guard let summary, rows.indices.contains(cursor.selected) else {
            return .say(context.isRunning(Self.id) ? "still reading the workspace" : "nothing to open")
        }
        switch rows[cursor.selected] {
        case .hotfix(let verdict):
            return Reaction(handled: true, drill: .init(client: summary.name, pane: CompliancePane.id,
                                                        focus: .hotfix(kb: verdict.kb, client: verdict.client)))
        case .program(let program):
            return Reaction(handled: true, drill: .init(client: program.key.client, pane: TimelinePane.id,
                                                        focus: .program(program.key)))
        case .finding(let finding):
            return Reaction(handled: true, drill: .init(client: finding.client, pane: DiagnosticsPane.id,
                                                        focus: .finding(finding)))
        case .log(let log):
            return Reaction(handled: true, drill: .init(client: summary.name, pane: LogsPane.id, focus: .logFile(log.name)))
        case .component(let component):
            // A component a KB is judged by opens that KB's clients; the others have no pane of their own.
            if let verdict = summary.hotfixes.first(where: { $0.component.caseInsensitiveCompare(component.name) == .orderedSame }) {
                return Reaction(handled: true, drill: .init(client: summary.name, pane: CompliancePane.id,
                                                            focus: .hotfix(kb: verdict.kb, client: verdict.client)))
            }
            return .say("no KB is judged by \(TerminalText.escape(component.name)); the row is \(ShortPlace.of(file: component.source.file, line: component.source.line))")
        case .section, .note:
            return .say("nothing to open here")
        }
    }

    /// → and ←: the first row of the next (previous) section.
    mutating func jumpSection(forward: Bool, visible: Int) -> Reaction {
        let starts = rows.indices.filter { if case .section = rows[$0] { true } else { false } }
        let current = starts.last { $0 <= cursor.selected } ?? 0
        let target = forward ? starts.first { $0 > cursor.selected } : starts.last { $0 < current }
        guard let target, let first = rows[target...].firstIndex(where: \.isSelectable) else {
            return .say(forward ? "this is the last section" : "this is the first section")
        }
        cursor.select(first, count: rows.count, visible: visible)
        showSectionTitle()
        return .handled
    }

    /// Moves off titles and notes (to the next row Enter can open, else the previous one).
    mutating func settle(forward: Bool, visible: Int) {
        let rows = self.rows
        cursor.settle(forward: forward, count: rows.count, visible: visible, isSelectable: { rows[$0].isSelectable },
                      isTitle: { if case .section = rows[$0] { true } else { false } })
    }

    /// The first row of a section is shown with its title above it.
    mutating func showSectionTitle() {
        let rows = self.rows
        cursor.showTitle { if case .section = rows[$0] { true } else { false } }
    }

    func explainText(context: ConsoleContext) -> String? {
        guard rows.indices.contains(cursor.selected) else { return nil }
        switch rows[cursor.selected] {
        case .program(let program):
            return program.verdict.text + (program.verdict.exitCode.map { "\nexit code \($0)" } ?? "")
        case .finding(let finding):
            return finding.errorCodes.isEmpty ? finding.evidence.map(\.text).joined(separator: "\n")
                : finding.errorCodes.map(\.code).joined(separator: " ")
        case .hotfix(let verdict): return verdict.note ?? "KB\(verdict.kb) \(verdict.status.rawValue)"
        case .log(let log): return log.name
        case .component(let component): return component.name + " " + component.versionText
        case .section(let text), .note(let text, _): return text
        }
    }

    func status(context: ConsoleContext) -> [String] {
        guard let client else { return ["no client opened"] }
        if context.isRunning(Self.id) { return [TerminalText.escape(client), "reading the workspace"] }
        let selectable = rows.indices.filter { rows[$0].isSelectable }
        let position = selectable.firstIndex(of: cursor.selected).map { $0 + 1 } ?? 0
        return [TerminalText.escape(client), "\(position)/\(selectable.count)"]
    }
}
