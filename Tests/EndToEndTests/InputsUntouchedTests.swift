import Foundation
import Testing

/// cmlens reads files that came off broken machines and must never write to them: every byte,
/// size, modification and change time of the workspace is the same after each subcommand.
@Suite struct InputsUntouchedTests {
    struct Fingerprint: Equatable {
        var size: Int
        var modified: Double
        var changed: Double
        var contents: Data
    }

    static func fingerprints(of root: URL) throws -> [String: Fingerprint] {
        var out: [String: Fingerprint] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            var info = stat()
            guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            out[url.path] = Fingerprint(
                size: Int(info.st_size),
                modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
                changed: Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9,
                contents: try Data(contentsOf: url))
        }
        return out
    }

    static let commands: [[String]] = [
        ["log", "{W}"], ["log", "{W}", "--format", "json"], ["timeline", "{W}"], ["compliance", "{W}"],
        ["sql", "{W}", "--query", "SELECT 1"], ["diagnose", "{W}"], ["explain", "5"],
        ["retry-codes", "--site-control", "{W}/site/sitectrl.ct0"],
        ["stale", "{W}/sys.txt", "--dns-server", "127.0.0.1:9", "--timeout", "1"],
    ]

    @Test(arguments: commands)
    func subcommandLeavesTheWorkspaceAsItWas(arguments: [String]) throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-untouched-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CmlensRun.repositoryRoot.appendingPathComponent("Samples"), to: workspace)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let before = try Self.fingerprints(of: workspace)
        #expect(before.count >= 15)
        let run = CmlensRun.cmlens(arguments.map { $0.replacingOccurrences(of: "{W}", with: workspace.path) })
        #expect(run.status >= 0 && run.status <= 2, "\(arguments) exited \(run.status): \(run.stderr)")
        let after = try Self.fingerprints(of: workspace)
        #expect(after.keys.sorted() == before.keys.sorted(), "files appeared or vanished")
        for (path, print) in before where after[path] != print {
            Issue.record("\(arguments.first ?? "") changed \(path)")
        }
    }
}
