import Foundation
import Testing
@testable import CMLensCore

/// Metamorphic tests of the rules the field notes and the real corpus name: a positive case is
/// varied (fewer repeats, unrelated lines between, split across a rotation, a renamed copy,
/// UTF-16LE, CRLF or LF, another time zone) and every variant must still fire with the same
/// evidence lines; every near-miss, varied the same way, must stay silent. Seeded, so a failure
/// names the variant that broke.
@Suite struct RuleVariantsTests {
    /// One log's lines: message, component and severity; times are given when written.
    struct Line {
        var message: String
        var component: String
        var type = 1
        /// Evidence the rule must cite.
        var isEvidence = false
    }

    /// How a case is written to disk.
    struct Variant: CustomStringConvertible {
        var noise = false
        var rotated = false
        var renamed = false
        var utf16 = false
        var crlf = true
        var bias = 300

        var description: String {
            "noise \(noise), rotated \(rotated), renamed \(renamed), UTF-16LE \(utf16), CRLF \(crlf), bias \(bias)"
        }

        static func random(_ generator: inout SplitMix64) -> Variant {
            Variant(noise: .random(using: &generator), rotated: .random(using: &generator),
                    renamed: .random(using: &generator), utf16: .random(using: &generator),
                    crlf: .random(using: &generator), bias: [300, 0, -60, 480, -330].randomElement(using: &generator)!)
        }

        /// The plain case and one variant per dimension, then seeded mixtures.
        static func all(seed: UInt64, mixtures: Int = 12) -> [Variant] {
            var list = [Variant(), Variant(noise: true), Variant(rotated: true), Variant(renamed: true),
                        Variant(utf16: true), Variant(crlf: false), Variant(bias: -60),
                        Variant(noise: true, rotated: true, renamed: true, utf16: true, crlf: false, bias: 480)]
            var generator = SplitMix64(testSeed: seed)
            for _ in 0..<mixtures { list.append(.random(&generator)) }
            return list
        }
    }

    static let noise = [
        "CCMDoCertificateMaintenance() Started",
        "Begin searching client certificates based on Certificate Issuers",
        "Evaluating Software Updates Content Location",
        "Raising event: instance of CCM_ServiceHost_CertRetrieval_Status { HRESULT = \"0x00000000\"; };",
        "OnServiceWindowAvailable",
        "State message(State ID: 7) sent for update e1f2",
        "Machine policy retrieval started",
    ]

    /// Writes `logs` (log name → lines) as one client's folder, each line a CMTrace record 5 s after
    /// the one before, the variant's way, and diagnoses it.
    static func diagnose(_ logs: [(name: String, lines: [Line])], _ variant: Variant, seed: UInt64) throws -> Diagnosis.Output {
        let dir = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let client = dir.appendingPathComponent("WKS-VAR")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        var generator = SplitMix64(testSeed: seed)
        var second = 0
        for (name, lines) in logs {
            var records: [String] = []
            for line in lines {
                if variant.noise {
                    for _ in 0..<Int.random(in: 0...3, using: &generator) {
                        let text = noise.randomElement(using: &generator)!
                        records.append(record(Line(message: text, component: line.component), second: second, bias: variant.bias))
                        second += 1
                    }
                }
                records.append(record(line, second: second, bias: variant.bias))
                second += 5
            }
            let stem = String(name.dropLast(4))
            var files: [(String, [String])] = [(variant.renamed ? "\(stem).WKS-VAR-1.log" : name, records)]
            if variant.rotated && records.count >= 2 {
                let cut = records.count / 2
                let older = variant.renamed ? "\(stem).WKS-VAR-1.lo_" : "\(stem)-20110302-075959.log"
                files = [(older, Array(records[..<cut])), (files[0].0, Array(records[cut...]))]
            }
            for (file, part) in files {
                let text = part.joined(separator: variant.crlf ? "\r\n" : "\n") + (variant.crlf ? "\r\n" : "\n")
                let bytes = variant.utf16 ? LogTestSupport.utf16LE(Array(text.utf8)) : Array(text.utf8)
                try Data(bytes).write(to: client.appendingPathComponent(file))
            }
        }
        return DiagnosticsTests.diagnose([dir.path])
    }

