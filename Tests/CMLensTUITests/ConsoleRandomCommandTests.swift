import CMLensCore
import Foundation
import Testing
@testable import CMLensTUI

/// Random keys, commands, workspace swaps, follow-mode reloads and resizes, drawn from a seed, with
/// the screen drawn and the invariants checked after every one. A trap stops the test process:
/// run with `CMLENS_CONSOLE_TRACE=1` to see the actions that led to it on stderr.
///
/// `CMLENS_CONSOLE_COMMANDS` (per seed) and `CMLENS_CONSOLE_SEEDS` (how many) make a longer run;
/// `CMLENS_CONSOLE_FIRST_SEED` shifts them; the default stays a few seconds. A long run is quickest
/// in a release build: `swift test -c release -Xswiftc -enable-testing --filter ConsoleRandomCommandTests`.
@Suite(.serialized) struct ConsoleRandomCommandTests {
    static let environment = ProcessInfo.processInfo.environment
    static let commandsPerSeed = environment["CMLENS_CONSOLE_COMMANDS"].flatMap(Int.init) ?? 1000
    static let seeds = UInt64(environment["CMLENS_CONSOLE_SEEDS"].flatMap(Int.init) ?? 2)
    /// Where a long run's seeds start, so runs on several machines or cores cover different seeds.
    static let firstSeed = UInt64(environment["CMLENS_CONSOLE_FIRST_SEED"].flatMap(Int.init) ?? 1)
    static let trace = environment["CMLENS_CONSOLE_TRACE"] != nil

    @Test func randomCommandsNeverTrapAndKeepEveryCursorInItsList() throws {
        let places = try RandomPlaces()
        defer { places.remove() }
        for seed in Self.firstSeed..<(Self.firstSeed + Self.seeds) {
            var run = RandomConsoleRun(seed: seed, places: places)
            for step in 0..<Self.commandsPerSeed {
                let action = run.step()
                if Self.trace { FileHandle.standardError.write(Data("\(seed).\(step): \(action)\n".utf8)) }
                let broken = ConsoleInvariants.violations(run.console.state)
                if !broken.isEmpty {
                    let recent = run.history.suffix(30).joined(separator: "\n")
                    Issue.record("seed \(seed), step \(step): \(broken.joined(separator: "; "))\nlast actions:\n\(recent)")
                    return
                }
            }
        }
    }
}

/// Folders to `:open`: empty, the Samples, and one with a binary log, a cut-off log, a UTF-16 log,
/// a broken site control file and a ragged system list; its CAS.log grows and rotates for follow mode.
struct RandomPlaces {
    let root: URL
    var empty: String { root.appendingPathComponent("empty").path }
    var broken: String { root.appendingPathComponent("broken").path }
    var growing: String { root.appendingPathComponent("broken/PC-BROKEN/CAS.log").path }
    var all: [String] { [empty, AnalysisFixture.samples, broken, broken + "/PC-BROKEN", root.appendingPathComponent("missing").path] }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-random-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let client = root.appendingPathComponent("broken/PC-BROKEN")
        try fm.createDirectory(at: client, withIntermediateDirectories: true)
        var junk = SplitMix64(seed: 99)
        try Data((0..<20_000).map { _ in UInt8.random(in: 0...255, using: &junk) }).write(to: client.appendingPathComponent("execmgr.log"))
        let cut = ConsoleFixture.record("Download started for content AB100012.1", "10:14:59.000", component: "ContentAccess")
            + ConsoleFixture.record("Failed to download 0x80070005", "10:15:00.000", component: "ContentAccess", type: 3)
            + "<![LOG[cut off here"
        try Data(cut.utf8).write(to: client.appendingPathComponent("CAS.log"))
        let utf16 = ConsoleFixture.record("Failed to find the certificate in the store, retry 1.", "10:00:00.000",
                                          component: "ClientIDManagerStartup", type: 3)
        try Data([0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: client.appendingPathComponent("ClientIDManagerStartup.log"))
        try Data("PROPERTY <Execution Failure Retry Count><REG_DWORD><><\n garbage\u{0}".utf8)
            .write(to: root.appendingPathComponent("broken/sitectrl.ct0"))
        try Data("WKS-ONE\n\n  \nbad name with spaces\n\u{1B}[31mred\n".utf8).write(to: root.appendingPathComponent("broken/sys.txt"))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// One more record at the end of the growing log, as a client writing it would add; every
    /// seventh time the log rotates instead and starts again with one record.
    func grow(_ n: Int) {
        if n % 7 == 0 {
            try? Data(ConsoleFixture.record("rotated \(n)", "10:17:00.000", component: "ContentAccess").utf8)
                .write(to: URL(fileURLWithPath: growing))
            return
        }
        guard let handle = FileHandle(forWritingAtPath: growing) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        let level = n % 3 == 0 ? 3 : 1
        handle.write(Data(("\r\n" + ConsoleFixture.record("appended \(n) 0x80070005", "10:16:00.000",
                                                          component: "ContentAccess", type: level)).utf8))
    }
}

/// One seeded run over the console reducer.
struct RandomConsoleRun {
    var random: SplitMix64
    var console: ConsoleFixture
    let places: RandomPlaces
    var history: [String] = []
    var grown = 0

