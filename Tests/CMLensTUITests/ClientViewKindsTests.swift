import CMLensCore
import Foundation
import Testing
@testable import CMLensTUI

/// The Client view names a failed task sequence with its step and error, from the core's summary.
@Suite struct ClientViewKindsTests {
    static func record(_ message: String, second: Int) -> String {
        let time = String(format: "10:00:%02d.000+000", second)
        return "<![LOG[\(message)]LOG]!><time=\"\(time)\" date=\"01-14-2011\" component=\"TSManager\" context=\"\" type=\"1\" thread=\"1\" file=\"engine.cpp:1\">"
    }

    @Test func aFailedTaskSequenceIsListedWithItsStepAndError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-kinds-\(UUID().uuidString)/PC-TS")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let messages = ["The task execution engine started execution",
                        "Start executing an instruction. Instruction name: Install Office. Instruction pointer: 0",
                        "Process completed with exit code 1603",
                        "Failed to run the action: Install Office.\nFatal error during installation. (Error: 80070643; Source: Windows)",
                        "Task Sequence Engine failed! Code: enExecutionFail"]
        let text = messages.enumerated().map { Self.record($1, second: $0) }.joined(separator: "\r\n")
        try Data(text.utf8).write(to: root.appendingPathComponent("smsts.log"))
        let inputs = WorkspaceScanner.scan([root.deletingLastPathComponent().path])
        let summaries = ClientSummaries.load(inputs: inputs, logs: LoadedLogs.load(inputs), policy: .defaults)
        let summary = try #require(summaries.summary(of: "PC-TS"))
        let rows = ClientPane.rows(summary)
        let texts = rows.compactMap { row -> String? in
            switch row {
            case .section(let text), .note(let text, _): text
            default: nil
            }
        }
        #expect(texts.contains("Applications, task sequences, updates: 1 failing (3 steps through them)"))
        #expect(texts.contains("Task sequence failed at \"Install Office\", error 0x80070643"), "\(texts)")
    }
}

/// The Logs pane's detail rule says what the selected record's log records, in Microsoft's words.
@Suite struct LogDescriptionShownTests {
    @Test func theLogsDetailNamesWhatTheLogRecords() {
        var console = AnalysisFixture.console(size: Size(columns: 120, lines: 40))
        AnalysisFixture.show(LogsPane.id, in: &console)
        let rule = console.grid.lines.first { $0.hasPrefix("─ ") && $0.contains(".log:") }
        #expect(rule?.contains("The Content Access service.") == true, "\(rule ?? "no detail rule")")
    }
}
