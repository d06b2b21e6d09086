import Foundation
import Testing
@testable import CMLensCore

/// Bad input is normal input: each of these loads, says what was wrong, and keeps what it can.
@Suite struct HostileLogInputTests {
    typealias S = LogTestSupport

    @Test func binaryFileIsRefusedByName() throws {
        var generator = SplitMix64(testSeed: 7)
        let bytes = (0..<20_000).map { _ in UInt8.random(in: 0...31, using: &generator) }
        let index = LogReader.parse(bytes: bytes, path: "dump.log", client: "c")
        #expect(index.count == 0)
        let problem = try #require(index.problems.first)
        #expect(problem.severity == .error && problem.file == "dump.log" && problem.message.contains("binary"))
    }

    @Test func nulRunFromPowerLossIsKeptAndTheRestLoads() {
        let nuls = String(repeating: "\u{0}", count: 300)
        let text = S.cmtrace("before") + "\r\n" + nuls + S.cmtrace("after") + "\r\n"
        let index = S.parse(text)
        #expect(index.records.map(\.format) == [.cmtrace, .unparsed, .cmtrace])
        #expect(index.records.last?.message == "after")
        #expect(index.problems.contains { $0.line == 2 })
    }

    @Test func tenMegabyteLineInChunks() throws {
        let big = String(repeating: "x", count: 10 << 20)
        let bytes = Array((S.cmtrace(big) + "\r\n" + S.cmtrace("small") + "\r\n" + big + "\r\n").utf8)
        let index = LogReader.parseInPieces(bytes: bytes, path: "big.log", client: "c", readSizes: [1 << 20, 333, 4 << 20])
        #expect(index.count == 3)
        #expect(index.record(at: 0).message.count == 10 << 20)
        #expect(index.record(at: 1).message == "small")
        #expect(index.record(at: 2).format == .unparsed)
    }

    @Test func recordLongerThanTheIndexLengthFieldStillDecodes() {
        let huge = String(repeating: "y", count: (16 << 20) + 10)
        let index = S.parse(S.cmtrace(huge) + "\r\n" + S.cmtrace("next"))
        #expect(index.record(at: 0).message.count == huge.count)
        #expect(index.record(at: 1).message == "next")
    }

    @Test func missingFileIsAnErrorNamingIt() {
        let index = LogReader.read(path: "/nonexistent/execmgr.log", client: "c")
        #expect(index.count == 0)
        #expect(index.problems.first?.severity == .error)
        #expect(index.problems.first?.description.hasPrefix("/nonexistent/execmgr.log:") == true)
    }

    @Test func emptyFileHasNoRecordsAndNoProblems() {
        let index = LogReader.parse(bytes: [], path: "empty.log", client: "c")
        #expect(index.count == 0 && index.problems.isEmpty)
    }

    @Test func controlBytesInMessagesAreEscapedForTheTerminal() throws {
        let r = try #require(S.parse(S.cmtrace("evil \u{1B}]0;pwned\u{07} \u{1B}[31mred\u{7F} \u{9B}2J \u{202E}txt")).records.first)
        let shown = TerminalText.escape(r.message)
        #expect(!shown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E })
        #expect(shown == "evil ^[]0;pwned^G ^[[31mred^? \\x9b2J <U+202E>txt")
        #expect(!LogRecordOutput.json(r).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
    }

    @Test func diskReadWithSmallChunksAndSplitMatchesInMemory() throws {
        let dir = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = ""
        for k in 0..<3000 {
            let message = k % 7 == 0 ? "multi\r\nline \(k)" : "record \(k)"
            text += S.cmtrace(message, time: String(format: "10:%02d:%02d.000+300", (k / 60) % 60, k % 60),
                              component: k % 3 == 0 ? "execmgr" : "CAS", type: k % 4) + "\r\n"
            if k % 500 == 0 { text += "garbage line \(k)\r\n" }
        }
        let file = dir.appendingPathComponent("split.log")
        try Data(text.utf8).write(to: file)
        let options = LogReader.Options(inMemoryLimit: 0, splitThreshold: 1000, chunkSize: 4096)
        let fromDisk = LogReader.read(path: file.path, client: "c", logName: nil, options: options)
        let inMemory = LogReader.parse(bytes: Array(text.utf8), path: file.path, client: "c")
        #expect(fromDisk.count == inMemory.count)
        #expect(S.fingerprint(fromDisk) == S.fingerprint(inMemory))
        #expect(fromDisk.componentNames.sorted() == ["", "CAS", "execmgr"].filter { fromDisk.componentNames.contains($0) }.sorted())
        #expect(fromDisk.problems.count == inMemory.problems.count)
    }
}

