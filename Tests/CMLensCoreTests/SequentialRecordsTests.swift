import Foundation
import Testing
@testable import CMLensCore
#if canImport(Glibc)
import Glibc
#endif

/// `forEachRecord` reads a big log a megabyte at a time: it must give exactly what `record(at:)`
/// gives for every record — across window edges, for records longer than a window, in memory and
/// on disk, and after the file shrank.
@Suite struct SequentialRecordsTests {
    typealias S = LogTestSupport

    static func sample() -> String {
        (0..<6000).map { k in
            let message = k % 997 == 0 ? "long " + String(repeating: "x", count: 1_300_000 + k) : "record \(k)\nsecond line \(k)"
            return S.cmtrace(message) + "\r\n" + (k % 50 == 0 ? "a plain line \(k)\r\n" : "")
        }.joined()
    }

    static func sequential(_ index: LogFileIndex) -> [(Int, LogRecord)] {
        var seen: [(Int, LogRecord)] = []
        index.forEachRecord { seen.append(($0, $1)) }
        return seen
    }

    @Test(arguments: [0, 64 << 20])
    func sameAsOneByOne(inMemoryLimit: Int) throws {
        let dir = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("execmgr.log")
        try Data(Self.sample().utf8).write(to: file)
        let index = LogReader.read(path: file.path, client: "c", logName: nil,
                                   options: LogReader.Options(inMemoryLimit: inMemoryLimit))
        #expect(index.count > 6000)
        let seen = Self.sequential(index)
        #expect(seen.map(\.0) == Array(0..<index.count))
        for (k, record) in seen where record != index.record(at: k) {
            Issue.record("record \(k) differs: \(record.message.prefix(40)) vs \(index.record(at: k).message.prefix(40))")
            return
        }
        #expect(seen.contains { $0.1.message.hasPrefix("long ") && $0.1.message.count > 1_300_000 })
    }

    @Test func aShrunkFileDecodesWhatIsLeft() throws {
        let dir = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("execmgr.log")
        let text = Self.sample()
        try Data(text.utf8).write(to: file)
        let index = LogReader.read(path: file.path, client: "c", logName: nil, options: LogReader.Options(inMemoryLimit: 0))
        #expect(truncate(file.path, off_t(text.utf8.count / 3)) == 0)
        let seen = Self.sequential(index)
        #expect(seen.count == index.count)
        #expect(seen.map(\.1) == (0..<index.count).map(index.record(at:)))
        #expect(seen.last?.1.message == TextLoss.shrank.message)
        #expect(seen.first?.1.message.contains("unavailable") == false)
    }
}
