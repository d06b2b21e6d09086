import CResolver
import Dispatch
import Foundation

/// Real DNS through glibc's resolver: the system's configuration (resolv.conf servers, search
/// domains, ndots; LOCALDOMAIN and RES_OPTIONS apply), or one given server instead of its servers.
public struct SystemResolver: DNSResolving {
    /// The server to ask instead of the configured ones; nil for the system's.
    public var server: DNSServerAddress?
    /// Seconds one query may take (glibc counts whole seconds, at least 1). No retries.
    public var timeoutSeconds: Int

    public init(server: DNSServerAddress? = nil, timeoutSeconds: Int = 2) {
        self.server = server
        self.timeoutSeconds = max(1, timeoutSeconds)
    }

    public func makeSession() throws -> any DNSSession {
        try SystemResolverSession(server: server, timeoutSeconds: timeoutSeconds)
    }
}

/// One glibc resolver state. Used by one thread at a time (the stale check's worker), hence
/// `@unchecked Sendable`: it is handed to that thread once and never shared.
final class SystemResolverSession: DNSSession, @unchecked Sendable {
    private let handle: OpaquePointer
    private let searchDomains: [String]
    private let ndots: Int
    private var buffer = [CChar](repeating: 0, count: 16 * 1024)
    private let timeoutSeconds: Int

    init(server: DNSServerAddress?, timeoutSeconds: Int) throws {
        var error = [CChar](repeating: 0, count: 256)
        let opened: OpaquePointer? = error.withUnsafeMutableBufferPointer { message in
            if let server {
                return cresolver_open(server.host, Int32(server.port), Int32(timeoutSeconds), message.baseAddress, message.count)
            }
            return cresolver_open(nil, 0, Int32(timeoutSeconds), message.baseAddress, message.count)
        }
        guard let opened else {
            let message = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw DNSSetupError("cannot set up DNS lookups: \(message)")
        }
        handle = opened
        self.timeoutSeconds = timeoutSeconds
        var domains: [String] = []
        var index: Int32 = 0
        while let domain = cresolver_search_domain(opened, index) {
            domains.append(String(cString: domain))
            index += 1
        }
        searchDomains = domains
        ndots = Int(cresolver_ndots(opened))
    }

    deinit { cresolver_close(handle) }

    func lookup(_ name: String, _ type: DNSRecordType) -> DNSLookupResult {
        if type == .ptr {
            switch query(name.hasSuffix(".") ? name : name + ".", type) {
            case .result(let result): return result
            case .nameWithoutRecords: return .notFound
            }
        }
        let candidates = SearchCandidates.make(name, searchDomains: searchDomains, ndots: ndots)
        return SearchCandidates.resolve(candidates) { query($0, type) }
    }

    /// How a failed query reads, by how long it took: a refusal or SERVFAIL comes back at once.
    static func failure(waited: Double, timeoutSeconds: Int) -> DNSLookupResult {
        waited >= Double(timeoutSeconds) * 0.9 ? .timedOut : .serverFailure
    }

    private func query(_ absoluteName: String, _ type: DNSRecordType) -> CandidateAnswer {
        var count: Int32 = 0
        let started = DispatchTime.now()
        let outcome = buffer.withUnsafeMutableBufferPointer { out in
            cresolver_query(handle, absoluteName, type.code, out.baseAddress, out.count, &count)
        }
        let waited = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        switch UInt32(outcome) {
        case CRESOLVER_ANSWER.rawValue:
            let text = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return .result(.records(text.split(separator: "\n").map(String.init)))
        case CRESOLVER_NOT_FOUND.rawValue:
            return .result(.notFound)
        case CRESOLVER_NO_DATA.rawValue:
            return .nameWithoutRecords
        case CRESOLVER_TIMED_OUT.rawValue:
            return .result(.timedOut)
        default:
            // A failure that came only after the whole timeout is a server that never answered (an
            // address nobody answers leaves glibc's error as it may), not one that said it failed.
            return .result(Self.failure(waited: waited, timeoutSeconds: timeoutSeconds))
        }
    }
}
