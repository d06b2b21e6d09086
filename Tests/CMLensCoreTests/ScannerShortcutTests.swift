import Foundation
import Testing
@testable import CMLensCore

/// The scanner's shortcuts (last component, last date, canonical attributes) must never return what the
/// slow path would not: names and dates that differ only in a byte the shortcut could overlook.
@Suite struct ScannerShortcutTests {
    @Test func componentsThatShareLengthOrPrefixKeepTheirOwnNames() {
        let names = ["execmgr", "CcmExec", "execmgr", "ContentAccess", "ContentAccessX", "ContentAccess",
                     "SixteenBytesName", "SixteenBytesNamf", "SeventeenBytesNam", "SeventeenBytesNaX", "a", "b", "a"]
        let text = names.map { LogTestSupport.cmtrace("m", component: $0) }.joined(separator: "\n")
        let index = LogTestSupport.parse(text)
        #expect(index.records.map(\.component) == names)
    }

    @Test func datesThatDifferInOneDigitAreNotTakenFromTheCache() {
        let dates = ["01-14-2011", "01-15-2011", "01-15-2012", "1-15-2012", "01-15-2012", "12-31-2011"]
        let text = dates.map { LogTestSupport.cmtrace("m", time: "10:00:00.000+000", date: $0) }.joined(separator: "\n")
        let days = LogTestSupport.parse(text).records.map { $0.time?.iso8601.prefix(10) ?? "none" }
        #expect(days == ["2011-01-14", "2011-01-15", "2012-01-15", "2012-01-15", "2012-01-15", "2011-12-31"])
    }

    @Test func aRecordAtTheVeryEndOfTheBufferStillReadsItsAttributes() {
        // No newline and no slack after `>`: the eight-byte loads must not be tried past the end.
        let index = LogTestSupport.parse(LogTestSupport.cmtrace("last", component: "C", file: ""))
        #expect(index.records.map(\.component) == ["C"])
        #expect(index.records.first?.time != nil)
    }

    @Test func aSplitFileWhoseHalvesSpanSeveralIndexChunksMatchesOnePass() throws {
        // 150,000 records: each half fills more than one 65,536-entry chunk, and the second half is
        // appended to a partly filled one.
        var text = ""
        text.reserveCapacity(150_000 * 120)
        for k in 0..<150_000 {
            let component = ["execmgr", "CAS", "ContentAccess"][k % 3]
            text += "<![LOG[r\(k)\(k % 11 == 0 ? "\nsecond line" : "")]LOG]!><time=\"10:\(String(format: "%02d:%02d", (k / 60) % 60, k % 60)).000+300\" date=\"01-14-2011\" component=\"\(component)\" context=\"\" type=\"\(k % 4)\" thread=\"1\" file=\"\">\n"
        }
        let dir = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.log")
        try Data(text.utf8).write(to: file)
        let inMemory = LogReader.parse(bytes: Array(text.utf8), path: file.path, client: "c")
        // Two parts, then eight (the most a file is cut into).
        for partSize in [64 << 20, 1 << 20] {
            let options = LogReader.Options(inMemoryLimit: 0, splitThreshold: 1000, splitPartSize: partSize, chunkSize: 1 << 20)
            let fromDisk = LogReader.read(path: file.path, client: "c", logName: nil, options: options)
            #expect(fromDisk.count == 150_000)
            #expect(fromDisk.count == inMemory.count)
            for k in stride(from: 0, to: 150_000, by: 997) + [65_535, 65_536, 74_999, 75_000, 75_001, 149_999] {
                let a = fromDisk.record(at: k), b = inMemory.record(at: k)
                #expect(a.line == b.line && a.component == b.component && a.time == b.time && a.level == b.level
                        && a.message == b.message, "record \(k), parts of \(partSize)")
            }
        }
    }
}
