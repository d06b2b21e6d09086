extension RecordBits {
    /// Every record of a file of `capacity` records.
    public init(all capacity: Int) {
        self.init(capacity: capacity)
        for w in words.indices { words[w] = ~0 }
        // The last word only up to the capacity, so `count` and `indices` stay true.
        if capacity & 63 != 0 { words[words.count - 1] = (1 << UInt64(capacity & 63)) - 1 }
    }

    /// Keeps only the records also in `other` (a file's two `text=` matches).
    public mutating func formIntersection(_ other: RecordBits) {
        for w in words.indices { words[w] &= w < other.words.count ? other.words[w] : 0 }
    }

    /// Drops the records in `other` (a file's `-text=` matches).
    public mutating func subtract(_ other: RecordBits) {
        for w in words.indices where w < other.words.count { words[w] &= ~other.words[w] }
    }
}
