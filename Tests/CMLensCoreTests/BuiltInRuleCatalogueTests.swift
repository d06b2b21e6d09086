import Foundation
import Testing
@testable import CMLensCore

/// What every built-in rule owes its reader and the engine: a public source to check it against, and
/// regexes cheap enough to run over every log of a workspace.
@Suite struct BuiltInRuleCatalogueTests {
    static let loaded = BuiltInDiagnosticRules.load()

    @Test func atLeastThirtyRulesLoadWithoutProblems() {
        #expect(Self.loaded.problems.isEmpty, "\(Self.loaded.problems)")
        #expect(Self.loaded.rules.count >= 30, "\(Self.loaded.rules.count) rules")
        #expect(Set(Self.loaded.rules.map(\.id)).count == Self.loaded.rules.count)
    }

    @Test func everyRuleCitesAnHTTPSReference() {
        for rule in Self.loaded.rules {
            let reference = rule.reference ?? ""
            #expect(reference.hasPrefix("https://"), "rule \(rule.id) cites no https:// source first: \(reference)")
        }
    }

    /// Each regex must carry text of at least 4 ASCII characters that every match contains (one per
    /// alternative of an alternation), so that the engine rules a log out with a byte search instead
    /// of running the regex over every record.
    @Test func everyRegexHasARequiredLiteralOfFourCharacters() {
        for rule in Self.loaded.rules {
            for pattern in rule.patterns {
                guard case .regex(let regex) = pattern.source else { continue }
                let literals = regex.searchLiterals ?? []
                #expect(!literals.isEmpty, "\(rule.id).\(pattern.name): no required literal in \(regex.source)")
                for literal in literals {
                    #expect(literal.count >= 4 && literal.bytes.allSatisfy { $0 < 0x80 },
                            "\(rule.id).\(pattern.name): literal \(String(decoding: literal.bytes, as: UTF8.self))")
                }
            }
        }
    }

    /// The real logs (../shared/corpus/real, copied from public repositories): the ccmsetup.log
    /// that ends in BITS 0x80190194 is the only fault among them a rule knows. Its first-install
    /// WMI lines ("Failed to connect to policy namespace. Error 0x8004100e": the client's namespace
    /// does not exist yet) and the task sequences that ran to their end must raise nothing.
    @Test func theRealCorpusGivesOnlyTheCcmsetupDownloadFailure() {
        let output = DiagnosticsTests.diagnose([LogTestSupport.realCorpus.path])
        #expect(output.findings.map(\.rule) == ["ccmsetup-download-failed"],
                "\(output.findings.map { "\($0.rule) on \($0.client): \($0.evidence.map(\.text))" })")
    }

    /// The bundled Samples tell their own stories (DiagnosticsTests); none of the catalogue rules
    /// finds anything there, since no sample has those faults.
    @Test func theSamplesRaiseNoCatalogueRule() {
        let catalogue = Set(BuiltInRuleCasesTests.cases.map(\.rule))
        let stray = DiagnosticsTests.samples.findings.filter { catalogue.contains($0.rule) }
        #expect(stray.isEmpty, "\(stray.map { "\($0.rule) on \($0.client): \($0.evidence.map(\.text))" })")
    }

    /// Every catalogue rule has a case in BuiltInRuleCasesTests, so none ships untested; the rules
    /// over the execution kinds' facts have theirs in ExecutionKindFactsTests.
    @Test func everyRuleAddedWithTheCatalogueHasACase() {
        let tested = Set(BuiltInRuleCasesTests.cases.map(\.rule))
            .union(["application-unmatched-exit-code", "application-not-detected-after-install", "task-sequence-step-failed",
                    "software-update-keeps-failing"])
        let older: Set = ["certificate-store-loop", "updates-no-boundary-in-task-sequence", "program-retry-loop",
                          "program-failed-not-retried", "missing-hotfix", "management-point-not-found",
                          "content-no-distribution-point", "wsus-scan-failed", "ccmsetup-download-failed"]
        let untested = Set(Self.loaded.rules.map(\.id)).subtracting(tested).subtracting(older)
        #expect(untested.isEmpty, "\(untested.sorted())")
    }
}
