import Testing
@testable import CMLensCore

/// The merge against the order it promises (by instant; ties by workspace order, then position in
/// the file), on files whose clock goes back now and then, often, or never, with records filtered out.
@Suite struct LogMergeTests {
    static func log(seed: UInt64, count: Int, backEvery: UInt64, path: String) -> LogFileIndex {
        var random = SplitMix64(seed: seed)
        var second = Int(random.next() % 3000)
        var lines: [String] = []
        for n in 0..<count {
            if backEvery > 0 && random.next() % backEvery == 0 { second = max(0, second - Int(random.next() % 600)) }
            second += Int(random.next() % 3)  // ties on purpose
            if random.next() % 17 == 0 {
                lines.append("untimed line \(n)")
            } else {
                let time = String(format: "%02d:%02d:%02d.000+000", second / 3600 % 24, second / 60 % 60, second % 60)
                lines.append(LogTestSupport.cmtrace("record \(n)", time: time))
            }
        }
        return LogReader.parse(bytes: Array(lines.joined(separator: "\n").utf8), path: path, client: "PC1")
    }

    static func reference(_ logs: LoadedLogs, _ include: (Int, LogFileIndex, Int) -> Bool) -> [RecordReference] {
        var all: [(ticks: Int64, file: Int, index: Int)] = []
        for (f, file) in logs.files.enumerated() {
            for i in 0..<file.count where include(f, file, i) { all.append((file.sortTicks(at: i), f, i)) }
        }
        all.sort { a, b in a.ticks != b.ticks ? a.ticks < b.ticks : a.file != b.file ? a.file < b.file : a.index < b.index }
        return all.map { RecordReference(file: $0.file, index: $0.index) }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func theMergeIsTimeOrderWithTiesInWorkspaceOrder(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Never back, now and then (a concatenated log), every few records (worse than any writer).
        let files = (0..<Int(1 + seed % 3)).map { k in
            Self.log(seed: seed * 10 + UInt64(k), count: 300 + Int(random.next() % 400),
                     backEvery: [0, 150, 3][Int((seed + UInt64(k)) % 3)], path: "f\(k).log")
        }
        let logs = LoadedLogs(files: files, problems: [])
        let keep = random.next() % 5
        let filters: [(Int, LogFileIndex, Int) -> Bool] = [
            { _, _, _ in true }, { _, _, i in i % 3 != 0 }, { f, _, i in (i + f) % 7 < Int(keep) }, { _, _, _ in false },
        ]
        for (k, include) in filters.enumerated() {
            let expected = Self.reference(logs, include)
            #expect(LogMerge.merged(logs, where: include) == expected, "seed \(seed) filter \(k)")
            var blocks: [RecordReference] = []
            LogMerge.forEachBlock(logs, block: 37, where: include) { block in
                #expect(block.count <= 37)
                blocks += block
            }
            #expect(blocks == expected, "seed \(seed) filter \(k) in blocks")
        }
    }
}
