import Foundation
import Testing
@testable import CMLensCore

/// A probe matches records picked anywhere, in any order, exactly as the search engine's scan of
/// whole files does: the console shows a probe's match as the next one before the scan ends.
@Suite struct RecordSearchProbeTests {
    typealias S = LogTestSupport

    /// A generated log in memory, the same as UTF-16, one read back from disk, and one whose
    /// messages need Unicode folding (the Kelvin sign) that the engine's byte search does not do.
    static func logs(seed: UInt64, folder: URL) throws -> LoadedLogs {
        let bytes = RecordSearchTests.generatedLog(seed: seed, count: 700, crlf: seed % 2 == 0)
        let path = folder.appendingPathComponent("disk-\(seed).log").path
        try Data(RecordSearchTests.generatedLog(seed: seed + 100, count: 900, crlf: true)).write(to: URL(fileURLWithPath: path))
        var options = LogReader.Options()
        options.inMemoryLimit = 1 << 10
        let disk = LogReader.read(path: path, client: "PC1", logName: nil, options: options)
        let folding = (0..<40).map { n in S.cmtrace(n % 3 == 0 ? "\u{212A}elvin exit code \(n)" : "kelvin exit code \(n)") }
            .joined(separator: "\r\n") + "\r\n"
        return LoadedLogs(files: [LogReader.parse(bytes: bytes, path: "a.log", client: "PC1"),
                                  LogReader.parse(bytes: S.utf16LE(bytes), path: "b.log", client: "PC1"),
                                  disk, S.parse(folding, path: "k.log")], problems: [])
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func picksAnywhereAgreeWithTheScan(seed: UInt64) throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let logs = try Self.logs(seed: seed, folder: folder)
        guard case .file = logs.files[2].text else { Issue.record("the third log was kept in memory; the test needs it on disk"); return }
        var random = SplitMix64(seed: seed)
        // Runs of neighbours, scattered records and repeats, in no order.
        var picks: [RecordReference] = []
        for _ in 0..<300 {
            let f = Int(random.next() % UInt64(logs.files.count))
            let start = Int(random.next() % UInt64(logs.files[f].count))
            let run = random.next() % 3 == 0 ? Int(random.next() % 60) : 1
            let stride = 1 + Int(random.next() % 40)
            for k in 0..<run where start + k * stride < logs.files[f].count {
                picks.append(RecordReference(file: f, index: start + k * stride))
            }
        }
        picks.shuffle(using: &random)
        var matched = 0
        for text in RecordSearchTests.patterns + ["kelvin", "execmgr", "CAS|ContentAccess"] {
            let pattern = try TextPattern(text)
            for fields in [RecordSearch.Fields.message, .messageAndComponent] {
                let all = try #require(RecordSearch.run(pattern, in: logs, files: Array(logs.files.indices), fields: fields))
                let expected = picks.map { all[Int($0.file)]!.contains(Int($0.index)) }
                matched += expected.filter { $0 }.count
                let probe = RecordSearch.Probe(pattern, in: logs, fields: fields)
                #expect(probe.matches(picks[...], isCancelled: { false }) == expected, "\(text) \(fields)")
                // A slice from the middle answers for its own records, in its order.
                let cut = Int(random.next() % UInt64(picks.count))
                #expect(probe.matches(picks[cut...], isCancelled: { false }) == Array(expected[cut...]), "\(text) from \(cut)")
            }
        }
        #expect(matched > 500, "the patterns met \(matched) picked records")
    }

    @Test func aProbeStoppedSaysNothing() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let logs = try Self.logs(seed: 5, folder: folder)
        let probe = RecordSearch.Probe(try TextPattern("exit"), in: logs)
        let picks = (0..<50).map { RecordReference(file: 0, index: $0) }
        #expect(probe.matches(picks[...], isCancelled: { true }) == nil)
        #expect(probe.matches(picks[...], isCancelled: { false })?.contains(true) == true)
    }

    /// The engine finds a case-insensitive pattern's required text by folding ASCII only: the probe
    /// must leave out what the scan leaves out, or the console would show a match `n` then skips.
    @Test func theKelvinSignIsLeftOutAsTheScanLeavesItOut() throws {
        let logs = LoadedLogs(files: [S.parse(S.cmtrace("\u{212A}elvin") + "\r\n" + S.cmtrace("kelvin") + "\r\n")], problems: [])
        let pattern = try TextPattern("kelvin")
        let scan = try #require(RecordSearch.run(pattern, in: logs, files: [0]))[0]!
        let picks = [RecordReference(file: 0, index: 0), RecordReference(file: 0, index: 1)]
        #expect(RecordSearch.Probe(pattern, in: logs).matches(picks[...], isCancelled: { false }) == [false, true])
        #expect(scan.indices == [1])
    }
}
