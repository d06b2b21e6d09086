import Foundation
import Testing
@testable import CMLensCore

private let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
private let execmgrFixtures = testsFolder.appendingPathComponent("Fixtures/execmgr").path
private let customSiteControl = testsFolder.appendingPathComponent("Fixtures/sitecontrol/custom/sitectrl.ct0").path
private let realCorpus = LogTestSupport.realCorpus.path

/// The fixture workspace's history (WKS-FIX-001: execmgr.lo_ + execmgr.log; WKS-FIX-002: truncated).
private func fixtureHistory(_ policy: RetryPolicy = .defaults, explain: ExitCodeExplainer? = nil) -> ExecutionHistory {
    let logs = LoadedLogs.load(WorkspaceScanner.scan([execmgrFixtures]))
    return ExecutionHistory.build(logs: logs, policy: policy, explain: explain)
}

private func timeline(_ history: ExecutionHistory, _ program: String) throws -> ExecutionTimeline {
    try #require(history.timelines.first { $0.key.program == program }, "no timeline for \(program)")
}

/// A CMTrace execmgr record: `time` is `HH:MM:SS` on 01-14-2011, bias in minutes (UTC = local + bias).
private func record(_ time: String, _ message: String, bias: String = "+300") -> String {
    "<![LOG[\(message)]LOG]!><time=\"\(time).000\(bias)\" date=\"01-14-2011\" component=\"execmgr\" context=\"\" type=\"1\" thread=\"2904\" file=\"execreqmgr.cpp:2055\">"
}

/// Builds a history from hand-written records, as one client's execmgr.log.
private func history(_ records: [String], policy: RetryPolicy = .defaults, client: String = "WKS-T",
                     explain: ExitCodeExplainer? = nil) -> ExecutionHistory {
    let text = records.joined(separator: "\r\n") + "\r\n"
    let index = LogReader.parse(bytes: Array(text.utf8), path: "\(client)/execmgr.log", client: client, logName: "execmgr.log")
    return ExecutionHistory.build(records: index.records, policy: policy, explain: explain)
}

private func change(_ advert: String, _ package: String, _ program: String, _ from: String, _ to: String) -> String {
    "Execution Request for advert \(advert) package \(package) program \(program) state change from \(from) to \(to)"
}

