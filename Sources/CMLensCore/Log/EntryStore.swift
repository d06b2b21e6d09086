/// Index entries in fixed-size chunks: growing never copies what is already stored, so a large
/// file's index costs its size and not twice that at the moment an array would double.
struct EntryStore: Sendable {
    private static let chunkShift = 16
    private static let chunkSize = 1 << chunkShift
    /// Full chunks; the one being filled is kept apart so appending never reaches through the outer array.
    private var chunks: [[RecordEntry]] = []
    private var tail: [RecordEntry] = []
    private(set) var count = 0

    init() {}

    mutating func append(_ entry: RecordEntry) {
        if tail.count == Self.chunkSize {
            chunks.append(tail)
            // Small files (most logs roll over at 250 KB) let the first chunk grow as it needs;
            // later chunks are reserved whole so they never copy.
            tail = []
            tail.reserveCapacity(Self.chunkSize)
        }
        tail.append(entry)
        count += 1
    }

    /// Moves every entry of `other` to the end of this store, releasing `other`'s chunks as it goes
    /// so that the two never both hold a whole index. Entries are adjusted in place and copied a
    /// chunk at a time: a gigabyte's second half is two million entries.
    mutating func drain(_ other: inout EntryStore, adjust: (inout RecordEntry) -> Void) {
        var pieces = other.chunks
        pieces.append(other.tail)
        other = EntryStore()
        for k in pieces.indices {
            var chunk = pieces[k]
            pieces[k] = []
            chunk.withUnsafeMutableBufferPointer { entries in
                for i in entries.indices { adjust(&entries[i]) }
            }
            var start = 0
            while start < chunk.count {
                if tail.count == Self.chunkSize {
                    chunks.append(tail)
                    tail = []
                    tail.reserveCapacity(Self.chunkSize)
                }
                let take = min(Self.chunkSize - tail.count, chunk.count - start)
                tail.append(contentsOf: chunk[start..<(start + take)])
                start += take
                count += take
            }
        }
    }

    /// Drops the last `k` entries.
    mutating func removeLast(_ k: Int) {
        var left = k
        while left > 0 {
            if tail.isEmpty { tail = chunks.removeLast() }
            let drop = min(left, tail.count)
            tail.removeLast(drop)
            count -= drop
            left -= drop
        }
    }

    /// Drops the spare capacity of the last chunk once a file is read: thousands of small files
    /// would otherwise each keep up to twice what they use.
    mutating func shrinkToFit() {
        guard tail.capacity > tail.count else { return }
        tail = Array(tail)
    }

    subscript(index: Int) -> RecordEntry {
        get {
            let chunk = index >> Self.chunkShift
            return chunk < chunks.count ? chunks[chunk][index & (Self.chunkSize - 1)] : tail[index & (Self.chunkSize - 1)]
        }
        set {
            let chunk = index >> Self.chunkShift
            if chunk < chunks.count { chunks[chunk][index & (Self.chunkSize - 1)] = newValue } else { tail[index & (Self.chunkSize - 1)] = newValue }
        }
    }

    var last: RecordEntry? { count == 0 ? nil : self[count - 1] }
}

/// Component names of one file, interned to 16-bit ids. Most records repeat the previous
/// record's component, so that case is a single memcmp.
struct ComponentTable: Sendable {
    private(set) var names: [String] = []
    private var byBytes: [[UInt8]: UInt16] = [:]
    private var recent: [(bytes: [UInt8], id: UInt16)] = []

    static let overflow = UInt16.max

    /// The last name looked up, up to 16 bytes held as two words: the common case costs two compares.
    private var last = (length: -1, head: UInt64(0), tail: UInt64(0), id: UInt16(0))

    mutating func id(for b: UnsafeRawBufferPointer, _ range: Range<Int>?) -> UInt16 {
        guard let range, !range.isEmpty else { return id(forBytes: []) }
        let length = range.count
        let words = Self.words(b, range)
        if let words, length == last.length, words.head == last.head, words.tail == last.tail { return last.id }
        let id = lookUp(b, range)
        if let words { last = (length, words.head, words.tail, id) }
        return id
    }

    /// A name of at most 16 bytes as two zero-padded words; nil when longer or too near the buffer's end to load.
    @inline(__always)
    private static func words(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> (head: UInt64, tail: UInt64)? {
        let length = range.count
        guard length <= 16, range.lowerBound + 16 <= b.count else { return nil }
        @inline(__always) func mask(_ bytes: Int) -> UInt64 { bytes >= 8 ? .max : (1 << (8 * UInt64(bytes))) &- 1 }
        let head = ByteWord.load(b, range.lowerBound) & mask(length)
        let tail = length > 8 ? ByteWord.load(b, range.lowerBound + 8) & mask(length - 8) : 0
        return (head, tail)
    }

    private mutating func lookUp(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> UInt16 {
        let length = range.count
        // Most records repeat the last record's component: look at the newest first.
        for entry in recent.reversed() where entry.bytes.count == length {
            let same = entry.bytes.withUnsafeBytes { memcmp($0.baseAddress!, b.baseAddress! + range.lowerBound, length) == 0 }
            if same { return entry.id }
        }
        return id(forBytes: Array(b[range]))
    }

    mutating func id(forName name: String) -> UInt16 { id(forBytes: Array(name.utf8)) }

    private mutating func id(forBytes bytes: [UInt8]) -> UInt16 {
        if let known = byBytes[bytes] {
            remember(bytes, known)
            return known
        }
        guard names.count < Int(Self.overflow) else { return Self.overflow }
        let id = UInt16(names.count)
        names.append(TextDecoding.string(bytes))
        byBytes[bytes] = id
        remember(bytes, id)
        return id
    }

    private mutating func remember(_ bytes: [UInt8], _ id: UInt16) {
        if recent.count >= 8 { recent.removeFirst() }
        recent.append((bytes, id))
    }

    func name(_ id: UInt16) -> String? { id == Self.overflow ? nil : names[Int(id)] }

    /// Keeps only the names once a file is read: the lookup tables are for scanning.
    mutating func compact() {
        byBytes = [:]
        recent = []
        last = (-1, 0, 0, 0)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
