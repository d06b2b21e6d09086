import CMLensCore

/// The merged records of the selected client (or all): search, filter, jump to errors, mark,
/// follow. The view is an array of references built in the background; only rows on screen are
/// decoded.
struct LogsPane: Pane {
    static let descriptor = PaneDescriptor(id: "logs", title: "Logs")
    static let commands: [Command] = [
        .search(nil), .searchNext, .searchPrevious, .nextError, .previousError, .nextWarning, .previousWarning,
        .filter(nil), .clearFilter, .follow, .mark, .toggleUTC, .toggleDetail, .toggleWrap, .copy, .nextStep, .previousStep,
        .explain(nil), .goto(nil), .columns(nil), .export(nil), .up, .down, .pageUp, .pageDown, .top, .bottom,
    ]

    var view: [RecordReference] = []
    /// The workspace `view` was built from. Its references are places in that workspace's files, so
    /// rows are read from it until the next view lands, never from a workspace opened since (whose
    /// files may be fewer or shorter: the old references would point past their end).
    var source: ConsoleWorkspace?
    /// The workspace of the view being built.
    var requested: ConsoleWorkspace?
    var total = 0
    var cursor = ListCursor()
    var filter = LogFilter()
    var search: TextPattern?
    /// The last search's matches over the whole workspace, for `n`/`N` without searching again.
    var searchMatches: SearchMatches?
    var searchNote: String?
    var mark: RecordReference?
    var follow = false
    var showDetail = true
    /// Long messages wrapped under the message column (`z`), or cut and scrolled sideways (←/→).
    var wrap = false
    /// Display columns the messages are scrolled to the left by (←/→ when not wrapping).
    var messageOffset = 0
    /// Columns the user turned off with `:columns`; kept for the session.
    var hiddenColumns: Set<LogColumn> = []
    var shape = LogViewShape()
    /// Where the errors, warnings and matches are, for the scrollbar.
    var density = ViewDensity()
    /// Bumped for each view requested; a result of an older request is dropped.
    var generation = 0
    /// The client and the workspace paths the view is of (nil before the first view).
    var shown: (client: String?, paths: [String])?
    /// The view being built and the search running, while they run.
    var viewJob: JobID?
    var searchJob: JobID?
    /// The running search's walk has put the cursor on the next match: the scan's answer, the
    /// same match, only brings every match for `n`/`N` and the scrollbar.
    var searchShownEarly = false

    var isBusy: Bool { viewJob != nil || searchJob != nil }

    var selected: RecordReference? { view.indices.contains(cursor.selected) ? view[cursor.selected] : nil }

    /// A follow-mode reload keeps the cursor on its record; another workspace starts at the top.
    mutating func workspaceChanged(_ context: ConsoleContext) -> Reaction {
        guard let workspace = context.workspace else { return .handled }
        // Its record numbers are another workspace's.
        searchMatches = nil
        let sameView = shown != nil && shown?.client == context.client && shown?.paths == workspace.paths
        if !sameView { clear() }
        return rebuild(context, keep: sameView ? selected : nil)
    }

    /// Another client: its records, from the top.
    mutating func contextChanged(_ context: ConsoleContext) -> Reaction {
        guard context.workspace != nil, let shown, shown.client != context.client else { return .handled }
        clear()
        return rebuild(context, keep: nil)
    }

    /// Nothing of the old view is shown while the new one is built.
    private mutating func clear() {
        mark = nil
        cursor = ListCursor()
        view = []
        total = 0
        source = nil
    }

    /// Builds the view again (another client, filter, workspace): a search running over the old
    /// one is stopped, its row numbers would be the old view's.
    mutating func rebuild(_ context: ConsoleContext, keep: RecordReference?) -> Reaction {
        generation += 1
        let workspace = context.workspace!
        shown = (context.client, workspace.paths)
        requested = workspace
        let request = LogViewBuilder.Request(generation: generation, client: context.client, filter: filter.compiled(),
                                             keep: keep, toBottom: follow)
        let job = Job(filter.isEmpty ? "merging" : "filtering", for: Self.self, purpose: "view") { progress in
            LogViewBuilder.build(workspace, request, progress: progress)
        } then: { pane, built, context in
            pane.viewBuilt(built, context: context)
            return .handled
        }
        viewJob = job.id
        var reaction = Reaction.run(job)
        if let search = searchJob {
            reaction.cancel = [search]
            searchJob = nil
            searchShownEarly = false
        }
        return reaction
    }

    mutating func viewBuilt(_ built: LogViewBuilder.Result, context: ConsoleContext) {
        guard built.generation == generation else { return }
        view = built.view
        source = requested
        // A follow-mode reload may have cut the marked record's file short (a rotation).
        if let marked = mark, let source, !Self.holds(marked, source) { mark = nil }
        total = built.total
        shape = built.shape
        density = built.density
        viewJob = nil
        cursor.select(built.cursor, count: view.count, visible: listLines(context.paneSize.lines))
    }

