/// A terminal colour: the terminal's default, or a palette entry with the colour to use when the
/// terminal has only 8.
enum ThemeColor: Sendable, Hashable {
    case standard
    case palette(Int, fallback: Int)

    /// The index to ask the terminal for, given how many colours it has; -1 is its default.
    func index(colors: Int) -> Int {
        switch self {
        case .standard: -1
        case .palette(let n, let fallback): colors >= 256 ? n : fallback
        }
    }
}

/// How one role looks.
struct Style: Sendable, Hashable {
    var foreground: ThemeColor = .standard
    var background: ThemeColor = .standard
    var bold = false
    var underline = false
    var reverse = false
    var dim = false

    init() {}
}

/// Role → style, read from a file in `Themes/` (see `ThemeParser` for the format).
struct Theme: Sendable, Equatable {
    var name: String
    var styles: [Role: Style]
    /// True for themes that use attributes only (NO_COLOR, terminals without colours).
    var usesColor: Bool

    init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
        usesColor = styles.values.contains { $0.foreground != .standard || $0.background != .standard }
    }

    func style(_ role: Role) -> Style { styles[role] ?? styles[.text] ?? Style() }

    static let names = ["dark", "light", "monochrome"]
}
