/// Reads a theme file: one `role = style` per line, `#` comments.
///
///     # role = FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim]
///     error     = 203/red bold
///     selection = black on 117/cyan
///
/// A colour is `default`, one of the eight names (`black red green yellow blue magenta cyan
/// white`), or a 256-colour number followed by the 8-colour name to use on smaller terminals
/// (`208/yellow`). Roles not named take `text`'s style.
public enum ThemeParser {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func parse(_ text: String, name: String, file: String) throws(Failure) -> Theme {
        var styles: [Role: Style] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingWhitespace
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else {
                throw Failure(file: file, line: n + 1, message: "expected `role = style`, found \"\(trimmed)\"")
            }
            let roleName = parts[0].trimmingWhitespace
            guard let role = Role(rawValue: roleName) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw Failure(file: file, line: n + 1, message: "unknown role \"\(roleName)\"; roles are \(known)")
            }
            do {
                styles[role] = try style(parts[1].trimmingWhitespace)
            } catch {
                throw Failure(file: file, line: n + 1, message: error.message)
            }
        }
        return Theme(name: name, styles: styles)
    }

    private struct WordError: Error { var message: String }

    private static func style(_ text: String) throws(WordError) -> Style {
        var style = Style()
        var words = text.split(separator: " ").map(String.init)[...]
        var sawForeground = false
        while let word = words.popFirst() {
            switch word.lowercased() {
            case "bold": style.bold = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            case "dim": style.dim = true
            case "on":
                guard let next = words.popFirst() else { throw WordError(message: "`on` needs a background colour") }
                style.background = try color(next)
            default:
                guard !sawForeground else { throw WordError(message: "unexpected \"\(word)\" (attributes: bold underline reverse dim)") }
                style.foreground = try color(word)
                sawForeground = true
            }
        }
        return style
    }

    private static func color(_ word: String) throws(WordError) -> ThemeColor {
        let lower = word.lowercased()
        if lower == "default" { return .standard }
        if let n = colorNames.firstIndex(of: lower) { return .palette(n, fallback: n) }
        let parts = lower.split(separator: "/")
        if parts.count == 2, let n = Int(parts[0]), (0...255).contains(n),
           let fallback = colorNames.firstIndex(of: String(parts[1])) {
            return .palette(n, fallback: fallback)
        }
        throw WordError(message: "colour \"\(word)\" not understood; use default, a name (red), or N/name (208/yellow)")
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
