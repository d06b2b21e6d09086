import Foundation

/// What a line of sys.txt may hold: a host name (`PC1`) or a qualified one (`PC1.corp.example`).
public enum MachineName {
    enum Verdict: Equatable {
        case valid(String)
        case validWithNote(String, String)
        case invalid(String)
    }

    static func check(_ text: String) -> Verdict {
        let shown = TerminalText.escape(text)
        if text.contains(where: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" }) {
            return .invalid("'\(shown)' is not one machine name; put one name per line")
        }
        if DNSServerAddress.isNumericAddress(text) {
            return .invalid("'\(shown)' is an address, not a machine name; list the name DNS should know")
        }
        var name = text
        var note: String?
        // Active Directory exports give computer accounts (sAMAccountName) as PC1$.
        if name.hasSuffix("$") && name.count > 1 {
            name.removeLast()
            note = "'\(shown)' is a computer account name; checked as \(name)"
        }
        if let problem = problem(with: name) {
            return .invalid("'\(shown)' is not a machine name: \(problem)")
        }
        if let note { return .validWithNote(name, note) }
        return .valid(name)
    }

    static func problem(with name: String) -> String? {
        let body = name.hasSuffix(".") ? String(name.dropLast()) : name
        if body.isEmpty { return "it is empty" }
        if body.utf8.count > 253 { return "longer than DNS allows (253 characters)" }
        for label in body.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty { return "two dots in a row" }
            if label.utf8.count > 63 { return "a part longer than 63 characters" }
            if let bad = label.unicodeScalars.first(where: { !isNameCharacter($0) }) {
                let escaped = TerminalText.escape(String(bad))
                return "'\(escaped)' cannot appear in a DNS name (letters, digits, '-' and '_' only)"
            }
        }
        return nil
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_": true
        default: false
        }
    }

    /// The key two spellings of one machine share: DNS names ignore case and the final dot.
    static func folded(_ name: String) -> String {
        (name.hasSuffix(".") ? String(name.dropLast()) : name).lowercased()
    }

    /// The first label, lowercased: what the seed compared (`xyz3` and `XYZ3.corp.example` match).
    public static func firstLabel(_ name: String) -> String {
        var label = ""
        var escaped = false
        for character in name {
            if escaped { label.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; label.append(character); continue }
            if character == "." { break }
            label.append(character)
        }
        return label.lowercased()
    }
}
