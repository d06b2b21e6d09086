@testable import CMLensCore

/// Builds a well-formed log out of the input (each NUL-separated part a message, markers defused)
/// and checks that every record comes back: one record per `]LOG]!>` terminator (or SMS trailer),
/// each with its message, its line and its time, read whole and read in pieces.
enum WellFormedLog {
    static func check(_ input: [UInt8]) {
        // Messages up to 2 KiB: the reader tells a file's format from its first 64 KiB, so a first
        // record longer than that makes the file plain text, by design. Up to 8 records: each adds
        // 170 bytes of attributes, so 64 of them turned a 2 KiB input into two 12 KB logs read
        // twice, most of the target's time; 8 in a row still meet every separator and read size.
        let parts = input.split(separator: 0, omittingEmptySubsequences: false).prefix(8).map { $0.prefix(2048) }
        var random = SplitMix(seeding: input.reversed())
        cmtrace(parts, &random)
        sms(parts, &random)
    }

    private static func cmtrace(_ parts: [ArraySlice<UInt8>], _ random: inout SplitMix) {
        var log: [UInt8] = []
        var expected: [(line: Int, message: String, level: LogLevel)] = []
        var line = 1
        for (k, part) in parts.enumerated() {
            // `[` and `]` cannot then form `<![LOG[` or `]LOG]!>`; a CR would be folded into the line end.
            let message = part.map { $0 == 0x5B ? 0x28 : $0 == 0x5D ? 0x29 : $0 == 0x0D ? 0x20 : $0 }
            let level = LogLevel(rawValue: k % 4)!
            let record = Array("<![LOG[".utf8) + message + Array("""
                ]LOG]!><time="10:15:31.123+300" date="01-14-2011" component="fuzz" context="" type="\(k % 4)" \
                thread="1" file="x.cpp:1">
                """.utf8)
            let separator: [UInt8] = [[0x0A], [0x0D, 0x0A], [], [0x0A, 0x20, 0x0A]][Int(random.next() % 4)]
            expected.append((line, TextDecoding.string(message), level))
            line += (record + separator).count { $0 == 0x0A }
            log += record + separator
        }
        let terminators = count(Array("]LOG]!>".utf8), in: log)
        require(terminators == parts.count, "built \(terminators) terminators for \(parts.count) parts")
        verify(log, format: .cmtrace, expected: expected.map { ($0.line, $0.message, $0.level) }, &random)
    }

    private static func sms(_ parts: [ArraySlice<UInt8>], _ random: inout SplitMix) {
        var log = Array("ROLLOVER\r\n".utf8)
        var expected: [(line: Int, message: String, level: LogLevel?)] = []
        var line = 2
        for part in parts {
            // One line per record; no `$$<`, `<![LOG[` or `]LOG]!>` inside it.
            var message = part.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 == 0x24 ? 0x53 : $0 == 0x5B ? 0x28 : $0 == 0x5D ? 0x29 : $0 }
            // The scanner skips the blanks before a record, the decoder those before the trailer and a leading `~`.
            while let first = message.first, first == 0x20 || first == 0x09 { message.removeFirst() }
            while let last = message.last, last == 0x20 || last == 0x09 { message.removeLast() }
            let text = message.first == 0x7E ? Array(message.dropFirst()) : message
            let record = message + Array("  $$<fuzz><01-14-2011 10:15:31.123+300><thread=1 (0x1)>".utf8)
            let separator: [UInt8] = random.next() % 2 == 0 ? [0x0A] : [0x0D, 0x0A]
            expected.append((line, TextDecoding.string(text), nil))
            line += 1
            log += record + separator
        }
        let trailers = count(Array("$$<".utf8), in: log)
        require(trailers == parts.count, "built \(trailers) trailers for \(parts.count) parts")
        verify(log, format: .sms, expected: expected, &random)
    }

    private static func verify(_ log: [UInt8], format: LogFormat,
                               expected: [(line: Int, message: String, level: LogLevel?)], _ random: inout SplitMix) {
        let whole = LogReader.parse(bytes: log, path: "well-formed.log", client: "CLIENT")
        let records = whole.records
        require(whole.count == expected.count,
                "well-formed \(format) log: \(whole.count) records for \(expected.count) written\n\(String(decoding: log, as: UTF8.self).debugDescription)")
        require(whole.problems.isEmpty, "well-formed \(format) log has problems: \(whole.problems)")
        for (k, record) in records.enumerated() {
            require(record.format == format, "well-formed record \(k) read as \(record.format)")
            require(record.message == expected[k].message,
                    "well-formed record \(k): message \(record.message.debugDescription), written \(expected[k].message.debugDescription)")
            require(record.line == expected[k].line, "well-formed record \(k) on line \(record.line), written on \(expected[k].line)")
            require(record.component == "fuzz" && record.time != nil, "well-formed record \(k) lost its attributes: \(record)")
            if let level = expected[k].level { require(record.level == level, "well-formed record \(k) level \(record.level)") }
        }
        let sizes = (0..<3).map { k in random.next(upTo: [8, 512, 64][k]) }
        let pieces = LogReader.parseInPieces(bytes: log, path: "well-formed.log", client: "CLIENT", readSizes: sizes)
        LogReaderFuzz.same(whole, records, pieces, "well-formed \(format) log read in pieces of \(sizes)")
    }

    private static func count(_ needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard let first = needle.first, haystack.count >= needle.count else { return 0 }
        var total = 0
        var k = 0
        let last = haystack.count - needle.count
        while k <= last, let at = haystack[k...last].firstIndex(of: first) {
            if haystack[at..<(at + needle.count)].elementsEqual(needle) { total += 1; k = at + needle.count } else { k = at + 1 }
        }
        return total
    }
}
