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
        case complete(end: Int)
        /// The buffer ended inside the block.
        case incomplete
        /// A newline or a stray `<` inside the block: the record was cut off at `at`.
        case broken(at: Int)
    }

    /// Parses the block that starts with `<` at `start`.
    static func parse(_ b: UnsafeRawBufferPointer, start: Int, end n: Int, into attributes: inout CMTraceAttributes) -> Outcome {
        if let end = parseCanonical(b, start: start, end: n, into: &attributes) { return .complete(end: end) }
        attributes = CMTraceAttributes()
        return parseGeneral(b, start: start, end: n, into: &attributes)
    }

    /// Whether the bytes at `i` are those of `word` in the lanes of `mask`; false near the buffer's end
    /// (the general parser then takes over, and says whether the block is incomplete).
    @inline(__always)
    private static func matches(_ b: UnsafeRawBufferPointer, _ i: Int, _ n: Int, _ word: UInt64,
                                mask: UInt64 = .max) -> Bool {
        i + 8 <= n && ByteWord.load(b, i) & mask == word
    }

    /// Position of the closing quote of a value starting at `i`, or nil when the value holds a
    /// newline or `<` (a cut-off record: the general parser says where) or runs past the buffer.
    @inline(__always)
    private static func valueEnd(_ b: UnsafeRawBufferPointer, _ i: Int, _ n: Int) -> Int? {
        guard let stop = Bytes.findAny(UInt8(ascii: "\""), Bytes.newline, UInt8(ascii: "<"), in: b, from: i, to: n),
              b[stop] == UInt8(ascii: "\"") else { return nil }
        return stop
    }

    /// The order every ConfigMgr binary writes (`time date component context type thread file`),
    /// matched eight bytes at a time; anything else falls back to the general parser. Returns the end.
    private static func parseCanonical(_ b: UnsafeRawBufferPointer, start: Int, end n: Int,
                                       into a: inout CMTraceAttributes) -> Int? {
        typealias W = CanonicalAttributeWords
        var i = start
        guard matches(b, i, n, W.timeOpen, mask: W.sevenBytes), let t = valueEnd(b, i + 7, n) else { return nil }
        a.time = (i + 7)..<t
        i = t
        guard matches(b, i, n, W.dateOpen), let d = valueEnd(b, i + 8, n) else { return nil }
        a.date = (i + 8)..<d
        i = d
        guard matches(b, i, n, W.componentHead), matches(b, i + 5, n, W.componentTail),
              let c = valueEnd(b, i + 13, n) else { return nil }
        a.component = (i + 13)..<c
        i = c
        guard matches(b, i, n, W.contextHead), matches(b, i + 3, n, W.contextTail),
              let x = valueEnd(b, i + 11, n) else { return nil }
        a.context = (i + 11)..<x
        i = x
        guard matches(b, i, n, W.typeOpen), let y = valueEnd(b, i + 8, n) else { return nil }
        a.type = (i + 8)..<y
        i = y
        guard matches(b, i, n, W.threadHead), matches(b, i + 2, n, W.threadTail),
              let h = valueEnd(b, i + 10, n) else { return nil }
        a.thread = (i + 10)..<h
        i = h
        guard matches(b, i, n, W.fileOpen), let f = valueEnd(b, i + 8, n) else { return nil }
        a.file = (i + 8)..<f
        i = f
        guard i + 1 < n, b[i + 1] == UInt8(ascii: ">") else { return nil }
        return i + 2
    }

    private static func parseGeneral(_ b: UnsafeRawBufferPointer, start: Int, end n: Int,
                                     into attributes: inout CMTraceAttributes) -> Outcome {
        var i = start + 1
        while true {
            while i < n && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
            guard i < n else { return .incomplete }
            let c = b[i]
            if c == UInt8(ascii: ">") { return .complete(end: i + 1) }
            // A newline, or a `<` outside quotes (the next record on the same line), ends a cut-off block.
            if c == Bytes.newline || c == Bytes.carriageReturn || c == UInt8(ascii: "<") { return .broken(at: i) }
            let nameStart = i
            while i < n {
                let d = b[i]
                if d == UInt8(ascii: "=") || d == UInt8(ascii: ">") || d == 0x20 || d == Bytes.newline || d == UInt8(ascii: "<") { break }
                i += 1
            }
            guard i < n else { return .incomplete }
            if b[i] == UInt8(ascii: "<") || b[i] == Bytes.newline { return .broken(at: i) }
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

/// The literals of the canonical attribute block as little-endian words; a literal longer than eight
/// bytes is matched as two overlapping words, its head and its tail. (Computed properties, so they
/// fold into the comparisons; `CanonicalAttributeWordsTests` rebuilds each from its text.)
enum CanonicalAttributeWords {
    static var sevenBytes: UInt64 { 0x00FF_FFFF_FFFF_FFFF }
    static var timeOpen: UInt64 { 0x0022_3d65_6d69_743c }       // <time="
    static var dateOpen: UInt64 { 0x223d_6574_6164_2022 }       // " date="
    static var componentHead: UInt64 { 0x6e6f_706d_6f63_2022 }  // " compon
    static var componentTail: UInt64 { 0x223d_746e_656e_6f70 }  //      ponent="
    static var contextHead: UInt64 { 0x7865_746e_6f63_2022 }    // " contex
    static var contextTail: UInt64 { 0x223d_7478_6574_6e6f }    //    ontext="
    static var typeOpen: UInt64 { 0x223d_6570_7974_2022 }       // " type="
    static var threadHead: UInt64 { 0x6461_6572_6874_2022 }     // " thread
    static var threadTail: UInt64 { 0x223d_6461_6572_6874 }     //   thread="
    static var fileOpen: UInt64 { 0x223d_656c_6966_2022 }       // " file="
}
