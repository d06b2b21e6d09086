extension ExecutionHistory {
    /// Every program exit in the execmgr logs, by code, oldest first: the line execmgr writes when a
    /// program ends (`Program exit code 999`), as the timeline reads it — so an exit counts once, not
    /// once for each of the half-dozen lines that repeat its code.
    public func exitCodeOccurrences(in logs: LoadedLogs) -> [Int: [RecordReference]] {
        var found: [Int: [RecordReference]] = [:]
        for step in timelines.flatMap(\.steps) + unattributed where step.event == .exitCode {
            guard let code = step.exitCode, let ref = logs.reference(file: step.evidence.file, line: step.evidence.line) else { continue }
            found[code, default: []].append(ref)
        }
        for key in found.keys {
            found[key]!.sort { logs.files[Int($0.file)].sortTicks(at: Int($0.index)) < logs.files[Int($1.file)].sortTicks(at: Int($1.index)) }
        }
        return found
    }
}
