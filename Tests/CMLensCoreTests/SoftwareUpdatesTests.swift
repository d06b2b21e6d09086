import Foundation
import Testing
@testable import CMLensCore

/// A client's software-update logs read as one job: the real findingsanity client, and generated
/// jobs whose line shapes follow Microsoft Learn, "Track the software update deployment process in
/// Configuration Manager" (https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/update-management/track-software-update-deployment-process).
@Suite struct SoftwareUpdatesTests {
    static let realFiles = ["UpdatesDeployment.findingsanity-1.log", "UpdatesHandler.findingsanity-1.log",
                            "WUAHandler.findingsanity-1.log", "UpdatesStore.findingsanity-1.log"]

    static func realJob(_ files: [String]) throws -> [Execution] {
        let folder = try LogTestSupport.temporaryDirectory().appendingPathComponent("findingsanity")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for file in files {
            let source = LogTestSupport.realCorpus.appendingPathComponent(file)
            try #require(FileManager.default.fileExists(atPath: source.path), "the real corpus is missing at \(source.path)")
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(file))
        }
        return ExecutionKindsSupport.executions(at: [folder.path], kinds: [.softwareUpdates]).of(.softwareUpdates)
    }

    @Test func theRealClientsLogsAreOneCoherentJob() throws {
        let jobs = try Self.realJob(Self.realFiles)
        try #require(jobs.count == 1)
        let job = jobs[0]
        #expect(job.client == "findingsanity")
        #expect(job.detail("assignment") == "{258F70CB-61C9-477F-AF99-A7BB5D92AFD4}")
        // The deployment's 13 targeted updates, each once.
        #expect(job.entries.count == 13)
        #expect(job.entries.first?.id == "d86df50b-5e72-477d-87b9-fe09ff87226d")
        // Titles and KBs come from UpdatesStore.log for the updates it queried.
        let kb = try #require(job.entries.first { $0.article == "4589208" })
        #expect(kb.id == "12dcb93c-7903-4b04-aa66-5ffc16156e15")
        #expect(kb.name == "2021-01 Update for Windows 10 Version 1809 for x64-based Systems (KB4589208)")
        #expect(kb.installed == true && kb.status == "installed")
        #expect(Set(job.entries.compactMap(\.article)) == ["4535680", "4577586", "4589208"])
        #expect(!job.entries.contains { $0.status == "failed" })
        // Every log tells part of it, in time order.
        let files = Set(job.steps.map { ($0.evidence.file as NSString).lastPathComponent })
        #expect(files == Set(Self.realFiles))
        #expect(zip(job.steps, job.steps.dropFirst()).allSatisfy { a, b in (a.time?.utcNanoseconds ?? 0) <= (b.time?.utcNanoseconds ?? 0) })
        // Scans from both handlers, all ending 0x0; the evaluation and the compliance state.
        let scans = job.steps.filter { $0.event == "scanCompleted" }
        #expect(scans.count == 6 && scans.allSatisfy { $0.outcome == .succeeded })
        #expect(job.steps.contains { $0.event == "assignmentEvaluated" && $0.text == "ASSIGNMENT_EVALUATE_SUCCESS" })
        #expect(job.verdict.name == "compliant" && job.verdict.status == .succeeded)
        #expect(job.verdict.evidence == Evidence(file: job.verdict.evidence?.file ?? "", line: 55))
    }

    @Test func theDeploymentLogAloneNamesTheSameUpdates() throws {
        let alone = try Self.realJob(["UpdatesDeployment.findingsanity-1.log"])
        let all = try Self.realJob(Self.realFiles)
        #expect(alone.first?.entries.map(\.id) == all.first?.entries.map(\.id))
    }

    // MARK: Generated jobs

    static let update = "Site_1074285A-82C7-474F-B242-1EE20F8C3CE5/SUM_774ec963-65e7-4c81-96e8-d229c10c3d00"
    static let other = "Site_1074285A-82C7-474F-B242-1EE20F8C3CE5/SUM_11111111-2222-3333-4444-555555555555"

    static func deployment(_ tail: [String]) -> [String] {
        ["Update (\(update)) Name (2021-01 Servicing Stack Update for Windows 10 Version 2004 for x64-based Systems (KB4598481)) ArticleID (4598481) added to the targeted list of deployment ({F7A0F5F8-689F-49BC-8EA3-966C43D8F867})",
         "Update (\(other)) added to the targeted list of deployment ({F7A0F5F8-689F-49BC-8EA3-966C43D8F867})",
         "Update (\(update)) Progress: Status = ciStateDownloading, PercentComplete = 0, Result = 0x0",
         "Update (\(update)) Progress: Status = ciStateWaitInstall, PercentComplete = 100, Result = 0x0"] + tail
    }

    static func job(_ deploymentLines: [String], handler: [String] = []) throws -> Execution {
        let files = [("UpdatesDeployment.log", Array(ExecutionKindsSupport.log(deploymentLines, component: "UpdatesDeploymentAgent").utf8)),
                     ("UpdatesHandler.log", Array(ExecutionKindsSupport.log(handler, component: "UpdatesHandler", start: 30).utf8))]
        let jobs = try ExecutionKindsSupport.executions(files.filter { !$0.1.isEmpty }, kinds: [.softwareUpdates]).of(.softwareUpdates)
        try #require(jobs.count == 1)
        return jobs[0]
    }

    @Test func anUpdateThatKeepsFailing() throws {
        let job = try Self.job(Self.deployment([
            "Update (\(Self.update)) Progress: Status = ciStateInstalling, PercentComplete = 0, Result = 0x0",
            "Update (\(Self.update)) Progress: Status = ciStateError, PercentComplete = 0, Result = 0x80240022",
            "Update (\(Self.update)) Progress: Status = ciStateInstalling, PercentComplete = 0, Result = 0x0",
            "Update (\(Self.update)) Progress: Status = ciStateError, PercentComplete = 0, Result = 0x80240022",
        ]))
        let entry = try #require(job.entries.first { $0.article == "4598481" })
        #expect(entry.status == "failed" && entry.failures == 2 && entry.exitCode == 0x80240022)
        #expect(entry.downloaded)
        #expect(job.verdict.name == "updatesFailed" && job.verdict.status == .failed)
        #expect(job.verdict.text.contains("KB4598481") && job.verdict.text.contains("0x80240022") && job.verdict.text.contains("failed 2 times"))
    }

    @Test func installedWithARestartPending() throws {
        let job = try Self.job(Self.deployment([]), handler: [
            "Update 1 (774ec963-65e7-4c81-96e8-d229c10c3d00) finished installing (0x00000000), Reboot Required? Yes",
        ])
        #expect(job.entries.first?.status == "pendingReboot")
        #expect(job.verdict.name == "rebootPending")
        // The handler's bare GUID is the deployment's Site_…/SUM_ update.
        #expect(job.entries.count == 2)
    }

    @Test func allInstalled() throws {
        let job = try Self.job(Self.deployment([
            "Update (\(Self.update)) Progress: Status = ciStateInstallComplete, PercentComplete = 100, Result = 0x0",
            "Update (\(Self.other)) Progress: Status = ciStateInstallComplete, PercentComplete = 100, Result = 0x0",
        ]))
        #expect(job.verdict.name == "installed" && job.verdict.status == .succeeded)
    }

    /// Cut before the installs are reported, the job is in progress, never installed.
    @Test func aJobCutMidInstallIsInProgress() throws {
        let lines = Self.deployment([
            "Update (\(Self.update)) Progress: Status = ciStateInstalling, PercentComplete = 0, Result = 0x0",
            "Update (\(Self.update)) Progress: Status = ciStateInstallComplete, PercentComplete = 100, Result = 0x0",
            "Update (\(Self.other)) Progress: Status = ciStateInstallComplete, PercentComplete = 100, Result = 0x0",
        ])
        for cut in 1..<lines.count {
            let job = try Self.job(Array(lines[..<cut]))
            #expect(job.verdict.status == .inProgress, "cut after \(cut) lines: \(job.verdict.text)")
        }
    }
}
