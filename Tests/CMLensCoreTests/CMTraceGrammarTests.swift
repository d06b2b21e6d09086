import Foundation
import Testing
@testable import CMLensCore

@Suite struct CMTraceGrammarTests {
    typealias S = LogTestSupport

    @Test func biasIsWindowsConvention() throws {
        // +300 is US Eastern standard time: UTC = local + 300 minutes.
        let r = try #require(S.parse(S.cmtrace("a", time: "10:15:31.123+300")).records.first)
        #expect(r.time?.iso8601 == "2011-01-14T10:15:31.123-05:00")
        #expect(r.time?.iso8601UTC == "2011-01-14T15:15:31.123Z")
        let east = try #require(S.parse(S.cmtrace("b", time: "10:15:31.123-060")).records.first)
        #expect(east.time?.iso8601 == "2011-01-14T10:15:31.123+01:00")
        let india = try #require(S.parse(S.cmtrace("c", time: "10:15:31.123-330")).records.first)
        #expect(india.time?.iso8601 == "2011-01-14T10:15:31.123+05:30")
    }

    @Test(arguments: [("+0", "+00:00"), ("+00", "+00:00"), ("+000", "+00:00"), ("+1", "-00:01"), ("-0780", "+13:00")])
    func biasDigits(bias: String, offset: String) throws {
        let r = try #require(S.parse(S.cmtrace("x", time: "01:02:03.004" + bias)).records.first)
        #expect(r.time?.iso8601 == "2011-01-14T01:02:03.004" + offset)
    }

    @Test func missingBiasMeansUnknownOffset() throws {
        let r = try #require(S.parse(S.cmtrace("x", time: "12:01:31.123")).records.first)
        #expect(r.time?.biasMinutes == nil)
        #expect(r.time?.iso8601 == "2011-01-14T12:01:31.123")
    }

    @Test func doubleSignedBiasIsReadAsWMIAndReported() throws {
        let index = S.parse(S.cmtrace("x", time: "10:00:00.000+-300"))
        let r = try #require(index.records.first)
        // "+" then WMI's -300 (UTC−05:00) means Windows bias +300.
        #expect(r.time?.iso8601 == "2011-01-14T10:00:00.000-05:00")
        #expect(index.problems.contains { $0.message.contains("two signs") && $0.line == 1 })
    }

    @Test func outOfRangeBiasBecomesUnknown() throws {
        let index = S.parse(S.cmtrace("x", time: "10:00:00.000+9999"))
        let r = try #require(index.records.first)
        #expect(r.time != nil && r.time?.biasMinutes == nil)
        #expect(!index.problems.isEmpty)
    }

    @Test func sevenFractionDigitsAndUnpaddedDate() throws {
        let r = try #require(S.parse(S.cmtrace("x", time: "11:16:37.3093207+000", date: "3-2-2026")).records.first)
        #expect(r.time?.iso8601 == "2026-03-02T11:16:37.309+00:00")
        #expect(r.time?.nanoseconds == 309_320_700)
    }

    @Test func impossibleDateKeepsRecordWithoutTime() throws {
        let index = S.parse(S.cmtrace("thirteenth month", date: "13-45-2011") + "\r\n" + S.cmtrace("fine"))
        #expect(index.count == 2)
        let bad = index.record(at: 0)
        #expect(bad.time == nil && bad.format == .cmtrace && bad.message == "thirteenth month")
        #expect(index.problems.contains { $0.line == 1 && $0.message.contains("13-45-2011") })
        #expect(index.record(at: 1).time != nil)
    }

    @Test func attributesInAnyOrderAndCaseAndMissing() throws {
        let text = #"<![LOG[shuffled]LOG]!><THREAD="9" component="Comp" DATE="1-2-2026" time="08:00:00.000+000" TYPE="2">"#
            + "\n" + #"<![LOG[bare]LOG]!><time="08:00:01.000+000" date="01-02-2026">"#
            + "\n" + #"<![LOG[odd type]LOG]!><time="08:00:02.000+000" date="01-02-2026" type="4" thread="">"#
        let records = S.parse(text).records
        #expect(records.count == 3)
        #expect(records[0].thread == "9" && records[0].component == "Comp" && records[0].level == .warning)
        #expect(records[1].component == "" && records[1].level == .info && records[1].source == "")
        #expect(records[2].level == .info && records[2].rawType == "4")
    }

