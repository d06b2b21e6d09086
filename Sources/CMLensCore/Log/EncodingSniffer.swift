/// Tells a log's encoding from its first bytes, and tells a log from binary data.
enum EncodingSniffer {
    struct Result {
        var encoding: TextEncoding
        var hasBOM: Bool
        var isBinary: Bool
        var binaryReason: String
    }

    static func sniff(_ head: [UInt8]) -> Result {
        if head.starts(with: [0xFF, 0xFE]) { return Result(encoding: .utf16LE, hasBOM: true, isBinary: false, binaryReason: "") }
        if head.starts(with: [0xFE, 0xFF]) { return Result(encoding: .utf16BE, hasBOM: true, isBinary: false, binaryReason: "") }
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF])
        // UTF-16 without a BOM: every other byte of ASCII text is zero.
        if !bom && head.count >= 8 {
            let pairs = head.count / 2
            var evenZero = 0, oddZero = 0
            for k in 0..<min(pairs, 512) {
                if head[2 * k] == 0 { evenZero += 1 }
                if head[2 * k + 1] == 0 { oddZero += 1 }
            }
            let sample = min(pairs, 512)
            if oddZero * 10 >= sample * 9 && evenZero * 10 <= sample { return Result(encoding: .utf16LE, hasBOM: false, isBinary: false, binaryReason: "") }
            if evenZero * 10 >= sample * 9 && oddZero * 10 <= sample { return Result(encoding: .utf16BE, hasBOM: false, isBinary: false, binaryReason: "") }
        }
        let encoding: TextEncoding = bom ? .utf8BOM : .utf8
        // A file that holds CMTrace or SMS record markers is a log, whatever else its first block holds.
        if looksStructured(head) { return Result(encoding: encoding, hasBOM: bom, isBinary: false, binaryReason: "") }
        let sample = head.prefix(8192)
        guard !sample.isEmpty else { return Result(encoding: encoding, hasBOM: bom, isBinary: false, binaryReason: "") }
        if let reason = BinaryContent.reason(sample) {
            return Result(encoding: encoding, hasBOM: bom, isBinary: true, binaryReason: reason)
        }
        // Compressed or executable data has few control bytes but NULs scattered at odd and even
        // offsets alike (text has none; UTF-16 has them at one parity only) and is mostly not UTF-8.
        let scattered = scatteredNULs(sample)
        if scattered.even >= 4 && scattered.odd >= 4 {
            let invalid = invalidUTF8Bytes(sample)
            if invalid * 4 >= sample.count {
                return Result(encoding: encoding, hasBOM: bom, isBinary: true,
                              binaryReason: "\(scattered.even + scattered.odd) scattered NUL bytes and \(invalid) bytes that are not text in its first \(sample.count)")
            }
        }
        return Result(encoding: encoding, hasBOM: bom, isBinary: false, binaryReason: "")
    }

    /// NUL bytes with no NUL beside them, by the parity of their offset.
    private static func scatteredNULs(_ sample: ArraySlice<UInt8>) -> (even: Int, odd: Int) {
        var even = 0, odd = 0
        let bytes = Array(sample)
        for k in bytes.indices where bytes[k] == 0 {
            if k > 0 && bytes[k - 1] == 0 { continue }
            if k + 1 < bytes.count && bytes[k + 1] == 0 { continue }
            if k % 2 == 0 { even += 1 } else { odd += 1 }
        }
        return (even, odd)
    }

    /// Bytes at or above 0x80 that are not part of a well-formed UTF-8 sequence.
    private static func invalidUTF8Bytes(_ sample: ArraySlice<UInt8>) -> Int {
        let bytes = Array(sample)
        var invalid = 0
        var k = 0
        while k < bytes.count {
            let lead = bytes[k]
            let length = lead < 0x80 ? 1 : (0xC2...0xDF).contains(lead) ? 2 : (0xE0...0xEF).contains(lead) ? 3 : (0xF0...0xF4).contains(lead) ? 4 : 0
            guard length > 1 else {
                if length == 0 { invalid += 1 }
                k += 1
                continue
            }
            var ok = k + length <= bytes.count
            if ok { for j in 1..<length where bytes[k + j] & 0xC0 != 0x80 { ok = false } }
            if ok { k += length } else { invalid += 1; k += 1 }
        }
        return invalid
    }

    private static func looksStructured(_ head: [UInt8]) -> Bool {
        head.withUnsafeBytes { b in
            Bytes.find(Bytes.logOpen, in: b, from: 0, to: b.count) != nil
                || Bytes.find(Bytes.smsMarker, in: b, from: 0, to: b.count) != nil
        }
    }
}

/// Which format a file mostly holds, from its first 64 KiB.
enum FormatDetection {
    static func detect(_ head: ArraySlice<UInt8>) -> LogFormat {
        head.withUnsafeBytes { b in
            if Bytes.find(Bytes.logOpen, in: b, from: 0, to: b.count) != nil { return .cmtrace }
            var position = 0
            while let marker = Bytes.find(Bytes.smsMarker, in: b, from: position, to: b.count) {
                let lineEnd = Bytes.find(Bytes.newline, in: b, from: marker, to: b.count) ?? b.count
                let nextLineEnd = Bytes.find(Bytes.newline, in: b, from: min(lineEnd + 1, b.count), to: b.count) ?? b.count
                // `$$<Component><…><thread=`, possibly wrapped once.
                if Bytes.find(Array("<thread=".utf8), in: b, from: marker, to: nextLineEnd) != nil { return .sms }
                position = marker + 1
            }
            return .plain
        }
    }
}

/// UTF-16 text to UTF-8 bytes, so one scanner serves every encoding.
enum UTF16Transcoding {
    static func utf8(from bytes: [UInt8], bigEndian: Bool, skipBOM: Bool) -> (bytes: [UInt8], droppedOddByte: Bool) {
        let start = skipBOM ? 2 : 0
        let unitCount = max(0, (bytes.count - start) / 2)
        let odd = (bytes.count - start) % 2 == 1
        var units = [UInt16]()
        units.reserveCapacity(unitCount)
        var k = start
        while k + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1]) : UInt16(bytes[k + 1]) << 8 | UInt16(bytes[k]))
            k += 2
        }
        var out = [UInt8]()
        out.reserveCapacity(units.count + units.count / 4)
        // Unpaired surrogates become U+FFFD instead of stopping the read.
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { out.append($0) }
        return (out, odd)
    }
}

/// Where to cut a large CMTrace file so that each core scans whole records.
enum SplitPoints {
    static func find(fd: Int32, size: Int, parts: Int) -> [Int] {
        var points = [0]
        for k in 1..<parts {
            let target = size * k / parts
            // Up to 1 MiB, never past the end: a small file (tests) is not given a megabyte to zero.
            var window = [UInt8](repeating: 0, count: min(1 << 20, size - target))
            let got = LogReader.preadFully(fd, &window, offset: target)
            let cut: Int? = window.withUnsafeBytes { RecordBoundary.after(0, in: UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
            if let cut, target + cut > points.last! { points.append(target + cut) }
        }
        points.append(size)
        return points
    }
}
