import CMLensCore

extension Role {
    /// The one place the console turns the core's meanings into roles; the theme then picks the
    /// colours. `plain` is the role of the surface the text is on (`.text` in a pane, `.popup` in
    /// a popup, `.dim` in a row that is not the selected one).
    init(_ meaning: Meaning, plain: Role = .text) {
        self = switch meaning {
        // A neutral status has no colour of its own; names and components read as the text they sit in.
        case .plain, .neutral, .emphasis, .name, .component: plain
        case .heading: .header
        case .dim, .inconclusive: .dim
        case .verbose: .verbose
        case .info, .success: .info
        case .retry, .warning, .unrecognised: .warning
        case .failure, .error: .error
        }
    }
}
