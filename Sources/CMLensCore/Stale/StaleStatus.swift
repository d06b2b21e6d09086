/// What the DNS check concluded for one address of one machine. The first four are the seed
/// script's wording, kept exactly: people grep old reports for them.
public enum StaleStatus: String, Sendable, Hashable, CaseIterable {
    /// The address's reverse name is the machine's own (first labels equal, case-insensitively).
    case ok = "OK"
    /// The reverse zone names another machine: the address was handed on, the record is left over.
    case registeredToAnotherSystem = "IP registered to another system"
    /// No A or AAAA record: DNS has forgotten the machine.
    case couldNotResolve = "Could not Resolve IP"
    /// An address, but no PTR record for it (or no reverse zone at all).
    case notInReverseZone = "IP Address not found in reverse zone"
    /// No server answered within the timeout. Says nothing about the machine.
    case timedOut = "DNS query timed out"
    /// The server answered with SERVFAIL or REFUSED, or could not be reached. Says nothing about the machine.
    case serverFailure = "DNS server failure"

    /// The seed's reading: these two suggest a machine that no longer exists.
    public var suggestsStale: Bool { self == .registeredToAnotherSystem || self == .couldNotResolve }

    /// The lookup itself failed, so the machine's state is unknown; worth a rerun.
    public var isLookupFailure: Bool { self == .timedOut || self == .serverFailure }
}
