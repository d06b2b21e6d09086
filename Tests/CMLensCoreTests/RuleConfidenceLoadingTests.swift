import Foundation
import Testing
@testable import CMLensCore

/// A rules file's `confidence` and `corroboration`: read, checked, and applied by the engine.
@Suite struct RuleConfidenceLoadingTests {
    static func rule(_ extra: String) -> String {
        """
        {"rules": [{"id": "r", "title": "t", "explanation": "e", "fix": "f", "logs": ["CAS.log"],
          "patterns": [{"name": "core", "regex": "core failure"}, {"name": "support", "regex": "supporting line"}]\(extra)}]}
        """
    }

    @Test func confidenceAndCorroborationAreRead() throws {
        let (rules, problems) = DiagnosticRuleLoader.parse(Self.rule(#", "confidence": "possible", "corroboration": ["support"]"#), path: "t.rules.json")
        #expect(problems.isEmpty, "\(problems)")
        let rule = try #require(rules.first)
        #expect(rule.confidence == .possible && rule.corroboration == ["support"])
    }

    @Test func withoutThemARuleIsLikelyAndUncorroborated() throws {
        let (rules, _) = DiagnosticRuleLoader.parse(Self.rule(""), path: "t.rules.json")
        #expect(rules.first?.confidence == .likely && rules.first?.corroboration == [])
    }

    @Test(arguments: [#", "confidence": "certain""#, #", "corroboration": ["nosuch"]"#, #", "corroboration": ["core"]"#])
    func aBadValueSkipsTheRuleAndSaysWhy(extra: String) {
        let (rules, problems) = DiagnosticRuleLoader.parse(Self.rule(extra), path: "t.rules.json")
        #expect(rules.isEmpty)
        #expect(problems.contains { $0.message.contains("confidence") || $0.message.contains("corroboration") })
    }

    @Test func eachCorroboratingPatternRaisesOneStep() {
        #expect(DiagnosticConfidence.possible.raised(by: 1) == .likely)
        #expect(DiagnosticConfidence.possible.raised(by: 2) == .confirmed)
        #expect(DiagnosticConfidence.likely.raised(by: 5) == .confirmed)
        #expect(DiagnosticConfidence.likely.raised(by: 0) == .likely)
    }

    @Test func theEngineRaisesAFindingByWhatMatched() throws {
        let (rules, _) = DiagnosticRuleLoader.parse(Self.rule(#", "confidence": "possible", "corroboration": ["support"]"#), path: "t")
        func finding(_ messages: [String]) -> DiagnosticFinding? {
            let text = messages.map { LogTestSupport.cmtrace($0, component: "ContentAccess") }.joined(separator: "\r\n")
            let index = LogReader.parse(bytes: Array(text.utf8), path: "PC/CAS.log", client: "PC", logName: "CAS.log")
            let logs = LoadedLogs(files: [index], problems: [])
            return DiagnosticEngine(rules: rules).run(logs).findings.first
        }
        #expect(finding(["core failure"])?.confidence == .possible)
        #expect(finding(["core failure", "supporting line"])?.confidence == .likely)
        #expect(finding(["core failure", "supporting line"])?.corroboratedBy == ["support"])
        #expect(finding(["supporting line"]) == nil, "corroboration alone is no finding")
    }
}