    static func record(_ line: Line, second: Int, bias: Int) -> String {
        let time = String(format: "08:%02d:%02d.000", second / 60 % 60, second % 60)
        let offset = bias >= 0 ? "+\(bias)" : "\(bias)"
        return "<![LOG[\(line.message)]LOG]!><time=\"\(time)\(offset)\" date=\"03-02-2011\" component=\"\(line.component)\" context=\"\" type=\"\(line.type)\" thread=\"1200\" file=\"a.cpp:1\">"
    }

    /// Every variant fires `rule` once, citing exactly the lines marked as evidence, at `confidence`.
    static func expectFires(_ rule: String, _ logs: [(name: String, lines: [Line])], confidence: DiagnosticConfidence,
                            seed: UInt64) throws {
        let expected = logs.flatMap { $0.lines.filter(\.isEvidence).map(\.message) }
        for (k, variant) in Variant.all(seed: seed).enumerated() {
            let output = try diagnose(logs, variant, seed: seed &+ UInt64(k))
            let found = output.findings.filter { $0.rule == rule }
            #expect(found.count == 1, "\(rule) on \(variant): \(found.count) findings")
            guard let finding = found.first else { continue }
            #expect(finding.evidence.map(\.text).sorted() == expected.sorted(), "\(rule) on \(variant)")
            #expect(finding.confidence == confidence, "\(rule) on \(variant): \(finding.confidence)")
            #expect(output.problems.isEmpty, "\(variant): \(output.problems)")
            if variant.renamed {
                #expect(finding.evidence.allSatisfy { $0.file.contains(".WKS-VAR-1.lo") }, "the evidence cites the renamed files: \(variant)")
            }
        }
    }

    /// No variant makes `rule` fire.
    static func expectSilent(_ rule: String, _ logs: [(name: String, lines: [Line])], seed: UInt64) throws {
        for (k, variant) in Variant.all(seed: seed, mixtures: 6).enumerated() {
            let output = try diagnose(logs, variant, seed: seed &+ UInt64(k))
            #expect(!output.findings.contains { $0.rule == rule }, "\(rule) fired on a near-miss: \(variant)")
        }
    }

    // MARK: certificate-store-loop

    static let cert = "ClientIDManagerStartup"

    static func retries(_ n: Int) -> [Line] {
        (1...n).map { Line(message: "Failed to find the certificate in the store, retry \($0).", component: cert, type: 3, isEvidence: true) }
    }

    @Test(arguments: [2, 3, 5, 6, 11])
    func certificateLoopFiresFromTwoRetriesOn(repeats: Int) throws {
        let lines = [Line(message: "[RegTask] - Executing registration task synchronously.", component: Self.cert)] + Self.retries(repeats)
        try Self.expectFires("certificate-store-loop", [("ClientIDManagerStartup.log", lines)], confidence: .likely,
                             seed: UInt64(repeats))
    }

    @Test func certificateLoopWithRegTaskAndSleepIsConfirmed() throws {
        let lines = [Line(message: "RegTask: Failed to get certificate. Error: 0x80004005", component: Self.cert, type: 3, isEvidence: true)]
            + Self.retries(5)
            + [Line(message: "Already refreshed within the last 10 minutes, Sleeping for the next 9 minutes before reattempt.",
                    component: Self.cert, isEvidence: true)]
        try Self.expectFires("certificate-store-loop", [("ClientIDManagerStartup.log", lines)], confidence: .confirmed, seed: 50)
        let output = try Self.diagnose([("ClientIDManagerStartup.log", lines)], Variant(), seed: 50)
        #expect(output.findings.first?.corroboratedBy == ["regtask", "sleeping"])
    }

    @Test(arguments: [1, 2, 4])
    func aClientThatRegisteredAfterItsRetriesGetsNoFinding(repeats: Int) throws {
        var lines = Self.retries(repeats)
        lines.append(Line(message: "[RegTask] - Client is already registered. Exiting.", component: Self.cert))
        try Self.expectSilent("certificate-store-loop", [("ClientIDManagerStartup.log", lines)], seed: UInt64(100 + repeats))
    }

    @Test func oneFailedLookupIsNoLoop() throws {
        try Self.expectSilent("certificate-store-loop", [("ClientIDManagerStartup.log", Self.retries(1))], seed: 110)
    }

    @Test func retriesInAnotherLogAreNotTheLoop() throws {
        let lines = Self.retries(6).map { Line(message: $0.message, component: "CertificateMaintenance", type: 3) }
        try Self.expectSilent("certificate-store-loop", [("CertificateMaintenance.log", lines)], seed: 111)
    }

