import Foundation
import Testing

@testable import CMLensCore

/// The README's rule list is written from the built-in rules; this keeps the two the same.
/// `RECORD_DOCS=1 swift test --filter RuleCatalogueDocsTests` rewrites it (and still fails once).
@Suite struct RuleCatalogueDocsTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path
    static let begin = "<!-- rules: generated from BuiltInDiagnosticRules; do not edit -->\n"
    static let end = "<!-- end of rules -->"

    @Test func theReadmeListsEveryBuiltInRuleAsTheRulesSay() throws {
        let doc = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let start = try #require(doc.range(of: Self.begin))
        let stop = try #require(doc.range(of: Self.end, range: start.upperBound..<doc.endIndex))
        let listed = String(doc[start.upperBound..<stop.lowerBound])
        let rules = BuiltInDiagnosticRules.load().rules
        let generated = RuleCatalogueMarkdown.table(rules)
        if listed != generated, ProcessInfo.processInfo.environment["RECORD_DOCS"] == "1" {
            try (String(doc[..<start.upperBound]) + generated + String(doc[stop.lowerBound...]))
                .write(toFile: Self.readme, atomically: true, encoding: .utf8)
            Issue.record("Rewrote the rule list in README.md; run again")
        }
        #expect(listed == generated)
        #expect(generated.split(separator: "\n").count == rules.count + 2)
        // The hand-written table of what each rule's lines look like covers the same rules.
        for rule in rules {
            #expect(doc.components(separatedBy: "| `\(rule.id)` |").count == 3, "\(rule.id): in both tables")
        }
    }

    @Test func aRuleRowEscapesWhatWouldBreakTheTable() throws {
        var rule = try #require(BuiltInDiagnosticRules.load().rules.first)
        rule.title = "A | B {placeholder} C"
        rule.reference = "Somewhere, see https://learn.microsoft.com/troubleshoot/page-name#part"
        let row = RuleCatalogueMarkdown.table([rule]).split(separator: "\n")[2]
        #expect(row.contains("A \\| B … C"))
        #expect(row.contains("[page-name](https://learn.microsoft.com/troubleshoot/page-name#part)"))
    }
}
