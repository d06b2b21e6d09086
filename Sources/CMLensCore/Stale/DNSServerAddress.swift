import Foundation

/// `--dns-server`: a numeric address with an optional port (`10.0.0.53`, `127.0.0.1:5353`,
/// `::1`, `[::1]:5353`). A name is refused: finding the DNS server would itself need DNS.
public struct DNSServerAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int = 53) {
        self.host = host
        self.port = port
    }

    public init(parsing text: String) throws(UsageError) {
        let trimmed = text.trimmingWhitespace
        var host = trimmed
        var portText: String?
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else {
                throw UsageError("--dns-server \(text): an IPv6 address in brackets needs its ']' ([::1]:5353)")
            }
            host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            let rest = trimmed[trimmed.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else {
                    throw UsageError("--dns-server \(text): write the port after the brackets, as [::1]:5353")
                }
                portText = String(rest.dropFirst())
            }
        } else if trimmed.filter({ $0 == ":" }).count == 1, let colon = trimmed.firstIndex(of: ":") {
            host = String(trimmed[..<colon])
            portText = String(trimmed[trimmed.index(after: colon)...])
        }
        guard Self.isNumericAddress(host) else {
            throw UsageError("--dns-server \(text): give the server's numeric IPv4 or IPv6 address (with :PORT if not 53), not a name")
        }
        self.host = host
        self.port = 53
        if let portText {
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw UsageError("--dns-server \(text): the port must be a number from 1 to 65535")
            }
            self.port = port
        }
    }

    public var description: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return port == 53 ? shown : "\(shown):\(port)"
    }

    static func isNumericAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
