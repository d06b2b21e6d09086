import Foundation
import Testing
@testable import CMLensCore

/// A large export is read in two halves at once; the rows, their line numbers and the problems must be
/// exactly those of one pass over the whole file.
@Suite struct CSVParallelSplitTests {
    static func sequential(_ text: String) -> (rows: [CSVTable.Row], problems: [LoadProblem]) {
        var text = text
        return text.withUTF8 { bytes in
            let whole = CSVTable.split(bytes, file: "big.csv")
            return (whole.rows, whole.problems)
        }
    }

    /// Rows with quoted commas, doubled quotes, line breaks inside quotes, CRLF and lone CR endings.
    static func awkwardCSV(rows: Int, quotedBlockAt block: Int? = nil) -> String {
        var text = "ResourceID,Name0,Version0\r\n"
        text.reserveCapacity(rows * 50)
        for k in 0..<rows {
            switch k % 7 {
            case 0: text += "\(k),\"Sms, \"\"quoted\"\" name\",4.00.6487.\(k % 3000)\r\n"
            case 1: text += "\(k),\"two\nline\",4.0.6487.2157\n"
            case 2: text += "\(k),Plain,4.00.6487.999\r"
            default: text += "\(k),CcmFramework,4.00.6487.2155\r\n"
            }
            if k == block { text += "\(k),\"" + String(repeating: "inside a quote\n", count: 40_000) + "\",1.0\r\n" }
        }
        return text
    }

    @Test func halvesGiveTheRowsAndLinesOfOnePass() {
        let text = Self.awkwardCSV(rows: 150_000)
        #expect(text.utf8.count > CSVTable.parallelThreshold)
        var copy = text
        #expect(copy.withUTF8 { CSVTable.rowBoundary(near: $0.count / 2, in: $0) } != nil)
        let parallel = CSVTable.split(text, file: "big.csv")
        let whole = Self.sequential(text)
        #expect(parallel.rows.count == whole.rows.count)
        #expect(parallel.rows == whole.rows)
        #expect(parallel.problems == whole.problems)
    }

    @Test func aQuotedFieldAcrossTheMiddleMovesTheCut() {
        // A 600 KB quoted field full of newlines sits where the middle falls: no cut may land inside it.
        let text = Self.awkwardCSV(rows: 100_000, quotedBlockAt: 50_000)
        let parallel = CSVTable.split(text, file: "big.csv")
        #expect(parallel.rows == Self.sequential(text).rows)
        #expect(parallel.rows.contains { $0.fields.count == 3 && $0.fields[1].hasPrefix("inside a quote\n") })
    }

    @Test func anUnclosedQuoteIsReportedAtItsLineFromEitherHalf() {
        var text = Self.awkwardCSV(rows: 150_000)
        text += "999999,\"never closed,1.0\r\n"
        let parallel = CSVTable.split(text, file: "big.csv")
        let whole = Self.sequential(text)
        #expect(parallel.problems == whole.problems)
        #expect(parallel.problems.count == 1)
        #expect(parallel.problems.first?.line == whole.rows.last.map { $0.line })
    }
}

@Suite struct InventoryParallelRowsTests {
    @Test func bothHalvesKeepRowOrderAndReportTheirBadRowsInOrder() {
        var csv = "ResourceID,Name0,Version0\n"
        let count = 210_000
        for k in 0..<count {
            if k == 10 || k == 150_000 { csv += "x\(k),CcmFramework,4.00.6487.2155\n"; continue }
            if k == 120_000 { csv += "\(k),SmsInventory,4.00.abc.2161\n"; continue }
            csv += "\(k),CcmFramework,4.00.6487.\(k % 3000)\n"
        }
        var inventory = Inventory()
        inventory.add(CSVTable.parse(Data(csv.utf8), file: "state.csv"))
        #expect(inventory.components.count == count - 2)
        #expect(inventory.components.map(\.resourceID) == (0..<count).filter { $0 != 10 && $0 != 150_000 })
        #expect(inventory.components.map(\.source.line) == inventory.components.map { $0.resourceID + 2 })
        #expect(inventory.problems.map(\.line) == [12, 120_002, 150_002])
    }
}

@Suite struct ComplianceParallelVerdictsTests {
    @Test func bothHalvesOfALargeInventoryGetTheirOwnVerdictsInClientOrder() {
        // 25,000 clients: judged in two halves. Versions alternate below and above KB2444668's 2161.
        var csv = "ResourceID,Name0,Version0\n"
        for k in 0..<25_000 { csv += "\(100_000 + k),SmsInventory,4.00.6487.\(k % 3 == 0 ? 999 : 2161 + k % 5)\n" }
        var systems = "ResourceID,Name0\n"
        for k in 0..<25_000 { systems += "\(100_000 + k),PC\(String(format: "%05d", k))\n" }
        var inventory = Inventory()
        inventory.add(CSVTable.parse(Data(csv.utf8), file: "state.csv"))
        inventory.add(CSVTable.parse(Data(systems.utf8), file: "systems.csv"))
        let report = ComplianceEvaluator.evaluate(inventory, catalog: .builtIn, kbs: ["2444668"])
        let verdicts = report.kbs[0].verdicts
        #expect(verdicts.count == 25_000)
        #expect(verdicts.map(\.client) == (0..<25_000).map { String(format: "PC%05d", $0) })
        #expect(verdicts.map(\.status) == (0..<25_000).map { $0 % 3 == 0 ? .missing : .installed })
        #expect(verdicts.map { $0.evidence?.source.line } == (0..<25_000).map { $0 + 2 })
    }
}
