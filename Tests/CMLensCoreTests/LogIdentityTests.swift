import Foundation
import Testing
@testable import CMLensCore

/// A log is recognised by what its name says it is, the way an administrator reads the name:
/// rotated, renamed with a suffix, in any case; a log whose name only starts like another's is not it.
@Suite struct LogIdentityTests {
    static let known: Set<String> = ["updateshandler.log", "updatehandler.log", "smsts.log", "ccmsetup.log",
                                     "execmgr.log", "clientidmanagerstartup.log", "cas.log"]

    @Test(arguments: [
        ("UpdatesHandler.log", "updateshandler.log"),
        ("UPDATESHANDLER.LOG", "updateshandler.log"),
        ("updateshandler.lo_", "updateshandler.log"),
        ("UpdatesHandler-20110315-140500.log", "updateshandler.log"),
        ("UpdatesHandler.findingsanity-1.log", "updateshandler.log"),
        ("UpdatesHandler.findingsanity-1.lo_", "updateshandler.log"),
        ("UpdatesHandler (2).log", "updateshandler.log"),
        ("UpdatesHandler - Copy.log", "updateshandler.log"),
        ("UpdatesHandler_old.log", "updateshandler.log"),
        ("UpdatesHandler-1.log", "updateshandler.log"),
        ("UpdatesHandler.log.bak", "updateshandler.log"),
        ("UpdateHandler.log", "updatehandler.log"),
        ("/cases/PC042/smsts.ErnestoLeon87-1.log", "smsts.log"),
        ("ccmsetup.jimbocalvo-1.log", "ccmsetup.log"),
        ("ClientIDManagerStartup.PC042.log", "clientidmanagerstartup.log"),
    ])
    func recognised(file: String, log: String) {
        #expect(LogIdentity.known(file, among: Self.known) == log)
    }

    @Test(arguments: ["ccmsetup-ccmeval.log", "UpdatesHandlerX.log", "UpdatesDeployment.log", "smstsx.log",
                      "ClientIDManagerStartup2.log", "CAS-Download.log", "cas_service.log", "execmgr", "notes.txt",
                      "smsts"])
    func notRecognised(file: String) {
        #expect(LogIdentity.known(file, among: Self.known) == nil)
    }

    @Test func theRealCorpusIsDiagnosedFromEveryLogARuleReads() throws {
        let output = Diagnosis.run(inputs: WorkspaceScanner.scan([LogTestSupport.realCorpus.path]))
        // UpdatesHandler, WUAHandler and three smsts logs, all renamed with a suffix; the updates
        // deployment and store logs no rule reads.
        #expect(output.logFileCount >= 5)
    }

    @Test func aRenamedRotatedCopyIsDiagnosedAndItsEvidenceCitesTheFile() throws {
        let dir = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let client = dir.appendingPathComponent("WKS-CERT")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        let original = DiagnosticsTests.fixture("faulty/WKS-CERT/ClientIDManagerStartup.log")
        let renamed = client.appendingPathComponent("clientidmanagerstartup.WKS-CERT-1.log")
        try FileManager.default.copyItem(atPath: original, toPath: renamed.path)
        let output = DiagnosticsTests.diagnose([dir.path])
        let finding = try #require(output.findings.first { $0.rule == "certificate-store-loop" })
        #expect(finding.evidence.allSatisfy { $0.file == renamed.path })
    }
}

/// A log whose name says nothing is known by the component most of its records name.
@Suite struct LogComponentIdentityTests {
    static func write(_ records: [(String, String)], to url: URL, utf16: Bool = false) throws {
        let text = records.map { LogTestSupport.cmtrace($0.1, component: $0.0) }.joined(separator: "\r\n") + "\r\n"
        try Data(utf16 ? LogTestSupport.utf16LE(Array(text.utf8)) : Array(text.utf8)).write(to: url)
    }

    static let loop = [("ClientIDManagerStartup", "[RegTask] - Executing registration task synchronously.")]
        + (1...3).map { ("ClientIDManagerStartup", "Failed to find the certificate in the store, retry \($0).") }

    @Test(arguments: [false, true])
    func aLogNamedForNothingIsReadByItsComponent(utf16: Bool) throws {
        let dir = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let client = dir.appendingPathComponent("WKS-CERT")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        let file = client.appendingPathComponent("dump1.log")
        try Self.write(Self.loop, to: file, utf16: utf16)
        // The headless command loads only the logs rules read: the file's head says which it is.
        let output = Diagnosis.run(inputs: WorkspaceScanner.scan([dir.path]))
        let finding = try #require(output.findings.first { $0.rule == "certificate-store-loop" })
        #expect(finding.evidence.allSatisfy { $0.file == file.path })
        #expect(output.logFileCount == 1)
    }

    @Test func aFileOfManyComponentsIsNoneOfThem() throws {
        let dir = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mixed.log")
        let records = Self.loop.prefix(2) + [("UpdatesHandler", "a"), ("WUAHandler", "b"), ("CAS", "c")]
        try Self.write(Array(records), to: file)
        let known: Set<String> = ["clientidmanagerstartup.log", "updateshandler.log", "wuahandler.log"]
        #expect(LogComponentIdentity.known(path: file.path, among: known) == nil)
        let index = LogReader.read(path: file.path, client: "c")
        #expect(LogComponentIdentity.known(index, among: known) == nil)
        try Self.write(Self.loop, to: file)
        #expect(LogComponentIdentity.known(path: file.path, among: known) == "clientidmanagerstartup.log")
        #expect(LogComponentIdentity.known(LogReader.read(path: file.path, client: "c"), among: known) == "clientidmanagerstartup.log")
    }
}