    init(seed: UInt64, places: RandomPlaces) {
        random = SplitMix64(seed: seed)
        self.places = places
        console = AnalysisFixture.console(size: Size(columns: 80, lines: 24))
        if let stale = PaneRegistry.index(of: StaleSystemsPane.id), var pane = console.state.panes[stale] as? StaleSystemsPane {
            pane.resolver = KnownAnswers()  // never the network
            console.state.panes[stale] = pane
        }
    }

    /// Every key the console binds but `q` (quit) and `o` (export writes a file), and a few it does not.
    static let keys: [Key] = (1...9).map { Key.character(Character(String($0))) }
        + [.tab, .backTab, .enter, .escape, .backspace, .delete, .up, .down, .left, .right,
           .pageUp, .pageDown, .home, .end, .function(1), .control("l"), .control("u"), .control("b"), .control("f")]
        + "jkgGnNeEwWfcxmtdFpQlC/?: zZ#".map { Key.character($0) }

    static let words = ["level:error", "component:execmgr", "execmgr", "0x80040669", "[", "(?<", "1618", "Failed",
                        "retry", "ü漢", "\u{1B}[31m", "*", "file:CAS.log", "client:WKS-LAB-007", "", " "]

    static let commands = ["filter level:error", "filter component:ContentAccess", "filter [", "filter", "explain 0x80004005",
                           "explain 1618", "explain nonsense", "problems", "theme light", "theme nosuch", "search Failed",
                           "search (", "utc", "help", "nosuch", "compare", "follow", "back", "bottom", "open"]

    /// A key as the user would press it, except that nothing is exported: text typed outside a
    /// prompt can hold an `o` (the export prompt) and an Enter would then write a file where the
    /// tests run. Such an `o` is a `0`, and an Enter on an export prompt is an Esc.
    mutating func press(_ key: Key) {
        let state = console.state
        let idle = state.prompt == nil && state.help == nil && state.popup == nil
        if key == .character("o") && idle {
            console.press(.character("0"))
        } else if key == .enter, let prompt = state.prompt, prompt.text.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("export") {
            console.press(.escape)
        } else {
            console.press(key)
        }
    }

    mutating func type(_ text: String) {
        for c in text { press(.character(c)) }
    }

    /// `:` then the text and Enter, when `:` opens the command line (a popup or the help takes the
    /// key instead; the text is then not typed as keys).
    mutating func command(_ text: String) {
        press(.character(":"))
        guard console.state.prompt?.kind == .command else { return }
        type(text)
        press(.enter)
    }

    mutating func step() -> String {
        let action: String
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<62:
            let key = Self.keys.randomElement(using: &random)!
            action = "key \(key.label)"
            press(key)
        case 62..<70:
            let text = Self.words.randomElement(using: &random)! + (Bool.random(using: &random) ? "" : String(Int.random(in: 0...99, using: &random)))
            action = "type \(text.debugDescription) + Enter"
            type(text)
            press(.enter)
        case 70..<78:
            let text = Self.commands.randomElement(using: &random)!
            action = ":\(text)"
            command(text)
        case 78..<83:
            let place = places.all.randomElement(using: &random)!
            action = ":open \(place)"
            command("open \(place)")
        case 83..<89:
            let size = Size(columns: Int.random(in: 20...160, using: &random), lines: Int.random(in: 6...60, using: &random))
            action = "resize \(size.columns)x\(size.lines)"
            console.run(console.state.handle(.resize(size)))
        case 89..<94:
            // Jobs held back then finished: the screen is drawn while they "run", as it is for real.
            console.deferJobs.toggle()
            if !console.deferJobs {
                // What they hand over early (a search's next match) lands first and is drawn.
                console.startJobs()
                _ = console.grid
                console.finishJobs()
            }
            action = console.deferJobs ? "hold jobs back" : "finish jobs"
        default:
            grown += 1
            places.grow(grown)
            if let workspace = console.state.context.workspace, let fresh = workspace.refreshed() {
                action = "follow reload (\(grown) appended)"
                console.run(console.state.handle(.loaded(fresh)))
            } else {
                action = "follow reload: nothing changed"
            }
        }
        console.state.wantsQuit = false
        history.append(action)
        _ = console.grid  // drawing is where a stale index traps
        return action
    }
}