@Suite struct ExecmgrLineTests {
    @Test func stateChangesInEveryForm() {
        #expect(ExecmgrLine.parse(change("LAB20011", "LAB00012", "Office 2010, SP1. v1.2", "WaitingContent", "NotifyExecution"))
            == .stateChange(advertisement: "LAB20011", package: "LAB00012", program: "Office 2010, SP1. v1.2",
                            from: "WaitingContent", to: "NotifyExecution"))
        #expect(ExecmgrLine.parse("Execution Request for program Setup, x64. Quiet state change from Running to FailureRetry")
            == .stateChange(advertisement: nil, package: nil, program: "Setup, x64. Quiet", from: "Running", to: "FailureRetry"))
        #expect(ExecmgrLine.parse("Execution Request for package LAB00012 program Install state change from Running to Success")
            == .stateChange(advertisement: nil, package: "LAB00012", program: "Install", from: "Running", to: "Success"))
        // An unknown state is kept as written.
        #expect(ExecmgrLine.parse("Execution Request for program A state change from Running to WaitingForGodot")
            == .stateChange(advertisement: nil, package: nil, program: "A", from: "Running", to: "WaitingForGodot"))
        // A line cut short is kept, not dropped.
        #expect(ExecmgrLine.parse("Execution Request for advert A package P program N state change from Running")
            == .unreadableStateChange("Execution Request for advert A package P program N state change from Running"))
    }

    @Test func exitCodesResultsAndRetries() {
        #expect(ExecmgrLine.parse("Program exit code 3010") == .exitCode(3010))
        #expect(ExecmgrLine.parse("Program exit code -2147023436") == .exitCode(-2147023436))
        #expect(ExecmgrLine.parse("Program Exit Code 4 has been tried 1 times, will retry later") == .willRetry(exitCode: 4, tries: 1))
        #expect(ExecmgrLine.parse("Execution is complete for program Automated upgrade from XP. v2, or XPSP1. The exit code is 3010, the execution status is SuccessRebootRequired")
            == .executionComplete(program: "Automated upgrade from XP. v2, or XPSP1", exitCode: 3010, status: "SuccessRebootRequired"))
        #expect(ExecmgrLine.parse("Non fatal execution error") == .nonFatalError)
        #expect(ExecmgrLine.parse("Program failed (Non-Fatal Execution Error = 999)") == .nonFatalError)
        #expect(ExecmgrLine.parse("Fatal execution error") == nil)
        #expect(ExecmgrLine.parse("Script for Package:LAB00012, Program: Exit 999, v1.2 failed with exit code 999")
            == .script(package: "LAB00012", program: "Exit 999, v1.2", succeeded: false, exitCode: 999))
        #expect(ExecmgrLine.parse("Script for Package:LAB00012, Program: Automated upgrade succeeded with exit code 3010")
            == .script(package: "LAB00012", program: "Automated upgrade", succeeded: true, exitCode: 3010))
    }

    @Test func eventsAndPolicies() {
        #expect(ExecmgrLine.parse("Raised Program Prelim Success Event for Ad:LAB20011, Package:LAB00012, Program: Upgrade, XP. SP1")
            == .raisedEvent(kind: "Prelim Success", advertisement: "LAB20011", package: "LAB00012", program: "Upgrade, XP. SP1"))
        #expect(ExecmgrLine.parse("Policy is updated for Program: MS04-028 - JPEG Update, for XP, Package: LAB00013, Advert: LAB20013")
            == .policy(action: "updated", program: "MS04-028 - JPEG Update, for XP", package: "LAB00013", advertisement: "LAB20013"))
        #expect(ExecmgrLine.parse("Policy is removed for Program: VPN 4.2, Package: LAB00014, Advert: LAB20014")
            == .policy(action: "removed", program: "VPN 4.2", package: "LAB00014", advertisement: "LAB20014"))
        #expect(ExecmgrLine.parse("Execution Manager timer has been fired.") == nil)
        #expect(ExecmgrLine.parse("Looking for MIF file to get program status") == nil)
    }

    @Test func aRaisingEventBlockWithItsPairs() throws {
        let block = """
            Raising event:
            [SMS_CodePage(437), SMS_LocaleID(1033)]
            instance of SoftDistProgramErrorEvent
            {
            \tAdvertisementId = "LAB20011"; ClientID = "GUID:1234"; CommandLine = "setup.exe /a;b \\"quoted\\"";
            \tExitCode = "999";
            \tProcessID = 228; ProgramName = "Exit 999, v1.2"; UserContext = "NT AUTHORITY\\\\SYSTEM";
            };
            """
        guard case let .wmiEvent(event)? = ExecmgrLine.parse(block) else {
            Issue.record("not read as a WMI event")
            return
        }
        #expect(event.className == "SoftDistProgramErrorEvent")
        #expect(event.properties.map(\.name) == ["AdvertisementId", "ClientID", "CommandLine", "ExitCode", "ProcessID",
                                                 "ProgramName", "UserContext"])
        #expect(event["CommandLine"] == "setup.exe /a;b \"quoted\"")
        #expect(event["UserContext"] == "NT AUTHORITY\\SYSTEM")
        #expect(event["processid"] == "228")
        #expect(event.exitCode == 999 && event.program == "Exit 999, v1.2" && event.advertisement == "LAB20011")
        // Cut off inside the block: the pairs read so far stay.
        let cut = try #require(WMIEvent.parse("Raising event:\ninstance of SoftDistProgramStartedEvent\n{\n\tAdvertisementId = \"X\"; Program"))
        #expect(cut.isProgramStarted && cut.advertisement == "X")
    }
}

