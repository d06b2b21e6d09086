/// The reducer: every change to the console's state goes through `handle`.
extension ConsoleState {
    mutating func handle(_ event: ConsoleEvent) -> Effects {
        var effects = Effects()
        switch event {
        case .key(let key):
            message = nil
            if prompt != nil { return editPrompt(key) }
            if help != nil { return helpKey(key) }
            if popup != nil { return popupKey(key) }
            guard let command = bindings.command(for: key) else {
                message = "\(key.label): no such key here (? lists the keys)"
                return effects
            }
            return apply(command)
        case .resize(let newSize):
            size = newSize
            context.paneSize = ConsoleView.paneArea(newSize).size
            effects.redraw = true
        case .loading(let text):
            context.loading = text
        case .loaded(let workspace):
            context.loading = nil
            let previous = context.workspace
            context.workspace = workspace
            if previous?.identity != workspace.identity {
                // What runs for the workspace before is stale: stopped before the panes ask again.
                for (id, job) in context.jobs where job.followsWorkspace {
                    context.jobs[id] = nil
                    effects.cancel.append(id)
                }
            }
            if let client = context.client, !workspace.summary.clients.contains(where: { $0.name == client }) {
                // A machine only the inventory knows (opened from Compliance) has no logs in either
                // load: a reload of the same workspace (follow mode) keeps it selected.
                let hadNoLogs = previous.map { !$0.summary.clients.contains { $0.name == client } } ?? false
                let sameWorkspace = previous?.paths == workspace.paths && !workspace.inputs.tableFiles.isEmpty
                if !(hadNoLogs && sameWorkspace) { context.client = nil }
            }
            broadcastContext(&effects, workspaceChanged: previous?.identity != workspace.identity)
            // `cmlens execmgr.log`: one log named is what the user wants to read.
            if previous?.paths != workspace.paths, workspace.paths.count == 1, workspace.logs.files.count == 1,
               workspace.logs.files[0].path == workspace.paths[0], let logs = index(of: LogsPane.id) {
                focus = logs
            }
        case .refreshed:
            break
        case .loadFailed(let text):
            context.loading = nil
            message = text
        case .jobFinished(let done):
            // A job stopped or superseded is no longer listed: its result is dropped.
            guard context.jobs.removeValue(forKey: done.id) != nil else { break }
            hand(done, into: &effects)
        case .jobPartial(let early):
            guard context.jobs[early.id] != nil else { break }
            hand(early, into: &effects)
        }
        return effects
    }

    /// Gives a running or just finished job's result to its pane.
    private mutating func hand(_ result: Job.Delivered, into effects: inout Effects) {
        // Computed for a workspace since replaced: the pane has asked again for this one.
        if let workspace = result.workspace, workspace != context.workspace?.identity { return }
        if let index = self.index(of: result.pane) {
            absorb(result.delivery.apply(&panes[index], context), pane: result.pane, into: &effects)
        }
    }

    /// Runs one command: the console's own, or the focused pane's.
    mutating func apply(_ command: Command) -> Effects {
        var effects = Effects()
        switch command {
        case .quit: wantsQuit = true
        case .help: help = 0
        case .commandLine: prompt = Prompt(kind: .command)
        case .redraw: effects.redraw = true
        case .nextPane: focus = (focus + 1) % panes.count
        case .previousPane: focus = (focus + panes.count - 1) % panes.count
        case .showPane(let id): if let index = self.index(of: id) { focus = index }
        case .back:
            // A pane showing a level of its own (a program's steps, a code's occurrences) closes it first.
            let paneBack = panes[focus].handle(.back, context: context)
            if paneBack.handled { absorb(paneBack, pane: type(of: panes[focus]).id, into: &effects); break }
            guard let previous = backStack.popLast() else { message = "nothing to go back to"; break }
            focus = previous.pane
            if context.client != previous.client {
                context.client = previous.client
                broadcastContext(&effects)
            }
        case .openPath(let path):
            effects.open = [path]
            context.loading = "opening \(path)"
        case .theme(let name): effects.theme = name
        case .problems:
            popup = ProblemsPopup.popup(context.workspace?.problems ?? [], loading: context.workspace == nil)
        case .toggleUTC:
            context.showUTC.toggle()
        case .explain(let code?):
            popup = ExplainPopup.code(code, policy: context.workspace?.policy ?? .defaults)
        case .explain(nil) where type(of: panes[focus]).commands.contains(.explain(nil)):
            if let text = panes[focus].explainText(context: context) {
                popup = ExplainPopup.text(text, policy: context.workspace?.policy ?? .defaults,
                                          place: ExplainPopup.place(of: panes[focus]))
            } else {
                message = "nothing selected to explain (:explain CODE explains a code)"
            }
        default:
            let id = type(of: panes[focus]).id
            let reaction = panes[focus].handle(command, context: context)
            if !reaction.handled {
                message = "\(command.name): not available in the \(type(of: panes[focus]).descriptor.title) pane"
            }
            absorb(reaction, pane: id, into: &effects)
        }
        return effects
    }

