/// A terminal colour: the terminal's default, or a palette entry with the colour to use when the
/// terminal has only 8.
public enum ThemeColor: Sendable, Hashable {
    case standard
    case palette(Int, fallback: Int)

    /// The index to ask the terminal for, given how many colours it has; -1 is its default.
    public func index(colors: Int) -> Int {
        switch self {
        case .standard: -1
        case .palette(let n, let fallback): colors >= 256 ? n : fallback
        }
    }
}

/// How one role looks.
public struct Style: Sendable, Hashable {
    public var foreground: ThemeColor = .standard
    public var background: ThemeColor = .standard
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init() {}
}

/// Role → style, read from a file in `Themes/` (see `ThemeParser` for the format).
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [Role: Style]
    /// True for themes that use attributes only (NO_COLOR, terminals without colours).
    public var usesColor: Bool

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
        usesColor = styles.values.contains { $0.foreground != .standard || $0.background != .standard }
    }

    public func style(_ role: Role) -> Style { styles[role] ?? styles[.text] ?? Style() }

    public static let names = ["dark", "light", "monochrome"]
}
