import Foundation
import Testing
@testable import CMLensCore

/// Lines are joined to the request they are about by program name, advert and package: with many
/// packages whose program has the same name (every package has an "Install"), each request keeps
/// its own lines, and partly named lines join the latest request they fit.
@Suite struct ProgramJoiningTests {
    static func record(_ second: Int, _ message: String) -> String {
        let time = String(format: "%02d:%02d:%02d", 10 + second / 3600, second / 60 % 60, second % 60)
        return "<![LOG[\(message)]LOG]!><time=\"\(time).000+300\" date=\"01-14-2011\" component=\"execmgr\" context=\"\" type=\"1\" thread=\"1\" file=\"x.cpp:1\">"
    }

    static func history(_ messages: [String]) -> ExecutionHistory {
        let text = messages.enumerated().map { record($0.offset, $0.element) }.joined(separator: "\r\n") + "\r\n"
        let index = LogReader.parse(bytes: Array(text.utf8), path: "PC/execmgr.log", client: "PC", logName: "execmgr.log")
        return ExecutionHistory.build(records: index.records, policy: .defaults)
    }

    @Test func manyPackagesWithTheSameProgramName() {
        var lines: [String] = []
        for k in 0..<3000 {
            lines.append("Execution Request for advert AD\(k) package PK\(k) program Install state change from NotExist to Running")
        }
        // A line naming only the package, one naming only the advert, one naming neither.
        lines.append("Execution Request for package PK17 program Install state change from Running to Success")
        lines.append("Raised Program Started Event for Ad:AD42, Package:PK42, Program: Install")
        lines.append("Execution is complete for program Install. The exit code is 5, the execution status is FailureRetry")
        let history = Self.history(lines)
        #expect(history.timelines.count == 3000)
        let byPackage = Dictionary(uniqueKeysWithValues: history.timelines.map { ($0.key.package ?? "", $0) })
        #expect(byPackage["PK17"]?.steps.map(\.state) == ["Running", "Success"])
        #expect(byPackage["PK42"]?.steps.count == 3, "the event and the bare completion join AD42, the latest")
        #expect(byPackage["PK42"]?.steps.last?.state == "FailureRetry")
        #expect(byPackage["PK2999"]?.steps.count == 1)
    }

    @Test func aRequestFirstNamedWithoutAdvertGetsItLater() {
        let history = Self.history([
            "Execution Request for package P1 program Setup state change from NotExist to WaitingContent",
            "Execution Request for advert A1 package P1 program Setup state change from WaitingContent to Running",
            "Execution Request for advert A2 package P2 program Setup state change from NotExist to Running",
            "Execution Request for advert A1 program Setup state change from Running to Success",
        ])
        #expect(history.timelines.count == 2)
        let first = history.timelines.first { $0.key.package == "P1" }
        #expect(first?.key.advertisement == "A1")
        #expect(first?.steps.map(\.state) == ["WaitingContent", "Running", "Success"])
    }
}
