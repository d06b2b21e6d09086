/// Reads a client's software-update logs, merged in time order, into one job: every update the
/// deployment targeted, with what became of it (downloaded, installed, its result code), the scans
/// and evaluations around it, and a verdict for the whole.
struct UpdateJobReader {
    let explain: ExitCodeExplainer?
    private var job: Draft?
    private var jobs: [Execution] = []

    init(explain: ExitCodeExplainer?) {
        self.explain = explain
    }

    /// One update's story in the job.
    struct Update {
        var id: String
        var title: String?
        var article: String?
        var status = "targeted"
        var downloaded = false
        var installed: Bool?
        var result: Int?
        var failures = 0
        var rebootRequired = false
        var lastStep: Int?
    }

    struct Draft {
        var client: String
        var steps: [Execution.Step] = []
        var updates: [Update] = []
        var byID: [String: Int] = [:]
        var assignments: [String] = []
        var scanFailure: (code: Int, step: Int)?
        var compliant: (value: Bool, step: Int)?
        var evaluatedFailed: Int?
        /// What the store said of updates before the deployment named them (the store reports
        /// every update on the client at startup): kept until an update is targeted.
        var storeSaid: [String: (status: String, title: String?, article: String?)] = [:]
    }

    mutating func begin(client: String) {
        if job?.client != client { close() }
        if job == nil { job = Draft(client: client) }
    }

    mutating func add(_ record: LogRecord, source: StepSource) {
        let text = record.format == .unparsed ? ExecutionTimelineBuilder.salvage(record.message) : record.message
        guard let line = UpdatesLine.parse(text), job != nil else { return }
        func step(_ name: String, _ event: String, _ outcome: Execution.Outcome, code: Int? = nil, _ words: String) {
            job?.steps.append(Execution.Step(time: record.time, name: name, event: event, outcome: outcome, exitCode: code,
                                             exitCodeMeaning: code.flatMap { $0 == 0 ? nil : explain?($0) }, text: words, source: source))
        }
        switch line {
        case let .targeted(id, title, article, assignment):
            let k = update(id)
            if let title { job?.updates[k].title = title }
            if let article { job?.updates[k].article = article }
            if let assignment, job?.assignments.contains(assignment) == false { job?.assignments.append(assignment) }
            step(label(k), "targeted", .info, "targeted by deployment \(assignment ?? "?")")
            mark(k)
        case let .progress(id, status, result):
            let k = update(id)
            let failed = status.lowercased().contains("error") || (result.map { $0 != 0 } ?? false)
            let word = Self.progressWord(status)
            job?.updates[k].status = failed ? "failed" : word
            if word == "downloaded" || word == "installing" || word == "installed" { job?.updates[k].downloaded = true }
            if word == "installed" { job?.updates[k].installed = true }
            if word == "pendingReboot" { job?.updates[k].installed = true; job?.updates[k].rebootRequired = true }
            if failed { fail(k, result) }
            step(label(k), "progress", failed ? .failed : (word == "installed" ? .succeeded : .info), code: result,
                 "\(status)" + (result.map { ", result \(ExecutionCode.display($0))" } ?? ""))
            mark(k)
        case let .finishedInstalling(id, result, reboot):
            let k = update(id)
            job?.updates[k].downloaded = true
            if result == 0 || result == 3010 {
                job?.updates[k].installed = true
                job?.updates[k].result = result
                job?.updates[k].rebootRequired = reboot || result == 3010
                job?.updates[k].status = reboot ? "pendingReboot" : "installed"
                step(label(k), "installed", .succeeded, code: result, "finished installing" + (reboot ? ", a restart is required" : ""))
                mark(k)
            } else {
                fail(k, result)
                step(label(k), "installFailed", .failed, code: result, "failed to install: \(ExecutionCode.display(result))")
                mark(k)
            }
        case let .failedToInstall(id, error):
            let k = update(id)
            fail(k, error)
            step(label(k), "installFailed", .failed, code: error, "failed to install: \(ExecutionCode.display(error))")
            mark(k)
        case let .queried(id, status, title, article):
            // The store knows every update on the client; the job is about the ones it targets.
            guard let k = job?.byID[id] else {
                job?.storeSaid[id] = (status, title, article)
                return
            }
            if job?.updates[k].title == nil { job?.updates[k].title = title }
            if job?.updates[k].article == nil { job?.updates[k].article = article }
            if status == "Installed", job?.updates[k].installed == nil { job?.updates[k].installed = true; job?.updates[k].status = "installed" }
            step(label(k), "storeStatus", .info, "the update store says \(status)")
            mark(k)
        case let .storeState(id, state):
            guard let k = job?.byID[id] else {
                if job?.storeSaid[id] == nil { job?.storeSaid[id] = (state, nil, nil) }
                return
            }
            if state == "Installed", job?.updates[k].installed == nil { job?.updates[k].installed = true; job?.updates[k].status = "installed" }
            if state == "Missing", job?.updates[k].installed == nil { job?.updates[k].status = "missing" }
            step(label(k), "storeStatus", .info, "state message: \(state)")
            mark(k)
        case .scanStarted:
            step("scan", "scanStarted", .started, "updates scan started")
        case let .scanCompleted(result):
            let count = job?.steps.count ?? 0
            if result != 0 { job?.scanFailure = (result, count) } else { job?.scanFailure = nil }
            step("scan", "scanCompleted", result == 0 ? .succeeded : .failed, code: result,
                 result == 0 ? "scan completed" : "scan failed: \(ExecutionCode.display(result))")
        case let .evaluated(assignment, state):
            if !(job?.assignments.contains(assignment) ?? true) { job?.assignments.append(assignment) }
            let failed = state.uppercased().contains("FAIL")
            let count = job?.steps.count ?? 0
            job?.evaluatedFailed = failed ? count : nil
            step(assignment, "assignmentEvaluated", failed ? .failed : .info, state)
        case let .compliance(assignment, compliant):
            let count = job?.steps.count ?? 0
            job?.compliant = (compliant, count)
            step(assignment, "compliance", compliant ? .succeeded : .info, compliant ? "compliant" : "not compliant")
        case .installStarted:
            step("install", "installStarted", .started, "installation of updates started")
        case .installCompleted:
            step("install", "installCompleted", .info, "installation of updates completed")
        }
    }

