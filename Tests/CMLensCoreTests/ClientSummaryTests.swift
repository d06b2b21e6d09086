import Foundation
import Testing
@testable import CMLensCore

/// What a client's state is, from every source: the Samples workspace (WKS-ACCT-014's retried
/// Office setup and missing KBs; inventory machines without logs) and a fixture workspace with a
/// client only in the logs, one only in the inventory, and one whose folder name differs in case.
@Suite struct ClientSummaryTests {
    static let samples: ClientSummaries = {
        let inputs = WorkspaceScanner.scan([SamplesTests.samples])
        let logs = LoadedLogs.load(inputs)
        return ClientSummaries.load(inputs: inputs, logs: logs, policy: RetryPolicy.forWorkspace(inputs).policy)
    }()

    static let fixture: ClientSummaries = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/clients").path
        let inputs = WorkspaceScanner.scan([folder])
        return ClientSummaries.load(inputs: inputs, logs: LoadedLogs.load(inputs), policy: .defaults)
    }()

    @Test func samplesClientWithLogsAndInventoryHasEveryPart() throws {
        let client = try #require(Self.samples.summary(of: "WKS-ACCT-014"))
        #expect(client.resourceID == 16777234)
        #expect(client.system?.clientVersion == "4.00.6487.2155")
        #expect(client.components.count == 9 && client.components.first?.name == "CcmFramework")
        #expect(client.hotfix("KB978754")?.status == .missing)
        #expect(client.hotfix("2444668")?.status == .missing)
        #expect(client.hotfix("977384")?.status == .installed)
        #expect(client.count(.missing) == 2)
        #expect(client.gaps.isEmpty)
        // Failing programs first: the Adobe update removed while it waited, Office waiting to retry.
        #expect(client.programs.map(\.key.program) == ["Adobe Reader 9.4.1 Update", "Office 2010 Setup, Silent", "Outlook 2010 Install"])
        #expect(client.failingPrograms.count == 2)
        let office = try #require(client.programs.first { $0.key.program == "Office 2010 Setup, Silent" })
        #expect(office.verdict.kind == .waitingRetry)
        #expect(office.verdict.attemptsUsed == 2)
        #expect(office.retriesLeft == 1007)
        #expect(office.nextRetry?.iso8601 == "2011-01-13T10:22:12.406-05:00")
        let outlook = try #require(client.programs.last)
        #expect(!outlook.isFailing && outlook.verdict.kind == .successRebootRequired)
        // Findings most severe first.
        #expect(client.findings.count == 3)
        #expect(client.topFinding?.severity == .error)
        #expect(client.topFinding?.title.contains("certificate") == true)
        #expect(client.findings.map(\.severity) == [.error, .warning, .warning])
        // Logs by name, execmgr.log with its rotation.
        #expect(client.logs.map(\.name) == ["CAS.log", "ClientIDManagerStartup.log", "execmgr.log", "PolicyAgent.log"])
        let execmgr = try #require(client.logs.first { $0.name == "execmgr.log" })
        #expect(execmgr.paths.count == 2 && execmgr.paths[0].hasSuffix("execmgr.lo_"))
        #expect(client.errors == 204 && client.warnings == 13)
        #expect(client.lastActivity?.iso8601.hasPrefix("2011-01-13T15:24:37") == true)
        #expect(client.concerns.first == "Adobe Reader 9.4.1 Update: Removed waiting, exit code 1618")
        #expect(client.concerns.contains { $0.hasPrefix("KB978754 missing: SmsOSDeployment 4.00.6487.2000 below") })
    }

    @Test func samplesInventoryMachineWithoutLogsSaysWhatIsMissing() throws {
        let client = try #require(Self.samples.summary(of: "LAP-EXEC-001"))
        #expect(!client.hasLogs && client.inInventory)
        #expect(client.programs.isEmpty && client.logs.isEmpty)
        #expect(client.count(.missing) == 3)
        #expect(client.gaps == ["No logs of LAP-EXEC-001: its programs and log activity are unknown."])
    }

    @Test func samplesMachineInTheSystemsViewWithoutComponentsCannotBeJudged() throws {
        let client = try #require(Self.samples.summary(of: "BUILD-CAP-01"))
        #expect(client.hasLogs && client.inInventory && client.components.isEmpty)
        #expect(client.hotfixes.allSatisfy { $0.status == .unknown })
        #expect(client.gaps.contains("The inventory lists BUILD-CAP-01 without components: hotfixes cannot be judged."))
        // BUILD-CAP-01 has no execmgr log: no programs, and the summary says why.
        #expect(client.gaps.contains("No execmgr log: the programs run on BUILD-CAP-01 are unknown."))
    }

    @Test func namesListLogClientsThenInventoryOnlyOnes() {
        let names = Self.samples.names
        #expect(Array(names.prefix(4)).sorted() == ["BUILD-CAP-01", "SITE-SERVER", "WKS-ACCT-014", "WKS-LAB-007"])
        #expect(names.count == 12)  // the inventory's 12 machines cover the 4 with logs
        #expect(names.contains("LAP-EXEC-001") && !names.contains("lap-exec-001"))
        #expect(Self.samples.summary(of: "NO-SUCH-PC") == nil)
    }

    @Test func fixtureClientOnlyInTheLogsIsNotJudged() throws {
        let client = try #require(Self.fixture.summary(of: "PC-LOGONLY"))
        #expect(!client.inInventory && client.hotfixes.isEmpty && client.components.isEmpty)
        #expect(client.gaps == ["PC-LOGONLY is not in the inventory: component versions and hotfixes are unknown."])
        let program = try #require(client.programs.first)
        #expect(program.key.program == "Setup Tool" && program.verdict.kind == .failureNonRetry)
        #expect(program.verdict.exitCode == 1603 && program.isFailing && program.retriesLeft == 0 && program.nextRetry == nil)
    }

    @Test func fixtureFolderNameMatchesTheInventoryWhateverItsCase() throws {
        let client = try #require(Self.fixture.summary(of: "PC-MIXED"))
        #expect(client.name == "pc-mixed")  // as the logs name it
        #expect(client.resourceID == 16777300)
        #expect(client.hotfix("977384")?.status == .missing)
        #expect(client.hotfix("978754")?.status == .installed)
        #expect(client.logs.map(\.name) == ["CAS.log"] && client.errors == 1)
        #expect(client.gaps == ["No execmgr log: the programs run on pc-mixed are unknown."])
        #expect(Self.fixture.summary(of: "pc-MIXED")?.resourceID == 16777300)
        // PC-BARE: in v_R_System only.
        let bare = try #require(Self.fixture.summary(of: "PC-BARE"))
        #expect(bare.gaps.contains("The inventory lists PC-BARE without components: hotfixes cannot be judged."))
        #expect(bare.gaps.contains("No logs of PC-BARE: its programs and log activity are unknown."))
    }

    @Test func aWorkspaceWithNeitherSourceSaysSoForEach() throws {
        let file = LogReader.parse(bytes: Array("<![LOG[hello]LOG]!><time=\"10:00:00.000+300\" date=\"01-14-2011\" component=\"x\" context=\"\" type=\"1\" thread=\"1\" file=\"\">\r\n".utf8),
                                   path: "PC-ONE/x.log", client: "PC-ONE")
        let summaries = ClientSummaries(inventory: Inventory(), report: ComplianceEvaluator.evaluate(Inventory(), catalog: .builtIn),
                                        history: ExecutionHistory(timelines: [], unattributed: [], policy: .defaults), findings: [],
                                        logs: LoadedLogs(files: [file], problems: []))
        let client = try #require(summaries.summary(of: "pc-one"))
        #expect(client.gaps == ["No execmgr log: the programs run on PC-ONE are unknown.",
                                "The workspace has no inventory: component versions and hotfixes are unknown."])
        #expect(client.concerns.isEmpty)
    }

    @Test func retriesLeftCountsOnlyForAProgramThatWillBeRetried() {
        func program(_ kind: ExecutionVerdict.Kind, used: Int, max: Int?) -> ClientSummary.Program {
            ClientSummary.Program(key: ProgramKey(client: "PC", advertisement: nil, package: nil, program: "P"),
                                  verdict: ExecutionVerdict(kind: kind, attemptsUsed: used, maxAttempts: max, text: "", notes: []))
        }
        #expect(program(.waitingRetry, used: 3, max: 10).retriesLeft == 7)
        #expect(program(.waitingRetry, used: 12, max: 10).retriesLeft == 0)
        #expect(program(.waitingRetry, used: 3, max: nil).retriesLeft == nil)
        #expect(program(.failureNonRetry, used: 1, max: 10).retriesLeft == 0)
        #expect(program(.success, used: 1, max: 10).isFailing == false)
        #expect(program(.retryLimitReached, used: 10, max: 10).isFailing)
    }
}

