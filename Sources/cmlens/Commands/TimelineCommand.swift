import ArgumentParser
import CMLensCore
import Foundation

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Executions: programs, applications, task sequences and software updates, step by step.",
        discussion: """
            Reads every client's execmgr.log (with its .lo_ rotation) and prints, per program, each state \
            change with its time, exit code and file:line, then a verdict: Success, SuccessRebootRequired, \
            FailureNonRetry, removed while waiting, or waiting to retry with the time the retry is due. \
            Retries are judged by the site control file's Execution Failure Retry policy (--site-control, else \
            a sitectrl.ct* in the workspace, else the ConfigMgr defaults).

            It reads applications (AppEnforce.log with AppDiscovery.log and AppIntentEval.log), task \
            sequences (smsts.log: one timeline per run, every instruction with its outcome) and software \
            updates (UpdatesDeployment.log, UpdatesHandler.log, WUAHandler.log and UpdatesStore.log of a client \
            as one job) the same way: steps with time, outcome, exit code and file:line, then a verdict with \
            its reason. --kind picks kinds; without it, every kind the logs hold is shown.
            """)

    @Argument(help: "Log files, folders (searched recursively) or archives; a sitectrl.ct0 among them sets the retry policy.")
    var paths: [String]

    @Option(name: .customLong("site-control"), help: "The site control file whose retry policy applies.")
    var siteControl: String?

    @Option(help: "Only this client (folder name; repeatable).")
    var client: [String] = []

    @Option(help: "Only programs whose name contains this text, or with this advertisement or package ID; for the other kinds, executions whose name contains it.")
    var program: String?

    @Option(help: "Only this kind: program, application, taskSequence or softwareUpdates (repeatable; default: every kind present).")
    var kind: [ExecutionKind] = []

    @Option(help: "text, json (one object per line) or csv.")
    var format: OutputFormat = .text

    func run() throws {
        if let siteControl, !FileManager.default.fileExists(atPath: siteControl) {
            throw UsageError("--site-control \(siteControl): no such file")
        }
        let kinds = kind.isEmpty ? Set(ExecutionKind.allCases) : Set(kind)
        let workspace = Workspace.load(paths, .init(parts: [.logs, .sitePolicy], logs: .executions(kinds),
                                                    clients: client.isEmpty ? nil : Set(client), siteControl: siteControl))
        let (logs, policy, problems) = (workspace.logs, workspace.policy, workspace.problems)
        Diagnostics.report(problems)

        var executions = Executions(programs: kinds.contains(.program) ? workspace.executionHistory() : nil,
                                    others: workspace.executions().filter { kinds.contains($0.kind) })
            .filtered(clients: client)
        executions.programs = executions.programs?.filtered(clients: client, program: program)
        if let program, !program.isEmpty {
            executions.others = executions.others.filter { $0.name.range(of: program, options: .caseInsensitive) != nil }
        }
        let others = executions.others
        guard let history = executions.programs else { return try output(others: others, problems: problems) }
        if !logs.files.contains(where: { ExecutionHistory.isExecmgrLog($0.logName) }) {
            let text = "cmlens: no execmgr.log under \(paths.joined(separator: " ")); no program executions to show\n"
            FileHandle.standardError.write(Data(TerminalText.escape(text, keepNewlines: true).utf8))
        }
        let out = StandardOutput.shared
        switch format {
        case .text:
            text(history, out)
            text(others, out)
        case .json:
            for timeline in history.timelines {
                for step in timeline.steps {
                    out.line(TimelineOutput.json(step: step, key: timeline.key, policy: policy, explain: TimelineExplainer.exitCode))
                }
                out.line(TimelineOutput.json(verdict: timeline))
            }
            for step in history.unattributed {
                out.line(TimelineOutput.json(step: step, key: nil, policy: policy, explain: TimelineExplainer.exitCode))
            }
            json(others, out)
        case .csv:
            out.line(CSVRow.render(TimelineOutput.csvHeader))
            for timeline in history.timelines {
                for step in timeline.steps { out.line(TimelineOutput.csv(step: step, key: timeline.key, policy: policy)) }
                out.line(TimelineOutput.csv(verdict: timeline))
            }
            for step in history.unattributed { out.line(TimelineOutput.csv(step: step, key: nil, policy: policy)) }
            csv(others, out)
        }
        out.flush()
        if problems.contains(where: { $0.severity == .error }) { throw InputHadErrors() }
    }

    /// Without programs (`--kind` left them out): only the other kinds, and a word when there are none.
    private func output(others: [Execution], problems: [LoadProblem]) throws {
        let out = StandardOutput.shared
        switch format {
        case .text:
            if others.isEmpty { out.line("No \(kind.map(\.rawValue).joined(separator: " or ")) executions found.") }
            text(others, out)
        case .json: json(others, out)
        case .csv:
            out.line(CSVRow.render(TimelineOutput.csvHeader))
            csv(others, out)
        }
        out.flush()
        if problems.contains(where: { $0.severity == .error }) { throw InputHadErrors() }
    }

    private func json(_ executions: [Execution], _ out: StandardOutput) {
        for execution in executions {
            for step in execution.steps { out.line(TimelineOutput.json(step: step, of: execution)) }
            out.line(TimelineOutput.json(verdict: execution))
        }
    }

    private func csv(_ executions: [Execution], _ out: StandardOutput) {
        for execution in executions {
            for step in execution.steps { out.line(TimelineOutput.csv(step: step, of: execution)) }
            out.line(TimelineOutput.csv(verdict: execution))
        }
    }

    /// Each kind under its heading, each execution with its verdict first, as programs are shown.
    private func text(_ executions: [Execution], _ out: StandardOutput) {
        let style = ANSIStyle.standardOutput
        var heading: ExecutionKind?
        for execution in executions {
            if heading != execution.kind {
                heading = execution.kind
                out.line("")
                out.line(style.render(StyledText("== " + execution.kind.title + " ==", .heading)))
            }
            out.line("")
            out.line(style.render(TimelineOutput.header(execution)))
            out.line(style.render(TimelineOutput.verdictLine(execution.verdict)))
            for entry in execution.entries { out.line(style.render(TimelineOutput.text(entry: entry))) }
            for step in execution.steps { out.line(style.render(TimelineOutput.text(step: step))) }
        }
    }

    private func text(_ history: ExecutionHistory, _ out: StandardOutput) {
        let style = ANSIStyle.standardOutput
        out.line("Retry policy: " + TerminalText.escape(history.policy.sourceDescription))
        if history.timelines.isEmpty && history.unattributed.isEmpty {
            out.line("No program executions found.")
        }
        for timeline in history.timelines {
            out.line("")
            out.line(style.render(TimelineOutput.header(timeline.key)))
            out.line(style.render(TimelineOutput.verdictLine(timeline.verdict)))
            for step in timeline.steps {
                for line in TimelineOutput.text(step: step, policy: history.policy, explain: TimelineExplainer.exitCode) {
                    out.line(style.render(line))
                }
            }
        }
        if !history.unattributed.isEmpty {
            out.line("")
            out.line("Lines no program could be joined to:")
            for step in history.unattributed {
                for line in TimelineOutput.text(step: step, policy: history.policy) { out.line(style.render(line)) }
            }
        }
    }
}

extension ExecutionKind: ExpressibleByArgument {}

/// Every timeline output explains exit codes with the error catalogue.
enum TimelineExplainer {
    static let exitCode: ExitCodeExplainer? = ErrorExplainer.exitCodeMeaning
}
