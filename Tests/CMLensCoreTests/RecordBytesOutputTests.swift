import Foundation
import Testing
@testable import CMLensCore

/// `cmlens log --format json|csv` writes records from their bytes; it must write exactly what the
/// decode-then-format path writes, on text chosen to need every escape and every fallback.
@Suite struct RecordBytesOutputTests {
    typealias S = LogTestSupport

    /// Seeded records of every format whose fields mix plain ASCII with what JSON and CSV must
    /// escape or quote, what is not UTF-8, byte-order marks, C1 and bidi controls, lone CRs.
    static func hostileLog(seed: UInt64, count: Int, crlf: Bool) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        let pieces: [[UInt8]] = [
            Array("Program exit code 1618".utf8), Array(#"C:\Windows\ccmcache\4\setup.exe /q"#.utf8),
            Array(#"said "hello", twice"#.utf8), Array("a,b,c".utf8), [0x09], [0x01, 0x7F], [0x0D], Array("\u{85}".utf8),
            Array("\u{202E}evil".utf8), [0xEF, 0xBB, 0xBF], [0x93, 0x94, 0x80], [0xFF, 0xC3, 0x28], Array("café ключ".utf8),
            Array("second\nline".utf8), Array("third\r\nline".utf8), [0x0D, 0x0D, 0x0A], Array("{json: [1]}".utf8),
            Array("$$<".utf8), [0x1B, 0x5B, 0x33, 0x31, 0x6D],
        ]
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func text(_ n: Int) -> [UInt8] { (0..<n).flatMap { _ in pick(pieces) + [0x20] } }
        let newline: [UInt8] = crlf ? [0x0D, 0x0A] : [0x0A]
        var out: [UInt8] = []
        for n in 0..<count {
            let message = text(Int(1 + random.next() % 5))
            let component = random.next() % 5 == 0 ? text(1) : Array(pick(["execmgr", "Content,Access", "", "CAS"]).utf8)
            switch random.next() % 6 {
            case 0:  // SMS trailer
                out += message + Array("  $$<".utf8) + component
                    + Array("><01-14-2011 10:\(String(format: "%02d", n % 60)):31.123+300><thread=2484 (0x9B4)>".utf8)
            case 1:  // plain text
                out += message
            case 2:  // an unreadable type, kept as written
                out += Array("<![LOG[".utf8) + message + Array("]LOG]!><time=\"10:15:31.123+300\" date=\"01-14-2011\" component=\"".utf8)
                    + component + Array("\" context=\"\" type=\"x,\\\" thread=\"7\" file=\"a.cpp:1\">".utf8)
            default:
                out += Array("<![LOG[".utf8) + message + Array("]LOG]!><time=\"10:15:\(String(format: "%02d", n % 60)).000-60\" date=\"01-14-2011\" component=\"".utf8)
                    + component + Array("\" context=\"\" type=\"\(random.next() % 4)\" thread=\"".utf8) + pick([Array("12".utf8), text(1)])
                    + Array("\" file=\"".utf8) + pick([Array("x.cpp:9".utf8), text(1), []]) + Array("\">".utf8)
            }
            out += newline
        }
        return out
    }

    static func written(_ logs: LoadedLogs, _ writer: some RecordWriter) -> [String] {
        var bytes: [UInt8] = []
        let order = logs.files.indices.flatMap { f in (0..<logs.files[f].count).map { RecordReference(file: f, index: $0) } }
        logs.writeLines(order, block: 97, writer, emit: { bytes += $0 })
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    static func expectSameOutput(_ logs: LoadedLogs, _ label: String) {
        let records = logs.files.flatMap(\.records)
        #expect(records.count > 0, "\(label): no records")
        let json = written(logs, JSONRecordWriter())
        let csv = written(logs, CSVRecordWriter())
        #expect(json.count == records.count, "\(label)")
        for (k, record) in records.enumerated() where k < json.count {
            #expect(json[k] == LogRecordOutput.json(record), "\(label) record \(k) json")
        }
        // A CSV row may span lines (a quoted message with a line break): compared joined.
        #expect(csv.joined(separator: "\n") == records.map(LogRecordOutput.csv).joined(separator: "\n"), "\(label) csv")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func bytesWriteWhatTheDecodedRecordsWrite(seed: UInt64) {
        let bytes = Self.hostileLog(seed: seed, count: 400, crlf: seed % 2 == 0)
        for encoded in [bytes, S.utf16LE(bytes)] {
            let file = LogReader.parse(bytes: encoded, path: #"C:\logs\gen,"1".log"#, client: "PC 1")
            Self.expectSameOutput(LoadedLogs(files: [file], problems: []), "seed \(seed)")
        }
    }

    @Test func aLogReadBackFromDiskAndCutSinceWritesWhatTheRecordsSay() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.log").path
        let bytes = Self.hostileLog(seed: 9, count: 2000, crlf: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var options = LogReader.Options()
        options.inMemoryLimit = 1 << 10
        let file = LogReader.read(path: path, client: "PC1", logName: nil, options: options)
        guard case .file = file.text else { Issue.record("the log was kept in memory; the test needs it on disk"); return }
        let logs = LoadedLogs(files: [file], problems: [])
        Self.expectSameOutput(logs, "on disk")
        // Cut under the index: the records past the cut say their text is unavailable, both ways.
        try FileHandle(forWritingTo: URL(fileURLWithPath: path)).truncate(atOffset: UInt64(bytes.count / 2))
        let cut = Self.written(logs, JSONRecordWriter())
        #expect(cut.last?.contains("record text unavailable") == true)
        Self.expectSameOutput(logs, "cut")
    }

    @Test func realLogsWriteWhatTheirRecordsSay() {
        let logs = LoadedLogs.load(WorkspaceScanner.scan([S.realCorpus.path]))
        #expect(logs.files.count >= 8, "the real corpus at \(S.realCorpus.path)")
        Self.expectSameOutput(logs, "real corpus")
    }

    @Test func timesWrittenAsBytesAreTheISOText() {
        for (seconds, bias) in [(Int64(0), Optional(300)), (1_294_999_999, -60), (-86_401, nil), (253_402_300_799, 0),
                                (253_402_300_800, 330), (-62_167_219_201, -765)] {
            for nanoseconds: Int32 in [0, 123_456_789, 999_999_999] {
                let time = LogTime(localSeconds: seconds, nanoseconds: nanoseconds, biasMinutes: bias)
                var out: [UInt8] = []
                time.appendISO8601(to: &out)
                #expect(String(decoding: out, as: UTF8.self) == time.iso8601)
            }
        }
    }
}

/// The eight-bytes-at-a-time search against the byte-by-byte rule, on every byte value in every lane.
@Suite struct PlainBytesTests {
    @Test func theFirstSpecialByteIsFoundInEveryLane() {
        for value in 0...255 {
            for lane in 0..<11 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 11)
                bytes[lane] = UInt8(value)
                let special = value < 0x20 || value >= 0x7F || value == 0x2C || value == 0x22
                let found = bytes.withUnsafeBytes { PlainBytes.firstSpecial($0, 0..<11, 0x2C, 0x22) }
                #expect(found == (special ? lane : 11), "byte \(value) at \(lane)")
                let fromOne = bytes.withUnsafeBytes { PlainBytes.firstSpecial($0, 1..<11, 0x2C, 0x22) }
                #expect(fromOne == (special && lane >= 1 ? lane : 11), "byte \(value) at \(lane) from 1")
            }
        }
    }
}
