/// The attribute block of a CMTrace record, `<time="…" date="…" component="…" …>`, as byte ranges.
///
/// Attributes come in any order and any case, any may be missing or empty, values are quoted with
/// `"` (or `'`); unknown attributes are skipped.
struct CMTraceAttributes {
    var time: Range<Int>?
    var date: Range<Int>?
    var component: Range<Int>?
    var context: Range<Int>?
    var type: Range<Int>?
    var thread: Range<Int>?
    var file: Range<Int>?

    enum Outcome {
        /// Parsed; the block ends just before `end` (which is one past `>`).
        case complete(CMTraceAttributes, end: Int)
        /// The buffer ended inside the block.
        case incomplete
        /// A newline (or junk) inside the block: the record was cut off at `at`.
        case broken(at: Int)
    }

    /// Parses the block that starts with `<` at `start`.
    static func parse(_ b: UnsafeRawBufferPointer, start: Int, end n: Int) -> Outcome {
        var attributes = CMTraceAttributes()
        var i = start + 1
        while true {
            while i < n && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
            guard i < n else { return .incomplete }
            let c = b[i]
            if c == UInt8(ascii: ">") { return .complete(attributes, end: i + 1) }
            if c == Bytes.newline || c == Bytes.carriageReturn { return .broken(at: i) }
            let nameStart = i
            while i < n {
                let d = b[i]
                if d == UInt8(ascii: "=") || d == UInt8(ascii: ">") || d == 0x20 || d == Bytes.newline { break }
                i += 1
            }
            guard i < n else { return .incomplete }
            let nameEnd = i
            if b[i] != UInt8(ascii: "=") { continue }  // a bare word: skip it
            i += 1
            guard i < n else { return .incomplete }
            let quote = b[i]
            var valueStart = i, valueEnd = i
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                i += 1
                valueStart = i
                while i < n && b[i] != quote && b[i] != Bytes.newline { i += 1 }
                guard i < n else { return .incomplete }
                if b[i] == Bytes.newline { return .broken(at: i) }
                valueEnd = i
                i += 1
            } else {
                while i < n && b[i] != 0x20 && b[i] != UInt8(ascii: ">") && b[i] != Bytes.newline { i += 1 }
                guard i < n else { return .incomplete }
                valueEnd = i
            }
            attributes.assign(name: nameStart..<nameEnd, value: valueStart..<valueEnd, in: b)
        }
    }

    private mutating func assign(name: Range<Int>, value: Range<Int>, in b: UnsafeRawBufferPointer) {
        @inline(__always) func lower(_ k: Int) -> UInt8 { b[name.lowerBound + k] | 0x20 }
        func equals(_ word: StaticString) -> Bool {
            guard name.count == word.utf8CodeUnitCount else { return false }
            for k in 0..<name.count where lower(k) != word.utf8Start[k] { return false }
            return true
        }
        switch (name.count, lower(0)) {
        case (4, UInt8(ascii: "t")):
            if equals("time") { time = value } else if equals("type") { type = value }
        case (4, UInt8(ascii: "d")): if equals("date") { date = value }
        case (4, UInt8(ascii: "f")): if equals("file") { file = value }
        case (6, UInt8(ascii: "t")): if equals("thread") { thread = value }
        case (9, UInt8(ascii: "c")): if equals("component") { component = value }
        case (7, UInt8(ascii: "c")): if equals("context") { context = value }
        default: break
        }
    }
}
