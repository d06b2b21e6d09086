/// What a cell means; themes turn meanings into colours, so panes never name a colour.
enum Role: String, Sendable, CaseIterable, Hashable {
    case text
    case dim
    case header
    case title
    case selection
    case error
    case warning
    case info
    case verbose
    case match
    case mark
    case border
    case statusBar
    case statusKey
    case tabActive
    case tabInactive
    case tabUnavailable
    case prompt
    case popup
    case ready

    /// One letter per role, for `Grid.roleText` in tests: a parallel map of what each cell means.
    var letter: Character {
        switch self {
        case .text: "."
        case .dim: "d"
        case .header: "h"
        case .title: "T"
        case .selection: "S"
        case .error: "E"
        case .warning: "W"
        case .info: "i"
        case .verbose: "v"
        case .match: "M"
        case .mark: "m"
        case .border: "b"
        case .statusBar: "s"
        case .statusKey: "k"
        case .tabActive: "A"
        case .tabInactive: "t"
        case .tabUnavailable: "u"
        case .prompt: "p"
        case .popup: "P"
        case .ready: "R"
        }
    }
}
