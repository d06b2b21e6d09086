import CShims
import Foundation
import Testing
@testable import CMLensCore

/// The search engine against a reference that decodes every record and matches its message: on
/// generated logs (multi-line records, CRLF and LF, UTF-16, invalid UTF-8, mixed case), with
/// windows and parts cut small so that matches fall across every boundary, from memory and from disk.
@Suite struct RecordSearchTests {
    typealias S = LogTestSupport

    /// A seeded log of `count` records whose messages mix filler, the words searched for in random
    /// case, multi-line text and bytes that are not UTF-8.
    static func generatedLog(seed: UInt64, count: Int, crlf: Bool) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        let words = ["Program", "exit", "code", "999", "1618", "0x80070005", "ZZZQQQ", "Execution", "Request",
                     "state", "change", "café", "インストール", "retry", "failed", "in", "the", "store,", "\t"]
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func randomCase(_ word: String) -> String {
            String(word.map { random.next() % 2 == 0 ? Character($0.uppercased()) : Character($0.lowercased()) })
        }
        var out: [UInt8] = []
        let newline = crlf ? "\r\n" : "\n"
        for n in 0..<count {
            var message = (0..<Int(2 + random.next() % 8)).map { _ in randomCase(pick(words)) }.joined(separator: " ")
            if random.next() % 7 == 0 { message += newline + "second line with exit code " + pick(["999", "1618", "7"]) }
            if random.next() % 11 == 0 { message += " Exit Code  999" }
            let second = String(format: "%02d", n % 60)
            var record = Array(S.cmtrace(message, time: "10:\(String(format: "%02d", n / 60 % 60)):\(second).000+300",
                                         component: pick(["execmgr", "ContentAccess", "CAS"]),
                                         type: Int(1 + random.next() % 3)).utf8)
            if random.next() % 13 == 0 { record.insert(contentsOf: [0xFF, 0xC3, 0x28], at: 10) }  // not UTF-8
            out += record + Array(newline.utf8)
        }
        return out
    }

    static let patterns = ["exit code", "ZZZQQQ", "exit code (999|1618)", "EXIT\\s+CODE\\s+999", "(?-i)Exit Code",
                           "\\d{4}", "インストール", "café", "store, retry", "0x8007\\d+", "^program", "exec.*request",
                           "code 999$", "nothing-like-this"]

    /// The reference: every record decoded and its message matched.
    static func reference(_ file: LogFileIndex, _ pattern: TextPattern, component: Bool) -> [Int] {
        file.records.enumerated().compactMap { index, record in
            pattern.matches(record.message) || (component && pattern.matches(record.component)) ? index : nil
        }
    }

    static func engine(_ file: LogFileIndex, _ pattern: TextPattern, sizes: RecordSearch.Sizes, component: Bool) -> [Int] {
        let logs = LoadedLogs(files: [file], problems: [])
        return RecordSearch.run(pattern, in: logs, files: [0], fields: .init(component: component), sizes: sizes,
                                progress: nil, isCancelled: { false })?[0]?.indices ?? [-1]
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func inMemoryLogsAgreeWithTheReference(seed: UInt64) throws {
        let bytes = Self.generatedLog(seed: seed, count: 600, crlf: seed % 2 == 0)
        for encoded in [bytes, S.utf16LE(bytes)] {
            let file = LogReader.parse(bytes: encoded, path: "gen.log", client: "PC1")
            #expect(file.count == 600)
            for text in Self.patterns {
                let pattern = try TextPattern(text)
                let expected = Self.reference(file, pattern, component: false)
                for sizes in [RecordSearch.Sizes(), .init(part: 1 << 10, window: 300), .init(part: 4 << 10, window: 64)] {
                    #expect(Self.engine(file, pattern, sizes: sizes, component: false) == expected,
                            "\(text) seed \(seed) part \(sizes.part) window \(sizes.window)")
                }
                #expect(Self.engine(file, pattern, sizes: .init(part: 2 << 10, window: 500), component: true)
                        == Self.reference(file, pattern, component: true), "\(text) with components")
            }
        }
    }

    @Test func aLogReadBackFromDiskAgreesWithTheReference() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.log").path
        try Data(Self.generatedLog(seed: 9, count: 3000, crlf: true)).write(to: URL(fileURLWithPath: path))
        var options = LogReader.Options()
        options.inMemoryLimit = 1 << 10
        options.splitThreshold = 64 << 10
        options.splitPartSize = 32 << 10
        let file = LogReader.read(path: path, client: "PC1", logName: nil, options: options)
        guard case .file = file.text else { Issue.record("the log was kept in memory; the test needs it on disk"); return }
        for text in Self.patterns {
            let pattern = try TextPattern(text)
            #expect(Self.engine(file, pattern, sizes: .init(part: 16 << 10, window: 4 << 10), component: false)
                    == Self.reference(file, pattern, component: false), "\(text)")
        }
    }

    /// The same agreement on the logs from the field (smsts, ccmsetup, the updates logs).
    @Test func realLogsAgreeWithTheReference() throws {
        let inputs = WorkspaceScanner.scan([LogTestSupport.realCorpus.path])
        let logs = LoadedLogs.load(inputs)
        #expect(logs.files.count >= 8, "the real corpus at \(LogTestSupport.realCorpus.path)")
        var matched = 0
        for text in ["0x80190194", "Failed to run the action", "(?-i)Successfully completed the action", "exit code \\d+",
                     "BITS|WinHTTP", "instruction name: \\w+", "update \\(", "nothing-like-this"] {
            let pattern = try TextPattern(text)
            for file in logs.files {
                let expected = Self.reference(file, pattern, component: false)
                matched += expected.count
                #expect(Self.engine(file, pattern, sizes: .init(part: 16 << 10, window: 2 << 10), component: false) == expected,
                        "\(text) in \(file.path)")
            }
        }
        #expect(matched > 50, "the patterns met \(matched) records")
    }

    @Test func aMatchMustLieInOneRecordNotAcrossTwo() throws {
        // "exit" ends one record's message and "code" starts the next: the bytes hold "exit" and
        // "code" close together but no record holds "exit code".
        let text = S.cmtrace("Program exit") + "\r\n" + S.cmtrace("code 7") + "\r\n" + S.cmtrace("exit code 1") + "\r\n"
        let file = S.parse(text)
        #expect(Self.engine(file, try TextPattern("exit code"), sizes: .init(), component: false) == [2])
        // Attribute text is not message text: every record has component="execmgr".
        #expect(Self.engine(file, try TextPattern("execmgr"), sizes: .init(), component: false) == [])
        #expect(Self.engine(file, try TextPattern("execmgr"), sizes: .init(), component: true) == [0, 1, 2])
    }

    @Test func aPatternThatDoesNotCompileSaysWhereAndWhy() {
        #expect(throws: PatternError.self) { try TextPattern("exit (code") }
        do {
            _ = try TextPattern("exit (code")
        } catch {
            #expect(error.position == 11)
            #expect(error.description.contains("missing closing parenthesis") && error.description.contains("at character 11"))
        }
        do {
            _ = try TextPattern("café[")
        } catch {
            #expect(error.position == 6, "a character position, not a byte offset")
        }
    }

    @Test func requiredLiteralsAreReadFromThePattern() {
        #expect(RequiredLiteral.of("exit code (999|1618)", minimumLength: 3) == "exit code ")
        #expect(RequiredLiteral.of("a|b", minimumLength: 1) == nil)
        #expect(RequiredLiteral.of("(?i)exit", minimumLength: 3) == nil)
        #expect(RequiredLiteral.of("colou?r", minimumLength: 3) == "colo")
        #expect(RequiredLiteral.of("x{2}yyyy", minimumLength: 3) == "yyyy")
        #expect(RequiredLiteral.of("café société", minimumLength: 3) == " soci")
        #expect(RequiredLiteral.of("0x8007\\d+", minimumLength: 3) == "0x8007")
        #expect(RequiredLiteral.of("retry \\d+\\.", minimumLength: 3) == "retry ")
        // A group that must match once requires its content; an optional one, a lookaround or an
        // alternation inside does not.
        #expect(RequiredLiteral.of("(?i)(?:error|failed)\\b.*?\\b(?<error>0x80040669)\\b".replacingOccurrences(of: "(?i)", with: ""),
                                   minimumLength: 4) == "0x80040669")
        #expect(RequiredLiteral.of("ab(?:cdefgh)?", minimumLength: 3) == nil)
        #expect(RequiredLiteral.of("(?<![0-9])1618(?![0-9])", minimumLength: 3) == "1618")
        #expect(RequiredLiteral.of("x(abc|defg)y", minimumLength: 3) == nil)
        #expect(RequiredLiteral.of("(?:Scan failed with error|Failed to end search) = 0x", minimumLength: 3) == " = 0x")
        #expect(RequiredLiteral.of("(Program exit code) (\\d+)+", minimumLength: 3) == "Program exit code")
    }

    @Test func highlightRangesAreTheMatchesInTheText() throws {
        let pattern = try TextPattern("exit code (999|1618)")
        let text = "Program Exit Code 1618, then exit code 999"
        #expect(pattern.ranges(in: text).map { String(text[$0]) } == ["Exit Code 1618", "exit code 999"])
        #expect(try TextPattern("x*").ranges(in: "abc").isEmpty)  // empty matches are not highlighted
    }

    @Test func aCancelledSearchReturnsNothingAndStops() throws {
        let file = LogReader.parse(bytes: Self.generatedLog(seed: 4, count: 2000, crlf: false), path: "c.log", client: "PC1")
        let logs = LoadedLogs(files: [file, file], problems: [])
        #expect(RecordSearch.run(try TextPattern("exit"), in: logs, files: [0, 1], isCancelled: { true }) == nil)
    }

    @Test func foldedByteSearchFindsEveryCaseAndNothingElse() {
        var random = SplitMix64(seed: 77)
        let alphabet = Array("aAbB@`[{ zZ-=\r\n".utf8)
        for _ in 0..<300 {
            let haystack = (0..<Int(random.next() % 90)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let needle = (0..<Int(1 + random.next() % 3)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let lowered = needle.map(Bytes.lowerASCII)
            var expected = haystack.count
            if haystack.count >= lowered.count {
                for i in 0...(haystack.count - lowered.count) where haystack[i..<(i + lowered.count)].map(Bytes.lowerASCII) == lowered {
                    expected = i
                    break
                }
            }
            let got = haystack.withUnsafeBufferPointer { h in
                lowered.withUnsafeBufferPointer { n in cshims_find_folded(h.baseAddress, h.count, n.baseAddress, n.count) }
            }
            #expect(got == expected, "\(haystack) \(needle)")
        }
    }
}
