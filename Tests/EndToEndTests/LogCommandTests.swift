import Foundation
import Testing

/// `cmlens log` through the real binary, on the bundled Samples/ and on bad input.
@Suite struct LogCommandTests {
    @Test func samplesMergeIntoOneTimeOrderedJSONStream() throws {
        let run = CmlensRun.cmlens(["log", "Samples", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let objects = try run.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.count > 500)
        let first = try #require(objects.first)
        #expect(Array(first.keys).sorted() == ["client", "component", "file", "format", "level", "line", "message", "source", "thread", "time"])
        let clients = Set(objects.compactMap { $0["client"] as? String })
        #expect(clients.isSuperset(of: ["WKS-ACCT-014", "WKS-LAB-007", "BUILD-CAP-01", "SITE-SERVER"]))
        // Merged by instant: the UTC times never go backwards.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let instants = objects.compactMap { ($0["time"] as? String).flatMap(formatter.date(from:)) }
        #expect(instants.count > 500)
        #expect(zip(instants, instants.dropFirst()).allSatisfy { $0 <= $1 })
        // The damaged CAS.log is reported by file and line, and its fragments are kept.
        #expect(run.stderr.contains("Samples/WKS-LAB-007/CAS.log:"))
        #expect(objects.contains { ($0["format"] as? String) == "unparsed" })
        // The UTF-16LE PolicyAgent.log reads like any other.
        #expect(objects.contains { ($0["file"] as? String)?.hasSuffix("WKS-LAB-007/PolicyAgent.log") == true && ($0["format"] as? String) == "cmtrace" })
    }

    @Test func filtersByLevelClientAndGrep() {
        let run = CmlensRun.cmlens(["log", "Samples", "--client", "WKS-ACCT-014", "--level", "error", "--grep", "exit code 999"])
        #expect(run.status == 0)
        #expect(!run.lines.isEmpty)
        #expect(run.lines.allSatisfy { $0.contains(" ERROR ") && $0.contains("WKS-ACCT-014") && $0.contains("999") })
    }

    @Test func timesPrintInTheLogsOwnZone() {
        let run = CmlensRun.cmlens(["log", "Samples/WKS-LAB-007/execmgr.log", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.lines.first == "client,file,line,time,level,component,thread,source,format,message")
        #expect(run.lines.dropFirst().first?.contains("+01:00") == true)
    }

    @Test func missingInputIsReportedWithStatusOneAndTheRestStillPrints() {
        let run = CmlensRun.cmlens(["log", "Samples/WKS-LAB-007/execmgr.log", "Samples/NO-SUCH-CLIENT"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Samples/NO-SUCH-CLIENT"))
        #expect(!run.lines.isEmpty)
    }

    @Test func usageErrorsExitTwo() {
        #expect(CmlensRun.cmlens(["log", "Samples", "--level", "loud"]).status == 2)
        #expect(CmlensRun.cmlens(["log", "Samples", "--since", "yesterday"]).status == 2)
        #expect(CmlensRun.cmlens(["log", "Samples", "--grep", "("]).status == 2)
        #expect(CmlensRun.cmlens(["log", "--no-such-flag"]).status == 2)
    }

    @Test func noColourWhenNotATerminal() {
        let run = CmlensRun.cmlens(["log", "Samples", "--level", "error"])
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test func escapeSequencesInLogsNeverReachTheOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-e2e-\(UUID().uuidString)/PC1")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let record = "<![LOG[title \u{1B}]0;owned\u{07} and \u{1B}[2J clear]LOG]!><time=\"10:00:00.000+000\" date=\"01-14-2011\" component=\"x\" context=\"\" type=\"1\" thread=\"1\" file=\"\">\r\n"
        try Data(record.utf8).write(to: dir.appendingPathComponent("evil.log"))
        for format in ["text", "json", "csv"] {
            let run = CmlensRun.cmlens(["log", dir.path, "--format", format])
            #expect(run.status == 0)
            #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}"), "\(format) leaked a control byte")
        }
    }
}

/// `--grep` through the search engine and relative `--since`, through the real binary.
@Suite struct LogGrepTests {
    @Test func aPatternThatDoesNotCompileIsAUsageErrorWithItsPosition() {
        let run = CmlensRun.cmlens(["log", "Samples", "--grep", "exit (code"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("missing closing parenthesis at character 11"), "\(run.stderr)")
    }

    @Test func grepFindsEveryCaseAndAlternation() {
        let run = CmlensRun.cmlens(["log", "Samples", "--grep", "EXIT CODE (999|1618)", "--format", "csv"])
        #expect(run.status == 0 || run.status == 1)
        let rows = run.lines.dropFirst()
        #expect(rows.count >= 4)
        #expect(rows.allSatisfy { $0.lowercased().contains("exit code 999") || $0.lowercased().contains("exit code 1618") })
        let caseSensitive = CmlensRun.cmlens(["log", "Samples", "--grep", "(?-i)EXIT CODE"])
        #expect(caseSensitive.lines.isEmpty)
    }

    @Test func sinceCountsBackFromTheLastRecord() throws {
        let all = CmlensRun.cmlens(["log", "Samples/WKS-LAB-007/execmgr.log", "--format", "csv"])
        let recent = CmlensRun.cmlens(["log", "Samples/WKS-LAB-007/execmgr.log", "--since=-10m", "--format", "csv"])
        #expect(recent.status == 0)
        #expect(recent.lines.count > 1 && recent.lines.count < all.lines.count)
        #expect(recent.lines.last == all.lines.last)
        let bad = CmlensRun.cmlens(["log", "Samples", "--since=-2x"])
        #expect(bad.status == 2 && bad.stderr.contains("-30m / -2h / -1d"))
    }
}
