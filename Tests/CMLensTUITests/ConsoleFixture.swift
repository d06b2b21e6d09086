import CMLensCore
import Foundation
import Synchronization
@testable import CMLensTUI

/// A console state over in-memory logs, with background jobs run at once: what the run loop
/// would do, without a terminal or threads.
struct ConsoleFixture {
    var state: ConsoleState
    /// When set, jobs wait here until `finishJobs()`, and the screen is drawn in between, as the
    /// run loop draws while a job runs in the background.
    var deferJobs = false
    var waiting: [Job] = []
    /// Results of jobs `startJobs()` ran, held back until `finishJobs()`.
    var landing: [Job.Delivered] = []

    init(size: Size, logs: [(client: String, name: String, text: String)] = ConsoleFixture.standardLogs) {
        setlocale(LC_CTYPE, "C.UTF-8")  // wcwidth needs a UTF-8 locale
        state = ConsoleState(size: size)
        let files = logs.map { LogReader.parse(bytes: Array($0.text.utf8), path: "\($0.client)/\($0.name)", client: $0.client) }
        var inputs = WorkspaceInputs()
        inputs.clients = Dictionary(grouping: logs, by: \.client).keys.sorted().map {
            ClientFolder(name: $0, path: $0, logs: [])
        }
        let workspace = ConsoleWorkspace(paths: ["fixture"], inputs: inputs, logs: LoadedLogs(files: files, problems: []))
        run(state.handle(.loaded(workspace)))
    }

    mutating func run(_ effects: Effects) {
        if deferJobs {
            waiting += effects.jobs
        } else {
            for job in effects.jobs {
                run(state.handle(.jobFinished(runHandingEarlyResults(job))))
            }
        }
        // `:open`: the run loop loads the paths in the background and posts the workspace.
        if let paths = effects.open {
            let workspace = ConsoleWorkspace.load(paths) { _ in }
            run(state.handle(.loaded(workspace)))
        }
    }

    /// Runs the jobs held back by `deferJobs`, and those they start, oldest first; results held
    /// back by `startJobs()` land first.
    mutating func finishJobs() {
        while !landing.isEmpty {
            run(state.handle(.jobFinished(landing.removeFirst())))
        }
        while !waiting.isEmpty {
            let job = waiting.removeFirst()
            run(state.handle(.jobFinished(runHandingEarlyResults(job))))
        }
    }

    /// Runs the jobs held back by `deferJobs`: what they hand over early reaches the console, and
    /// their results wait for `finishJobs()`, as a scan still running would.
    mutating func startJobs() {
        while !waiting.isEmpty {
            landing.append(runHandingEarlyResults(waiting.removeFirst()))
        }
    }

    /// Runs `job` as the run loop does: what it hands over before it ends reaches the console
    /// first, in order; then its result, returned to hand over.
    mutating func runHandingEarlyResults(_ job: Job) -> Job.Delivered {
        let early = EarlyResults()
        let done = job.run(JobProgress { delivery in early.list.withLock { $0.append(job.delivered(delivery)) } })
        for delivered in early.list.withLock({ $0 }) {
            run(state.handle(.jobPartial(delivered)))
        }
        return done
    }

    mutating func press(_ keys: Key...) {
        for key in keys { run(state.handle(.key(key))) }
    }

    mutating func type(_ text: String) {
        for c in text { press(.character(c)) }
    }

    var grid: Grid { ConsoleView.render(state) }
    var screen: String { grid.plainText }

    var logs: LogsPane { state.panes[PaneRegistry.index(of: LogsPane.id)!] as! LogsPane }

    static func record(_ message: String, _ time: String, component: String = "execmgr", type: Int = 1,
                       thread: Int = 2484, source: String = "execreqmgr.cpp:1") -> String {
        "<![LOG[\(message)]LOG]!><time=\"\(time)+300\" date=\"01-14-2011\" component=\"\(component)\" context=\"\" type=\"\(type)\" thread=\"\(thread)\" file=\"\(source)\">\r\n"
    }

    static let standardLogs: [(client: String, name: String, text: String)] = [
        ("PC-ALPHA", "execmgr.log",
         record("Execution Request for package AB100012 program Install state change from NotExist to WaitingDependency", "10:15:01.100")
         + record("Raising event:\ninstance of SoftDistProgramStartedEvent\n{\n    AdvertisementId = \"AB12000A\";\n};", "10:15:03.300")
         + record("Program exit code 999", "10:15:09.400", type: 3)
         + record("A retry will be attempted in 600 seconds", "10:15:09.600", type: 2)
         + record("Terminal says \u{1B}[31mRED\u{1B}[0m here", "10:15:10.700", type: 2, thread: 3001)),
        ("PC-BETA", "CAS.log",
         record("Download started for content AB100012.1", "10:14:59.000", component: "ContentAccess", thread: 4100)
         + record("インストールに失敗しました", "10:15:05.000", component: "ContentAccess", type: 3, thread: 4100)),
    ]
}

/// What a job hands over before it ends, gathered from the thread it runs on.
final class EarlyResults: Sendable {
    let list = Mutex<[Job.Delivered]>([])
}
