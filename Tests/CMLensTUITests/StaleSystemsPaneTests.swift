import CMLensCore
import Foundation
import Testing
@testable import CMLensTUI

/// DNS answers known in advance: one machine per status.
struct KnownAnswers: DNSResolving, DNSSession {
    func makeSession() throws -> any DNSSession { self }

    func lookup(_ name: String, _ type: DNSRecordType) -> DNSLookupResult {
        let absolute = name.hasSuffix(".") ? String(name.dropLast()) : name
        let answer: DNSLookupResult = switch (absolute.uppercased(), type) {
        case ("WKS-ACCT-014", .a): .records(["10.1.2.14"])
        case ("WKS-LAB-007", .a): .records(["10.1.3.7"])
        case ("BUILD-CAP-01", .a): .records(["10.1.4.1"])
        case ("SITE-SERVER", .a): .timedOut
        case ("14.2.1.10.IN-ADDR.ARPA", .ptr): .records(["wks-acct-014.corp.example"])
        case ("7.3.1.10.IN-ADDR.ARPA", .ptr): .records(["lap-temp-17.corp.example"])
        default: .notFound
        }
        return answer
    }
}

@Suite struct StaleSystemsPaneTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    static func pane(_ console: ConsoleFixture) -> StaleSystemsPane {
        console.state.panes[PaneRegistry.index(of: StaleSystemsPane.id)!] as! StaleSystemsPane
    }

    static func checked(size: Size) -> ConsoleFixture {
        var console = AnalysisFixture.console(size: size)
        let index = PaneRegistry.index(of: StaleSystemsPane.id)!
        var pane = console.state.panes[index] as! StaleSystemsPane
        pane.resolver = KnownAnswers()
        pane.concurrency = 4
        console.state.panes[index] = pane
        AnalysisFixture.show(StaleSystemsPane.id, in: &console)
        return console
    }

    @Test(arguments: sizes) func nothingIsSentUntilEnterThenTheTableShowsTheStatuses(size: Size) {
        var console = Self.checked(size: size)
        var lines = console.grid.lines
        #expect(lines[1].hasPrefix("15 names from") && lines[1].contains("sys.txt"))
        #expect(lines[2].hasPrefix("Enter looks every name up in DNS"))
        #expect(console.screen.contains("WKS-HR-021 is listed 2 times"))
        #expect(!Self.pane(console).checked)
        console.press(.enter)
        lines = console.grid.lines
        #expect(Self.pane(console).rows.count == 15)
        #expect(lines[2] == "OK 1 · another system 1 · not resolved 11 · no reverse 1 · timed out 1")
        #expect(lines[3].contains("Name") && lines[3].contains("IP") && lines[3].contains("Reverse") && lines[3].contains("Status"))
        #expect(lines[4].contains("WKS-ACCT-014") && lines[4].contains("10.1.2.14") && lines[4].hasSuffix("OK"))
        #expect(lines[5].contains("WKS-LAB-007") && lines[5].contains("lap-temp-17") && lines[5].contains("IP registered to another system"))
        #expect(lines[6].contains("BUILD-CAP-01") && lines[6].contains("IP Address not found in reverse zone"))
        #expect(lines[7].contains("SITE-SERVER") && lines[7].contains("DNS query timed out"))
        #expect(lines[8].contains("WKS-HR-021") && lines[8].contains("Could not Resolve IP"))
        let roles = console.grid.roleText.split(separator: "\n").map(String.init)
        let statusColumn = lines[5].distance(from: lines[5].startIndex, to: lines[5].range(of: "IP registered")!.lowerBound)
        #expect(Array(roles[5])[statusColumn] == Role.error.letter)
        #expect(lines[size.lines - 2].contains("15 names · 1/15 · 12 suggest stale"))
        console.press(.down, .down, .down)
        #expect(console.grid.lines[size.lines - 3].contains("A lookup of SITE-SERVER: no answer within the timeout"))
    }

    @Test func exportWritesCSVAndRefusesAnInput() throws {
        var console = Self.checked(size: Size(columns: 80, lines: 24))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stale-\(UInt32.random(in: 0...UInt32.max)).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        console.command("export " + file)
        #expect(console.screen.contains("nothing to export yet"))
        console.press(.enter)
        console.press(.character("o"))
        #expect(console.state.prompt?.text == "export ")
        console.type(file)
        console.press(.enter)
        #expect(console.screen.contains("wrote 15 rows to"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 16)
        #expect(lines[0] == "Name,IP,Reverse,Status")
        #expect(lines[1] == "WKS-ACCT-014,10.1.2.14,wks-acct-014.corp.example,OK")
        let list = AnalysisFixture.samples + "/sys.txt"
        let before = try String(contentsOfFile: list, encoding: .utf8)
        console.command("export " + list)
        #expect(console.screen.contains("is one of the workspace's inputs"))
        #expect(try String(contentsOfFile: list, encoding: .utf8) == before)
    }

    @Test func aWorkspaceWithoutSysTxtSaysSo() {
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24))
        AnalysisFixture.show(StaleSystemsPane.id, in: &console)
        #expect(console.grid.lines[1].hasPrefix("No sys.txt in the workspace."))
        console.press(.enter)
        #expect(console.screen.contains("no sys.txt in the workspace"))
    }
}

@Suite struct StaleSystemsReloadTests {
    @Test func aReloadWithTheSameNamesKeepsTheResults() {
        var console = StaleSystemsPaneTests.checked(size: Size(columns: 80, lines: 24))
        console.press(.enter)
        #expect(StaleSystemsPaneTests.pane(console).rows.count == 15)
        let old = AnalysisFixture.workspace
        console.run(console.state.handle(.loaded(ConsoleWorkspace(paths: old.paths, inputs: old.inputs, logs: old.logs, generation: 1))))
        #expect(StaleSystemsPaneTests.pane(console).rows.count == 15)
        #expect(console.screen.contains("WKS-ACCT-014  10.1.2.14"))
    }
}
