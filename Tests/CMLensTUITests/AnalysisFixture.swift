import CMLensCore
import Foundation
@testable import CMLensTUI

/// The console over the repository's Samples workspace (WKS-ACCT-014's exit 999 retried, WKS-LAB-007's
/// exit 1, the site control file's retry list), with background jobs run at once.
enum AnalysisFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let samples = repository.appendingPathComponent("Samples").path

    static let workspace: ConsoleWorkspace = {
        let inputs = WorkspaceScanner.scan([samples])
        return ConsoleWorkspace(paths: [samples], inputs: inputs, logs: LoadedLogs.load(inputs, clients: nil))
    }()

    static func console(size: Size) -> ConsoleFixture {
        var console = ConsoleFixture(size: size, logs: [])
        console.state = ConsoleState(size: size)
        console.run(console.state.handle(.loaded(workspace)))
        return console
    }

    /// The Diagnostics pane with its first (most severe) finding open.
    static func firstFindingOpen(size: Size) -> ConsoleFixture {
        var console = console(size: size)
        show(DiagnosticsPane.id, in: &console)
        console.press(.enter)
        return console
    }

    /// Presses the number key of a pane.
    static func show(_ id: String, in console: inout ConsoleFixture) {
        console.press(.character(Character(String(PaneRegistry.index(of: id)! + 1))))
    }
}

extension ConsoleFixture {
    /// Types a `:` command and Enter.
    mutating func command(_ text: String) {
        press(.character(":"))
        type(text)
        press(.enter)
    }
}
