/// The record types the check asks for.
public enum DNSRecordType: String, Sendable, Hashable {
    case a = "A", aaaa = "AAAA", ptr = "PTR"

    var code: Int32 {
        switch self {
        case .a: 1
        case .aaaa: 28
        case .ptr: 12
        }
    }
}

/// How one lookup ended. Not-found and failure are kept apart on purpose: a machine is only
/// reported as gone when a server said so.
public enum DNSLookupResult: Sendable, Hashable {
    /// Addresses (A/AAAA) or names without the final dot (PTR), in the server's order.
    case records([String])
    /// NXDOMAIN, or the name exists without records of this type.
    case notFound
    case timedOut
    /// SERVFAIL, REFUSED, an unreachable server or an unreadable answer.
    case serverFailure
}

/// Opens DNS sessions. The stale check opens one per worker, up front, on the calling thread.
public protocol DNSResolving: Sendable {
    func makeSession() throws -> any DNSSession
}

/// Lookups made by one worker, one at a time (a session is never used by two threads at once).
public protocol DNSSession: Sendable {
    /// A and AAAA lookups go through the resolver's search domains (short machine names are the
    /// norm in sys.txt); PTR lookups take `name` as absolute.
    func lookup(_ name: String, _ type: DNSRecordType) -> DNSLookupResult
}

/// The resolver could not be set up (unreadable configuration, a bad server address).
public struct DNSSetupError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
