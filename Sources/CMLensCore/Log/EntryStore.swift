/// Index entries in fixed-size chunks: growing never copies what is already stored, so a large
/// file's index costs its size and not twice that at the moment an array would double.
struct EntryStore: Sendable {
    private static let chunkSize = 1 << 16
    private var chunks: [[RecordEntry]] = []
    private(set) var count = 0

    init() {}

    mutating func append(_ entry: RecordEntry) {
        if count % Self.chunkSize == 0 {
            // Small files (most logs roll over at 250 KB) let the first chunk grow as it needs;
            // later chunks are reserved whole so they never copy.
            var chunk: [RecordEntry] = []
            if count > 0 { chunk.reserveCapacity(Self.chunkSize) }
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(entry)
        count += 1
    }

    /// Moves every entry of `other` to the end of this store, releasing `other`'s chunks as it goes
    /// so that the two never both hold a whole index.
    mutating func drain(_ other: inout EntryStore, adjust: (inout RecordEntry) -> Void) {
        for k in other.chunks.indices {
            let chunk = other.chunks[k]
            other.chunks[k] = []
            for var entry in chunk {
                adjust(&entry)
                append(entry)
            }
        }
        other = EntryStore()
    }

    /// Drops the spare capacity of the last chunk once a file is read: thousands of small files
    /// would otherwise each keep up to twice what they use.
    mutating func shrinkToFit() {
        guard let last = chunks.indices.last, chunks[last].capacity > chunks[last].count else { return }
        chunks[last] = Array(chunks[last])
    }

    subscript(index: Int) -> RecordEntry {
        get { chunks[index >> 16][index & 0xFFFF] }
        set { chunks[index >> 16][index & 0xFFFF] = newValue }
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

    mutating func id(for b: UnsafeRawBufferPointer, _ range: Range<Int>?) -> UInt16 {
        guard let range, !range.isEmpty else { return id(forBytes: []) }
        let length = range.count
        for entry in recent where entry.bytes.count == length {
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
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
