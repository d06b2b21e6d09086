import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the real `cmlens` inside a private tmux server and reads its screen.
///
/// Spawns with posix_spawn, an empty signal mask and default signal actions (children of
/// Foundation.Process inherit Swift Testing's blocked signals, so SIGINT/SIGTERM would be ignored),
/// output to a temp file (a pipe would be held open by the forked tmux server), and a plain waitpid.
struct TmuxHarness {
    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var screen: String
        var description: String { "timed out waiting for \(what); last screen:\n\(screen)" }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repository.appendingPathComponent(".build/debug/cmlens").path
    static let fixtures = repository.appendingPathComponent("Tests/EndToEndTests/Fixtures/console").path

    /// Where tmux is; nil when it is not installed.
    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Run the tmux tests when tmux exists, and always under CI, where a missing tmux must fail.
    static var shouldRun: Bool { tmux != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    let socket: String

    /// Starts `command` (a shell command line) in a detached session of the given size.
    init(command: String, columns: Int = 120, lines: Int = 40) throws {
        guard Self.tmux != nil else {
            throw Timeout(what: "tmux (not installed; apt-get install tmux)", screen: "")
        }
        socket = "cmlens-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try tmux("-f", "/dev/null", "-u", "new-session", "-d", "-s", "t", "-x", "\(columns)", "-y", "\(lines)", command)
        try tmux("set-option", "-t", "t", "remain-on-exit", "on")
    }

    /// The console with the usual environment: UTF-8, a 256-colour TERM, UTC, frame counter.
    static func console(_ arguments: String, columns: Int = 120, lines: Int = 40, environment: String = "TERM=tmux-256color",
                        wrap: (String) -> String = { $0 }) throws -> TmuxHarness {
        // The developer's NO_COLOR (or swift test's) must not leak in: each test says what it wants.
        let run = "env -u NO_COLOR LANG=C.UTF-8 TZ=UTC CMLENS_FRAME_COUNTER=1 SWIFT_BACKTRACE=enable=no \(environment) \(binary) \(arguments)"
        return try TmuxHarness(command: wrap(run), columns: columns, lines: lines)
    }

    @discardableResult
    func tmux(_ arguments: String...) throws -> String {
        try Self.spawn([Self.tmux ?? "tmux", "-L", socket] + arguments)
    }

    func capture() -> String { (try? tmux("capture-pane", "-p", "-t", "t")) ?? "" }

    /// The screen with its colours and attributes as escape sequences.
    func captureStyled() -> String { (try? tmux("capture-pane", "-p", "-e", "-t", "t")) ?? "" }

    func send(_ keys: String...) throws {
        try Self.spawn([Self.tmux ?? "tmux", "-L", socket, "send-keys", "-t", "t"] + keys)
    }

    /// Types text literally.
    func type(_ text: String) throws { try tmux("send-keys", "-t", "t", "-l", text) }

    /// Polls the screen every 10 ms until `predicate` holds; throws with the last screen after 10 s.
    @discardableResult
    func wait(for what: String, timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !predicate(screen) {
            if Date() > deadline { throw Timeout(what: what, screen: screen) }
            usleep(10_000)
            screen = capture()
        }
        return screen
    }

    func wait(forText text: String) throws -> String {
        try wait(for: "\"\(text)\"") { $0.contains(text) }
    }

    /// The frame counter the console prints in its status bar (CMLENS_FRAME_COUNTER=1).
    static func frame(_ screen: String) -> Int {
        guard let range = screen.range(of: "frame=", options: .backwards) else { return -1 }
        return Int(screen[range.upperBound...].prefix { $0.isNumber }) ?? -1
    }

    /// Sends keys and waits for the frame they cause to be drawn.
    func press(_ keys: String...) throws -> String {
        let before = Self.frame(capture())
        try Self.spawn([Self.tmux ?? "tmux", "-L", socket, "send-keys", "-t", "t"] + keys)
        return try wait(for: "a new frame after \(keys)") { Self.frame($0) > before }
    }

    var panePID: Int32 { Int32((try? tmux("display-message", "-p", "-t", "t", "#{pane_pid}"))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0 }

    func kill() { _ = try? tmux("kill-server") }

    /// Runs a program to completion; its output (stdout and stderr) through a temp file.
    @discardableResult
    static func spawn(_ argv: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "cmlens-tmux-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for argument in cArgs { free(argument) } }
        let status = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, environ)
        guard status == 0 else { throw Timeout(what: "spawning \(argv[0]) (error \(status))", screen: "") }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }
}