    // MARK: updates-no-boundary-in-task-sequence

    static func contentFailures(_ n: Int) -> [Line] {
        (0..<n).map { _ in
            Line(message: "CContentDownload::StartDownload - failed to get locations for content 16783921, error = 0x80040669",
                 component: "UpdatesHandler", type: 3, isEvidence: true)
        }
    }

    @Test(arguments: [1, 2, 4])
    func updatesErrorFiresWithoutATaskSequence(repeats: Int) throws {
        try Self.expectFires("updates-no-boundary-in-task-sequence", [("UpdatesHandler.log", Self.contentFailures(repeats))],
                             confidence: .likely, seed: UInt64(200 + repeats))
    }

    @Test func aTaskSequenceInstallingUpdatesConfirmsIt() throws {
        let smsts = [Line(message: "Installing Update 1 of 3", component: "InstallSoftwareUpdates", isEvidence: true)]
        let logs = [("smsts.log", smsts), ("UpdatesHandler.log", Self.contentFailures(2))]
        try Self.expectFires("updates-no-boundary-in-task-sequence", logs, confidence: .confirmed, seed: 210)
        let output = try Self.diagnose(logs, Variant(), seed: 210)
        let finding = try #require(output.findings.first { $0.rule == "updates-no-boundary-in-task-sequence" })
        #expect(finding.corroboratedBy == ["installing"])
        #expect(finding.explanation.contains("'Installing Update 1 of 3'"))
    }

    @Test func updatesErrorThatADownloadResolvedIsSilent() throws {
        let lines = Self.contentFailures(2) + [Line(message: "Successfully downloaded update content (ContentID=16783921)",
                                                     component: "UpdatesHandler")]
        try Self.expectSilent("updates-no-boundary-in-task-sequence", [("UpdatesHandler.log", lines)], seed: 220)
    }

    @Test func theCodeInAnotherLogOrAnotherCodeIsSilent() throws {
        try Self.expectSilent("updates-no-boundary-in-task-sequence", [("CAS.log", Self.contentFailures(2))], seed: 230)
        let other = [Line(message: "CContentDownload::StartDownload - failed to get locations for content 1, error = 0x80040668",
                          component: "UpdatesHandler", type: 3)]
        try Self.expectSilent("updates-no-boundary-in-task-sequence", [("UpdatesHandler.log", other)], seed: 231)
    }

    // MARK: ccmsetup-download-failed

    static let bits404 = Line(message: "Failed to download files through BITS. Error: 0x80190194, Description HTTP status 404: The requested URL does not exist on the server.",
                              component: "ccmsetup", type: 3, isEvidence: true)

    @Test func ccmsetupDownloadFailureFiresAndItsEndConfirmsIt() throws {
        try Self.expectFires("ccmsetup-download-failed", [("ccmsetup.log", [Self.bits404])], confidence: .likely, seed: 300)
        let ended = [Self.bits404, Line(message: "CcmSetup failed with error code 0x80190194", component: "ccmsetup", isEvidence: true)]
        try Self.expectFires("ccmsetup-download-failed", [("ccmsetup.log", ended)], confidence: .confirmed, seed: 301)
    }

    @Test func ccmsetupThatDownloadedOnRetryIsSilent() throws {
        let lines = [Self.bits404, Line(message: "CcmSetup is exiting with return code 0", component: "ccmsetup")]
        try Self.expectSilent("ccmsetup-download-failed", [("ccmsetup.log", lines)], seed: 310)
    }

    @Test func theRealCcmsetupFailureIsDiagnosedWithItsEvidence() throws {
        let output = DiagnosticsTests.diagnose([LogTestSupport.realCorpus.path])
        let finding = try #require(output.findings.first { $0.rule == "ccmsetup-download-failed" })
        #expect(finding.evidence.map { "\(($0.file as NSString).lastPathComponent):\($0.line)" }
            == [217, 220, 222, 228].map { "ccmsetup.jimbocalvo-1.log:\($0)" })
        #expect(finding.confidence == .confirmed && finding.corroboratedBy == ["failed"])
        #expect(finding.explanation.contains("HTTP status 404") && finding.explanation.contains("HTTP://server.dmz/CCM_Client"))
        #expect(finding.reference?.contains("learn.microsoft.com") == true)
        #expect(FindingOutput.json(finding).contains("\"confidence\":\"confirmed\""))
    }
}
