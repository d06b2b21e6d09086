import CShims

/// What the bytes of every record a sparse read must keep hold, so that the rest of a large log
/// is searched, never parsed. A candidate may turn out not to be wanted (the scanner and the
/// filter decide), but no wanted record may lack one.
enum SparseKey: Sendable, Hashable {
    /// A text every wanted record holds (a search's required literal).
    case text(SearchLiteral)
    /// A record of this level or worse: a CMTrace `type` of that digit or more, or any SMS
    /// record, whose level comes from its words (`error`, `fail`, `warn`).
    case level(LogLevel)

    /// Hits nearer than this to the stretch before them join it. A text is usually rare, and
    /// scanning the records between costs less than setting up another stretch (16 KiB: about
    /// 60 records). Records of a level come
    /// every few kilobytes in a busy log: joined that far they would make one stretch of it all,
    /// so only neighbours join.
    var joinDistance: Int {
        switch self {
        case .text: 16 << 10
        case .level: 512
        }
    }

    /// The first candidate in `b` at or after `from`, or nil.
    func next(in b: UnsafeRawBufferPointer, from: Int) -> Int? {
        switch self {
        case .text(let literal): literal.find(in: b, from: from)
        case .level(let level): Self.typeLevel(b, from: from, lowest: level)
        }
    }

    /// A `type` of `lowest` or worse, or an SMS trailer, in one pass over the bytes.
    private static func typeLevel(_ b: UnsafeRawBufferPointer, from: Int, lowest: LogLevel) -> Int? {
        guard from < b.count, let base = b.baseAddress else { return nil }
        let at = cshims_find_type_level(base.assumingMemoryBound(to: UInt8.self), b.count, from, UInt8(ascii: "0") + UInt8(lowest.rawValue))
        return at < b.count ? at : nil
    }
}
