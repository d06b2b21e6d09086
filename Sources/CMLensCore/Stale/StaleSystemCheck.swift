import Foundation

/// The seed's IPCheck, per machine: forward (A, then AAAA), then reverse (PTR) for each address,
/// then the verdict. One row per address; a machine without an address gets one row.
public enum StaleSystemCheck {
    public static func check(_ name: String, session: any DNSSession) -> [StaleSystemRow] {
        let v4 = session.lookup(name, .a)
        // After a timeout the server is most likely gone for AAAA too: don't wait twice.
        let v6 = v4 == .timedOut ? DNSLookupResult.notFound : session.lookup(name, .aaaa)
        var addresses: [String] = []
        for case .records(let found) in [v4, v6] {
            for address in found where !addresses.contains(address) { addresses.append(address) }
        }
        // A failed forward lookup: unknown, unless the other family did answer with addresses.
        let failedForward = [(DNSRecordType.a, v4), (.aaaa, v6)].first { $0.1 == .timedOut || $0.1 == .serverFailure }
        if addresses.isEmpty {
            if let (type, result) = failedForward {
                return [StaleSystemRow(name: name, ip: nil, reverse: nil, status: failureStatus(result),
                                       detail: "\(type.rawValue) lookup of \(name): \(failureText(result))")]
            }
            return [StaleSystemRow(name: name, ip: nil, reverse: nil, status: .couldNotResolve)]
        }
        var rows = addresses.map { reverseRow(name: name, address: $0, session: session) }
        if let (type, result) = failedForward {
            // The other family's addresses are not known; say so rather than drop it.
            rows.append(StaleSystemRow(name: name, ip: nil, reverse: nil, status: failureStatus(result),
                                       detail: "\(type.rawValue) lookup of \(name): \(failureText(result))"))
        }
        return rows
    }

    static func reverseRow(name: String, address: String, session: any DNSSession) -> StaleSystemRow {
        guard let ptrName = ReverseName.of(address) else {
            return StaleSystemRow(name: name, ip: address, reverse: nil, status: .serverFailure,
                                  detail: "the server returned '\(address)', which is not an address")
        }
        let result = session.lookup(ptrName, .ptr)
        switch result {
        case .records(let names):
            let own = MachineName.firstLabel(name)
            // The matching name first, so the Reverse column shows why the row is OK.
            let ordered = names.filter { MachineName.firstLabel($0) == own } + names.filter { MachineName.firstLabel($0) != own }
            let status: StaleStatus = MachineName.firstLabel(ordered[0]) == own ? .ok : .registeredToAnotherSystem
            return StaleSystemRow(name: name, ip: address, reverse: ordered.joined(separator: ", "), status: status)
        case .notFound:
            return StaleSystemRow(name: name, ip: address, reverse: nil, status: .notInReverseZone)
        case .timedOut, .serverFailure:
            return StaleSystemRow(name: name, ip: address, reverse: nil, status: failureStatus(result),
                                  detail: "PTR lookup of \(address): \(failureText(result))")
        }
    }

    static func failureStatus(_ result: DNSLookupResult) -> StaleStatus {
        result == .timedOut ? .timedOut : .serverFailure
    }

    static func failureText(_ result: DNSLookupResult) -> String {
        result == .timedOut ? "no answer within the timeout" : "the server failed or refused (SERVFAIL/REFUSED/unreachable)"
    }
}
