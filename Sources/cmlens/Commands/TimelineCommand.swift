import ArgumentParser
import CMLensCore
import Foundation

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Programs' execution state changes, retries and predictions.",
        discussion: """
            Reads every client's execmgr.log (with its .lo_ rotation) and prints, per program, each state \
            change with its time, exit code and file:line, then a verdict: Success, SuccessRebootRequired, \
            FailureNonRetry, removed while waiting, or waiting to retry with the time the retry is due. \
            Retries are judged by the site control file's Execution Failure Retry policy (--site-control, else \
            a sitectrl.ct* in the workspace, else the ConfigMgr defaults).
            """)

    @Argument(help: "Log files, folders (searched recursively) or archives; a sitectrl.ct0 among them sets the retry policy.")
    var paths: [String]

    @Option(name: .customLong("site-control"), help: "The site control file whose retry policy applies.")
    var siteControl: String?

    @Option(help: "Only this client (folder name; repeatable).")
    var client: [String] = []

    @Option(help: "Only programs whose name contains this text, or with this advertisement or package ID.")
    var program: String?

    @Option(help: "text, json (one object per line) or csv.")
    var format: OutputFormat = .text

    func run() throws {
        if let siteControl, !FileManager.default.fileExists(atPath: siteControl) {
            throw UsageError("--site-control \(siteControl): no such file")
        }
        let inputs = WorkspaceScanner.scan(paths)
        let logs = LoadedLogs.load(ExecutionHistory.execmgrInputs(inputs), clients: client.isEmpty ? nil : Set(client))
        let (policy, policyProblems) = RetryPolicy.forWorkspace(inputs, siteControl: siteControl)
        let problems = logs.problems + policyProblems
        Diagnostics.report(problems)

        let history = ExecutionHistory.build(logs: logs, policy: policy, explain: TimelineExplainer.exitCode)
            .filtered(clients: client, program: program)
        if !logs.files.contains(where: { ExecutionHistory.isExecmgrLog($0.logName) }) {
            let text = "cmlens: no execmgr.log under \(paths.joined(separator: " ")); no program executions to show\n"
            FileHandle.standardError.write(Data(TerminalText.escape(text, keepNewlines: true).utf8))
        }
        let out = StandardOutput.shared
        switch format {
        case .text: text(history, out)
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
        case .csv:
            out.line(CSVRow.render(TimelineOutput.csvHeader))
            for timeline in history.timelines {
                for step in timeline.steps { out.line(TimelineOutput.csv(step: step, key: timeline.key, policy: policy)) }
                out.line(TimelineOutput.csv(verdict: timeline))
            }
            for step in history.unattributed { out.line(TimelineOutput.csv(step: step, key: nil, policy: policy)) }
        }
        out.flush()
        if problems.contains(where: { $0.severity == .error }) { throw InputHadErrors() }
    }

    private func text(_ history: ExecutionHistory, _ out: StandardOutput) {
        let style = TextStyle(enabled: Diagnostics.colorOnStdout)
        out.line("Retry policy: " + TerminalText.escape(history.policy.sourceDescription))
        if history.timelines.isEmpty && history.unattributed.isEmpty {
            out.line("No program executions found.")
        }
        for timeline in history.timelines {
            out.line("")
            out.line(TimelineOutput.header(timeline.key, style: style))
            out.line(TimelineOutput.verdictLine(timeline.verdict, style: style))
            for step in timeline.steps {
                for line in TimelineOutput.text(step: step, policy: history.policy, explain: TimelineExplainer.exitCode, style: style) {
                    out.line(line)
                }
            }
        }
        if !history.unattributed.isEmpty {
            out.line("")
            out.line("Lines no program could be joined to:")
            for step in history.unattributed {
                for line in TimelineOutput.text(step: step, policy: history.policy, style: style) { out.line(line) }
            }
        }
    }
}

/// Every timeline output explains exit codes with the error catalogue.
enum TimelineExplainer {
    static let exitCode: ExitCodeExplainer? = ErrorExplainer.exitCodeMeaning
}