@Suite struct ClientComparisonTests {
    @Test func samplesClientsDifferOnTheKBsOneLacks() throws {
        let acct = try #require(ClientSummaryTests.samples.summary(of: "WKS-ACCT-014"))
        let lab = try #require(ClientSummaryTests.samples.summary(of: "WKS-LAB-007"))
        let comparison = ClientComparison([acct, lab])
        let row = { (kb: String) in comparison.rows.first { $0.kind == .hotfix(kb: kb) } }
        #expect(row("978754")?.differs == true)
        #expect(row("978754")?.cells.map(\.text) == ["missing 4.00.6487.2000", "installed 4.00.6487.2115"])
        #expect(row("978754")?.cells.map(\.tone) == [.bad, .good])
        #expect(row("977384")?.differs == false)
        // Failing programs side by side: WKS-ACCT-014 has two, WKS-LAB-007 one.
        let failing = comparison.rows.filter { $0.kind == .failingProgram }
        #expect(failing.count == 2)
        #expect(failing[0].cells.map(\.text) == ["Adobe Reader 9.4.1 Update", "Visio Viewer 2010"])
        #expect(failing[1].cells.map(\.text) == ["Office 2010 Setup, Silent", "—"])
        let retries = comparison.rows.filter { $0.kind == .retriesLeft }
        #expect(retries[1].cells[0].text == "1007 of 1009")
        let next = comparison.rows.filter { $0.kind == .nextRetry }
        #expect(next[1].cells[0].time?.iso8601 == "2011-01-13T10:22:12.406-05:00")
        let top = try #require(comparison.rows.first { $0.kind == .topFinding })
        #expect(top.differs && top.cells[1].text.contains("Visio Viewer 2010"))
        #expect(comparison.differences.count >= 5)
    }

