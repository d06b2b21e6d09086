import Foundation
import Testing
@testable import CMLensCore

/// The timeline never says two things at once: a program that is done gets no new run from a bare
/// exit code, and a program with no retries left gets no "next retry due".
@Suite struct TimelineContradictionTests {
    static func record(_ time: String, _ message: String) -> String {
        "<![LOG[\(message)]LOG]!><time=\"\(time).000+300\" date=\"01-14-2011\" component=\"execmgr\" context=\"\" type=\"1\" thread=\"2904\" file=\"execreqmgr.cpp:2055\">"
    }

    static func change(_ program: String, _ from: String, _ to: String, advert: String = "A1", package: String = "P1") -> String {
        "Execution Request for advert \(advert) package \(package) program \(program) state change from \(from) to \(to)"
    }

    static func history(_ records: [String], policy: RetryPolicy = .defaults) -> ExecutionHistory {
        let text = records.joined(separator: "\r\n") + "\r\n"
        let index = LogReader.parse(bytes: Array(text.utf8), path: "WKS/execmgr.log", client: "WKS", logName: "execmgr.log")
        return ExecutionHistory.build(records: index.records, policy: policy)
    }

    /// One run of `program` that ends in `result` with `code`.
    static func run(_ program: String, at minute: String, code: Int, result: String, from: String = "WaitingContent",
                    advert: String = "A1", package: String = "P1") -> [String] {
        [record("09:\(minute):00", change(program, from, "Running", advert: advert, package: package)),
         record("09:\(minute):05", "Program exit code \(code)"),
         record("09:\(minute):05", change(program, "Running", result, advert: advert, package: package))]
    }

    @Test(arguments: [(0, ExecutionState.success), (3010, ExecutionState.successRebootRequired),
                      (1, ExecutionState.failureNonRetry)])
    func anExitCodeAfterTheProgramIsDoneIsNotARun(code: Int, result: String) throws {
        let lines = Self.run("Reader", at: "00", code: code, result: result)
            + [Self.record("09:20:00", "Program exit code 1618")]
        let history = Self.history(lines)
        let reader = try #require(history.timelines.first)
        #expect(history.timelines.count == 1)
        #expect(reader.attempts.count == 1)
        #expect(reader.verdict.exitCode == code)
        #expect(!reader.verdict.text.contains("1618"))
        #expect(!reader.steps.contains { $0.exitCode == 1618 })
        #expect(history.unattributed.map(\.exitCode) == [1618])
    }

    @Test func anExitCodeWhileTheProgramWaitsToRetryIsItsNextRun() throws {
        // The retry's launch is not in the log (a rotated-away line): the code still belongs to it.
        let lines = Self.run("Reader", at: "00", code: 1618, result: ExecutionState.failureRetry)
            + [Self.record("09:00:05", Self.change("Reader", ExecutionState.failureRetry, ExecutionState.waitingRetry)),
               Self.record("09:15:06", "Program exit code 0")]
        let reader = try #require(Self.history(lines).timelines.first)
        #expect(reader.attempts.count == 2)
        #expect(reader.attempts.last?.exitCode == 0)
    }

    @Test func anExitCodeJoinsTheProgramThatIsNotDoneRatherThanTheLastLaunched() throws {
        // Setup waits to retry; Viewer is launched later and succeeds; a bare code then is Setup's retry.
        let lines = Self.run("Setup", at: "00", code: 1618, result: ExecutionState.failureRetry)
            + [Self.record("09:00:05", Self.change("Setup", ExecutionState.failureRetry, ExecutionState.waitingRetry))]
            + Self.run("Viewer", at: "05", code: 0, result: ExecutionState.success, advert: "A2", package: "P2")
            + [Self.record("09:15:06", "Program exit code 0")]
        let history = Self.history(lines)
        let setup = try #require(history.timelines.first { $0.key.program == "Setup" })
        let viewer = try #require(history.timelines.first { $0.key.program == "Viewer" })
        #expect(viewer.attempts.count == 1)
        #expect(setup.attempts.count == 2)
        #expect(history.unattributed.isEmpty)
    }

    /// Three runs allowed (two retries); each fails with a retried code and waits to retry.
    static func failingRuns(_ count: Int) -> [String] {
        var lines: [String] = []
        for k in 0..<count {
            let minute = String(format: "%02d", k * 15)
            lines += run("Mapper", at: minute, code: 5, result: ExecutionState.failureRetry,
                         from: k == 0 ? "WaitingContent" : ExecutionState.waitingRetry)
            lines.append(record("09:\(minute):06", change("Mapper", ExecutionState.failureRetry, ExecutionState.waitingRetry)))
        }
        return lines
    }

    static let twoRetries = RetryPolicy(count: 2, interval: 600, errorCodes: [5], source: .defaults)

    @Test func aProgramAtItsRetryLimitHasNoNextRetry() throws {
        let mapper = try #require(Self.history(Self.failingRuns(3), policy: Self.twoRetries).timelines.first)
        #expect(mapper.verdict.kind == .retryLimitReached)
        #expect(mapper.verdict.prediction == nil)
        #expect(mapper.pendingPrediction == nil)
        #expect(!mapper.verdict.text.contains("next retry due"))
        let lastRun = mapper.steps.filter { $0.attempt == 3 }
        #expect(!lastRun.isEmpty)
        #expect(lastRun.allSatisfy { $0.prediction == nil && $0.nextRetryAt == nil })
        let text = mapper.steps.flatMap { TimelineOutput.text(step: $0, policy: Self.twoRetries).map(\.plainText) }
        let due = text.filter { $0.contains("next retry due") }
        #expect(due.count == 2, "runs 1 and 2 predict their retry, run 3 does not: \(due)")
    }

    @Test func aProgramBelowItsLimitStillHasItsNextRetry() throws {
        let mapper = try #require(Self.history(Self.failingRuns(2), policy: Self.twoRetries).timelines.first)
        #expect(mapper.verdict.kind == .waitingRetry)
        #expect(mapper.verdict.prediction?.dueAt.iso8601 == "2011-01-14T09:30:05.000-05:00")
        #expect(mapper.verdict.text.contains("next retry due"))
    }
}
