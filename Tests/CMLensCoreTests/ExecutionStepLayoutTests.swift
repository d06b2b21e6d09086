import Testing
@testable import CMLensCore

/// A 1 GB execmgr.log is millions of steps: each byte of a step is megabytes of the timeline's memory.
@Suite struct ExecutionStepLayoutTests {
    @Test func aStepFitsIn64Bytes() {
        #expect(MemoryLayout<ExecutionStep>.stride <= 64, "ExecutionStep is \(MemoryLayout<ExecutionStep>.stride) bytes")
        #expect(MemoryLayout<LogTime>.stride == 16)
    }

    @Test func fieldsReadBackAsWritten() {
        let source = StepSource(record: LogRecord(client: "C", file: "execmgr.log", line: 1, time: nil, level: .info,
                                                  component: "execmgr", thread: "1", source: "", format: .cmtrace,
                                                  message: "Execution Request for program P state change from Running to WaitingForGodot"))
        var step = ExecutionStep(event: .stateChange, time: nil, from: "Running", state: "WaitingForGodot", exitCode: nil,
                                 retried: nil, attempt: 3, prediction: nil, source: source)
        #expect(step.from == "Running" && step.state == "WaitingForGodot")
        #expect(step.exitCode == nil && step.retried == nil && step.attempt == 3 && step.notes.isEmpty)
        step.exitCode = -2147023436
        step.retried = false
        step.state = ExecutionState.removed
        step.notes.append("a note")
        #expect(step.exitCode == -2147023436 && step.retried == false && step.state == "Removed" && step.notes == ["a note"])
        step.exitCode = 0
        step.retried = true
        step.from = nil
        #expect(step.exitCode == 0 && step.retried == true && step.from == nil)
        var same = ExecutionStep(event: .stateChange, time: nil, from: nil, state: "Removed", exitCode: 0,
                                 retried: true, attempt: 3, prediction: nil, source: source, notes: ["a note"])
        #expect(same == step)
        same.notes = []
        #expect(same != step)
        var time = LogTime(localSeconds: 1, biasMinutes: -60)
        #expect(time.biasMinutes == -60)
        time.biasMinutes = nil
        #expect(time.biasMinutes == nil)
        time.biasMinutes = 840
        #expect(time.utcSeconds == 1 + 840 * 60)
    }
}
