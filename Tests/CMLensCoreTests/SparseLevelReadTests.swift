import CShims
import Foundation
import Testing
@testable import CMLensCore

private typealias S = LogTestSupport

/// `cmlens log --level error` on a large log reads only the records whose `type` (or, for SMS
/// records, whose words) can be of that level. Every record of the level must come out exactly as
/// the full read gives it, whatever way the writer spelled its `type`, and whatever a message
/// says that looks like one.
@Suite struct SparseLevelReadTests {
    /// Records of every level, `type` written every way the attribute parser takes, SMS records
    /// with and without the words that make them errors or warnings, messages that quote a `type`,
    /// multi-line and untimed records, junk and cut-off lines.
    static func generatedLog(seed: UInt64, count: Int) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        func pick(_ n: UInt64) -> Int { Int(random.next() % n) }
        let newline = seed % 2 == 0 ? "\r\n" : "\n"
        var out = ""
        if seed % 3 == 0 { out += S.cmtrace("no time at the top", time: "", type: 3) + newline }
        for n in 0..<count {
            let level = pick(4)
            let time = "10:\(String(format: "%02d", n / 60 % 60)):\(String(format: "%02d", n % 60)).000+300"
            var message = "Execution Request for advert LAB2003 state change \(n)"
            if pick(9) == 0 { message += newline + "second line of \(n)" }
            if pick(11) == 0 { message += " the caller passed type=\"3\" and TYPE='2'" }
            switch pick(10) {
            case 0:
                // Attributes in another order, the name in capitals, single quotes or none.
                let value = [" type='\(level)'", " TYPE=\"\(level)\"", " Type=\(level)", " type=\"\(level)\""][pick(4)]
                out += "<![LOG[\(message)]LOG]!><component=\"CAS\"\(value) time=\"\(time)\" date=\"01-14-2011\" thread=\"12\">"
            case 1:
                // SMS records in a CMTrace log: their level is in their words.
                let words = ["all is well", "Download failed", "ERROR 0x80070005", "warning: low disk", "Warn"][pick(5)]
                out += "\(words) \(n)  $$<SMS_CLIENT><01-14-2011 10:15:\(String(format: "%02d", n % 60)).000+300><thread=12 (0xC)>"
            case 2:
                // Near misses: a value of two digits, spaces around `=`, a `type` inside a value.
                let near = [" type=\"30\"", " type = \"3\"", " file=\"type=3\" type=\"1\""][pick(3)]
                out += "<![LOG[\(message)]LOG]!><time=\"\(time)\" date=\"01-14-2011\" component=\"CAS\"\(near) thread=\"12\">"
            case 3:
                out += S.cmtrace(message, time: pick(5) == 0 ? "bad" : time, type: level)
            default:
                out += S.cmtrace(message, time: time, component: ["execmgr", "ContentAccess"][n % 2], type: level)
            }
            out += newline
            if pick(37) == 0 { out += "junk line that is no record, error" + newline }
            if pick(53) == 0 { out += "<![LOG[cut off before its end type=\"3\"" + newline }
        }
        return Array(out.utf8)
    }

    static func atLeast(_ level: LogLevel, _ file: LogFileIndex) -> [LogRecord] {
        (0..<file.count).compactMap { file.level(at: $0) >= level ? file.record(at: $0) : nil }
    }

    static func ticks(_ level: LogLevel, _ file: LogFileIndex) -> [Int64] {
        (0..<file.count).compactMap { file.level(at: $0) >= level ? file.sortTicks(at: $0) : nil }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func theRecordsOfALevelComeOutAsTheFullReadGivesThem(seed: UInt64) throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("execmgr.log").path
        try Data(Self.generatedLog(seed: seed, count: 3000)).write(to: URL(fileURLWithPath: path))
        for partSize in [1 << 20, 64 << 10] {
            let options = LogReader.Options(inMemoryLimit: 0, splitThreshold: 1000, splitPartSize: partSize, chunkSize: 4 << 10)
            let full = LogReader.read(path: path, client: "PC1", logName: nil, options: options)
            for level in [LogLevel.error, .warning] {
                let sparse = LogReader.read(path: path, client: "PC1", logName: nil, options: options, keeping: .level(level))
                let wanted = Self.atLeast(level, full)
                #expect(!wanted.isEmpty)
                #expect(Self.atLeast(level, sparse) == wanted, "\(level), seed \(seed), parts of \(partSize)")
                #expect(Self.ticks(level, sparse) == Self.ticks(level, full), "\(level), seed \(seed): times")
            }
        }
    }

    @Test func aLogWithFewErrorsIsReadForThemAlone() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("execmgr.log").path
        let padding = String(repeating: "policy body ", count: 60)
        let text = (0..<2000).map { n in
            S.cmtrace("state change \(n) \(padding)", time: "10:\(String(format: "%02d", n / 60 % 60)):\(String(format: "%02d", n % 60)).000+300",
                      type: n % 40 == 7 ? 3 : 1)
        }.joined(separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let options = LogReader.Options(inMemoryLimit: 0, splitThreshold: 1000, splitPartSize: 64 << 10, chunkSize: 16 << 10)
        let full = LogReader.read(path: path, client: "PC1", logName: nil, options: options)
        let sparse = LogReader.read(path: path, client: "PC1", logName: nil, options: options, keeping: .level(.error))
        #expect(Self.atLeast(.error, sparse) == Self.atLeast(.error, full))
        #expect(Self.atLeast(.error, full).count == 50)
        #expect(sparse.count < full.count / 10, "\(sparse.count) of \(full.count)")
    }

    @Test func realLogsGiveTheSameErrorsReadSparsely() throws {
        let options = LogReader.Options(inMemoryLimit: 0, splitThreshold: 1000, splitPartSize: 64 << 10, chunkSize: 4 << 10)
        var compared = 0, found = 0
        S.forEachRealCMTraceLog(options: options) { path, full, sparse in
            for level in [LogLevel.error, .warning] {
                let wanted = Self.atLeast(level, full)
                found += wanted.count
                #expect(Self.atLeast(level, sparse(.level(level))) == wanted, "\(level) in \(path)")
                compared += 1
            }
        }
        #expect(compared >= 8 && found > 20, "\(compared) comparisons, \(found) records")
    }

    @Test func aFilterOnLevelReadsSparselyOnlyForWarningsAndErrors() throws {
        #expect(try LogFilter.parse("level>=error").sparseKey == .level(.error))
        #expect(try LogFilter.parse("level=warning").sparseKey == .level(.warning))
        #expect(try LogFilter.parse("level>=info").sparseKey == nil)
        #expect(try LogFilter.parse("level>=error since=-2h").sparseKey == nil)
        // A text is rarer than a level: it is the key when both are given.
        #expect(try LogFilter.parse("level>=error text=QQRAREQQ").sparseKey == .text(SearchLiteral("QQRAREQQ", caseInsensitive: true)))
    }

    /// The byte search against a plain reading of the same rule, on bytes made of the rule's own
    /// pieces, so that hits and near misses are everywhere, at every offset around the 16- and 32-byte steps.
    @Test(arguments: [UInt64(11), 12, 13, 14])
    func theTypeSearchFindsWhatAPlainReadingFinds(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Pieces of the rule and of its near misses, so that candidates are everywhere (single
        // letters alone would almost never spell `type='3`).
        let pieces = ["type=", "TYPE=", "Type=", "ype=", "typ", "tpye=", "=", "\"", "'", "0", "1", "2", "3", "33", "$$<", "$<", "$",
                      "<", "x", " ", "\n"].map { Array($0.utf8) }
        func qualifies(_ b: [UInt8], _ at: Int, lowest: UInt8) -> Bool {
            if at >= 2, b[at] == UInt8(ascii: "<"), b[at - 1] == UInt8(ascii: "$"), b[at - 2] == UInt8(ascii: "$") { return true }
            guard at >= 3, b[at] == UInt8(ascii: "="), b[at - 3] | 0x20 == UInt8(ascii: "y"), b[at - 2] | 0x20 == UInt8(ascii: "p"),
                  b[at - 1] | 0x20 == UInt8(ascii: "e") else { return false }
            var j = at + 1
            guard j < b.count else { return true }
            if b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") { j += 1 }
            guard j < b.count else { return true }
            return b[j] >= lowest && b[j] <= UInt8(ascii: "3")
        }
        for _ in 0..<300 {
            let count = Int(random.next() % 80)
            let bytes = (0..<count).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            for level in [LogLevel.error, .warning] {
                let lowest = UInt8(ascii: "0") + UInt8(level.rawValue)
                let expected = bytes.indices.filter { qualifies(bytes, $0, lowest: lowest) }
                var found: [Int] = []
                bytes.withUnsafeBytes { b in
                    var from = 0
                    while let hit = SparseKey.level(level).next(in: b, from: from) {
                        found.append(hit)
                        from = hit + 1
                    }
                }
                // Each search goes on one byte past the last hit, so a hit whose `type` began
                // before that byte is found only if the search reads the bytes before where it starts.
                #expect(found == expected, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }

    @Test(arguments: [UInt64(21), 22])
    func theWideLineCountAgreesWithAPlainCount(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let length = Int(random.next() % 20_000)
            let bytes = (0..<length).map { _ in random.next() % 7 == 0 ? Bytes.newline : UInt8(ascii: "a") }
            let from = length == 0 ? 0 : Int(random.next() % UInt64(length))
            let expected = bytes[from...].filter { $0 == Bytes.newline }.count
            let counted = bytes.withUnsafeBytes { Bytes.countNewlines(in: $0, from: from, to: length) }
            #expect(counted == expected)
            let wide = bytes.withUnsafeBufferPointer { cshims_count_byte_wide($0.baseAddress! + from, length - from, Bytes.newline) }
            #expect(wide == expected)
        }
    }
}
