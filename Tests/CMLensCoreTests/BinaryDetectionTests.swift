import Foundation
import Testing
@testable import CMLensCore

/// Junk named like a log is refused by name, whatever its bytes repeat; text stays text, in every
/// encoding a client writes and with the odd stray byte a program leaves in a message.
@Suite struct BinaryDetectionTests {
    typealias S = LogTestSupport

    /// Every byte value in order, repeated: before, each 256-byte block had too few control bytes
    /// for the old 30 % share, and its NULs sat at one parity as if it were UTF-16.
    static func everyByteRepeated(count: Int, offset: Int = 0) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 + offset) }
    }

    private func expectRefused(_ bytes: [UInt8], path: String = "junk.log", _ comment: Comment? = nil) {
        let index = LogReader.parse(bytes: bytes, path: path, client: "c")
        #expect(index.count == 0, comment)
        #expect(index.problems.count == 1, comment)
        let problem = index.problems.first
        #expect(problem?.severity == .error && problem?.file == path, comment)
        #expect(problem?.message.hasPrefix("binary data, not a log") == true, comment)
    }

    private func expectRead(_ bytes: [UInt8], records: Int, _ comment: Comment? = nil) {
        let index = LogReader.parse(bytes: bytes, path: "text.log", client: "c")
        #expect(!index.problems.contains { $0.message.contains("binary") }, comment)
        #expect(index.count == records, comment)
    }

    @Test(arguments: [256, 1000, 16_640, 70_000])
    func everyByteValueRepeatedIsRefused(count: Int) {
        expectRefused(Self.everyByteRepeated(count: count))
        // Shifted, so its NULs fall at odd offsets, after a byte that is not text.
        expectRefused(Self.everyByteRepeated(count: count, offset: 1))
        expectRefused(Self.everyByteRepeated(count: count, offset: 77))
    }

    @Test func everyByteValueRepeatedIsRefusedFromDisk() throws {
        let dir = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("execmgr.log")
        try Data(Self.everyByteRepeated(count: 16_640)).write(to: file)
        let index = LogReader.read(path: file.path, client: "c")
        #expect(index.count == 0)
        let problem = try #require(index.problems.first)
        #expect(problem.file == file.path && problem.message.contains("binary data, not a log"))
    }

    @Test(arguments: [1, 2, 3, 42, 1000] as [UInt64])
    func randomBinaryIsRefused(seed: UInt64) {
        var generator = SplitMix64(testSeed: seed)
        let size = Int.random(in: 64...40_000, using: &generator)
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        expectRefused(bytes, "seed \(seed), \(size) bytes")
    }

    static let plainLines = (0..<40).map { "Sleeping for the next \($0) minutes, retry \($0)." }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            out += bigEndian ? [high, low] : [low, high]
        }
        return out
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func utf16LogsAreRead(bigEndian: Bool, bom: Bool) {
        let plain = Self.plainLines.joined(separator: "\r\n") + "\r\n"
        expectRead(Self.utf16(plain, bigEndian: bigEndian, bom: bom), records: Self.plainLines.count,
                   "plain, big-endian \(bigEndian), BOM \(bom)")
        let cmtrace = (0..<20).map { S.cmtrace("record \($0)") }.joined(separator: "\r\n") + "\r\n"
        expectRead(Self.utf16(cmtrace, bigEndian: bigEndian, bom: bom), records: 20,
                   "CMTrace, big-endian \(bigEndian), BOM \(bom)")
    }

    @Test func strayControlBytesInARealLogAreRead() {
        var lines = Self.plainLines
        lines[3] += "\u{07}"            // a bell a script echoed
        lines[10] = "\u{01}" + lines[10]
        lines[20] += "\u{08}\u{08}"      // progress output's backspaces
        lines[30] += "\u{7F}"
        expectRead(Array((lines.joined(separator: "\n") + "\n").utf8), records: lines.count)
    }

    @Test func aFewStrayNULsInARealLogAreRead() {
        var lines = Self.plainLines
        lines[5] += "\u{0}"
        lines[25] = "x\u{0}\u{0}" + lines[25]
        expectRead(Array((lines.joined(separator: "\n") + "\n").utf8), records: lines.count)
    }

    @Test func powerLossPaddingInAPlainLogIsRead() {
        // A plain (markerless) log extended by the file system, with zeros where the data never landed.
        let text = "first line\n" + String(repeating: "\u{0}", count: 3000) + "second line\n"
        let index = LogReader.parse(bytes: Array(text.utf8), path: "plain.log", client: "c")
        #expect(!index.problems.contains { $0.message.contains("binary") })
        #expect(index.records.contains { $0.message == "first line" })
        #expect(index.records.contains { $0.message.hasSuffix("second line") })
    }

    @Test func colouredOutputIsRead() {
        let lines = (0..<30).map { "\u{1B}[32mOK\u{1B}[0m step \($0) \u{1B}[1mdone\u{1B}[0m" }
        expectRead(Array((lines.joined(separator: "\n") + "\n").utf8), records: lines.count)
    }

    @Test func nothingButNULsIsRefused() {
        expectRefused([UInt8](repeating: 0, count: 5000))
    }

    @Test func theRefusalSaysWhy() {
        let index = LogReader.parse(bytes: Self.everyByteRepeated(count: 4096), path: "junk.log", client: "c")
        let message = index.problems.first?.message ?? ""
        #expect(message.contains("NUL bytes in its first 4096") || message.contains("control bytes in its first 4096"))
    }
}
