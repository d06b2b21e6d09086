import Foundation
import Testing
@testable import CMLensCore

/// One record identity (`RecordID`) carried by steps, findings and their evidence: a drill finds
/// the record by it, not by looking `path:line` up again; `path:line` is what it prints as.
@Suite struct RecordIdentityTests {
    static let samples = LogTestSupport.repositoryRoot.appendingPathComponent("Samples").path

    @Test func aStepsEvidenceNamesItsRecordAndPrintsAsPathAndLine() throws {
        let workspace = Workspace.load([Self.samples + "/WKS-ACCT-014"], .init(parts: .logs))
        let history = workspace.executionHistory()
        let steps = history.timelines.flatMap(\.steps)
        #expect(!steps.isEmpty)
        for step in steps {
            let id = try #require(step.evidence.record)
            let ref = try #require(workspace.logs.reference(to: id))
            // The record the identity opens is the one the citation prints.
            #expect(workspace.logs.files[Int(ref.file)].path == step.evidence.file)
            #expect(workspace.logs[ref].line == step.evidence.line)
            #expect(step.evidence.description == "\(id.path):\(id.line)")
        }
    }

    @Test func twoFilesCitedAlikeAreStillToldApart() {
        // Two copies of a log under one display name (a case bundle holding the same path twice):
        // `path:line` names the first only; the identity names each.
        let first = LogReader.parse(bytes: Array((LogTestSupport.cmtrace("first copy") + "\n").utf8), path: "PC1/execmgr.log", client: "PC1")
        let second = LogReader.parse(bytes: Array((LogTestSupport.cmtrace("second copy") + "\n").utf8), path: "PC1/execmgr.log", client: "PC1")
        let logs = LoadedLogs(files: [first, second], problems: [])
        let evidence = Evidence(record: RecordID(file: second, index: 0))
        #expect(logs.reference(to: evidence) == RecordReference(file: 1, index: 0))
        #expect(logs.reference(file: evidence.file, line: evidence.line) == RecordReference(file: 0, index: 0))
        // A citation read elsewhere (no identity among these logs) is found by its place.
        #expect(logs.reference(to: Evidence(file: "PC1/execmgr.log", line: 1)) == RecordReference(file: 0, index: 0))
        // Citations of one line are one evidence, however they were reached.
        #expect(Evidence(record: RecordID(file: first, index: 0)) == Evidence(file: "PC1/execmgr.log", line: 1))
    }

    @Test func everyFindingsLogEvidenceCarriesItsRecord() throws {
        let workspace = Workspace.load([Self.samples])
        let findings = workspace.diagnosis().findings
        let cited = findings.flatMap(\.evidence).filter { $0.file.hasSuffix(".log") || $0.file.hasSuffix(".lo_") }
        #expect(!cited.isEmpty)
        for evidence in cited {
            let id = try #require(evidence.place.record, "\(evidence.location) carries no record")
            let ref = try #require(workspace.logs.reference(to: id))
            #expect(workspace.logs[ref].line == evidence.line)
        }
        // Inventory rows are places outside the logs: cited by file and line alone.
        #expect(findings.flatMap(\.evidence).contains { $0.file.hasSuffix(".csv") && $0.place.record == nil })
    }
}
