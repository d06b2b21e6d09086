import CMLensCore
import Dispatch
import Foundation
import Synchronization

/// The console's only impure loop: read a key, let the state handle it, draw, repeat; run
/// background work and fold its results back in. Restores the terminal on every way out.
final class ConsoleRunLoop {
    private let terminal: any Terminal
    private var state: ConsoleState
    private let store: ThemeStore
    private let inbox = Inbox()
    private var jobs: [JobID: (progress: JobProgress, label: String)] = [:]
    private var refreshing = false
    private var lastRefresh = DispatchTime.now()
    private let timing: FileHandle?
    private let environment: [String: String]

    init(terminal: any Terminal, state: ConsoleState, store: ThemeStore,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.terminal = terminal
        self.state = state
        self.store = store
        self.state.showsFrameCounter = environment["CMLENS_FRAME_COUNTER"] == "1"
        self.environment = environment
        if let path = environment["CMLENS_TIMING"], FileManager.default.createFile(atPath: path, contents: nil) {
            timing = FileHandle(forWritingAtPath: path)
        } else {
            timing = nil
        }
    }

    /// Runs until `q` or a stop signal; returns the exit status (0, or 128 + the signal).
    func run(opening paths: [String]) -> Int32 {
        defer { terminal.restore() }
        let started = DispatchTime.now()
        open(paths)
        draw()
        note("first-frame-ms \(Self.milliseconds(since: started))")
        var readyNoted = false
        while !state.wantsQuit {
            let sig = SignalGuard.pending
            if sig != 0 {
                terminal.restore()
                return 128 + sig
            }
            var changed = drainInbox()
            if let input = terminal.nextInput(waitingAtMost: changed ? 0 : 40) {
                let keyStart = DispatchTime.now()
                switch input {
                case .key(let key): perform(state.handle(.key(key)))
                case .resize(let size): perform(state.handle(.resize(size)))
                }
                changed = drainInbox() || true
                draw()
                note("key-to-frame-ms \(Self.milliseconds(since: keyStart))")
                continue
            }
            changed = updateProgress() || changed
            followIfDue()
            if changed { draw() }
            if !readyNoted && state.isReady {
                readyNoted = true
                note("ready-ms \(Self.milliseconds(since: started))")
            }
        }
        return 0
    }

    private func draw() {
        state.frame += 1
        terminal.present(ConsoleView.render(state))
    }

    private func open(_ paths: [String]) {
        let inbox = self.inbox
        DispatchQueue.global(qos: .userInitiated).async {
            let workspace = ConsoleWorkspace.load(paths) { text in inbox.post(.loading(text)) }
            inbox.post(.loaded(workspace))
        }
    }

    private func perform(_ effects: Effects) {
        if let text = effects.clipboard {
            if Clipboard.isSupported(environment: environment) {
                terminal.copyToClipboard(text)
                if state.message == nil { state.message = "copied the record to the clipboard (through the terminal, OSC 52)" }
            } else {
                state.message = "this terminal is not known to take clipboard copies (OSC 52); CMLENS_OSC52=1 turns them on"
            }
        }
        for id in effects.cancel {
            jobs[id]?.progress.cancel()
            jobs[id] = nil
        }
        for job in effects.jobs { start(job) }
        if let paths = effects.open { open(paths) }
        if let name = effects.theme {
            do {
                terminal.use(try store.theme(named: name))
                state.themeName = name
            } catch {
                state.message = "\(error)"
            }
        }
        if effects.redraw { terminal.invalidate() }
    }

    private func start(_ job: Job) {
        let inbox = self.inbox
        // A result ahead of the job's end goes through the inbox like the job's own.
        let progress = JobProgress { inbox.post(.jobPartial(job.delivered($0))) }
        jobs[job.id] = (progress, job.label)
        DispatchQueue.global(qos: .userInitiated).async {
            let done = job.run(progress)
            if !progress.isCancelled { inbox.post(.jobFinished(done)) }
        }
    }

    /// Folds finished work into the state; true when anything came.
    private func drainInbox() -> Bool {
        let events = inbox.take()
        for event in events {
            if case .jobFinished(let done) = event { jobs[done.id] = nil }
            if case .refreshed = event { refreshing = false }
            if case .loaded = event { refreshing = false }
            perform(state.handle(event))
        }
        return !events.isEmpty
    }

    /// Percentages of running jobs in the status bar.
    private func updateProgress() -> Bool {
        var changed = false
        for (id, job) in jobs {
            guard let running = state.context.jobs[id] else { continue }
            let text = job.progress.fraction > 0 ? "\(job.label) \(Int(job.progress.fraction * 100))%" : job.label
            if running.text != text { state.context.jobs[id]?.text = text; changed = true }
        }
        return changed
    }

    /// In follow mode, looks at the files about once a second and reloads what changed.
    private func followIfDue() {
        guard state.context.following, !refreshing, let workspace = state.context.workspace,
              DispatchTime.now().uptimeNanoseconds - lastRefresh.uptimeNanoseconds > 500_000_000 else { return }
        refreshing = true
        lastRefresh = DispatchTime.now()
        let inbox = self.inbox
        DispatchQueue.global(qos: .utility).async {
            if let fresh = workspace.refreshed() {
                inbox.post(.loaded(fresh))
            } else {
                inbox.post(.refreshed)
            }
        }
    }

    private func note(_ line: String) {
        timing?.write(Data((line + "\n").utf8))
    }

    static func milliseconds(since start: DispatchTime) -> String {
        String(format: "%.3f", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
    }
}

/// Events from background work, waiting for the loop.
final class Inbox: Sendable {
    private let events = Mutex<[ConsoleEvent]>([])
    func post(_ event: ConsoleEvent) { events.withLock { $0.append(event) } }
    func take() -> [ConsoleEvent] { events.withLock { let all = $0; $0 = []; return all } }
}