    /// The next match, found by walking the view before the scan ends.
    mutating func searchedEarly(_ found: LogViewBuilder.SearchResult, context: ConsoleContext) {
        guard found.generation == generation, searchJob != nil, !searchShownEarly, let index = found.found else { return }
        searchShownEarly = true
        cursor.select(index, count: view.count, visible: listLines(context.paneSize.lines))
        searchNote = found.wrapped ? "wrapped" : nil
    }

    mutating func searched(_ found: LogViewBuilder.SearchResult, context: ConsoleContext) {
        guard found.generation == generation, searchJob != nil else { return }
        searchJob = nil
        searchMatches = found.matches
        if let density = found.density { self.density = density }
        // The walk found this match already; the cursor may have moved on from it since.
        if searchShownEarly {
            searchShownEarly = false
        } else if let index = found.found {
            cursor.select(index, count: view.count, visible: listLines(context.paneSize.lines))
            searchNote = found.wrapped ? "wrapped" : nil
        } else {
            searchNote = "no match"
        }
    }

    mutating func handle(_ command: Command, context: ConsoleContext) -> Reaction {
        guard context.workspace != nil else { return .say("still loading the workspace") }
        let visible = listLines(context.paneSize.lines)
        if cursor.apply(command, count: view.count, visible: visible) { return .handled }
        switch command {
        case .nextError, .previousError, .nextWarning, .previousWarning:
            guard let source else { return .say("no records") }
            return jump(command, logs: source.logs, visible: visible)
        case .back where searchJob != nil:
            // Esc stops a search still running: the scan ends at its next window.
            var stop = Reaction.handled
            stop.cancel = searchJob.map { [$0] } ?? []
            searchJob = nil
            searchShownEarly = false
            searchNote = "stopped"
            return stop
        case .search(nil):
            return Reaction(handled: true, prompt: "/")
        case .search(let text?):
            do { search = try TextPattern(text) } catch { return .say("\(error)") }
            guard let source else { return .say("no records to search") }
            return search(source, from: cursor.selected + 1, forward: true)
        case .searchNext, .searchPrevious:
            guard search != nil else { return .say("no search yet: press / to search") }
            let forward = command == .searchNext
            guard let source else { return .say("no records to search") }
            return search(source, from: cursor.selected + (forward ? 1 : -1), forward: forward)
        case .filter(nil):
            return Reaction(handled: true, prompt: ":filter " + filter.text)
        case .filter(let text?):
            do { filter = try LogFilter.parse(text) } catch { return .say("\(error)") }
            return rebuild(context, keep: selected)
        case .clearFilter:
            guard !filter.isEmpty || search != nil else { return .say("no filter to clear") }
            search = nil
            searchMatches = nil
            searchNote = nil
            guard !filter.isEmpty else { return .handled }
            filter = LogFilter()
            return rebuild(context, keep: selected)
        case .mark:
            mark = selected == mark ? nil : selected
            return .handled
        case .follow:
            // An archive's logs are read once into memory: they cannot grow, and re-reading the
            // archive every second to find out would cost a whole expansion each time.
            if !follow, let archive = context.workspace?.inputs.archives.first {
                // The file's name only: the status line is one row of an 80-column screen.
                let name = archive.split(separator: "/").last.map(String.init) ?? archive
                return .say("follow does not apply to archives: \(name) is read once; unpack it to follow")
            }
            follow.toggle()
            if follow { cursor.select(view.count - 1, count: view.count, visible: visible) }
            return Reaction(handled: true, message: follow ? "following: new lines appear at the bottom" : nil, follow: follow)
        case .toggleDetail:
            showDetail.toggle()
            return .handled
        case .toggleWrap:
            wrap.toggle()
            messageOffset = 0
            return Reaction(handled: true, message: wrap ? "wrapping long messages (z cuts them again)" : "messages cut at the edge (←/→ scroll them)")
        case .nextStep, .previousStep:
            guard !wrap else { return .say("messages are wrapped: z cuts them, then ←/→ scroll them") }
            let step = max(8, context.paneSize.columns / 4)
            messageOffset = max(0, messageOffset + (command == .nextStep ? step : -step))
            return .handled
        case .copy:
            guard let ref = selected, let source, Self.holds(ref, source) else { return .say("no record to copy") }
            let record = source.records[ref]
            var copy = Reaction.handled
            let text = [record.time?.iso8601 ?? "", record.level.name, record.component, record.message]
                .filter { !$0.isEmpty }.joined(separator: " ")
            // Terminals refuse or cut long clipboard strings (tmux at about 100 KB): a huge record is cut, and says so.
            let limit = Clipboard.limit
            copy.clipboard = text.utf8.count <= limit ? text : String(decoding: text.utf8.prefix(limit), as: UTF8.self)
            if text.utf8.count > limit { copy.message = "the record is \(text.utf8.count.grouped) bytes: copied its first \(limit.grouped)" }
            return copy
        case .goto(nil):
            return Reaction(handled: true, prompt: ":goto ")
        case .goto(let text?):
            guard let source else { return .say("no records to go through") }
            return goto(text, logs: source.logs, visible: visible)
        case .columns(nil):
            let shown = LogColumn.allCases.filter { !hiddenColumns.contains($0) }.map(\.rawValue).joined(separator: ",")
            return Reaction(handled: true, prompt: ":columns " + shown)
        case .columns(let text?):
            do { hiddenColumns = try LogColumn.hidden(by: text) } catch { return .say("\(error)") }
            return .handled
        case .export(nil):
            return Reaction(handled: true, prompt: ":export ")
        case .export(let path?):
            guard let source else { return .say("no records to export") }
            return export(to: path, logs: source.logs)
        default:
            return .ignored
        }
    }

