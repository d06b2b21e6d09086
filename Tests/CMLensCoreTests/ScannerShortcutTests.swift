@testable import CMLensCore
import Testing

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
}
