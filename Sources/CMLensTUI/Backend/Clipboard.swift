import Foundation

/// Copying through the terminal (OSC 52): the terminal puts the text on the clipboard of the
/// machine the administrator sits at, across ssh and tmux, with no X or Wayland here. Many
/// terminals ignore it or ask first, and nothing tells a program whether it worked, so it is on
/// only for terminals known to take it, or when `CMLENS_OSC52=1` says so (`0` turns it off).
enum Clipboard {
    /// The most bytes sent in one copy; base64 makes it a third more on the wire.
    static let limit = 64 << 10

    /// Whether `y` copies: the user's word first, then the terminal's name.
    static func isSupported(environment: [String: String]) -> Bool {
        switch environment["CMLENS_OSC52"] {
        case "1"?: return true
        case "0"?: return false
        default: break
        }
        let term = environment["TERM"] ?? ""
        let program = environment["TERM_PROGRAM"] ?? ""
        let known = ["xterm-kitty", "alacritty", "foot", "wezterm", "xterm-ghostty"]
        return known.contains(where: term.hasPrefix) || ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(program)
            || environment["WT_SESSION"] != nil  // Windows Terminal, where WSL users run it
    }

    /// The escape sequence that sets the clipboard to `text` (base64, BEL-terminated). Log text
    /// reaches the terminal only encoded: no byte of it can act as a control.
    static func sequence(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
