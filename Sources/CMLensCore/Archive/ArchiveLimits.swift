/// What cmlens reads of an archive before it refuses an entry: archives come attached to tickets,
/// from anyone, and a small one can claim or expand to any size (a "zip bomb").
public struct ArchiveLimits: Sendable {
    /// One entry: CCM logs are at most a few MiB each (MaxLogSize), a huge one a few hundred.
    public var entryBytes = 256 << 20
    /// Everything read from one archive, nested ones included: the bytes are held in memory.
    public var archiveBytes = 2 << 30
    /// Expansion beyond this many times the compressed bytes it came from is refused...
    public var ratio = 1000
    /// ...once an entry is past this size, so that a small file of repeated lines still loads.
    public var ratioFloor = 4 << 20
    /// Archives inside archives are opened this many levels deep (a bundle of clients' zips).
    public var nesting = 1
    /// A refused entry that cannot be skipped by seeking is expanded and thrown away up to this
    /// much; past it the rest of the archive is left unread.
    public var discardBytes = 1 << 30

    public init() {}

    public static let standard = ArchiveLimits()

    /// `4 MiB`, `1.5 GiB`, `300 bytes`.
    static func size(_ bytes: Int) -> String {
        let (unit, name) = bytes >= 1 << 30 ? (1 << 30, "GiB") : bytes >= 1 << 20 ? (1 << 20, "MiB")
            : bytes >= 1 << 10 ? (1 << 10, "KiB") : (1, "bytes")
        if bytes % unit == 0 { return "\(bytes / unit) \(name)" }
        let tenths = (bytes * 10 + unit / 2) / unit
        return "\(tenths / 10).\(tenths % 10) \(name)"
    }
}
