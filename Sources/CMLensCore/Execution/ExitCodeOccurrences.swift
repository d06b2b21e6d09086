extension ExecutionHistory {
    /// Every program exit in the execmgr logs, by code, oldest first: the line execmgr writes when a
    /// program ends (`Program exit code 999`), as the timeline reads it — so an exit counts once, not
    /// once for each of the half-dozen lines that repeat its code.
    public func exitCodeOccurrences(in logs: LoadedLogs) -> [Int: [RecordReference]] {
        var found: [Int: [RecordReference]] = [:]
        // Files by identity, so a workspace of thousands of logs does not search them all for each exit.
        var positions: [ObjectIdentifier: Int] = [:]
        for (k, file) in logs.files.enumerated() { positions[ObjectIdentifier(file)] = k }
        func collect(_ steps: [ExecutionStep]) {
            for step in steps where step.event == .exitCode {
                guard let code = step.exitCode, let ref = reference(step, logs, positions) else { continue }
                found[code, default: []].append(ref)
            }
        }
        for timeline in timelines { collect(timeline.steps) }
        collect(unattributed)
        for key in found.keys {
            found[key]!.sort { logs.files[Int($0.file)].sortTicks(at: Int($0.index)) < logs.files[Int($1.file)].sortTicks(at: Int($1.index)) }
        }
        return found
    }

    /// The step's record: the one it names when it came from these logs, else found by its line.
    private func reference(_ step: ExecutionStep, _ logs: LoadedLogs, _ positions: [ObjectIdentifier: Int]) -> RecordReference? {
        if let id = step.source.recordID, let f = positions[ObjectIdentifier(id.file)] {
            return RecordReference(file: f, index: id.index)
        }
        return logs.reference(to: step.evidence)
    }
}