    private mutating func update(_ id: String) -> Int {
        if let k = job?.byID[id] { return k }
        let k = job?.updates.count ?? 0
        job?.updates.append(Update(id: id))
        job?.byID[id] = k
        return k
    }

    private mutating func mark(_ k: Int) {
        let last = (job?.steps.count ?? 1) - 1
        job?.updates[k].lastStep = last
    }

    private mutating func fail(_ k: Int, _ code: Int?) {
        job?.updates[k].status = "failed"
        job?.updates[k].installed = false
        job?.updates[k].result = code
        job?.updates[k].failures += 1
    }

    private func label(_ k: Int) -> String {
        guard let update = job?.updates[k] else { return "" }
        return Self.label(update)
    }

    /// `KB4589208 2021-01 Update for …`, else the title, else the GUID.
    static func label(_ update: Update) -> String {
        switch (update.article, update.title) {
        case let (kb?, title?): title.contains("KB\(kb)") ? title : "KB\(kb) \(title)"
        case let (kb?, nil): "KB\(kb) (\(update.id))"
        case let (nil, title?): title
        default: update.id
        }
    }

    /// `ciStateDownloading` → `downloading`, in the job's words.
    static func progressWord(_ status: String) -> String {
        let s = status.lowercased()
        if s.contains("pendingsoftreboot") || s.contains("pendinghardreboot") || s.contains("pendingreboot") { return "pendingReboot" }
        if s.contains("installcomplete") || s.contains("installed") { return "installed" }
        if s.contains("installing") { return "installing" }
        if s.contains("downloaded") || s.contains("waitinstall") { return "downloaded" }
        if s.contains("download") { return "downloading" }
        if s.contains("error") { return "failed" }
        return s.replacingOccurrences(of: "cistate", with: "")
    }