@Suite struct ExecutionTimelineTests {
    @Test func theSeedsRetryStoryAcrossTheRotation() throws {
        let payroll = try timeline(fixtureHistory(), "Payroll Client, v2.1. Setup")
        #expect(payroll.key == ProgramKey(client: "WKS-FIX-001", advertisement: "FIX20001", package: "FIX00001",
                                          program: "Payroll Client, v2.1. Setup"))
        // Runs: 999 (lo_), 999 fifteen minutes later (log), then 0.
        #expect(payroll.attempts.map(\.exitCode) == [999, 999, 0])
        #expect(payroll.attempts.map(\.result) == ["FailureRetry", "FailureRetry", "Success"])
        #expect(Set(payroll.steps.map { $0.evidence.file.split(separator: "/").last! }) == ["execmgr.lo_", "execmgr.log"])

        // The first WaitingRetry predicts 10:00:00 + 600 s + 300 s = 10:15:00, on the log's clock.
        let waiting = try #require(payroll.steps.first { $0.state == "WaitingRetry" && $0.event == .stateChange })
        #expect(waiting.from == "FailureRetry")
        #expect(waiting.exitCode == 999 && waiting.retried == true && waiting.attempt == 1)
        #expect(waiting.nextRetryAt?.iso8601 == "2011-01-14T10:15:00.000-05:00")
        #expect(waiting.prediction?.countdown == 300 && waiting.prediction?.usesDefaultPolicy == true)
        #expect(waiting.prediction?.reasoning.contains("600 s retry interval + 300 s countdown") == true)
        #expect(waiting.evidence.line == 29 && waiting.evidence.file.hasSuffix("WKS-FIX-001/execmgr.lo_"))

        // The retry ran 15 min 1 s after the failure, and the step says why.
        let retryRan = try #require(payroll.steps.first { $0.state == "Running" && $0.attempt == 2 && $0.event == .stateChange })
        #expect(retryRan.notes.contains { $0.contains("15 min 1 s after the failure") && $0.contains("mandatory countdown") })
        #expect(retryRan.time?.iso8601 == "2011-01-14T10:15:01.000-05:00")

        // `will retry later` counts the tries and belongs to the run that failed.
        let tried = payroll.steps.filter { $0.event == .willRetry }
        #expect(tried.map(\.attempt) == [1, 2])
        #expect(payroll.attempts.map(\.reportedTries) == [1, 2, nil])
        #expect(payroll.attempts[0].nonFatal)

        #expect(payroll.verdict.kind == .success)
        #expect(payroll.verdict.exitCode == 0 && payroll.verdict.attemptsUsed == 3)
        #expect(payroll.verdict.text.contains("after 2 failed runs"))
        #expect(payroll.verdict.notes.isEmpty)
    }

    @Test func interleavedProgramsKeepTheirOwnExitCodes() throws {
        let history = fixtureHistory()
        let office = try timeline(history, "Office 2010, SP1")
        let payroll = try timeline(history, "Payroll Client, v2.1. Setup")
        // `Program exit code 3010` names no program; it is the one that was running (Office), not
        // Payroll, which was waiting to retry.
        #expect(office.attempts.map(\.exitCode) == [3010])
        #expect(!payroll.attempts.contains { $0.exitCode == 3010 })
        #expect(office.verdict.kind == .successRebootRequired)
        #expect(office.verdict.text.contains("3010 (success, restart required)"))
        let prelim = try #require(office.steps.first { $0.wmiEvent?.className == "SoftDistProgramPrelimSuccessEvent" })
        #expect(prelim.exitCode == 3010 && prelim.retried == nil)
        // The MOF block is one record spanning lines 5–13 of execmgr.log.
        #expect(prelim.evidence.line == 5)
    }

    @Test func removedWhileWaitingToRetry() throws {
        let vpn = try timeline(fixtureHistory(), "VPN Agent 4.2")
        #expect(vpn.verdict.kind == .removedWhileWaiting)
        #expect(vpn.verdict.exitCode == 1618)
        #expect(vpn.verdict.prediction == nil)
        let removal = try #require(vpn.steps.last)
        #expect(removal.event == .policyRemoved && removal.from == "WaitingRetry" && removal.state == ExecutionState.removed)
    }

    @Test func aBareProgramLineJoinsItsAdvertisementAndANonRetryFailureIsFinal() throws {
        let cleanup = try timeline(fixtureHistory(), "Cleanup.cmd")
        // The state changes name only the program; the started event names the advert and package.
        #expect(cleanup.key.advertisement == "FIX20004" && cleanup.key.package == "FIX00004")
        #expect(cleanup.verdict.kind == .failureNonRetry)
        #expect(cleanup.verdict.retried == false)
        #expect(cleanup.verdict.text.contains("never runs again"))
        #expect(cleanup.verdict.text.contains("ConfigMgr defaults"))
        #expect(cleanup.steps.last?.exitCode == 1 && cleanup.steps.last?.retried == false)
    }

    @Test func anUnknownStateIsKeptAndFlagged() throws {
        let inventory = try timeline(fixtureHistory(), "Inventory Tool")
        let odd = inventory.steps.filter(\.unknownState)
        #expect(odd.count == 2)
        #expect(odd.first?.state == "WaitingNetworkQuiet")
        #expect(odd.first?.notes.contains { $0.contains("unknown state WaitingNetworkQuiet") } == true)
        #expect(inventory.verdict.kind == .waitingRetry)
        #expect(inventory.verdict.prediction?.dueAt.iso8601 == "2011-01-14T11:15:40.000-05:00")
        #expect(inventory.verdict.prediction?.timerAt.iso8601 == "2011-01-14T11:10:40.000-05:00")
        #expect(inventory.verdict.text.contains("ConfigMgr defaults"))
    }

    @Test func theSitesPolicyDrivesThePredictionAndContradictionsAreFlagged() throws {
        let (policy, _) = RetryPolicy.load(siteControlPath: customSiteControl)
        let history = fixtureHistory(policy)
        let inventory = try timeline(history, "Inventory Tool")
        // 11:00:40 + 1800 s + 300 s.
        #expect(inventory.verdict.prediction?.dueAt.iso8601 == "2011-01-14T11:35:40.000-05:00")
        #expect(inventory.verdict.prediction?.usesDefaultPolicy == false)
        #expect(inventory.verdict.maxAttempts == 4)
        #expect(inventory.verdict.text.contains("run 1 of at most 4"))
        #expect(inventory.verdict.text.contains("sitectrl.ct0"))
        // The log retried 999, which this policy does not list.
        let payroll = try timeline(history, "Payroll Client, v2.1. Setup")
        #expect(payroll.verdict.notes.contains { $0.contains("execmgr retries exit 999, but the policy does not list it") })
        let flagged = payroll.steps.filter { $0.notes.contains { $0.contains("does not list it") } }
        #expect(!flagged.isEmpty)
        #expect(flagged.allSatisfy { $0.retried == false })
    }

    @Test func retryUntilTheLimit() throws {
        let policy = RetryPolicy(count: 2, interval: 600, errorCodes: [5], source: .defaults)
        var lines: [String] = []
        for (k, minute) in ["10:00", "10:15", "10:30"].enumerated() {
            lines.append(record("\(minute):00", change("A1", "P1", "Share Mapper, v1", k == 0 ? "WaitingContent" : "WaitingRetry", "Running")))
            lines.append(record("\(minute):05", "Program exit code 5"))
            let last = k == 2
            lines.append(record("\(minute):05", change("A1", "P1", "Share Mapper, v1", "Running", last ? "FailureNonRetry" : "FailureRetry")))
            if !last { lines.append(record("\(minute):05", change("A1", "P1", "Share Mapper, v1", "FailureRetry", "WaitingRetry"))) }
        }
        let mapper = try #require(history(lines, policy: policy).timelines.first)
        #expect(mapper.attempts.count == 3)
        #expect(mapper.verdict.kind == .retryLimitReached)
        #expect(mapper.verdict.text.contains("run 3 of at most 3"))
        // Giving up at the limit is not a contradiction.
        #expect(mapper.verdict.notes.isEmpty)
    }

    @Test func aRunBeyondTheMaximumIsFlagged() throws {
        let policy = RetryPolicy(count: 1, interval: 600, errorCodes: [5], source: .defaults)
        var lines: [String] = []
        for minute in ["10:00", "10:15", "10:30"] {
            lines.append(record("\(minute):00", change("A1", "P1", "Mapper", "WaitingRetry", "Running")))
            lines.append(record("\(minute):05", "Program exit code 5"))
            lines.append(record("\(minute):05", change("A1", "P1", "Mapper", "Running", "FailureRetry")))
        }
        let mapper = try #require(history(lines, policy: policy).timelines.first)
        #expect(mapper.verdict.notes.contains { $0.contains("run 3 is beyond the policy's maximum of 2 runs") })
        #expect(mapper.verdict.kind == .retryLimitReached)
    }

    @Test func aRetryWithoutTheCountdownChangesTheNextPrediction() throws {
        let lines = [
            record("10:00:00", change("A1", "P1", "Quiet Tool", "WaitingContent", "Running")),
            record("10:00:05", "Program exit code 999"),
            record("10:00:05", change("A1", "P1", "Quiet Tool", "Running", "FailureRetry")),
            record("10:00:05", change("A1", "P1", "Quiet Tool", "FailureRetry", "WaitingRetry")),
            record("10:10:05", change("A1", "P1", "Quiet Tool", "WaitingRetry", "Running")),
            record("10:10:09", "Program exit code 999"),
            record("10:10:09", change("A1", "P1", "Quiet Tool", "Running", "FailureRetry")),
            record("10:10:09", change("A1", "P1", "Quiet Tool", "FailureRetry", "WaitingRetry")),
        ]
        let quiet = try #require(history(lines).timelines.first)
        let predictions = quiet.steps.compactMap(\.prediction)
        #expect(predictions.first?.dueAt.iso8601 == "2011-01-14T10:15:05.000-05:00")
        #expect(quiet.steps.contains { $0.notes.contains { $0.contains("with no countdown") } })
        // The second prediction follows what the first retry showed: 600 s, no countdown.
        #expect(quiet.verdict.prediction?.dueAt.iso8601 == "2011-01-14T10:20:09.000-05:00")
        #expect(quiet.verdict.prediction?.countdown == 0)
    }

    @Test func gapsAreMeasuredInUTCAcrossABiasChange() throws {
        // The failure is logged in EST (+300), the retry after the clocks moved to EDT (+240):
        // 11:15:01 EDT is 10:15:01 EST, 15 min 1 s later.
        let lines = [
            record("10:00:00", change("A1", "P1", "Tool", "WaitingContent", "Running"), bias: "+300"),
            record("10:00:00", "Program exit code 999", bias: "+300"),
            record("10:00:00", change("A1", "P1", "Tool", "Running", "FailureRetry"), bias: "+300"),
            record("10:00:00", change("A1", "P1", "Tool", "FailureRetry", "WaitingRetry"), bias: "+300"),
            record("11:15:01", change("A1", "P1", "Tool", "WaitingRetry", "Running"), bias: "+240"),
        ]
        let tool = try #require(history(lines).timelines.first)
        #expect(tool.steps.last?.notes.contains { $0.contains("15 min 1 s after the failure") } == true)
        // East of UTC the bias is negative and the ISO offset positive.
        let east = try #require(history([
            record("09:00:00", change("A1", "P1", "Tool", "WaitingContent", "Running"), bias: "-060"),
            record("09:00:02", "Program exit code 5", bias: "-060"),
            record("09:00:02", change("A1", "P1", "Tool", "Running", "FailureRetry"), bias: "-060"),
        ]).timelines.first)
        #expect(east.verdict.prediction?.dueAt.iso8601 == "2011-01-14T09:15:02.000+01:00")
    }

    @Test func aTruncatedLogKeepsItsLastLine() throws {
        let patch = try timeline(fixtureHistory(), "Patch Runner")
        let last = try #require(patch.steps.last)
        #expect(last.state == "WaitingRet" && last.unknownState)
        #expect(last.time == nil)
        #expect(last.notes.contains { $0.contains("cut off") })
        // The run's own result still says what happens next.
        #expect(patch.verdict.kind == .waitingRetry)
        #expect(patch.verdict.prediction?.dueAt.iso8601 == "2011-01-14T08:15:10.000-05:00")
    }

    @Test func anExitCodeBeforeAnyProgramIsKeptUnattributed() {
        let result = history([record("09:00:00", "Program exit code 5"),
                              record("09:00:01", "Execution Manager timer has been fired.")])
        #expect(result.timelines.isEmpty)
        #expect(result.unattributed.count == 1)
        #expect(result.unattributed.first?.exitCode == 5)
    }

    @Test func theErrorCatalogueHookExplainsExitCodes() throws {
        let explain: ExitCodeExplainer = { $0 == 5 ? "Access is denied." : nil }
        let inventory = try timeline(fixtureHistory(explain: explain), "Inventory Tool")
        #expect(inventory.verdict.text.contains("exit 5 (Access is denied.; in the retry list: retried)"))
    }

    @Test func theFilterKeepsAProgramByNameOrID() {
        let history = fixtureHistory()
        #expect(history.timelines.count == 6)
        #expect(history.filtered(program: "office").timelines.map(\.key.program) == ["Office 2010, SP1"])
        #expect(history.filtered(program: "FIX20003").timelines.map(\.key.program) == ["VPN Agent 4.2"])
        #expect(history.filtered(clients: ["wks-fix-002"]).timelines.map(\.key.program) == ["Patch Runner"])
    }

    @Test func jsonStepsAndVerdictsCarryTheDocumentedFields() throws {
        let history = fixtureHistory()
        let payroll = try timeline(history, "Payroll Client, v2.1. Setup")
        let waiting = try #require(payroll.steps.first { $0.state == "WaitingRetry" && $0.event == .stateChange })
        let step = try #require(try JSONSerialization.jsonObject(
            with: Data(TimelineOutput.json(step: waiting, key: payroll.key, policy: history.policy).utf8)) as? [String: Any])
        #expect(step["kind"] as? String == "step")
        #expect(step["program"] as? String == "Payroll Client, v2.1. Setup")
        #expect(step["from"] as? String == "FailureRetry" && step["state"] as? String == "WaitingRetry")
        #expect(step["exitCode"] as? Int == 999 && step["retried"] as? Bool == true)
        #expect(step["attempt"] as? Int == 1 && step["maxAttempts"] as? Int == 1009)
        #expect(step["nextRetryAt"] as? String == "2011-01-14T10:15:00.000-05:00")
        #expect((step["evidence"] as? String)?.hasSuffix("execmgr.lo_:29") == true)
        #expect(step["time"] as? String == "2011-01-14T10:00:00.000-05:00")

        let verdict = try #require(try JSONSerialization.jsonObject(
            with: Data(TimelineOutput.json(verdict: payroll).utf8)) as? [String: Any])
        #expect(verdict["kind"] as? String == "verdict" && verdict["verdict"] as? String == "success")
        #expect(verdict["policySource"] as? String == "defaults")
        #expect((verdict["text"] as? String)?.hasPrefix("Success: exit 0") == true)
        #expect(verdict["nextRetryAt"] is NSNull)
    }

    @Test func theRealCorpusHasNoFalsePrograms() throws {
        let inputs = WorkspaceScanner.scan([realCorpus])
        let logs = LoadedLogs.load(inputs)
        try #require(logs.recordCount > 1000, "the real corpus at \(realCorpus) did not load")
        // Every record of every log, not only execmgr's: none of them is a program execution.
        let all = logs.files.flatMap(\.records)
        let history = ExecutionHistory.build(records: all, policy: .defaults)
        #expect(history.timelines.isEmpty, "\(history.timelines.map(\.key))")
        #expect(history.unattributed.isEmpty, "\(history.unattributed.map(\.message))")
        #expect(ExecutionHistory.build(logs: logs, policy: .defaults).timelines.isEmpty)
    }
}

