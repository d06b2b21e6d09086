import Foundation
import Testing

/// `cmlens --version`: the number from Sources/cmlens/Version.swift, with the checkout's commit.
@Suite struct VersionCommandTests {
    @Test func versionNamesTheNumberAndTheCommit() throws {
        let run = CmlensRun.cmlens(["--version"])
        #expect(run.status == 0)
        let source = try String(contentsOf: CmlensRun.repositoryRoot.appendingPathComponent("Sources/cmlens/Version.swift"), encoding: .utf8)
        let number = try #require(source.firstMatch(of: /static let number = "([0-9.]+)"/)?.1)
        let line = run.stdout.trimmingCharacters(in: .newlines)
        // Tests run from a checkout, so the commit is there; a tarball build prints the number alone.
        let match = try #require(line.wholeMatch(of: /([0-9.]+) \(commit ([0-9a-f]{12})(-modified)?\)/), "got \(line)")
        #expect(match.1 == number)
    }
}