    /// Takes a pane's reaction in: its jobs, a drill, a prompt, a message.
    mutating func absorb(_ reaction: Reaction, pane: PaneID, into effects: inout Effects) {
        if let text = reaction.clipboard { effects.clipboard = text }
        for id in reaction.cancel where context.jobs.removeValue(forKey: id) != nil {
            effects.cancel.append(id)
        }
        for var job in reaction.jobs {
            job.pane = pane
            job.workspace = context.workspace?.identity
            // A newer job for the same purpose makes the older one pointless.
            for (id, running) in context.jobs where running.pane == pane && running.purpose == job.purpose {
                context.jobs[id] = nil
                effects.cancel.append(id)
            }
            context.jobs[job.id] = RunningJob(pane: pane, purpose: job.purpose, followsWorkspace: job.followsWorkspace, text: job.label)
            effects.jobs.append(job)
        }
        if let text = reaction.message { message = text }
        if let marks = reaction.marks, marks != context.marked {
            context.marked = marks
            broadcastContext(&effects)
        }
        if let shown = reaction.popup { popup = shown }
        if let text = reaction.prompt {
            prompt = text.hasPrefix("/") ? Prompt(kind: .search, text: String(text.dropFirst()))
                                         : Prompt(kind: .command, text: String(text.dropFirst()))
        }
        if let follow = reaction.follow {
            context.following = follow
            effects.follow = follow
        }
        if let drill = reaction.drill, let target = index(of: drill.pane) {
            backStack.append((focus, context.client))
            focus = target
            if context.client != drill.client {
                context.client = drill.client
                broadcastContext(&effects)
            }
            if let focus = drill.focus ?? drill.record.map(Reaction.Focus.record) {
                let focused = panes[target].focus(on: focus, context: context)
                absorb(focused, pane: drill.pane, into: &effects)
            }
        }
    }

    /// Tells every pane the workspace, the client or the marks changed.
    mutating func broadcastContext(_ effects: inout Effects, workspaceChanged: Bool = false) {
        for index in panes.indices {
            let reaction = workspaceChanged ? panes[index].workspaceChanged(context) : panes[index].contextChanged(context)
            absorb(reaction, pane: type(of: panes[index]).id, into: &effects)
        }
    }

    private mutating func editPrompt(_ key: Key) -> Effects {
        guard var current = prompt else { return Effects() }
        switch key {
        case .escape: prompt = nil
        case .backspace, .delete:
            if current.text.isEmpty { prompt = nil } else { current.text.removeLast(); prompt = current }
        case .control("u"): current.text = ""; prompt = current
        case .character(let c): current.text.append(c); prompt = current
        case .enter:
            prompt = nil
            let text = current.text
            if current.kind == .search {
                return text.isEmpty ? Effects() : apply(.search(text))
            }
            guard !text.trimmingWhitespace.isEmpty else { return Effects() }
            guard let command = bindings.parse(text) else {
                message = "unknown command \":\(text)\" (? lists the commands)"
                return Effects()
            }
            return apply(command)
        default: break
        }
        return Effects()
    }

    /// Keys while a popup is open: scroll it, `/` searches the logs for what it explains (when it
    /// says what), any other key closes it.
    private mutating func popupKey(_ key: Key) -> Effects {
        guard var shown = popup else { return Effects() }
        let page = max(1, size.lines - 7)
        switch bindings.command(for: key) {
        case .down: shown.scroll = min(shown.scroll + 1, max(0, shown.lines.count - 1)); popup = shown
        case .up: shown.scroll = max(0, shown.scroll - 1); popup = shown
        case .pageDown: shown.scroll = min(shown.scroll + page, max(0, shown.lines.count - 1)); popup = shown
        case .pageUp: shown.scroll = max(0, shown.scroll - page); popup = shown
        case .top: shown.scroll = 0; popup = shown
        case .search(nil):
            popup = nil
            guard let pattern = shown.searchPattern, let logs = index(of: LogsPane.id) else { break }
            focus = logs
            return apply(.search(pattern))
        default: popup = nil
        }
        return Effects()
    }

    private mutating func helpKey(_ key: Key) -> Effects {
        switch bindings.command(for: key) {
        case .down: help = (help ?? 0) + 1
        case .up: help = max(0, (help ?? 0) - 1)
        case .pageDown: help = (help ?? 0) + max(1, size.lines - 4)
        case .pageUp: help = max(0, (help ?? 0) - max(1, size.lines - 4))
        case .quit where key == .character("q"), .help, .back: help = nil
        default: help = nil
        }
        return Effects()
    }
}
