/// The names a short machine name is tried as, in the resolver's order, and which of them count.
///
/// glibc's res_nsearch takes its verdict from the last name it tried, so `PC1` could be reported
/// "not found" because the bare `PC1.` got NXDOMAIN from the root after `PC1.corp.example` timed
/// out. The check must never call a machine gone on a failed lookup, so the search is done here:
/// a failure on a name that counts is the answer; a failure on a last-resort name is not.
public struct SearchCandidate: Sendable, Hashable {
    /// An absolute name, with its final dot.
    public var name: String
    /// Whether a timeout or server failure on this name decides the lookup.
    public var counts: Bool
}

public enum SearchCandidates {
    public static func make(_ name: String, searchDomains: [String], ndots: Int) -> [SearchCandidate] {
        if name.hasSuffix(".") { return [SearchCandidate(name: name, counts: true)] }
        let domains = searchDomains.filter { !$0.isEmpty && $0 != "." }
        let asIs = SearchCandidate(name: name + ".", counts: true)
        let searched = domains.map { domain in
            SearchCandidate(name: name + "." + (domain.hasSuffix(".") ? domain : domain + "."), counts: true)
        }
        if searched.isEmpty { return [asIs] }
        let dots = name.filter { $0 == "." }.count
        if dots >= ndots {
            // A name that looks qualified is tried as it is first; the search domains are a fallback.
            return [asIs] + searched.map { SearchCandidate(name: $0.name, counts: false) }
        }
        return searched + [SearchCandidate(name: asIs.name, counts: false)]
    }

    /// Runs the candidates in order: the first records win; a failure on a name that counts stops
    /// the search with that failure; a name that exists without records of the type (NODATA)
    /// stops it too, as not found: the machine is in that domain, the other names are not it.
    public static func resolve(_ candidates: [SearchCandidate], query: (String) -> CandidateAnswer) -> DNSLookupResult {
        for candidate in candidates {
            switch query(candidate.name) {
            case .result(let result):
                switch result {
                case .records: return result
                case .notFound: continue
                case .timedOut, .serverFailure: if candidate.counts { return result }
                }
            case .nameWithoutRecords:
                return .notFound
            }
        }
        return .notFound
    }
}

/// One candidate's answer, with NODATA told apart from NXDOMAIN for the search's sake.
public enum CandidateAnswer: Sendable, Hashable {
    case result(DNSLookupResult)
    case nameWithoutRecords
}
