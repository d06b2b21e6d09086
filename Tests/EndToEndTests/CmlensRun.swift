import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `cmlens` binary (every end-to-end test goes through here) with posix_spawn, its output in temporary files (never a pipe),
/// signals unblocked (children of Swift Testing's threads would inherit a blocked mask otherwise).
enum CmlensRun {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: String {
        let candidates = [".build/debug/cmlens", ".build/release/cmlens"].map { repositoryRoot.appendingPathComponent($0).path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// Runs `cmlens`; a run still going after `deadline` seconds is killed and recorded as an issue,
    /// so a hang fails its test instead of stalling the suite.
    static func cmlens(_ arguments: [String], environment: [String: String] = [:], deadline: Double = 120) -> Result {
        let temp = FileManager.default.temporaryDirectory
        let out = temp.appendingPathComponent("cmlens-e2e-\(UUID().uuidString).out").path
        let err = temp.appendingPathComponent("cmlens-e2e-\(UUID().uuidString).err").path
        defer { unlink(out); unlink(err) }
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        // Relative paths (Samples/…) are the repository's: start there through a shell's `cd`.
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", repositoryRoot.path, binary] + arguments
        guard let pid = spawn(argv, environment: env.map { "\($0.key)=\($0.value)" }, stdout: out, stderr: err) else {
            return Result(status: -1, stdout: "", stderr: "cannot start \(binary)")
        }
        let code = wait(pid, deadline: deadline)
        return Result(status: code,
                      stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// posix_spawn with standard input from /dev/null, output to files, an empty signal mask and
    /// default dispositions (children of Swift Testing's threads would otherwise inherit blocked signals).
    static func spawn(_ argv: [String], environment: [String], stdout: String, stderr: String) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for variable in cEnvironment { free(variable) } }
        var pid: pid_t = 0
        return posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment) == 0 ? pid : nil
    }

    /// Exit status (128+signal when killed); a child still running at the deadline is killed.
    static func wait(_ pid: pid_t, deadline: Double) -> Int32 {
        let end = Date().addingTimeInterval(deadline)
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done == -1 && errno != EINTR { return -1 }
            if Date() > end {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                Issue.record("pid \(pid) still running after \(deadline) s; killed")
                break
            }
            usleep(2_000)
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
