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

    static func console(size: Size) -> ConsoleFixture { console(size: size, workspace: workspace) }

    static func console(size: Size, workspace: ConsoleWorkspace) -> ConsoleFixture {
        var console = ConsoleFixture(size: size, logs: [])
        console.state = ConsoleState(size: size)
        console.run(console.state.handle(.loaded(workspace)))
        return console
    }

    /// Samples reached through a link whose path has the same length on every machine (its name
    /// holds a hash of the checkout's path, so two checkouts never share it): screens that show
    /// paths then lay out alike in any clone, and snapshots write the link's folder as `<samples>`.
    static let stableSamples: (workspace: ConsoleWorkspace, folder: String) = {
        var hash: UInt32 = 0x811c_9dc5
        for byte in repository.path.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let hex = String(hash, radix: 16)
        let folder = "/tmp/cmlens-snap-" + String(repeating: "0", count: 8 - hex.count) + hex
        let link = folder + "/Samples"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) != samples {
            try? FileManager.default.removeItem(atPath: link)
            try? FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: samples)
        }
        let inputs = WorkspaceScanner.scan([link])
        return (ConsoleWorkspace(paths: [link], inputs: inputs, logs: LoadedLogs.load(inputs, clients: nil)), folder)
    }()

    /// The Diagnostics pane with its first (most severe) finding open.
    static func firstFindingOpen(size: Size) -> ConsoleFixture {
        var console = console(size: size)
        show(DiagnosticsPane.id, in: &console)
        console.press(.enter)
        return console
    }

    /// Presses the number key of a pane.
    static func show(_ id: PaneID, in console: inout ConsoleFixture) {
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
