import CMLensCore

/// The faults `cmlens diagnose` finds, most severe first, for the selected client or all; Enter
/// shows one finding's explanation, fix and evidence lines, and Enter on an evidence line opens
/// the Logs pane on it.
struct DiagnosticsPane: Pane {
    static let descriptor = PaneDescriptor(id: "diagnostics", title: "Diagnostics", shortTitle: "Diag")
    static let commands: [Command] = [.open, .explain(nil), .toggleDetail, .up, .down, .pageUp, .pageDown, .top, .bottom]

    /// Every client's findings, in the engine's order (most severe, then earliest, first).
    var findings: [DiagnosticFinding] = []
    /// The findings, and over them what Enter and `d` open.
    var levels = Levels<Level>()
    /// The workspace paths the findings are of: a reload of the same paths keeps them shown
    /// until the new ones land.
    var findingsPaths: [String] = []
    var shownClient: String??

    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        _ = contextChanged(context)
        guard let workspace = context.workspace else { return .handled }
        // Another workspace's findings are not this one's.
        if findingsPaths != workspace.paths { findings = [] }
        findingsPaths = workspace.paths
        keepCursorInList(context)
        levels.closeAll()
        return .run(Job("diagnosing", for: Self.self) { _ in workspace.diagnosis() } then: { pane, found, context in
            pane.diagnosed(found, context: context)
            return .handled
        })
    }

    mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        guard shownClient != .some(context.client) else { return .handled }
        shownClient = .some(context.client)
        // An open finding stays open: the Logs pane it drilled into comes back here with Esc.
        // The list under it is now another client's: the cursor goes to the finding, or stays in the list.
        if let open = openFinding, let index = shown(context).firstIndex(of: open) {
            levels.base.select(index, count: shown(context).count, visible: listLayout(Rect(context.paneSize)).page)
        } else if openFinding == nil {
            levels.base = ListCursor()
        } else {
            keepCursorInList(context)
        }
        return .handled
    }

    /// Most severe first across clients; within a severity, the engine's order (earliest first).
    mutating func diagnosed(_ found: [DiagnosticFinding], context: ConsoleContext) {
        let rank: [DiagnosticSeverity: Int] = [.error: 0, .warning: 1, .info: 2]
        findings = found.enumerated()
            .sorted { (rank[$0.element.severity]!, $0.offset) < (rank[$1.element.severity]!, $1.offset) }
            .map(\.element)
        keepCursorInList(context)
    }

    /// The list changed under the cursor (new findings, fewer of them): it stays on a row that exists.
    mutating func keepCursorInList(_ context: ConsoleContext) {
        levels.base.select(levels.base.selected, count: shown(context).count, visible: listLayout(Rect(context.paneSize)).page)
    }

    /// The findings of the selected client, or all.
    func shown(_ context: ConsoleContext) -> [DiagnosticFinding] {
        guard let client = context.client else { return findings }
        return findings.filter { $0.client == client }
    }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        switch levels.top {
        case .wholeText(let finding)?: return scrollWholeText(command, finding, context: context)
        case .finding(let finding)?: return handleEvidence(command, finding, context: context)
        case nil: break
        }
        let list = shown(context)
        if levels.base.apply(command, count: list.count, visible: listLayout(Rect(context.paneSize)).page) { return .handled }
        guard command == .open else { return .ignored }
        guard list.indices.contains(levels.base.selected) else {
            return .say(context.isRunning(Self.id) ? "still diagnosing" : "no findings")
        }
        levels.push(.finding(list[levels.base.selected]))
        return .handled
    }

    /// Keys on an open finding: its evidence lines; Enter opens one in Logs, `d` the whole text.
    private mutating func handleEvidence(_ command: Command, _ finding: DiagnosticFinding, context: ConsoleContext) -> Reaction {
        switch command {
        case .toggleDetail: levels.push(.wholeText(finding)); return .handled
        case .back: return levels.pop() ?? .ignored
        default: break
        }
        if levels.cursor.apply(command, count: finding.evidence.count, visible: evidenceLayout(Rect(context.paneSize)).page) {
            return .handled
        }
        guard command == .open, finding.evidence.indices.contains(levels.cursor.selected),
              let workspace = context.workspace else { return .ignored }
        let evidence = finding.evidence[levels.cursor.selected]
        guard let ref = workspace.logs.reference(to: evidence.place) else {
            return .say("\(evidence.location) is not among the loaded logs")
        }
        return Reaction(handled: true, drill: .init(client: workspace.logs.files[Int(ref.file)].client, pane: LogsPane.id, record: ref))
    }

    /// Keys on the whole text: it scrolls; `d`, Enter or Esc go back to the evidence.
    private mutating func scrollWholeText(_ command: Command, _ finding: DiagnosticFinding, context: ConsoleContext) -> Reaction {
        let layout = wholeTextLayout(Rect(context.paneSize))
        let last = max(0, Self.textLines(finding, columns: context.paneSize.columns).count - layout.page)
        let offset = levels.cursor.top
        let scrolled: Int
        switch command {
        case .back, .open, .toggleDetail: _ = levels.pop(); return .handled
        case .up: scrolled = max(0, offset - 1)
        case .down: scrolled = min(last, offset + 1)
        case .pageUp: scrolled = max(0, offset - layout.page)
        case .pageDown: scrolled = min(last, offset + layout.page)
        case .top: scrolled = 0
        case .bottom: scrolled = last
        default: return .ignored
        }
        levels.cursor = ListCursor(top: scrolled)
        return .handled
    }

    /// A drill onto a finding: it opens with its evidence, and the list's cursor is put on it.
    mutating func focus(on focus: Reaction.Focus, context: ConsoleContext) -> Reaction {
        guard case .finding(let finding) = focus else { return .handled }
        let list = shown(context)
        if let index = list.firstIndex(of: finding) {
            levels.base.select(index, count: list.count, visible: listLayout(Rect(context.paneSize)).page)
        }
        levels.closeAll()
        levels.push(.finding(finding), byDrill: true)
        return .handled
    }

    /// The selected evidence line; in the list, the finding's error codes (else its evidence).
    func explainText(context: ConsoleContext) -> String? {
        if let open = openFinding {
            return open.evidence.indices.contains(evidenceCursor.selected) ? open.evidence[evidenceCursor.selected].text : nil
        }
        let list = shown(context)
        guard list.indices.contains(levels.base.selected) else { return nil }
        let finding = list[levels.base.selected]
        if !finding.errorCodes.isEmpty { return finding.errorCodes.map(\.code).joined(separator: " ") }
        return finding.evidence.map(\.text).joined(separator: "\n")
    }

    func status(context: ConsoleContext) -> [String] {
        if context.isRunning(Self.id) { return ["diagnosing"] }
        let list = shown(context)
        var items = ["\(list.count) finding\(list.count == 1 ? "" : "s")"]
        if let open = openFinding { items.append("evidence \(evidenceCursor.selected + 1)/\(open.evidence.count)") }
        return items
    }

    /// What Enter and `d` open over the findings.
    enum Level: Sendable {
        /// A finding's explanation and fix over its evidence lines (the level's cursor).
        case finding(DiagnosticFinding)
        /// `d` on an open finding: its whole text (explanation, fix, reference, codes), scrolled
        /// to the cursor's top. A small screen cuts the explanation short; this shows it all.
        case wholeText(DiagnosticFinding)
    }

    /// The finding opened, shown with its evidence or whole.
    var openFinding: DiagnosticFinding? {
        switch levels.opened.first?.level {
        case .finding(let finding)?, .wholeText(let finding)?: finding
        case nil: nil
        }
    }

    /// The cursor over the open finding's evidence lines.
    var evidenceCursor: ListCursor { levels.opened.first?.cursor ?? ListCursor() }
}
