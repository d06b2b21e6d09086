import Foundation
import Testing
@testable import CMLensCore

/// Task sequence runs read from smsts.log: the real logs, and generated runs that fail, continue on
/// error, restart, rotate, are cut off or arrive in other encodings.
@Suite struct TaskSequenceTests {
    // MARK: The real logs

    /// The 19 actions each real WinPE log completes (`Successfully completed the action (X)`), in order.
    static let brackdk04 = [
        "Gather local only", "Set High Performance Profile", "Gather local only", "Validate", "Format and Partition Disk (BIOS)",
        "Copy scripts", "Configure", "Inject Drivers", "Apply Patches", "Next Phase", "Install Operating System", "Next Phase",
        "Copy Scripts", "Configure", "Inject Drivers", "Apply Patches", "Add Windows Recovery (WinRE)", "Next Phase",
        "Restart computer",
    ]
    static let maxmoonACR = [
        "Gather local only", "Gather local only", "Validate", "Format and Partition Disk (UEFI)", "Copy scripts", "Configure",
        "Enable BitLocker (Offline)", "Inject Drivers", "Apply Patches", "Next Phase", "Install Operating System", "Next Phase",
        "Copy Scripts", "Configure", "Inject Drivers", "Apply Patches", "Add Windows Recovery (WinRE)", "Next Phase",
        "Restart computer",
    ]

    static func realRun(_ file: String) throws -> Execution {
        let path = LogTestSupport.realCorpus.appendingPathComponent(file).path
        try #require(FileManager.default.fileExists(atPath: path), "the real corpus is missing at \(path)")
        let runs = ExecutionKindsSupport.executions(at: [path], kinds: [.taskSequence]).of(.taskSequence)
        try #require(runs.count == 1, "\(runs.map(\.name))")
        return runs[0]
    }

