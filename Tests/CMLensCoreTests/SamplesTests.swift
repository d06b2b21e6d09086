import Foundation
import Testing
@testable import CMLensCore

/// The bundled `Samples/` workspace is what every pane demonstrates; these tests pin the facts the
/// other panes rely on (see README.md), so regenerating it cannot silently break them.
struct SamplesTests {
    static let samples: String = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repo.appendingPathComponent("Samples").path
    }()

    static func load() -> (WorkspaceInputs, LoadedLogs) {
        let inputs = WorkspaceScanner.scan([samples])
        return (inputs, LoadedLogs.load(inputs))
    }

    static func messages(_ logs: LoadedLogs, client: String, log: String) -> [LogRecord] {
        logs.files.filter { $0.client == client && $0.logName == log }.flatMap { file in
            (0..<file.count).map { file.record(at: $0) }
        }
    }

    @Test func workspaceHasFourClientsAndEveryOtherInput() {
        let (inputs, logs) = Self.load()
        #expect(inputs.clients.map(\.name).sorted() == ["BUILD-CAP-01", "SITE-SERVER", "WKS-ACCT-014", "WKS-LAB-007"])
        #expect(inputs.siteControlFiles.count == 1)
        #expect(inputs.tableFiles.count == 2)
        #expect(inputs.systemLists.count == 1)
        #expect(inputs.problems.isEmpty)
        #expect(!logs.hasErrors)
        #expect(logs.files.count == 14)  // 15 files: execmgr.lo_ and execmgr.log are one log
    }

    @Test func onlyTheDeliberatelyBrokenCASLogHasUnparsedRecords() {
        let (_, logs) = Self.load()
        for file in logs.files {
            if file.path.hasSuffix("WKS-LAB-007/CAS.log") {
                #expect(file.unparsedCount > 0 || !file.problems.isEmpty)
            } else {
                #expect(file.unparsedCount == 0, "\(file.path)")
                #expect(file.problems.isEmpty, "\(file.path)")
                for index in 0..<file.count { #expect(file.hasTime(at: index), "\(file.path) record \(index)") }
            }
        }
    }

    @Test func rotatedExecmgrIsOneLogOlderFileFirst() throws {
        let (inputs, _) = Self.load()
        let client = try #require(inputs.clients.first { $0.name == "WKS-ACCT-014" })
        let execmgr = try #require(client.logs.first { $0.name == "execmgr.log" })
        #expect(execmgr.files.map { ($0 as NSString).lastPathComponent } == ["execmgr.lo_", "execmgr.log"])
    }

    @Test func officeIsRetriedFifteenMinutesAndOneSecondAfterWaitingRetry() throws {
        let (_, logs) = Self.load()
        let records = Self.messages(logs, client: "WKS-ACCT-014", log: "execmgr.log")
        let waiting = try #require(records.first {
            $0.message.hasSuffix("program Office 2010 Setup, Silent state change from FailureRetry to WaitingRetry")
        })
        let firstStart = try #require(records.firstIndex { $0.message == "Created Process for the passed command line" &&
            $0.time!.utcSeconds > waiting.time!.utcSeconds })
        let retry = records[firstStart]
        let gap = Double(retry.time!.utcNanoseconds - waiting.time!.utcNanoseconds) / 1e9
        #expect(gap == 15 * 60 + 1)
        #expect(records.contains { $0.message == "Program Exit Code 999 has been tried 2 times, will retry later" })
    }

    @Test func adobeIsRemovedWhileWaitingToRetryAndNeverSeenAgain() throws {
        let (_, logs) = Self.load()
        let records = Self.messages(logs, client: "WKS-ACCT-014", log: "execmgr.log")
        let removed = try #require(records.firstIndex {
            $0.message == "Policy is removed for Program: Adobe Reader 9.4.1 Update, Package: XYZ00049, Advert: XYZ20036"
        })
        let lastState = try #require(records[..<removed].last { $0.message.contains("program Adobe Reader 9.4.1 Update state change") })
        #expect(lastState.message.hasSuffix("to WaitingRetry"))
        // The removal is followed by two lines about it; after those, Adobe Reader is never mentioned again.
        #expect(records[(removed + 1)...(removed + 2)].allSatisfy { $0.message.contains("Adobe Reader 9.4.1 Update") })
        #expect(!records[(removed + 3)...].contains { $0.message.contains("Adobe Reader") })
    }

    @Test func certificateLoopStartsAfterOutlooksReboot() throws {
        let (_, logs) = Self.load()
        let execmgr = Self.messages(logs, client: "WKS-ACCT-014", log: "execmgr.log")
        let outlook = try #require(execmgr.first { $0.message.hasSuffix("the execution status is SuccessRebootRequired") })
        #expect(outlook.message.hasPrefix("Execution is complete for program Outlook 2010 Install."))
        let ids = Self.messages(logs, client: "WKS-ACCT-014", log: "ClientIDManagerStartup.log")
        let failures = ids.filter { $0.message == "RegTask: Failed to get certificate. Error: 0x80004005" }
        #expect(failures.count >= 20)
        #expect(failures.allSatisfy { $0.level == .error && $0.time!.utcSeconds > outlook.time!.utcSeconds })
    }

    @Test func labClientHasAFinalFailureAndASuccessAndAUTF16Log() throws {
        let (_, logs) = Self.load()
        let records = Self.messages(logs, client: "WKS-LAB-007", log: "execmgr.log")
        #expect(records.contains { $0.message == "Execution is complete for program Visio Viewer 2010. The exit code is 1, the execution status is FailureNonRetry" })
        #expect(records.filter { $0.message == "Created Process for the passed command line" }.count == 2)
        let policy = try #require(logs.files.first { $0.client == "WKS-LAB-007" && $0.logName == "PolicyAgent.log" })
        #expect(policy.encoding == .utf16LE)
        #expect(policy.count > 10)
        // CAS.log line 16 is Windows-1252, not UTF-8: it still reads as French.
        let cas = Self.messages(logs, client: "WKS-LAB-007", log: "CAS.log")
        let french = try #require(cas.first { $0.line == 16 })
        #expect(french.message.contains("\\T\u{E9}l\u{E9}chargement$\\XYZ00052"))
        #expect(cas.contains { $0.format == .unparsed })
    }

    @Test func buildMachineHangsOnUpdateOneWith0x80040669() {
        let (_, logs) = Self.load()
        let smsts = Self.messages(logs, client: "BUILD-CAP-01", log: "smsts.log")
        #expect(smsts.contains { $0.message.hasPrefix("Installing Update 1 of 12") })
        let handler = Self.messages(logs, client: "BUILD-CAP-01", log: "UpdateHandler.log")
        #expect(handler.allSatisfy { $0.component == "UpdatesHandler" })
        #expect(handler.contains { $0.level == .error && $0.message.contains("0x80040669") })
    }

    @Test func siteControlSetsTheSeedsRetryPolicy() throws {
        let (inputs, _) = Self.load()
        let path = try #require(inputs.siteControlFiles.first)
        // Read as shipped, with CRLF line ends like a real sitectrl.ct0. The values equal ConfigMgr's
        // defaults, so the source is what proves they were read from the file.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).contains(0x0D))
        let (policy, problems) = RetryPolicy.load(siteControlPath: path)
        #expect(problems.isEmpty, "\(problems)")
        guard case .siteControl(let source, let lines) = policy.source else {
            Issue.record("policy fell back to the defaults: \(policy.sourceDescription)")
            return
        }
        #expect(source == path && lines.count == 3)
        #expect(policy.count == 1008)
        #expect(policy.interval == 600)
        #expect(policy.errorCodes == RetryPolicy.defaultErrorCodes)
        #expect(policy.retries(exitCode: 999) && policy.retries(exitCode: 1618) && !policy.retries(exitCode: 1))
    }
}