    @Test func levelsFromType() {
        let text = (0...3).map { S.cmtrace("t\($0)", type: $0) }.joined(separator: "\r\n")
        #expect(S.parse(text).records.map(\.level) == [.verbose, .info, .warning, .error])
    }

    @Test func messagesSpanLinesAndQuoteMarkup() throws {
        let xml = "Message received: '<?xml version='1.0' ?>\r\n<CIAssignmentMessage MessageType=\"x\">\r\n</CIAssignmentMessage>'"
        let quoted = "saw ]LOG]!> inside text and <![LOG[ too"
        let text = S.cmtrace(xml) + "\r\n" + S.cmtrace(quoted) + "\r\n" + S.cmtrace("third")
        let records = S.parse(text).records
        #expect(records.count == 3)
        #expect(records[0].message == xml.replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(records[1].message == quoted)
        #expect(records.map(\.line) == [1, 4, 5])
    }

    @Test func truncatedRecordIsKeptAsUnparsedAndNextRecordReads() {
        let full = S.cmtrace("will be cut")
        let text = String(full.prefix(40)) + "\r\n" + S.cmtrace("after") + "\r\n" + String(full.prefix(full.count - 5))
        let index = S.parse(text)
        #expect(index.records.map(\.format) == [.unparsed, .cmtrace, .unparsed])
        #expect(index.record(at: 1).message == "after" && index.record(at: 1).line == 2)
        #expect(index.unparsedCount == 2)
    }

    @Test func lastRecordWithoutNewlineAndMixedLineEndings() {
        let text = S.cmtrace("one") + "\n" + S.cmtrace("two\nlines") + "\r\n" + S.cmtrace("three")
        let records = S.parse(text).records
        #expect(records.map(\.message) == ["one", "two\nlines", "three"])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func byteOrderMarksAtStartAndMidFileAreNotContent() {
        let bom = "\u{FEFF}"
        let text = bom + S.cmtrace("first") + "\r\n" + bom + S.cmtrace("after a second BOM")
        let index = S.parse(text)
        #expect(index.records.map(\.message) == ["first", "after a second BOM"])
        #expect(index.unparsedCount == 0)
    }

    @Test func invalidUTF8IsReadAsWindows1252() {
        var bytes = Array(S.cmtrace("T\u{E9}l\u{E9}chargement").utf8)
        // Replace the UTF-8 é (C3 A9) with the single cp1252 byte E9.
        var k = 0
        while k < bytes.count - 1 {
            if bytes[k] == 0xC3 && bytes[k + 1] == 0xA9 { bytes.replaceSubrange(k...k + 1, with: [0xE9]) }
            k += 1
        }
        bytes.append(contentsOf: Array("\r\n".utf8) + [0x93] + Array("quoted".utf8) + [0x94])
        let records = LogReader.parse(bytes: bytes, path: "x.log", client: "c").records
        #expect(records.first?.message == "T\u{E9}l\u{E9}chargement")
        #expect(records.last?.message == "\u{201C}quoted\u{201D}")
    }

    @Test func utf16BigEndianAndOddLength() throws {
        let text = S.cmtrace("big endian") + "\r\n"
        var be: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { be.append(UInt8(unit >> 8)); be.append(UInt8(unit & 0xFF)) }
        let index = LogReader.parse(bytes: be, path: "be.log", client: "c")
        #expect(index.records.first?.message == "big endian" && index.encoding == .utf16BE)
        var odd = LogTestSupport.utf16LE(Array(text.utf8))
        odd.append(0x41)
        let oddIndex = LogReader.parse(bytes: odd, path: "odd.log", client: "c")
        #expect(oddIndex.records.first?.message == "big endian")
        #expect(oddIndex.problems.contains { $0.message.contains("odd number of bytes") })
    }
}

@Suite struct LegacyAndPlainTests {
    typealias S = LogTestSupport

