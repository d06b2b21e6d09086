import Foundation
import Testing
@testable import CMLensCore

/// The byte search that picks the records a rule's patterns are matched on must never leave out a
/// record the pattern matches: checked for every built-in pattern on the Samples, the real corpus and
/// generated variants of the lines the rules look for (case, noise, CRLF).
@Suite struct RuleCandidatesTests {
    static func patterns() -> [DiagnosticRegex] {
        BuiltInDiagnosticRules.load().rules.flatMap(\.patterns).compactMap { pattern in
            if case .regex(let regex) = pattern.source { return regex }
            return nil
        }
    }

    static func files() throws -> [LogFileIndex] {
        let samples = LogTestSupport.repositoryRoot.appendingPathComponent("Samples").path
        let inputs = WorkspaceScanner.scan([samples, LogTestSupport.realCorpus.path])
        var files = LoadedLogs.load(inputs).files
        // The lines the rules are about, in other cases and among noise.
        let lines = ["Unable to find any MP", "FAILED TO RETRIEVE THE DEFAULT MANAGEMENT POINT", "no management point found",
                     "The user has chosen to restart the computer now", "Received empty location update for CTM Job {AB-12}",
                     "0 DP locations found for package AB100012", "Scan failed with error = 0x80244022",
                     "OnSearchComplete - Failed to end search job. Error = 0x8024401c", "not joined to a domain",
                     "Successfully downloaded client files", "Installation succeeded", "download completed"]
        var random = SplitMix64(seed: 5)
        let text = (0..<400).map { n -> String in
            let line = n % 3 == 0 ? lines[Int(random.next() % UInt64(lines.count))] : "noise \(n) unable to find management"
            let cased = random.next() % 2 == 0 ? line.uppercased() : line
            return LogTestSupport.cmtrace(cased, component: "LocationServices")
        }.joined(separator: "\r\n")
        files.append(LogReader.parse(bytes: Array(text.utf8), path: "gen.log", client: "GEN"))
        return files
    }

    @Test func everyRecordAPatternMatchesIsACandidate() throws {
        let regexes = Self.patterns()
        #expect(regexes.count >= 20)
        #expect(regexes.filter { $0.searchLiterals != nil }.count > regexes.count / 2, "most patterns get a byte search")
        var matched = 0
        defer { #expect(matched > 100, "the check saw \(matched) matches") }
        for file in try Self.files() {
            let records = file.records
            for regex in regexes {
                let candidates = Set(DiagnosticEngine.candidates(file, [regex]))
                for (index, record) in records.enumerated() where regex.match(record.message) != nil {
                    matched += 1
                    #expect(candidates.contains(index), "\(regex.source) matches \(file.path):\(record.line) but the byte search left it out")
                }
            }
        }
    }

    @Test func alternativesEachNeedTheirOwnText() {
        #expect(RequiredLiteral.alternatives(of: "(?:unable to find MP|no management point found)", minimumLength: 4)
                == ["unable to find MP", "no management point found"])
        #expect(RequiredLiteral.alternatives(of: "Execution is complete (?<p>.+)|The user has chosen", minimumLength: 4)
                == ["Execution is complete ", "The user has chosen"])
        #expect(RequiredLiteral.alternatives(of: "abcd|x", minimumLength: 4) == nil)
        #expect(RequiredLiteral.alternatives(of: "(?:abcd|efgh)ijkl", minimumLength: 4) == ["ijkl"])
        #expect(RequiredLiteral.alternatives(of: "(abcd|efgh)|(ijkl)", minimumLength: 4) == nil)
        #expect(RequiredLiteral.alternatives(of: "[|]abcd|efgh", minimumLength: 4) == ["abcd", "efgh"])
        #expect(RequiredLiteral.alternatives(of: "(?=abcd|efgh)", minimumLength: 4) == nil)
    }
}
