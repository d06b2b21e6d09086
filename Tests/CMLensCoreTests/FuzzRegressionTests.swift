import Foundation
import Testing
@testable import CMLensCore

/// Inputs the fuzzers (`scripts/fuzz.sh`, targets in `Fuzzing/`) found breaking an invariant,
/// minimised by hand. Each test states the invariant the fuzzer checked.
@Suite struct FuzzRegressionTests {
    /// The same bytes read the three ways the log reader can: whole in memory, through the chunk
    /// loop in small reads, and from disk in small chunks with the two-part split scan.
    static func readAllWays(_ bytes: [UInt8], chunkSize: Int = 28) throws
        -> (whole: LogFileIndex, pieces: LogFileIndex, split: LogFileIndex, splitPoints: [Int]) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cmlens-fuzz-regression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("fuzz.log").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let whole = LogReader.parse(bytes: bytes, path: path, client: "CLIENT")
        let pieces = LogReader.parseInPieces(bytes: bytes, path: path, client: "CLIENT", readSizes: [3, 17, 1])
        let options = LogReader.Options(inMemoryLimit: -1, splitThreshold: 0, chunkSize: chunkSize)
        let split = LogReader.read(path: path, client: "CLIENT", logName: nil, options: options)
        // Read the records while the file is still there: the split index reads them back from disk.
        _ = split.records
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        return (whole, pieces, split, SplitPoints.find(fd: fd, size: bytes.count, parts: 2))
    }

    /// The records of `bytes` read whole, after checking the file is split at `cut` (or the test
    /// proves nothing) and that reading it in pieces and split from disk gives the same.
    static func recordsReadAlike(_ bytes: [UInt8], splitAt cut: Int) throws -> [LogRecord] {
        let (whole, pieces, split, splitPoints) = try readAllWays(bytes)
        #expect(splitPoints == [0, cut, bytes.count])
        let records = whole.records
        #expect(pieces.records == records)
        #expect(split.records == records)
        #expect(split.problems == whole.problems)
        return records
    }

    /// Found by FuzzLog: a record cut off right before the split point kept the line break after it
    /// when the file was scanned in two parts (its part ends there), but not when read whole (the
    /// next line starts a record, so it is cut at the newline). Records must not depend on how the
    /// bytes arrive.
    @Test func cutOffRecordBeforeTheSplitPointReadsAsWhenReadWhole() throws {
        let cut = "<![LOG[" + String(repeating: "a message whose terminator the writer never wrote ", count: 4)
            + "\" type=\"1\">\r\n"
        let next = "<![LOG[next]LOG]!><time=\"10:15:31.123+300\" date=\"01-14-2011\" component=\"c\" context=\"\" "
            + "type=\"1\" thread=\"1\" file=\"\">\r\n"
        let bytes = Array((cut + next).utf8)
        let (whole, pieces, split, splitPoints) = try Self.readAllWays(bytes)
        // The split scan must really cut there, or this test proves nothing.
        #expect(splitPoints == [0, cut.utf8.count, bytes.count])
        let wholeRecords = whole.records
        #expect(wholeRecords.count == 2)
        #expect(wholeRecords.first?.format == .unparsed)
        #expect(wholeRecords.first?.message == String(cut.dropLast()))  // "\r\n" is one Character
        #expect(pieces.records == wholeRecords)
        #expect(split.records == wholeRecords)
        #expect(split.problems == whole.problems)
    }

    /// The same record at the very end of a file: the file's last line break is not part of it.
    @Test func cutOffLastRecordKeepsNoTrailingLineBreak() throws {
        let bytes = Array("<![LOG[cut off\r\n\r\n".utf8)
        let (whole, pieces, split, _) = try Self.readAllWays(bytes)
        #expect(whole.records.map(\.message) == ["<![LOG[cut off"])
        #expect(pieces.records == whole.records)
        #expect(split.records == whole.records)
    }

    /// Found by FuzzLog: a record whose terminator is damaged (`]LOG]!.`), followed by one with none
    /// at all, came back as one unparsed record read whole (it ran to the end of the file) but as
    /// two when the file was split at the second one's line. A line that starts a record ends a
    /// cut-off record, whether or not a terminator comes later.
    @Test func recordWithoutTerminatorEndsWhereTheNextRecordStarts() throws {
        let first = "<![LOG[first, its terminator damaged]LOG]!.<time=\"14:00:01.000+480\" date=\"03-02-2011\" "
            + "component=\"c\" context=\"\" type=\"1\" thread=\"1\" file=\"a.cpp:1\">\n"
        let second = "<![LOG[second, cut off\" file=\"a.cpp:1\">\n"
        let bytes = Array((first + second).utf8)
        let records = try Self.recordsReadAlike(bytes, splitAt: first.utf8.count)
        #expect(records.map(\.line) == [1, 2])
        #expect(records.map(\.format) == [.unparsed, .unparsed])
        #expect(records.map(\.message) == [String(first.dropLast()), String(second.dropLast())])
    }

    /// Found by FuzzRules: the literal pre-filter ended a character class at its first `]`, but ICU
    /// nests sets (`[a[b])]` is a, b and `)`), so the rest of the class was read as pattern, its `)`
    /// hid the top-level `|`, and "abcd" was required of a regex that matches "," alone. The
    /// pre-filter must never rule out a message the regex matches.
    @Test func literalPrefilterSkipsNestedCharacterClasses() throws {
        let regex = try DiagnosticRegex("abcd[a[b])]|,")
        #expect(regex.match("x, y") != nil)
        #expect(DiagnosticRegex.requiredLiteral(in: "abcd[a[b])]|,") == nil)
        let message = Array("x, y".utf8)
        #expect(regex.mayMatch(message, lowered: { message }))
        // A class that does not nest still leaves the literal outside it.
        #expect(DiagnosticRegex.requiredLiteral(in: "Scan failed [0-9a-f]+") == "Scan failed ")
    }

    /// Found by FuzzRules (session 4): ICU takes a `]` first in a set (after `[` or `[^`) as a member,
    /// so `[]e", "regex": "Scan failed with ("}],` is one set of characters and a comma; the pre-filter
    /// read `[]` as an empty set and required `e", "regex": "Scan failed with ` of it.
    @Test func aBracketFirstInASetIsAMemberNotItsEnd() throws {
        let pattern = #"[]e", "regex": "Scan failed with ("}],"#
        let regex = try DiagnosticRegex(pattern)
        let subject = "    \"explanati/\": \"Never shown.\",\n  *d\""
        #expect(regex.match(subject) != nil)
        let message = Array(subject.utf8)
        #expect(regex.mayMatch(message, lowered: { message }))
        #expect(DiagnosticRegex.requiredLiteral(in: pattern) == nil)
        // The same with a negated set, and the literal after such a set is still found.
        #expect(DiagnosticRegex.requiredLiteral(in: "[^]x] failed abc") == " failed abc")
        #expect(DiagnosticRegex.requiredLiteral(in: "[]x]Scan failed") == "Scan failed")
        let negated = try DiagnosticRegex("[^]a]bcde,")
        #expect(negated.match("xbcde,") != nil && negated.match("]bcde,") == nil)
    }

    @Test func controlEscapeInsideAClassGivesUpThePrefilter() throws {
        // Found by FuzzRules: ICU's `\cX` takes `]` as its X, so the class runs on past it.
        let pattern = "[ingf \\c]\u{0}UInw]"
        #expect(DiagnosticRegex.requiredLiteral(in: pattern) == nil)
        let regex = try DiagnosticRegex(pattern)
        let message = Array("z".utf8)
        #expect(regex.mayMatch(message, lowered: { message }))
    }

    @Test func brokenAttributesWhoseLineOutrunsTheReadAreCarriedNotCut() throws {
        // Found by FuzzLog: attributes broken by a run of CRs, the line's newline beyond the current
        // read. Cutting at the read's end made two records in pieces where one pass makes one.
        var text = "<![LOG[a ]LOG]!> inside]LOG]!><time=\"25:61:61.000++300\" " + String(repeating: "\r", count: 21)
        text += "=\"1date=\"13\" context=\"\" type=\"9\" thread" + String(repeating: "\r", count: 72) + "=\"1\" file=\"\">\n"
        let bytes = Array(text.utf8)
        let whole = LogReader.parse(bytes: bytes, path: "fuzz.log", client: "CLIENT")
        let pieces = LogReader.parseInPieces(bytes: bytes, path: "fuzz.log", client: "CLIENT", readSizes: [1, 83, 2290, 10])
        #expect(whole.count == 1)
        #expect(LogTestSupport.fingerprint(pieces) == LogTestSupport.fingerprint(whole))
    }

    @Test func smsTrailerWhoseTimeOrThreadOutrunsTheReadIsCarriedNotRefused() throws {
        // Found by FuzzLog: a wrapped SMS header whose `<time>` (here garbled, holding `<![LOG[`) ended
        // past the current read was refused as a trailer in pieces, accepted in one pass.
        let text = "ROLLOVER\r\n~Used 0 out of 3 allowed processing threads.  $$<SMS_DISTRIBUTION_MANAGER><01-13-2011 06:58:12.151+300><thread=2484 (0x9B4)>\r\n"
            + "wrapped line\r\nError: failed  $$<SMS_DISTRIBUTION_MANAGER>\r\n<02-13?-2<![LOG[011 06:58:13.000-060><thread=2484 (0x9B4)>\r\n"
        let bytes = Array(text.utf8)
        let whole = LogReader.parse(bytes: bytes, path: "fuzz.log", client: "CLIENT")
        for sizes in [[2, 86, 2358, 15], [1], [7, 3], [150, 40]] {
            let pieces = LogReader.parseInPieces(bytes: bytes, path: "fuzz.log", client: "CLIENT", readSizes: sizes)
            #expect(LogTestSupport.fingerprint(pieces) == LogTestSupport.fingerprint(whole), "pieces of \(sizes)")
        }
    }

    /// Found by FuzzLog: an SMS header wrapped after its component (`$$<Component>` ending a line)
    /// took the next line as its `<time>` even when that line opens a CMTrace record. Read whole,
    /// the record line vanished into a garbled SMS trailer; split for parallel scanning (the file is
    /// cut at a `<![LOG[` line after a line ending `>`), it came back as a record of its own. A line
    /// that opens a record is that record.
    @Test func aWrappedSMSHeaderDoesNotSwallowALineThatOpensARecord() throws {
        let waiting = "ROLLOVER\r\nError: failed to copy the package source to the distribution point share  $$<SMS_DISTRIBUTION_MANAGER>\r\n"
        let record = "<![LOG[Successfully refreshed state message]LOG-060><thread=2484 (0x9B4)>\r\n"
        let bytes = Array((waiting + record).utf8)
        let records = try Self.recordsReadAlike(bytes, splitAt: waiting.utf8.count)
        #expect(records.map(\.line) == [2, 3])
        #expect(records.map(\.format) == [.unparsed, .unparsed])
        #expect(records.last?.message == String(record.dropLast()))
        // A header wrapped onto a line that holds its time still reads as one SMS record.
        let wrapped = Array("Wrapped header  $$<SMS_DISTRIBUTION_MANAGER>\r\n<01-16-2011 10:44:00.000+300><thread=297 (0x129)>\r\n".utf8)
        let one = LogReader.parse(bytes: wrapped, path: "fuzz.log", client: "CLIENT").records
        #expect(one.map(\.format) == [.sms])
        #expect(one.first?.time != nil)

        let found = LogTestSupport.repositoryRoot
            .appendingPathComponent("Tests/CMLensCoreTests/Fixtures/fuzz/log-wrapped-sms-header-meets-cmtrace-line.log")
        let foundBytes = Array(try Data(contentsOf: found))
        for chunkSize in [16, 28, 63, 64] {
            let ways = try Self.readAllWays(foundBytes, chunkSize: chunkSize)
            #expect(ways.whole.records.count == 4)
            #expect(ways.whole.records.last?.message.hasPrefix("<![LOG[Successfully refreshed") == true)
            #expect(ways.pieces.records == ways.whole.records, "chunk \(chunkSize)")
            #expect(ways.split.records == ways.whole.records, "chunk \(chunkSize)")
        }
    }

    @Test func aBiasOfManyDigitsIsRefusedWithoutOverflow() throws {
        // Found by FuzzLog: `+2402222…` (40 digits) overflowed the fast reader's bias count and
        // trapped, ending cmlens on a log line.
        let text = "<![LOG[Downloaded file]LOG]!><time=\"10:19:15.143+" + String(repeating: "2", count: 40)
            + "\" date=\"01-14-2011\" component=\"x\" context=\"\" type=\"1\" thread=\"1\" file=\"\">\r\n"
        let index = LogReader.parse(bytes: Array(text.utf8), path: "fuzz.log", client: "CLIENT")
        #expect(index.count == 1)
        let record = index.record(at: 0)
        #expect(record.message == "Downloaded file")
        #expect(record.time?.biasMinutes == nil, "a 40-digit bias is no bias")
        let crash = LogTestSupport.repositoryRoot.appendingPathComponent("Tests/CMLensCoreTests/Fixtures/fuzz/log-bias-overflow.log")
        let found = LogReader.read(path: crash.path, client: "CLIENT").records
        // The found file: its first record untimed (the bias), the rest read as before.
        #expect(found.map(\.line) == [1, 2, 2, 3])
        #expect(found.map(\.format) == [.cmtrace, .cmtrace, .unparsed, .cmtrace])
        #expect(found.first?.time == nil && found.first?.message.hasPrefix("Downloaded file from http://") == true)
        #expect(found.last?.time != nil)
    }

    /// Found by FuzzLog (a real record with its bias run on into 31 digits): the fixed-place clock
    /// reader added up every digit of the bias before checking there were at most four, and the
    /// twentieth overflowed (a trap: cmlens died on the file). A bias longer than four digits is
    /// no bias: the time is not read, and the record is still there.
    @Test func aBiasOfManyDigitsIsNoTimeNotAnOverflow() throws {
        let long = "10:19:15.143+24022222222222222222222222222222"
        for text in [long, "10:19:15.143+24022", "10:19:15.143+" + String(repeating: "9", count: 400)] {
            let bytes = Array(text.utf8)
            let read = bytes.withUnsafeBytes { b in
                (TimestampParsing.canonicalClock(b, 0..<b.count), TimestampParsing.clock(b, 0..<b.count))
            }
            #expect(read.0 == nil, "\(text)")
            #expect(read.1 == nil, "\(text)")
        }
        let record = "<![LOG[Downloaded file]LOG]!><time=\"\(long)\" date=\"10-18-2019\" component=\"OSDDownloadContent\" "
            + "context=\"\" type=\"1\" thread=\"2580\" file=\"downloadcontent.cpp:1785\">\r\n"
        let next = "<![LOG[next]LOG]!><time=\"10:19:15.159+240\" date=\"10-18-2019\" component=\"OSDDownloadContent\" "
            + "context=\"\" type=\"1\" thread=\"2580\" file=\"downloadcontent.cpp:1786\">\r\n"
        let (whole, pieces, split, _) = try Self.readAllWays(Array((record + next).utf8))
        let records = whole.records
        #expect(records.count == 2)
        #expect(records.first?.message.hasPrefix("Downloaded file") == true)
        #expect(records.first?.time == nil)
        #expect(records.last?.message == "next")
        #expect(records.last?.time != nil)
        #expect(pieces.records == records)
        #expect(split.records == records)
    }

    /// Found by FuzzLog: in an SMS log, a line that holds a CMTrace record with its start lost
    /// (`…]LOG]!><…>`) was emitted at once while the SMS lines before it still waited for a
    /// trailer; flushed later, those lines took it in a second time (out of order), and read in
    /// pieces a carry scanned it again (6 records instead of 5). The waiting lines end before it.
    @Test func waitingSMSLinesEndBeforeARecordWithItsStartLost() throws {
        let text = "ROLLOVER\r\n~Used 0 out of 3 allowed processing threads.  A$<SMS_DISTRIBUTION_MANAGER><01-13-2011 "
            + "06:58:12.151+300><threaROLLOVER(0x9B4)>\r\nwrapped line\r\nErrorA failed  $$<SMS_DISTRIBUTION_MANAGE]LOG]!><R>\r\n"
            + "<06513-2011 06:58:13.000-060><thread=2484 (0x9B4)>\r\n"
        let bytes = Array(text.utf8)
        let (whole, _, split, _) = try Self.readAllWays(bytes)
        let records = whole.records
        #expect(records.map(\.line) == [2, 3, 4, 5])
        #expect(records.map(\.format) == [.unparsed, .unparsed, .cmtrace, .unparsed])
        #expect(records[2].message == "ErrorA failed  $$<SMS_DISTRIBUTION_MANAGE")
        for sizes in [[2, 75, 686, 18], [1], [7, 3]] {
            let pieces = LogReader.parseInPieces(bytes: bytes, path: "fuzz.log", client: "CLIENT", readSizes: sizes)
            #expect(LogTestSupport.fingerprint(pieces) == LogTestSupport.fingerprint(
                LogReader.parse(bytes: bytes, path: "fuzz.log", client: "CLIENT")), "pieces of \(sizes)")
        }
        #expect(split.records == records)
    }

    /// The same for junk before a record on one line: the waiting SMS lines end before the junk,
    /// which then comes back once, not twice.
    @Test func waitingSMSLinesEndBeforeJunkAndARecordOnOneLine() {
        let text = "ROLLOVER\r\nwaiting line\r\njunk<![LOG[a record]LOG]!><time=\"10:15:31.123+300\" date=\"01-14-2011\" "
            + "component=\"c\" context=\"\" type=\"1\" thread=\"1\" file=\"\">\r\n"
        let whole = LogReader.parse(bytes: Array(text.utf8), path: "fuzz.log", client: "CLIENT")
        #expect(whole.records.map(\.message) == ["waiting line", "junk", "a record"])
        #expect(whole.records.map(\.line) == [2, 3, 3])
    }

    /// Found by FuzzLog: an out-of-range time zone is noted once per file, at its first record;
    /// split in two, the second part noted its own first one again, so the problems differed.
    @Test func aTimeZoneNoteIsGivenOncePerFileWhenSplit() throws {
        func record(_ k: Int, bias: String) -> String {
            "<![LOG[record \(k) of a file split in two]LOG]!><time=\"15:24:37.062\(bias)\" date=\"01-14-2011\" "
                + "component=\"c\" context=\"\" type=\"1\" thread=\"1\" file=\"x.cpp:1\">\r\n"
        }
        // Each half holds a record of each kind, wherever the split falls near the middle.
        let text = record(1, bias: "+3000") + record(2, bias: "++300") + record(3, bias: "+300") + record(4, bias: "+300")
            + record(5, bias: "+3000") + record(6, bias: "++300") + record(7, bias: "+300") + record(8, bias: "+300")
        let (whole, _, split, splitPoints) = try Self.readAllWays(Array(text.utf8))
        #expect(splitPoints.count == 3)  // really split in two
        #expect(whole.problems.filter { $0.message.contains("beyond ±14 hours") }.map(\.line) == [1])
        #expect(whole.problems.filter { $0.message.contains("has two signs") }.map(\.line) == [2])
        #expect(split.problems == whole.problems)
    }

    /// Fuzz finding (archive target): a zip entry whose name holds a combining mark after a slash
    /// (`clients/PC2.zi…`, damaged) was cited correctly, but `hasPrefix` on Strings joined the mark
    /// to the `/` and missed it; names are now split on the scalar `/`, so a mark after a slash
    /// still starts a new part.
    @Test func anEntryNameWithACombiningMarkAfterASlashSplitsOnTheSlash() throws {
        let input = try #require(Data(base64Encoded: "UEsDBBQAAAAIABMZh12707bV2gEAAPQDAAAPAAAAzIkjcR+LCAABEAAAAAPtAAAIABMZh12707bV2gEAAPQDAAAPAAAAY2xpZW50cy9QQzIuemncBQDi////AAAAAADHt64/QPAivXh7nZNDMi56adwFAOL///8AAAAAAMe3rj9A8CK9eHudk2I7JPOj3R3aQp2CyLp2AaHUA66KUkmnbc9bhZxBVQJelEJjFjROUaPkLsyJI3EfiwgAARAAAAAD7VbdbuJGFCvuzu0i9R3OcpW04MzYYxvczUrE0MErFQ=="))
        let contents = ArchiveReading.read(bytes: Array(input), display: "case.zip")
        #expect(!contents.problems.isEmpty)
        for problem in contents.problems {
            #expect(problem.file == "case.zip" || problem.file.utf8.starts(with: "case.zip!/".utf8))
        }
        #expect(ArchiveReading.parts(of: "PC1/\u{309}x.log") == ["PC1", "\u{309}x.log"])
        #expect(ArchiveReading.lastComponent("a/\u{309}b.zip") == "\u{309}b.zip")
    }
}
