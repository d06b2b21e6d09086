import Foundation

extension ExecutionHistory {
    /// execmgr.log and its rotations (`execmgr.lo_`, `execmgr-YYYYMMDD-HHMMSS.log`) share this name;
    /// a copy renamed for a ticket (`WKS01_execmgr.log`) still counts.
    public static func isExecmgrLog(_ logName: String) -> Bool {
        let name = logName.lowercased()
        return name == "execmgr.log" || (name.contains("execmgr") && (name.hasSuffix(".log") || name.hasSuffix(".lo_")))
    }

    /// The workspace cut down to its execmgr logs: loading only those keeps a big workspace fast,
    /// and the other logs' problems out of a timeline's report.
    public static func execmgrInputs(_ inputs: WorkspaceInputs) -> WorkspaceInputs {
        var only = inputs
        only.clients = inputs.clients.compactMap { client in
            var kept = client
            kept.logs = client.logs.filter { isExecmgrLog($0.name) }
            return kept.logs.isEmpty ? nil : kept
        }
        return only
    }

    /// Every program's history in the loaded logs: each client's execmgr files read oldest first
    /// (the order `LoadedLogs` keeps), so a retry that crosses a rotation is one timeline.
    ///
    /// A program's history never leaves its client, so clients are built on all cores and their
    /// histories put together in workspace order: the same timelines as one builder fed every file.
    public static func build(logs: LoadedLogs, policy: RetryPolicy, explain: ExitCodeExplainer? = nil) -> ExecutionHistory {
        var clients: [[LogFileIndex]] = []
        var position: [String: Int] = [:]
        for file in logs.files where isExecmgrLog(file.logName) {
            if let k = position[file.client] {
                clients[k].append(file)
            } else {
                position[file.client] = clients.count
                clients.append([file])
            }
        }
        let groups = clients
        let histories = Concurrently.map(count: groups.count) { k in
            var builder = ExecutionTimelineBuilder(policy: policy, explain: explain)
            for file in groups[k] {
                file.forEachRecord(containing: nil, in: 0..<file.count, window: LogFileIndex.sequentialWindow,
                                   isCancelled: { false }) { index, bytes, loss in
                    let entry = file.entries[index]
                    let source = StepSource(file: file, index: index)
                    // Most of an execmgr.log is none of the lines a history reads: only the message
                    // is decoded to tell, and the record whole only for those lines.
                    let fields = RecordDecoding.fields(bytes, format: entry.format, level: entry.level)
                    guard loss == nil, fields.format != .unparsed else {
                        return builder.add(file.decode(entry, bytes, lost: loss), source: source)
                    }
                    guard let line = ExecmgrLine.parse(TextDecoding.message(bytes, fields.message)) else { return }
                    builder.add(file.decode(entry, bytes), source: source, line: line)
                }
            }
            return builder.build()
        }
        return ExecutionHistory(timelines: histories.flatMap(\.timelines), unattributed: histories.flatMap(\.unattributed),
                                policy: policy)
    }

    /// The same from records already in hand (tests, a console pane that holds its own).
    public static func build(records: some Sequence<LogRecord>, policy: RetryPolicy,
                             explain: ExitCodeExplainer? = nil) -> ExecutionHistory {
        var builder = ExecutionTimelineBuilder(policy: policy, explain: explain)
        for record in records { builder.add(record) }
        return builder.build()
    }

    /// The same history with its verdicts worded with another exit-code explainer (the timeline
    /// and the diagnostic rules word codes differently), so a console builds the history once.
    public func explained(by explain: ExitCodeExplainer?) -> ExecutionHistory {
        var copy = self
        let writer = ExecutionVerdictWriter(policy: policy, explain: explain)
        for k in copy.timelines.indices {
            let t = copy.timelines[k]
            copy.timelines[k].verdict = writer.verdict(steps: t.steps, attempts: t.attempts, state: t.lastState,
                                                       notes: t.verdict.notes, pendingPrediction: t.pendingPrediction)
        }
        return copy
    }

    /// The timelines a `--client`/`--program` filter keeps: a client by name, a program by part of
    /// its name or by its advertisement or package ID (case-insensitive).
    public func filtered(clients: [String] = [], program: String? = nil) -> ExecutionHistory {
        var copy = self
        copy.timelines = timelines.filter { timeline in
            let key = timeline.key
            let clientOK = clients.isEmpty || clients.contains { $0.caseInsensitiveCompare(key.client) == .orderedSame }
            guard let program, !program.isEmpty else { return clientOK }
            let programOK = key.program.range(of: program, options: .caseInsensitive) != nil
                || key.advertisement?.caseInsensitiveCompare(program) == .orderedSame
                || key.package?.caseInsensitiveCompare(program) == .orderedSame
            return clientOK && programOK
        }
        if program != nil { copy.unattributed = [] }
        return copy
    }
}
