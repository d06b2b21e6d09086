import Foundation
import Testing

/// The Client and Compare panes in the real binary, in tmux on the Samples workspace: at 80×24
/// (the smallest screen cmlens fits) and 120×40.
@Suite(.serialized, .enabled(if: TmuxHarness.shouldRun)) struct ClientViewTmuxTests {
    static let samples = TmuxHarness.repository.appendingPathComponent("Samples").path

    @Test(arguments: [(80, 24), (120, 40)]) func enterOnAClientShowsItsProgramAndHotfixVerdicts(columns: Int, lines: Int) throws {
        let t = try TmuxHarness.console(Self.samples, columns: columns, lines: lines)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        // The Clients pane: (all clients), BUILD-CAP-01, SITE-SERVER, WKS-ACCT-014.
        try t.send(contentsOf: ["j", "j", "j"])
        _ = try t.press("Enter")
        var screen = try t.wait(for: "WKS-ACCT-014's client view") { $0.contains("WKS-ACCT-014 · 1/22") && $0.contains("READY") }
        let rows = screen.split(separator: "\n").map(String.init)
        let office = try #require(rows.first { $0.contains("Office 2010 Setup, Silent") })
        #expect(office.hasPrefix(" Waiting to retry Office 2010 Setup, Silent"))
        #expect(office.contains(columns >= 120 ? "next 2011-01-13 10:22:12" : "next 01-13 10:22"))
        let kb = try #require(rows.first { $0.contains("KB978754") })
        #expect(kb.hasPrefix(" missing   KB978754   SmsOSDeployment") && kb.contains("4.00.6487.2000 < 4.0.6487.2115"))
        #expect(rows.contains { $0.hasPrefix(" installed KB977384") })
        #expect(screen.contains("Wrong: 2 failing programs · 2 KBs missing · 1 error finding"))
        // → to the Programs, ↓ to Office, Enter: its steps on the one the verdict rests on; Esc back.
        _ = try t.press("Right")
        _ = try t.press("Down")
        _ = try t.press("Enter")
        screen = try t.wait(forText: "★ the verdict rests on this step")
        #expect(screen.contains("next retry  due 2011-01-13 10:22:12.406-05:00"))
        _ = try t.press("Escape")
        screen = try t.wait(forText: "WKS-ACCT-014 · 5/22")
        // l: the client's logs, one key away.
        _ = try t.press("l")
        screen = try t.wait(for: "its logs") { $0.contains("WKS-ACCT-014 · 1/443") && $0.contains("READY") }
    }

    @Test(arguments: [(80, 24), (120, 40)]) func twoMarkedClientsCompareSideBySide(columns: Int, lines: Int) throws {
        let t = try TmuxHarness.console(Self.samples, columns: columns, lines: lines)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        try t.send(contentsOf: ["j", "j", "j", "m", "j", "m"])
        var screen = try t.wait(forText: "2 marked (C compares)")
        #expect(screen.contains("* WKS-ACCT-014") && screen.contains("* WKS-LAB-007"))
        _ = try t.press("C")
        screen = try t.wait(for: "the comparison") { $0.contains("2 clients compared") && $0.contains("READY") }
        let rows = screen.split(separator: "\n").map(String.init)
        let header = try #require(rows.first { $0.contains("WKS-ACCT-014") && $0.contains("WKS-LAB-007") })
        let acct = header.distance(from: header.startIndex, to: header.range(of: "WKS-ACCT-014")!.lowerBound)
        let lab = header.distance(from: header.startIndex, to: header.range(of: "WKS-LAB-007")!.lowerBound)
        #expect(acct < lab)
        // KB978754: missing on one, installed on the other, each under its client, the row flagged ≠.
        let kb = try #require(rows.first { $0.hasPrefix("≠KB978754") })
        #expect(Self.column(of: "missing", in: kb) == acct && Self.column(of: "installed", in: kb) == lab)
        #expect(rows.contains { $0.hasPrefix(" KB977384") && !$0.hasPrefix("≠") })
        let failing = try #require(rows.first { $0.hasPrefix("≠Failing ") })
        #expect(Self.column(of: "Adobe Reader 9.4.1 Update", in: failing) == acct)
        #expect(Self.column(of: "Visio Viewer 2010", in: failing) == lab)
        #expect(rows.contains { $0.hasPrefix("≠  retries left") && $0.contains("1007 of 1009") })
        // Esc goes back to the Clients pane, the marks kept.
        _ = try t.press("Escape")
        screen = try t.wait(forText: "2 marked (C compares)")
    }

    static func column(of text: String, in row: String) -> Int? {
        row.range(of: text).map { range in row[..<range.lowerBound].count }
    }
}
