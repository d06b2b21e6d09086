import Foundation

/// Opens the console on a workspace: picks the theme, starts curses, runs the loop.
public enum ConsoleLauncher {
    /// Checks the theme before the screen is taken over, so a typo is a plain error message.
    public static func run(paths: [String], theme requested: String?,
                           environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int32 {
        let store = ThemeStore.standard(environment: environment)
        let requestedTheme = try requested.map { try store.theme(named: $0) }
        let terminal = CursesTerminal(theme: try store.theme(named: "monochrome"))
        let name = ThemeStore.startingName(requested: requestedTheme?.name, environment: environment,
                                           terminalHasColors: terminal.hasColors)
        do {
            terminal.use(try store.theme(named: name))
        } catch {
            terminal.restore()
            throw error
        }
        let state = ConsoleState(size: terminal.size, themeName: name)
        return ConsoleRunLoop(terminal: terminal, state: state, store: store, environment: environment)
            .run(opening: paths)
    }
}