@Suite struct ExecmgrLogNameTests {
    @Test func execmgrLogsAreFoundByName() {
        #expect(ExecutionHistory.isExecmgrLog("execmgr.log"))
        #expect(ExecutionHistory.isExecmgrLog("ExecMgr.log"))
        #expect(ExecutionHistory.isExecmgrLog("WKS01_execmgr.log"))
        #expect(!ExecutionHistory.isExecmgrLog("CAS.log"))
        #expect(!ExecutionHistory.isExecmgrLog("execmgr.txt"))
    }

    @Test func onlyExecmgrLogsAreLoaded() {
        var inputs = WorkspaceInputs()
        inputs.clients = [ClientFolder(name: "A", path: "/a", logs: [RotatedLog(name: "CAS.log", files: ["/a/CAS.log"]),
                                                                     RotatedLog(name: "execmgr.log", files: ["/a/execmgr.lo_", "/a/execmgr.log"])]),
                          ClientFolder(name: "B", path: "/b", logs: [RotatedLog(name: "CAS.log", files: ["/b/CAS.log"])])]
        let only = ExecutionHistory.execmgrInputs(inputs)
        #expect(only.clients.map(\.name) == ["A"])
        #expect(only.clients.first?.logs.map(\.files) == [["/a/execmgr.lo_", "/a/execmgr.log"]])
    }
}