    private mutating func close() {
        guard var draft = job else { return }
        for k in draft.updates.indices {
            guard let said = draft.storeSaid[draft.updates[k].id] else { continue }
            if draft.updates[k].title == nil { draft.updates[k].title = said.title }
            if draft.updates[k].article == nil { draft.updates[k].article = said.article }
            if draft.updates[k].installed == nil, draft.updates[k].status == "targeted" {
                if said.status == "Installed" { draft.updates[k].installed = true; draft.updates[k].status = "installed" }
                if said.status == "Missing" { draft.updates[k].status = "missing" }
            }
        }
        job = nil
        guard !draft.steps.isEmpty else { return }
        var details = draft.assignments.map { Execution.Detail("assignment", $0) }
        details.append(Execution.Detail("updates", String(draft.updates.count)))
        var execution = Execution(kind: .softwareUpdates, client: draft.client, name: "software updates",
                                  details: details, steps: draft.steps, verdict: verdict(draft))
        execution.entries = draft.updates.map { update in
            Execution.Entry(id: update.id, name: Self.label(update), article: update.article, status: update.status,
                            downloaded: update.downloaded, installed: update.installed, exitCode: update.result,
                            exitCodeMeaning: update.result.flatMap { $0 == 0 ? nil : explain?($0) }, failures: update.failures,
                            evidence: update.lastStep.map { draft.steps[$0].evidence })
        }
        jobs.append(execution)
    }

    private func verdict(_ draft: Draft) -> Execution.Verdict {
        let steps = draft.steps
        let failed = draft.updates.filter { $0.status == "failed" }
        func at(_ k: Int) -> (Evidence, LogTime?) { (steps[k].evidence, steps[k].time) }
        if !failed.isEmpty {
            let k = steps.lastIndex { $0.outcome == .failed } ?? steps.count - 1
            let names = failed.map { u in
                Self.label(u) + (u.result.map { " (\(ExecutionCode.display($0))" + (explain?($0).map { ": \($0)" } ?? "") + ")" } ?? "")
                    + (u.failures > 1 ? ", failed \(u.failures) times" : "")
            }
            return Execution.Verdict(name: "updatesFailed", status: .failed,
                                     text: "\(failed.count) of \(draft.updates.count) update\(draft.updates.count == 1 ? "" : "s") failed: "
                                        + names.joined(separator: "; "),
                                     exitCode: failed.last?.result, failedStep: failed.last.map(Self.label), focus: k,
                                     evidence: at(k).0, time: at(k).1)
        }
        if let scan = draft.scanFailure {
            return Execution.Verdict(name: "scanFailed", status: .failed,
                                     text: "The updates scan failed with \(ExecutionCode.display(scan.code))"
                                        + (explain?(scan.code).map { " (\($0))" } ?? "") + ": no update can be evaluated until a scan succeeds",
                                     exitCode: scan.code, failedStep: "scan", focus: scan.step, evidence: at(scan.step).0, time: at(scan.step).1)
        }
        let targeted = draft.updates.count
        let installedNow = draft.updates.filter { $0.installed == true && $0.status != "missing" }.count
        if draft.updates.contains(where: \.rebootRequired) {
            let k = steps.count - 1
            return Execution.Verdict(name: "rebootPending", status: .inProgress,
                                     text: "Installed, restart pending: \(installedNow) of \(targeted) updates installed; a restart completes them",
                                     focus: k, evidence: at(k).0, time: at(k).1)
        }
        if let compliant = draft.compliant, compliant.value {
            return Execution.Verdict(name: "compliant", status: .succeeded,
                                     text: "Compliant: the client reported assignment \(draft.assignments.joined(separator: ", ")) compliant"
                                        + " (\(targeted) update\(targeted == 1 ? "" : "s") targeted, none failed\(draft.scanFailure == nil ? ", scans ended 0x0" : ""))",
                                     exitCode: 0, focus: compliant.step, evidence: at(compliant.step).0, time: at(compliant.step).1)
        }
        if targeted > 0, installedNow == targeted {
            let k = steps.count - 1
            return Execution.Verdict(name: "installed", status: .succeeded, text: "Installed: all \(targeted) targeted updates are installed",
                                     exitCode: 0, focus: k, evidence: at(k).0, time: at(k).1)
        }
        let k = steps.count - 1
        let pending = draft.updates.filter { $0.installed != true }.map(Self.label)
        let text = targeted == 0
            ? "In progress: scans and evaluations only; the logs name no update to install"
            : "In progress: \(pending.count) of \(targeted) updates not yet installed when the logs end"
                + (pending.isEmpty ? "" : " (" + pending.prefix(5).joined(separator: "; ") + (pending.count > 5 ? "; …" : "") + ")")
        return Execution.Verdict(name: "inProgress", status: .inProgress, text: text, focus: k, evidence: at(k).0, time: at(k).1)
    }

    mutating func finish() -> [Execution] {
        close()
        defer { jobs = [] }
        return jobs
    }
}
