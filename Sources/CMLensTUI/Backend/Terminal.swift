/// What the run loop needs from a terminal: its size, the next key, and a grid to show.
/// `CursesTerminal` is the real one; tests can drive the loop with a fake.
protocol Terminal: AnyObject {
    var size: Size { get }
    /// The next key or resize, waiting at most `milliseconds`; nil when nothing came.
    func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput?
    /// Shows the grid, sending only cells that changed since the last one shown.
    func present(_ grid: Grid)
    /// Forget what is on screen: the next `present` redraws everything.
    func invalidate()
    func use(_ theme: Theme)
    var hasColors: Bool { get }
    /// Puts the terminal back as it was. Safe to call twice.
    func restore()
    /// Asks the terminal to put `text` on the clipboard (OSC 52).
    func copyToClipboard(_ text: String)
}

enum TerminalInput: Sendable, Equatable {
    case key(Key)
    case resize(Size)
}