    @Test func theBrackdkLogsSuccessfulStepsAreItsNineteenActionsInOrder() throws {
        let run = try Self.realRun("smsts.brackdk04-1.log")
        #expect(ExecutionKindsSupport.succeededNames(run) == Self.brackdk04)
        // Skipped by condition, and one disabled.
        let skipped = run.steps.filter { $0.outcome == .skipped }
        #expect(skipped.map(\.name) == ["Validation", "State Capture", "Format and Partition Disk (UEFI)",
                                        "Offline User State Capture", "Refresh only", "Enable BitLocker (Offline)"])
        #expect(skipped.last?.text.contains("disabled") == true)
        #expect(skipped.first?.text.contains("condition is false") == true)
        #expect(!run.steps.contains { $0.outcome == .failed || $0.outcome == .failedContinued })
        // The log ends as WinPE restarts: in progress, never a success it did not log.
        #expect(run.verdict.status == .inProgress)
        #expect(run.verdict.text.contains("\"Restart computer\" asked for a restart"))
        #expect(run.verdict.evidence?.file.hasSuffix("smsts.brackdk04-1.log") == true)
        // Evidence points at the line that says it.
        let validate = try #require(run.steps.first { $0.name == "Validate" && $0.outcome == .succeeded })
        #expect(validate.message.hasPrefix("Successfully completed the action (Validate) with the exit win32 code 0"))
        #expect(validate.evidence.line == 238)
    }

    @Test func theMaxmoonLogsSuccessfulStepsAreItsNineteenActionsInOrder() throws {
        let run = try Self.realRun("smsts.maxmoonACR-1.log")
        #expect(ExecutionKindsSupport.succeededNames(run) == Self.maxmoonACR)
        #expect(run.verdict.status == .inProgress)
        #expect(run.steps.first { $0.event == "instruction" }?.name == "Initialization")
    }

    @Test func aLogThatBeginsInsideAStepHasNoRunToShow() throws {
        // ErnestoLeon87's copy is cut from a content download: no instruction, no engine line.
        let path = LogTestSupport.realCorpus.appendingPathComponent("smsts.ErnestoLeon87-1.log").path
        #expect(ExecutionKindsSupport.executions(at: [path], kinds: [.taskSequence]).others.isEmpty)
    }

    // MARK: Generated runs

    static func instruction(_ name: String, _ pointer: Int) -> String {
        "Start executing an instruction. Instruction name: \(name). Instruction pointer: \(pointer)"
    }

    static func success(_ name: String, _ pointer: Int) -> [String] {
        [instruction(name, pointer), "Start executing the command line: cmd /c \(name)", "Process completed with exit code 0",
         "Successfully completed the action (\(name)) with the exit win32 code 0"]
    }

    /// A run that fails in a group: a step that continues on error, then one that aborts the group.
    static let failingRun: [String] = ["The task execution engine started execution", instruction("Install", 0),
        "The group (Install) has been successfully started"]
        + success("Apply Operating System", 1)
        + [instruction("Install Fonts", 2), "Process completed with exit code 1",
           "Failed to run the action: Install Fonts.\nIncorrect function. (Error: 00000001; Source: Windows)",
           instruction("Install Office", 3), "Process completed with exit code 1603",
           "Failed to run the action: Install Office.\nFatal error during installation. (Error: 80070643; Source: Windows)",
           "The execution of the group (Install) has failed and the execution has been aborted. An action failed.\nOperation aborted (Error: 80004004; Source: Windows)",
           "Failed to run the last action: Install Office. Execution of task sequence failed.\nFatal error during installation. (Error: 80070643; Source: Windows)",
           "Task Sequence Engine failed! Code: enExecutionFail"]

    static func run(_ messages: [String], name: String = "smsts.log") throws -> [Execution] {
        let text = ExecutionKindsSupport.log(messages, component: "TSManager")
        return try ExecutionKindsSupport.executions([(name, Array(text.utf8))], kinds: [.taskSequence]).of(.taskSequence)
    }

    @Test func theFailingStepItsErrorAndTheAbortedGroup() throws {
        let runs = try Self.run(Self.failingRun)
        try #require(runs.count == 1)
        let run = runs[0]
        #expect(run.verdict.status == .failed)
        #expect(run.verdict.failedStep == "Install Office")
        #expect(run.verdict.exitCode == 0x80070643)
        #expect(run.verdict.text.contains("group \"Install\" aborted"))
        #expect(run.verdict.text.contains("Task Sequence Engine failed! Code: enExecutionFail"))
        #expect(run.verdict.text.contains("Fatal error during installation"))
        let focus = try #require(run.verdict.focus)
        #expect(run.steps[focus].name == "Install Office" && run.steps[focus].outcome == .failed)
        #expect(run.steps.first { $0.name == "Install Fonts" && $0.event == "actionFailed" }?.outcome == .failedContinued)
        #expect(ExecutionKindsSupport.succeededNames(run) == ["Apply Operating System"])
    }

    @Test func aRunThatEndsWellSucceeds() throws {
        let runs = try Self.run(["The task execution engine started execution"] + Self.success("Apply Operating System", 0)
            + ["Task sequence completed 0x00000000"])
        #expect(runs.count == 1)
        #expect(runs.first?.verdict.status == .succeeded)
    }

    /// A restart between steps keeps one run: the engine starts again at the next instruction.
    @Test func aTaskSequenceThatRestartsAndResumesIsOneRun() throws {
        let messages = ["The task execution engine started execution"] + Self.success("Apply Operating System", 0)
            + [Self.instruction("Restart Computer", 1), "SMSTSRebootRequested=HD",
               "Successfully completed the action (Restart Computer) with the exit win32 code 0",
               "The task execution engine started execution"]
            + Self.success("Setup Windows and ConfigMgr", 2) + ["Task sequence completed 0x00000000"]
        let runs = try Self.run(messages)
        try #require(runs.count == 1)
        #expect(runs[0].verdict.status == .succeeded)
        #expect(runs[0].detail("restarts") == "1")
        #expect(ExecutionKindsSupport.succeededNames(runs[0]) == ["Apply Operating System", "Restart Computer", "Setup Windows and ConfigMgr"])
        #expect(runs[0].steps.contains { $0.event == "resumed" })
    }

    @Test func aNewRunAfterAFinishedOneIsAnotherRun() throws {
        let once = ["The task execution engine started execution"] + Self.success("Apply Operating System", 0)
            + ["Task sequence completed 0x00000000"]
        let runs = try Self.run(once + once)
        #expect(runs.count == 2)
    }

    /// Cut after any line, a run that has not logged the engine's success is never a success.
    @Test func aLogCutMidRunAtEveryLineIsInProgressNotASuccess() throws {
        let messages = ["The task execution engine started execution"] + Self.success("Apply Operating System", 0)
            + Self.success("Setup Windows and ConfigMgr", 1) + ["Task sequence completed 0x00000000"]
        let text = ExecutionKindsSupport.log(messages, component: "TSManager")
        let bytes = Array(text.utf8)
        // Every line end, and inside lines too (a cut mid-record).
        var cuts = Set(bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 })
        var random = SplitMix64(seed: 19)
        for _ in 0..<40 { cuts.insert(Int.random(in: 1..<bytes.count, using: &random)) }
        for cut in cuts.sorted() where cut < bytes.count {
            let runs = try ExecutionKindsSupport.executions([("smsts.log", Array(bytes[..<cut]))], kinds: [.taskSequence]).of(.taskSequence)
            // Only a cut after the whole of the engine's last line may read as done.
            let whole = String(decoding: bytes[..<cut], as: UTF8.self).contains("Task sequence completed 0x00000000]LOG]")
            for run in runs where !whole {
                #expect(run.verdict.status == .inProgress, "cut at byte \(cut): \(run.verdict.text)")
                #expect(run.verdict.text.contains("log ends"))
            }
        }
    }

    /// A rotation splitting a run (`smsts-20110315-140500.log`, then `smsts.log`) joins into one.
    @Test func aRotationSplittingARunJoins() throws {
        let messages = Self.failingRun
        func part(_ range: Range<Int>) -> [UInt8] {
            Array(ExecutionKindsSupport.log(Array(messages[range]), component: "TSManager", start: range.lowerBound).utf8)
        }
        for split in [3, 7, 10] {
            let older = part(0..<split), newer = part(split..<messages.count)
            let runs = try ExecutionKindsSupport.executions(
                [("smsts-20110315-140500.log", older), ("smsts.log", newer)], kinds: [.taskSequence])
                .of(.taskSequence)
            try #require(runs.count == 1, "split at \(split)")
            #expect(runs[0].verdict.failedStep == "Install Office")
            #expect(runs[0].steps.first?.evidence.file.hasSuffix("smsts-20110315-140500.log") == true)
            #expect(runs[0].steps.last?.evidence.file.hasSuffix("smsts.log") == true)
        }
        // `.lo_` is the older file too.
        let runs = try ExecutionKindsSupport.executions(
            [("smsts.lo_", part(0..<5)), ("smsts.log", part(5..<messages.count))], kinds: [.taskSequence])
        #expect(runs.of(.taskSequence).count == 1)
    }

    /// Renamed copies are recognised as smsts.log; two different copies are two runs, never joined.
    @Test func renamedCopiesAreTheirOwnLogs() throws {
        let text = Array(ExecutionKindsSupport.log(Self.failingRun, component: "TSManager").utf8)
        let runs = try ExecutionKindsSupport.executions([("smsts.PC042-1.log", text), ("SMSTS (2).log", text)], kinds: [.taskSequence])
        #expect(runs.of(.taskSequence).count == 2)
    }

    /// Lines the reader does not know, anywhere, change nothing.
    @Test func interleavedNoiseChangesNothing() throws {
        let noise = ["Set a global environment variable _SMSTSNextInstructionPointer=4", "Expand a string: %_SMSTSMDataPath%\\Logs",
                     "Executing in non SMS standalone mode. Ignoring send a task execution status message request",
                     "Evaluating a variable condition expression", "The parameter is incorrect. (Error: 80070057; Source: Windows)"]
        var random = SplitMix64(seed: 4242)
        for _ in 0..<5 {
            var messages: [String] = []
            for line in Self.failingRun {
                messages.append(line)
                if Bool.random(using: &random) { messages.append(noise.randomElement(using: &random)!) }
            }
            let runs = try Self.run(messages)
            try #require(runs.count == 1)
            #expect(runs[0].verdict.failedStep == "Install Office")
            #expect(ExecutionKindsSupport.succeededNames(runs[0]) == ["Apply Operating System"])
        }
    }

    @Test func utf16AndLFEndingsReadTheSame() throws {
        let crlf = ExecutionKindsSupport.log(Self.failingRun, component: "TSManager")
        let lf = crlf.replacingOccurrences(of: "\r\n", with: "\n")
        let expected = try Self.run(Self.failingRun)[0]
        for bytes in [LogTestSupport.utf16LE(Array(crlf.utf8)), Array(lf.utf8), [0xEF, 0xBB, 0xBF] + Array(crlf.utf8)] {
            let runs = try ExecutionKindsSupport.executions([("smsts.log", bytes)], kinds: [.taskSequence]).of(.taskSequence)
            try #require(runs.count == 1)
            #expect(runs[0].steps.map(\.name) == expected.steps.map(\.name))
            #expect(runs[0].verdict.text == expected.verdict.text)
        }
    }
}