@Suite struct WorkspaceAndMergeTests {
    typealias S = LogTestSupport

    @Test func rotationOrderIsHistoryThenLoThenLog() {
        let logs = RotationGrouping.group(["c/execmgr.log", "c/execmgr.lo_", "c/execmgr-20110114-083000.log",
                                           "c/CAS.log", "c/execmgr-20110113-083000.log"])
        #expect(logs.map(\.name) == ["CAS.log", "execmgr.log"])
        #expect(logs[1].files == ["c/execmgr-20110113-083000.log", "c/execmgr-20110114-083000.log", "c/execmgr.lo_", "c/execmgr.log"])
    }

    @Test func foldersAreClientsAndFilesAreSorted() throws {
        let dir = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        for client in ["PC1", "PC2"] {
            try fm.createDirectory(at: dir.appendingPathComponent(client), withIntermediateDirectories: true)
            try Data(S.cmtrace("hello from \(client)").utf8).write(to: dir.appendingPathComponent("\(client)/execmgr.log"))
        }
        try fm.createDirectory(at: dir.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("BEGIN_SITE_DEFINITION\nEND_SITE_DEFINITION\n".utf8).write(to: dir.appendingPathComponent("site/sitectrl.ct0"))
        try Data("ResourceID,Name0\n".utf8).write(to: dir.appendingPathComponent("v_R_System.csv"))
        try Data("PC1\n".utf8).write(to: dir.appendingPathComponent("sys.txt"))
        // A symlink loop must not hang the walk.
        try fm.createSymbolicLink(at: dir.appendingPathComponent("PC1/loop"), withDestinationURL: dir)
        let inputs = WorkspaceScanner.scan([dir.path, dir.path + "/missing"])
        #expect(inputs.clients.map(\.name) == ["PC1", "PC2"])
        #expect(inputs.siteControlFiles.count == 1 && inputs.tableFiles.count == 1 && inputs.systemLists.count == 1)
        #expect(inputs.problems.contains { $0.file.hasSuffix("/missing") && $0.severity == .error })
        let logs = LoadedLogs.load(inputs)
        #expect(logs.recordCount == 2)
        #expect(logs.clientNames == ["PC1", "PC2"])
    }

    @Test func mergeOrdersByUTCInstantAcrossTimeZones() throws {
        // 10:00 Eastern (15:00Z) comes after 15:30 Central Europe (14:30Z).
        let east = LogReader.parse(bytes: Array(S.cmtrace("east", time: "10:00:00.000+300").utf8), path: "a.log", client: "A")
        let europe = LogReader.parse(bytes: Array((S.cmtrace("europe", time: "15:30:00.000-060") + "\r\nplain tail").utf8), path: "b.log", client: "B")
        let logs = LoadedLogs(files: [east, europe], problems: [])
        let merged = LogMerge.merged(logs).map { logs[$0].message }
        #expect(merged == ["europe", "plain tail", "east"])
    }

    @Test func tiesKeepFileOrder() {
        let a = LogReader.parse(bytes: Array((S.cmtrace("a1") + "\n" + S.cmtrace("a2")).utf8), path: "a.log", client: "A")
        let b = LogReader.parse(bytes: Array(S.cmtrace("b1").utf8), path: "b.log", client: "B")
        let logs = LoadedLogs(files: [a, b], problems: [])
        #expect(LogMerge.merged(logs).map { logs[$0].message } == ["a1", "a2", "b1"])
    }

    @Test func filterByLevelComponentAndTime() throws {
        let text = [S.cmtrace("info", time: "10:00:00.000+300", component: "execmgr", type: 1),
                    S.cmtrace("warn", time: "10:05:00.000+300", component: "CAS", type: 2),
                    S.cmtrace("err", time: "10:10:00.000+300", component: "execmgr", type: 3)].joined(separator: "\r\n")
        let logs = LoadedLogs(files: [S.parse(text)], problems: [])
        func run(_ filter: RecordFilter) -> [String] {
            ((try? filter.select(from: logs)) ?? []).map { logs[$0].message }
        }
        #expect(run(RecordFilter(minimumLevel: .warning)) == ["warn", "err"])
        #expect(run(RecordFilter(components: ["EXECMGR"])) == ["info", "err"])
        #expect(run(RecordFilter(since: try TimeBound(parsing: "2011-01-14T10:04"))) == ["warn", "err"])
        #expect(run(RecordFilter(until: try TimeBound(parsing: "2011-01-14T15:04:59Z"))) == ["info"])
        #expect(run(RecordFilter(grep: "^er")) == ["err"])
        #expect(throws: UsageError.self) { try TimeBound(parsing: "yesterday") }
    }
}
