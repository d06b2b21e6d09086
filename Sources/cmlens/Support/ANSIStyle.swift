import CMLensCore

/// The command line's look for the core's meanings: ANSI colours on a terminal (never under
/// NO_COLOR or TERM=dumb, never into a file or a pipe), the bare characters otherwise. The console
/// gives the same meanings its theme's roles instead.
struct ANSIStyle: Sendable {
    var enabled: Bool

    /// Colour when standard output is a terminal that wants it (`Diagnostics.colorOnStdout`).
    static var standardOutput: ANSIStyle { ANSIStyle(enabled: Diagnostics.colorOnStdout) }

    func render(_ text: StyledText) -> String {
        guard enabled else { return text.plainText }
        var out = ""
        for run in text.runs {
            guard let sgr = Self.sgr(run.meaning) else {
                out += run.text
                continue
            }
            out += "\u{1B}[" + sgr + "m" + run.text + "\u{1B}[0m"
        }
        return out
    }

    /// The SGR parameters of a meaning; nil leaves the text as the terminal has it. `neutral` is
    /// an explicit reset: a status without a colour of its own.
    static func sgr(_ meaning: Meaning) -> String? {
        switch meaning {
        case .plain, .info: nil
        case .neutral: "0"
        case .heading, .emphasis: "1"
        case .dim, .verbose: "2"
        case .name: "1;36"
        case .component: "36"
        case .success: "32"
        case .retry: "32;1"
        case .warning: "33"
        case .failure: "31"
        case .error: "31;1"
        case .inconclusive, .unrecognised: "35"
        }
    }
}
