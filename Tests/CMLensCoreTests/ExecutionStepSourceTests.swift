import Foundation
import Testing
@testable import CMLensCore

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/execmgr").path
private let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Samples").path

/// A history read from loaded logs names its records and decodes their text when asked; it must
/// say exactly what a history built from records in hand says.
@Suite struct ExecutionStepSourceTests {
    static let workspaces = [fixtures, samples]

    @Test(arguments: workspaces) func stepsFromTheIndexSayWhatStepsFromRecordsSay(path: String) throws {
        let logs = LoadedLogs.load(WorkspaceScanner.scan([path]))
        let indexed = ExecutionHistory.build(logs: logs, policy: .defaults, explain: ErrorExplainer.exitCodeMeaning)
        let records = logs.files.filter { ExecutionHistory.isExecmgrLog($0.logName) }.flatMap(\.records)
        let held = ExecutionHistory.build(records: records, policy: .defaults, explain: ErrorExplainer.exitCodeMeaning)
        #expect(!indexed.timelines.isEmpty)
        #expect(indexed.timelines.count == held.timelines.count)
        for (a, b) in zip(indexed.timelines, held.timelines) {
            #expect(a.key == b.key)
            #expect(a.verdict == b.verdict)
            #expect(a.steps.count == b.steps.count)
            for (s, t) in zip(a.steps, b.steps) {
                #expect(s.source.recordIndex != nil)
                #expect(t.source.recordIndex == nil)
                #expect(s.message == t.message)
                #expect(s.evidence == t.evidence)
                #expect(s.wmiEvent == t.wmiEvent)
                #expect(s == t)
            }
        }
    }

    @Test func aStepsTextIsItsRecordsFirstLineAndItsEvidenceItsFileAndLine() throws {
        let logs = LoadedLogs.load(WorkspaceScanner.scan([fixtures]))
        let history = ExecutionHistory.build(logs: logs, policy: .defaults)
        let steps = history.timelines.flatMap(\.steps)
        #expect(!steps.isEmpty)
        for step in steps {
            let index = try #require(step.source.recordIndex)
            let file = try #require(logs.files.first { $0.path == step.evidence.file })
            #expect(file.line(at: index) == step.evidence.line)
            #expect(step.message == String(file.record(at: index).firstLine))
        }
        // A WMI event block is read again from its record: its class and values are there.
        let events = steps.filter { $0.event == .wmiEvent }
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.wmiEvent?.className.isEmpty == false })
    }

    /// The console builds one history and words its verdicts again for the diagnostic rules.
    @Test(arguments: workspaces) func verdictsWordedAgainMatchAHistoryBuiltWithThatExplainer(path: String) {
        let logs = LoadedLogs.load(WorkspaceScanner.scan([path]))
        let diagnostic = DiagnosticProviders.exitCodeExplainer(policy: .defaults)
        let timeline = ExecutionHistory.build(logs: logs, policy: .defaults, explain: ErrorExplainer.exitCodeMeaning)
        let direct = ExecutionHistory.build(logs: logs, policy: .defaults, explain: diagnostic)
        let again = timeline.explained(by: diagnostic)
        #expect(again.timelines.map(\.verdict) == direct.timelines.map(\.verdict))
        #expect(again.timelines.map(\.verdict.text) != timeline.timelines.map(\.verdict.text)
            || timeline.timelines.allSatisfy { $0.verdict.exitCode == nil })
    }

    @Test func diagnosisFromASharedHistoryFindsWhatItsOwnFinds() {
        let inputs = WorkspaceScanner.scan([samples])
        let logs = LoadedLogs.load(inputs)
        let shared = ExecutionHistory.build(logs: logs, policy: .defaults, explain: ErrorExplainer.exitCodeMeaning)
        let own = Diagnosis.run(inputs: inputs, logs: logs).findings
        let fromShared = Diagnosis.run(inputs: inputs, logs: logs, history: shared).findings
        #expect(!own.isEmpty)
        #expect(own == fromShared)
    }
}
