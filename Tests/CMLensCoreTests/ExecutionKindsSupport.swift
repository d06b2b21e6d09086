import Foundation
@testable import CMLensCore

/// Builds executions the way `cmlens timeline` does: files written to a client folder, found by
/// the workspace scanner (so rotations and renamed copies are recognised by name), loaded, read.
enum ExecutionKindsSupport {
    static func executions(_ files: [(name: String, bytes: [UInt8])], kinds: Set<ExecutionKind> = Set(ExecutionKind.allCases))
        throws -> Executions {
        let folder = try LogTestSupport.temporaryDirectory().appendingPathComponent("PC1")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for file in files { try Data(file.bytes).write(to: folder.appendingPathComponent(file.name)) }
        return executions(at: [folder.path], kinds: kinds)
    }

    static func executions(at paths: [String], kinds: Set<ExecutionKind> = Set(ExecutionKind.allCases)) -> Executions {
        let inputs = WorkspaceScanner.scan(paths)
        let logs = LoadedLogs.load(Executions.inputs(inputs, kinds: kinds))
        return Executions.build(logs: logs, policy: .defaults, kinds: kinds, explain: DiagnosticProviders.exitCodeExplainer(policy: .defaults))
    }

    /// CMTrace records, one a line, CRLF-terminated as ConfigMgr writes them; seconds count up from `start`.
    static func log(_ messages: [String], component: String, date: String = "03-15-2011", start: Int = 0) -> String {
        messages.enumerated().map { k, message in
            let s = start + k
            let time = String(format: "14:%02d:%02d.000+000", (s / 60) % 60, s % 60)
            return LogTestSupport.cmtrace(message, time: time, date: date, component: component) + "\r\n"
        }.joined()
    }

    static func succeededNames(_ execution: Execution) -> [String] {
        execution.steps.filter { $0.outcome == .succeeded && $0.event == "actionSucceeded" }.map(\.name)
    }
}
