import Foundation
import Testing
@testable import CMLensCore

private typealias S = LogTestSupport

/// A sparse read (`cmlens log --grep` on a large log) must give every record the search wants
/// exactly as the full read gives it: same line, time, level, component and message, whatever
/// surrounds it — multi-line messages, untimed records, junk lines, cut-off records, CRLF — and
/// wherever the read's chunks and parts fall.
@Suite struct SparseReadTests {
    /// Records with the shapes a sparse read must step around; QQRAREQQ is in about one record in 400.
    static func generatedLog(seed: UInt64, count: Int) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        func chance(_ n: UInt64) -> Bool { random.next() % n == 0 }
        let crlf = seed % 2 == 0
        let newline = crlf ? "\r\n" : "\n"
        var out = ""
        // Some files open on an untimed record: a stretch there has nothing earlier to take a time from.
        if seed % 3 == 0 { out += S.cmtrace("no time at the top ZZZQQQ", time: "") + newline }
        for n in 0..<count {
            var message = "Execution Request for advert LAB2003 state change \(n)"
            if chance(9) { message += newline + "second line, exit code \(chance(2) ? 1618 : 0)" }
            if chance(400) { message += " ZZZQQQ and QQRAREQQ" }
            if chance(15) { message += " Exit Code 999" }
            let time = chance(23) ? "bad" : "10:\(String(format: "%02d", n / 60 % 60)):\(String(format: "%02d", n % 60)).000+300"
            out += S.cmtrace(message, time: time, component: ["execmgr", "ContentAccess", "CAS"][n % 3], type: n % 4)
            if chance(31) { out += S.cmtrace("same line, second record zzzqqq", component: "CAS") }
            out += newline
            if chance(37) { out += "junk line that is no record exit code 999" + newline }
            if chance(53) { out += "<![LOG[cut off before its end ZZZQQQ" + newline }
            if chance(61) { out += newline }
        }
        return Array(out.utf8)
    }

    static let patterns = ["QQRAREQQ", "ZZZQQQ", "exit code (999|1618)", "(?-i)Exit Code", "second line", "advert LAB2003 state change 1\\d\\d\\b",
                           "no time at the top", "nothing-like-this"]

    static func matching(_ file: LogFileIndex, _ pattern: TextPattern) -> [LogRecord] {
        (0..<file.count).compactMap { i in
            let record = file.record(at: i)
            return pattern.matches(record.message) ? record : nil
        }
    }

    static func ticks(_ file: LogFileIndex, _ pattern: TextPattern) -> [Int64] {
        (0..<file.count).compactMap { i in pattern.matches(file.record(at: i).message) ? file.sortTicks(at: i) : nil }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func theRecordsASearchWantsComeOutAsTheFullReadGivesThem(seed: UInt64) throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("execmgr.log").path
        try Data(Self.generatedLog(seed: seed, count: 4000)).write(to: URL(fileURLWithPath: path))
        // Chunks of 4 KiB (records carried across reads), two to eight parts.
        for partSize in [1 << 20, 64 << 10] {
            let options = LogReader.Options(inMemoryLimit: 0, splitThreshold: 1000, splitPartSize: partSize, chunkSize: 4 << 10)
            let full = LogReader.read(path: path, client: "PC1", logName: nil, options: options)
            for text in Self.patterns {
                let pattern = try TextPattern(text)
                let sparse = LogReader.read(path: path, client: "PC1", logName: nil, options: options, keeping: pattern.literal.map(SparseKey.text))
                let wanted = Self.matching(full, pattern)
                #expect(Self.matching(sparse, pattern) == wanted, "\(text), seed \(seed), parts of \(partSize)")
                #expect(Self.ticks(sparse, pattern) == Self.ticks(full, pattern), "\(text), seed \(seed): times")
                if text == "QQRAREQQ" {
                    #expect(!wanted.isEmpty)
                    #expect(sparse.count < full.count / 4, "a rare word reads a fraction: \(sparse.count) of \(full.count)")
                }
            }
        }
    }

    /// The logs from the field (smsts, ccmsetup, the updates logs), read sparsely as if they were large.
    @Test func realLogsGiveTheSameRecordsReadSparsely() throws {
        let options = LogReader.Options(inMemoryLimit: 0, splitThreshold: 1000, splitPartSize: 64 << 10, chunkSize: 4 << 10)
        var compared = 0
        var found = 0
        try S.forEachRealCMTraceLog(options: options) { path, full, sparse in
            for text in ["0x80190194", "Successfully completed the action", "Failed", "KB\\d+", "nothing-like-this"] {
                let pattern = try TextPattern(text)
                let wanted = Self.matching(full, pattern)
                found += wanted.count
                #expect(Self.matching(sparse(pattern.literal.map(SparseKey.text)), pattern) == wanted, "\(text) in \(path)")
                compared += 1
            }
        }
        #expect(compared >= 20 && found > 20, "\(compared) comparisons, \(found) records")
    }

    @Test func aRelativeBoundReadsTheWholeLog() throws {
        // `since=-2h` counts from the last record of the whole view, which a sparse read would not hold.
        #expect(try LogFilter.parse("text=QQRAREQQ").sparseKey != nil)
        #expect(try LogFilter.parse("text=\\d+").sparseKey == nil)
        #expect(try LogFilter.parse("text=QQRAREQQ level>=error").sparseKey == .text(SearchLiteral("QQRAREQQ", caseInsensitive: true)))
        #expect(try LogFilter.parse("text=QQRAREQQ since=-2h").sparseKey == nil)
        #expect(try LogFilter.parse("-text=QQRAREQQ").sparseKey == nil)
    }

    @Test func theSameRecordsReachTheOutputThroughTheWorkspaceLoad() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = folder.appendingPathComponent("PC1")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        // Past the 32 MiB at which a log is read in parts, so the load takes the sparse path.
        var bytes: [UInt8] = []
        var seed: UInt64 = 10
        while bytes.count < 33 << 20 {
            bytes += Self.generatedLog(seed: seed, count: 20_000)
            seed += 1
        }
        try Data(bytes).write(to: client.appendingPathComponent("execmgr.log"))
        let inputs = WorkspaceScanner.scan([folder.path])
        let full = LoadedLogs.load(inputs)
        for text in ["QQRAREQQ", "ZZZQQQ", "exit code (999|1618)"] {
            var words = LogFilter()
            words.include = [text]
            var wanted: [LogRecord] = []
            words.select(from: full) { wanted += $0.map { full[$0] } }
            #expect(!wanted.isEmpty)
            // Through the workspace `cmlens log` loads, which reads the big log sparsely for this filter.
            var options = Workspace.Options(parts: .logs)
            options.showing = words
            let workspace = Workspace.load([folder.path], options)
            var printed: [LogRecord] = []
            words.select(from: workspace.logs) { printed += $0.map { workspace.logs[$0] } }
            #expect(printed == wanted, "\(text)")
            if text == "QQRAREQQ" { #expect(workspace.logs.recordCount < full.recordCount / 10) }
        }
    }
}
