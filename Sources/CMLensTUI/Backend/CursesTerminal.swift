import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// The only code that talks to ncursesw: sets the locale, starts curses, draws grids by their
/// differences, reads keys, and puts the terminal back.
final class CursesTerminal: Terminal {
    private var shown: Grid?
    private var theme: Theme
    private var pairs: [PairKey: Int32] = [:]
    private var attributes: [Role: (attrs: attr_t, pair: Int32)] = [:]
    private var active = false
    private(set) var hasColors = false
    private var colorCount = 0

    private struct PairKey: Hashable { var foreground: Int; var background: Int }

    /// Starts curses. Signal handlers go in first, so ncurses does not install its own.
    init(theme: Theme) {
        self.theme = theme
        setlocale(LC_ALL, "")
        SignalGuard.install()
        initscr()
        active = true
        cbreak()  // not raw(): Ctrl-C must still raise SIGINT
        noecho()
        nonl()
        keypad(shim_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(shim_colors())
            hasColors = colorCount >= 8
        }
        use(theme)
    }

    var size: Size {
        Size(columns: Int(getmaxx(shim_stdscr())), lines: Int(getmaxy(shim_stdscr())))
    }

    func use(_ theme: Theme) {
        self.theme = theme
        attributes = [:]
        for role in Role.allCases {
            let style = theme.style(role)
            var attrs = shim_a_normal()
            if style.bold { attrs |= shim_a_bold() }
            if style.underline { attrs |= shim_a_underline() }
            if style.reverse { attrs |= shim_a_reverse() }
            if style.dim { attrs |= shim_a_dim() }
            var pair: Int32 = 0
            if hasColors && theme.usesColor {
                let key = PairKey(foreground: style.foreground.index(colors: colorCount),
                                  background: style.background.index(colors: colorCount))
                if key.foreground != -1 || key.background != -1 {
                    if let known = pairs[key] {
                        pair = known
                    } else {
                        pair = Int32(pairs.count + 1)
                        init_pair(Int16(pair), Int16(key.foreground), Int16(key.background))
                        pairs[key] = pair
                    }
                }
            }
            attributes[role] = (attrs, pair)
        }
        invalidate()
    }

    func invalidate() {
        shown = nil
    }

    func present(_ grid: Grid) {
        if shown?.size != grid.size {
            erase()
            shown = nil
        }
        for position in grid.changes(since: shown) {
            let cell = grid[position.column, position.line]
            if cell.isContinuation { continue }
            let look = attributes[cell.role] ?? (shim_a_normal(), 0)
            _ = shim_put_cell(Int32(position.line), Int32(position.column),
                              wchar_t(bitPattern: cell.scalar.value), look.attrs, look.pair)
        }
        refresh()
        shown = grid
    }

    func nextInput(waitingAtMost milliseconds: Int) -> TerminalInput? {
        timeout(Int32(milliseconds))
        var character: wint_t = 0
        let status = get_wch(&character)
        if status == ERR { return nil }
        if status == KEY_CODE_YES {
            return Self.functionKey(Int32(character), size: size)
        }
        return Self.characterKey(UInt32(character)).map { .key($0) }
    }

    static func functionKey(_ code: Int32, size: Size) -> TerminalInput? {
        switch code {
        case KEY_RESIZE: return .resize(size)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        default:
            for n in 1...12 where code == shim_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Written past curses, straight to the terminal, then flushed: curses has no call for it.
    func copyToClipboard(_ text: String) {
        guard active else { return }
        let bytes = Array(Clipboard.sequence(text).utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { writeBytes(1, $0.baseAddress! + sent, $0.count - sent) }
            if n <= 0 { break }
            sent += n
        }
    }

    func restore() {
        guard active else { return }
        active = false
        endwin()
    }
}

/// write(2), named apart from any `write` a type here may have.
private func writeBytes(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
