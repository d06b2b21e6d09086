import Foundation

/// The PTR name of an address: `4.0.1.10.in-addr.arpa.` for 10.1.0.4, the nibble form under
/// `ip6.arpa.` for IPv6.
public enum ReverseName {
    public static func of(_ address: String) -> String? {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            let bytes = withUnsafeBytes(of: v4) { Array($0) }
            return bytes.reversed().map(String.init).joined(separator: ".") + ".in-addr.arpa."
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            var nibbles: [String] = []
            for byte in bytes.reversed() {
                nibbles.append(String(byte & 0x0F, radix: 16))
                nibbles.append(String(byte >> 4, radix: 16))
            }
            return nibbles.joined(separator: ".") + ".ip6.arpa."
        }
        return nil
    }
}
