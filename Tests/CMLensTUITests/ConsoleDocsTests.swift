import Foundation
import Testing
@testable import CMLensTUI

/// docs/console.md lists the keys from the key table; this keeps the two the same.
/// `RECORD_DOCS=1 swift test --filter ConsoleDocsTests` rewrites the list (and still fails once).
@Suite struct ConsoleDocsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let begin = "<!-- keys: generated from KeyBindings.standard; do not edit -->\n"
    static let end = "<!-- end of keys -->"

    @Test func theKeyListInTheDocsMatchesTheKeyTable() throws {
        let path = Self.repository.appendingPathComponent("docs/console.md").path
        let doc = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(doc.range(of: Self.begin))
        let stop = try #require(doc.range(of: Self.end, range: start.upperBound..<doc.endIndex))
        let listed = String(doc[start.upperBound..<stop.lowerBound])
        let generated = KeyBindings.standard.markdown
        if listed != generated, ProcessInfo.processInfo.environment["RECORD_DOCS"] == "1" {
            try (String(doc[..<start.upperBound]) + generated + String(doc[stop.lowerBound...]))
                .write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("Rewrote the key list in docs/console.md; run again")
        }
        #expect(listed == generated)
    }
}
