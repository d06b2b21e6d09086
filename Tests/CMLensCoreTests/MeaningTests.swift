import Foundation
import Testing
@testable import CMLensCore

/// The core hands out meanings, never colours: no escape code in its sources, one table for every
/// level, verdict and status.
@Suite struct MeaningTests {
    private static let coreSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/CMLensCore")

    /// ESC itself, or any way Swift source spells it or a terminal sequence (`\u{1B}`, `\e[`, `\033[`).
    @Test func coreSourcesHoldNoTerminalEscape() throws {
        let spellings = ["\u{1B}", "\\u{1B}", "\\u{1b}", "\\u{001B}", "\\u{001b}", "\\e[", "\\033[", "\\x1b[", "\\x1B["]
        let files = try #require(FileManager.default.enumerator(atPath: Self.coreSources.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100, "the core's sources were not found at \(Self.coreSources.path)")
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.coreSources.appendingPathComponent(file), encoding: .utf8)
            for spelling in spellings where text.contains(spelling) { found.append("\(file): \(spelling.debugDescription)") }
        }
        #expect(found.isEmpty, "terminal escapes belong to the command line, not the core: \(found)")
    }

    @Test func plainTextJoinsTheRunsAndPlainRunsMerge() {
        var line = StyledText("KB977384", .heading)
        line += " (title)"
        line += "  CCMExec"
        line += StyledText("", .plain)
        #expect(line.plainText == "KB977384 (title)  CCMExec")
        #expect(line.runs == [StyledText.Run("KB977384", .heading), StyledText.Run(" (title)  CCMExec", .plain)])
    }

    /// An empty run with a meaning stays: the command line marks it, whatever it holds.
    @Test func anEmptyRunWithAMeaningIsKept() {
        let line = "a" + StyledText("", .neutral) + "b"
        #expect(line.runs.map(\.meaning) == [.plain, .neutral, .plain])
        #expect(line.plainText == "ab")
    }

    /// "Installed" was plain text in one pane and a success in another: one table, one meaning.
    @Test func aStatusHasOneMeaningEverywhere() {
        #expect(Meaning(ComplianceStatus.installed) == .success)
        #expect(Meaning(ComplianceStatus.missing) == .error)
        #expect(Meaning(StaleStatus.ok) == .success)
        #expect(Meaning(Execution.Verdict.Status.succeeded) == .success)
        #expect(Meaning(ExitCodeVerdict.Tone.success) == .success)
    }

    /// A program's verdict means what the status every kind shares means.
    @Test(arguments: [ExecutionVerdict.Kind.success, .successRebootRequired, .waitingRetry, .inProgress,
                      .failureNonRetry, .retryLimitReached, .removedWhileWaiting, .removed])
    func aProgramVerdictMeansItsStatus(kind: ExecutionVerdict.Kind) {
        #expect(Meaning(kind) == Meaning(Execution.status(of: kind)))
    }

    @Test func levelsAndSeveritiesAgree() {
        #expect(Meaning(LogLevel.error) == Meaning(DiagnosticSeverity.error))
        #expect(Meaning(LogLevel.warning) == Meaning(DiagnosticSeverity.warning))
        #expect(Meaning(LogLevel.info) == Meaning(DiagnosticSeverity.info))
        #expect(Meaning(LogLevel.verbose) == .verbose)
    }

    /// A DNS lookup that failed says nothing about the machine; a record that disagrees does.
    @Test func aFailedLookupIsInconclusiveNotAnError() {
        #expect(Meaning(StaleStatus.timedOut) == .inconclusive)
        #expect(Meaning(StaleStatus.serverFailure) == .inconclusive)
        #expect(Meaning(StaleStatus.registeredToAnotherSystem) == .error)
    }

    @Test func anExplanationLineCarriesItsMeaningOnItsKeyPart() {
        let verdict = ExplanationLine(.verdict, "Not in the retry list.", label: "failure", tone: .failure)
        let text = ErrorExplanationOutput.text(verdict)
        #expect(verdict.meaning == .error)
        #expect(text.runs.contains(StyledText.Run("failure", .error)))
        #expect(text.plainText == "  ConfigMgr failure. Not in the retry list.")
    }
}