    @Test func smsTrailerWithTildeRolloverAndWrappedHeader() throws {
        let text = """
        Bootstrap operations aborted.  $$<SMS_SITE_COMPONENT_MANAGER><01-16-2011 10:43:41.547+300><thread=281 (0x119)>\r
        ~Start deleting the package XYZ00012...  $$<SMS_DISTRIBUTION_MANAGER><01-16-2011 10:43:42.001+300><thread=297 (0x129)>\r
        ROLLOVER\r
        Wrapped header  $$<SMS_DISTRIBUTION_MANAGER>\r
        <01-16-2011 10:44:00.000+300><thread=297 (0x129)>\r
        Error: failed to copy  $$<SMS_DISTRIBUTION_MANAGER><01-16-2011 10:45:00.000+300><thread=297 (0x129)>\r

        """
        let index = S.parse(text)
        let records = index.records
        #expect(records.count == 4)
        #expect(records.allSatisfy { $0.format == .sms })
        #expect(records[0].component == "SMS_SITE_COMPONENT_MANAGER" && records[0].thread == "281")
        #expect(records[0].time?.iso8601 == "2011-01-16T10:43:41.547-05:00")
        #expect(records[1].message == "Start deleting the package XYZ00012...")
        #expect(records[2].message == "Wrapped header" && records[2].line == 4)
        #expect(records[3].line == 6 && records[3].level == .error)
    }

    @Test func sms20TextDateWithZoneName() throws {
        let text = "Bootstrap operations aborted.  $$<SMS_SITE_COMPONENT_MANAGER><Fri Mar 26 10:43:41.547 1999 Eastern Standard Time><thread=281 (0x119)>\n"
        let r = try #require(S.parse(text).records.first)
        #expect(r.time?.iso8601 == "1999-03-26T10:43:41.547-05:00")
    }

    @Test func plainTextIsOneRecordPerLineWithoutTime() {
        let index = S.parse("first line\r\n\r\nsecond: an error happened\nthird warning here\n")
        #expect(index.records.map(\.format) == [.plain, .plain, .plain])
        #expect(index.records.map(\.line) == [1, 3, 4])
        #expect(index.records.map(\.level) == [.info, .error, .warning])
        #expect(index.records.allSatisfy { $0.time == nil })
    }

    @Test func legacyLinesMixedIntoCMTrace() {
        let text = S.cmtrace("modern") + "\r\nold style  $$<execmgr><01-14-2011 10:15:32.000+300><thread=1 (0x1)>\r\n" + S.cmtrace("modern again")
        #expect(S.parse(text).records.map(\.format) == [.cmtrace, .sms, .cmtrace])
    }
}

@Suite struct CutOffRecordTests {
    typealias S = LogTestSupport

    @Test func recordCutMidAttributesWithNextRecordOnSameLine() {
        let full = S.cmtrace("cut here", component: "ContentAccess")
        let cut = String(full[..<full.range(of: "compon")!.upperBound])
        let text = cut + S.cmtrace("Content Access service started", component: "ContentAccess") + "\r\n" + S.cmtrace("then")
        let index = S.parse(text)
        #expect(index.records.map(\.format) == [.unparsed, .cmtrace, .cmtrace])
        #expect(index.record(at: 1).message == "Content Access service started")
        #expect(index.record(at: 1).component == "ContentAccess")
        #expect(index.record(at: 2).line == 2)
    }
}

@Suite struct RecordLookupTests {
    @Test func evidenceLineFindsItsRecordIncludingInsideAMultiLineMessage() throws {
        let text = LogTestSupport.cmtrace("one") + "\r\n" + LogTestSupport.cmtrace("two\r\nsecond line\r\nthird") + "\r\n" + LogTestSupport.cmtrace("four")
        let logs = LoadedLogs(files: [LogTestSupport.parse(text, path: "x/execmgr.log")], problems: [])
        #expect(logs.reference(file: "x/execmgr.log", line: 1)?.index == 0)
        #expect(logs.reference(file: "x/execmgr.log", line: 3)?.index == 1)
        #expect(logs.reference(file: "x/execmgr.log", line: 5)?.index == 2)
        #expect(logs.reference(file: "x/other.log", line: 1) == nil)
    }
}