    @Test func aClientComparedWithItselfHasNoDifference() throws {
        let acct = try #require(ClientSummaryTests.samples.summary(of: "WKS-ACCT-014"))
        let comparison = ClientComparison([acct, acct])
        #expect(comparison.differences.isEmpty)
        #expect(comparison.rows.contains { $0.kind == .section && $0.label == "Hotfixes" })
    }

    @Test func aClientWithoutInventoryOrLogsShowsWhatIsUnknown() throws {
        let acct = try #require(ClientSummaryTests.samples.summary(of: "WKS-ACCT-014"))
        let logOnly = try #require(ClientSummaryTests.fixture.summary(of: "PC-LOGONLY"))
        let invOnly = try #require(ClientSummaryTests.samples.summary(of: "LAP-EXEC-001"))
        let comparison = ClientComparison([acct, logOnly, invOnly])
        let kb = try #require(comparison.rows.first { $0.kind == .hotfix(kb: "978754") })
        #expect(kb.cells.map(\.text) == ["missing 4.00.6487.2000", "no inventory", "missing 4.00.6487.2000"])
        #expect(kb.differs)
        let programs = try #require(comparison.rows.first { $0.kind == .programs })
        #expect(programs.cells.map(\.text) == ["3 run, 2 failing", "1 run, 1 failing", "no logs"])
    }
}
