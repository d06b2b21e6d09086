import CMLensCore
import Foundation
import Testing

/// The real binary in tmux under seeded random keys, resizes down to 20×6 and `:open` of an empty
/// folder and back: it must still be running at the end and quit with status 0. A Swift trap would
/// end it early with status 132 (`Illegal instruction`). The reducer-level run
/// (CMLensTUITests/ConsoleRandomCommandTests) covers far more commands; this one checks the terminal
/// side: drawing at every size, the run loop, the background loads.
@Suite(.serialized, .enabled(if: TmuxHarness.shouldRun)) struct ConsoleRandomKeysTmuxTests {
    static let keys = (1...9).map(String.init)
        + ["Tab", "BTab", "Enter", "Escape", "BSpace", "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End",
           "F1", "C-l", "Space"]
        + "jkgGnNeEwWfcx?mtdFpQlC/".map { String($0) }

    @Test func randomKeysNeverStopTheConsole() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-tmux-random-\(UUID().uuidString)")
        let empty = scratch.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Run inside the scratch folder: anything the keys might write lands there, not in the repository.
        let t = try TmuxHarness.console(TmuxHarness.fixtures + "; echo EXIT=$?; sleep 60", columns: 100, lines: 30,
                                        wrap: { "cd '\(scratch.path)' && " + $0 })
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        var random = SplitMix64(seed: 18)
        for step in 0..<400 {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<85:
                try t.send(Self.keys.randomElement(using: &random)!)
            case 85..<93:
                try t.tmux("resize-window", "-t", "t", "-x", String(Int.random(in: 20...140, using: &random)),
                           "-y", String(Int.random(in: 6...45, using: &random)))
            default:
                // Esc closes any prompt, popup or help first, so `:` opens the command line.
                try t.send("Escape")
                try t.send("Escape")
                try t.send(":")
                try t.type("open " + (Bool.random(using: &random) ? empty.path : TmuxHarness.fixtures))
                try t.send("Enter")
            }
            if step % 50 == 49 {
                usleep(100_000)
                let screen = t.capture()
                #expect(!screen.contains("EXIT="), "the console stopped by step \(step): \(screen)")
                if screen.contains("EXIT=") { return }
            }
        }
        try t.tmux("resize-window", "-t", "t", "-x", "100", "-y", "30")
        for _ in 0..<3 { try t.send("Escape") }
        try t.send("q")
        let screen = try t.wait(for: "the console to quit") { $0.contains("EXIT=") }
        #expect(screen.contains("EXIT=0"), "\(screen)")
    }
}
