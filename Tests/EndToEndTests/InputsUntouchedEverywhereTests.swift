import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// No writes at all, anywhere in the workspace: every entry (files, folders, links, the named pipe)
/// keeps its bytes, size, modification and change time through every subcommand and a console
/// session, on the samples and on the hostile workspace.
@Suite(.serialized) struct InputsUntouchedEverywhereTests {
    struct Fingerprint: Equatable {
        var mode: UInt32
        var size: Int
        var modified: Int
        var changed: Int
        var digest: [UInt64]
    }

    /// Every entry under `root`, links not followed; regular files with a digest of their bytes.
    static func fingerprints(of root: String) throws -> [String: Fingerprint] {
        var out: [String: Fingerprint] = [:]
        var pending = [root]
        while let path = pending.popLast() {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            var digest: [UInt64] = []
            if type == S_IFREG { digest = try Self.digest(path) }
            if type == S_IFDIR {
                for entry in try FileManager.default.contentsOfDirectory(atPath: path) { pending.append(path + "/" + entry) }
            }
            out[path] = Fingerprint(mode: info.st_mode, size: Int(info.st_size),
                                    modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec,
                                    changed: info.st_ctim.tv_sec * 1_000_000_000 + info.st_ctim.tv_nsec, digest: digest)
        }
        return out
    }

    /// FNV-1a over 1 MiB blocks: cheap, and any changed byte changes its block's value.
    static func digest(_ path: String) throws -> [UInt64] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var blocks: [UInt64] = []
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in data { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
            blocks.append(h)
        }
        return blocks
    }

    static func compare(_ before: [String: Fingerprint], _ after: [String: Fingerprint], _ what: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let difference = Set(after.keys).symmetricDifference(before.keys).sorted()
        #expect(difference.isEmpty, "\(what): entries appeared or vanished: \(difference)", sourceLocation: sourceLocation)
        for (path, print) in before where after[path] != nil && after[path] != print {
            Issue.record("\(what) changed \(path): \(print) → \(after[path]!)", sourceLocation: sourceLocation)
        }
    }

    enum Workspace: String, CaseIterable, Sendable { case samples, hostile }

    static func make(_ kind: Workspace) throws -> (path: String, remove: () -> Void) {
        switch kind {
        case .samples:
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-untouched-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: CmlensRun.repositoryRoot.appendingPathComponent("Samples"), to: url)
            return (url.path, { try? FileManager.default.removeItem(at: url) })
        case .hostile:
            let w = try HostileWorkspace.make()
            return (w.path, { w.remove() })
        }
    }

    static let commands: [[String]] = [
        ["log", "{W}"], ["log", "{W}", "--format", "csv"], ["log", "{W}", "--format", "json", "--level", "warning"],
        ["timeline", "{W}"], ["timeline", "{W}", "--format", "json"],
        ["compliance", "{W}"], ["compliance", "{W}", "--collection-query", "wql", "--kb", "977384"],
        ["sql", "{W}", "--query", "SELECT count(*) FROM Logs"],
        ["sql", "{W}", "--query", "SELECT * FROM v_R_System"],
        ["diagnose", "{W}"], ["diagnose", "{W}", "--format", "json"],
        ["explain", "5", "--site-control", "{W}/site/sitectrl.ct0"],
        ["retry-codes", "--site-control", "{W}/site/sitectrl.ct0"],
        ["stale", "{W}", "--dns-server", "127.0.0.1:9", "--timeout", "1"],
        ["console", "{W}"],
    ]

    @Test(arguments: Workspace.allCases)
    func everySubcommandLeavesEveryInputAsItWas(kind: Workspace) throws {
        let (path, remove) = try Self.make(kind)
        defer { remove() }
        let before = try Self.fingerprints(of: path)
        #expect(before.count >= 15)
        for arguments in Self.commands {
            let run = CmlensRun.cmlens(arguments.map { $0.replacingOccurrences(of: "{W}", with: path) }, deadline: 90)
            #expect(run.status >= 0 && run.status <= 2, "\(arguments) exited \(run.status): \(run.stderr.prefix(500))")
            Self.compare(before, try Self.fingerprints(of: path), "\(kind): \(arguments.joined(separator: " "))")
        }
    }

    @Test(.enabled(if: TmuxHarness.shouldRun), arguments: Workspace.allCases)
    func aConsoleSessionLeavesEveryInputAsItWas(kind: Workspace) throws {
        let (path, remove) = try Self.make(kind)
        defer { remove() }
        let before = try Self.fingerprints(of: path)
        let t = try TmuxHarness.console(path + " " + path + "/site/sitectrl.ct0; echo EXIT=$?; sleep 60")
        defer { t.kill() }
        // The hostile workspace holds 20 MB of single lines: a debug build takes a while to index them.
        _ = try t.wait(for: "READY", timeout: 120) { $0.contains("READY") }
        // Every pane, a search, the explain popup, the command line, follow mode on and off, quit.
        _ = try t.press("Enter")
        _ = try t.press("Escape")
        _ = try t.press("2")
        _ = try t.press("/")
        try t.type("exit code")
        _ = try t.press("Enter")
        _ = try t.press("n")
        _ = try t.press("e")
        _ = try t.press("x")
        _ = try t.press("Escape")
        _ = try t.press("F")
        usleep(1_200_000)
        _ = try t.press("F")
        for pane in ["3", "4", "5", "6", "7", "1"] {
            _ = try t.press(pane)
            _ = try t.press("Enter")
            _ = try t.press("Escape")
        }
        _ = try t.press(":")
        try t.type("explain 0x80070005")
        _ = try t.press("Enter")
        _ = try t.press("Escape")
        try t.send("q")
        _ = try t.wait(forText: "EXIT=0")
        Self.compare(before, try Self.fingerprints(of: path), "\(kind): console session")
    }
}