    /// A search from `start` over the view (a newer search stops this one).
    private mutating func search(_ workspace: ConsoleWorkspace, from start: Int, forward: Bool) -> Reaction {
        searchNote = nil
        searchShownEarly = false
        let view = self.view, pattern = search!, generation = self.generation
        let logs = workspace.logs
        let known = searchMatches
        let density = self.density
        let job = Job("searching", for: Self.self, purpose: "search") { progress, post in
            LogViewBuilder.search(view, logs: logs, pattern: pattern, start: start, forward: forward,
                                  generation: generation, known: known, density: density, progress: progress, post: post)
        } partly: { pane, found, context in
            pane.searchedEarly(found, context: context)
            return .handled
        } then: { pane, found, context in
            pane.searched(found, context: context)
            return .handled
        }
        searchJob = job.id
        return .run(job)
    }

    /// e/E/w/W: the index knows every level, so this needs no decoding.
    private mutating func jump(_ command: Command, logs: LoadedLogs, visible: Int) -> Reaction {
        let forward = command == .nextError || command == .nextWarning
        let level: LogLevel = command == .nextError || command == .previousError ? .error : .warning
        var i = cursor.selected + (forward ? 1 : -1)
        while i >= 0 && i < view.count {
            let ref = view[i]
            if logs.files[Int(ref.file)].level(at: Int(ref.index)) == level {
                cursor.select(i, count: view.count, visible: visible)
                return .handled
            }
            i += forward ? 1 : -1
        }
        return .say("no \(forward ? "next" : "previous") \(level.name)")
    }

    /// Whether `reference` is a record of `workspace` (a reference from a reload before may not be).
    static func holds(_ reference: RecordReference, _ workspace: ConsoleWorkspace) -> Bool {
        let files = workspace.logs.files
        return files.indices.contains(Int(reference.file)) && Int(reference.index) < files[Int(reference.file)].count
    }

    /// Lines of the record list (the header and the detail area take the rest).
    func listLines(_ paneLines: Int) -> Int {
        layout(Rect(Size(columns: 1, lines: paneLines))).page
    }

    /// The column names, the records, and (`d`) the selected record in full: a third of the
    /// pane, when the pane keeps enough rows for it.
    func layout(_ area: Rect) -> ListLayout {
        let rest = area.lines - 1
        return ListLayout(area, detail: showDetail && rest >= 9 ? max(5, rest / 3) : 0)
    }

    func status(context: ConsoleContext) -> [String] {
        var items = [context.client ?? "all clients"]
        items.append(viewJob != nil && view.isEmpty ? "\(total.grouped) records"
                     : "\((view.isEmpty ? 0 : cursor.selected + 1).grouped)/\(view.count.grouped)"
                       + (filter.isEmpty ? "" : " of \(total.grouped)"))
        if !filter.isEmpty { items.append("filter: " + filter.text) }
        // The list shows times only: the selected record's day is said here (last: the least needed).
        var dateItem: String?
        let columns = Columns(width: context.paneSize.columns, utc: context.showUTC, showClient: context.client == nil,
                              shape: shape, threadWidth: 3, hidden: hiddenColumns)
        if columns.dateStyle == .none, let ref = selected, let workspace = source, Self.holds(ref, workspace),
           let time = workspace.records[ref].time {
            dateItem = String((context.showUTC ? time.utcDisplay : time.localDisplay).prefix(10))
        }
        if wrap { items.append("WRAP") }
        if let search { items.append("/\(search.text)/" + (searchNote.map { " " + $0 } ?? "")) }
        if let mark, let current = selected, let workspace = source, Self.holds(mark, workspace),
           let a = workspace.records[mark].time, let b = workspace.records[current].time {
            items.append("mark Δ " + Self.elapsed(from: a, to: b))
        }
        if follow { items.append("FOLLOW") }
        if let dateItem { items.append(dateItem) }
        return items
    }

    /// `+1:02:03.456` from mark to cursor.
    static func elapsed(from a: LogTime, to b: LogTime) -> String {
        let nanos = b.utcNanoseconds - a.utcNanoseconds
        let sign = nanos < 0 ? "-" : "+"
        let total = abs(nanos) / 1_000_000
        let ms = total % 1000, s = total / 1000 % 60, m = total / 60_000 % 60, h = total / 3_600_000
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(sign)\(h):\(two(m)):\(two(s)).\(msText)"
    }
}
