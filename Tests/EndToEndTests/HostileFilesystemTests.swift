import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files the file system takes away: a folder and a file without read permission, and logs that
/// shrink or vanish while cmlens loads them.
@Suite(.serialized) struct HostileFilesystemTests {
    /// The tests run as root, whom `chmod 000` does not stop: the binary is run as `nobody`
    /// (uid 65534) through `setpriv`, so the kernel really refuses.
    static let setpriv = "/usr/bin/setpriv"
    static var canDropPrivileges: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv) }

    static func runAsNobody(_ arguments: [String]) -> CmlensRun.Result {
        let temp = FileManager.default.temporaryDirectory
        let out = temp.appendingPathComponent("cmlens-nobody-\(UUID().uuidString).out").path
        let err = temp.appendingPathComponent("cmlens-nobody-\(UUID().uuidString).err").path
        defer { unlink(out); unlink(err) }
        let argv = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", CmlensRun.binary] + arguments
        let env = ["LANG=C.UTF-8", "SWIFT_BACKTRACE=enable=no", "NO_COLOR=1", "PATH=/usr/bin:/bin", "TMPDIR=/tmp"]
        guard let pid = CmlensRun.spawn(argv, environment: env, stdout: out, stderr: err) else {
            return CmlensRun.Result(status: -1, stdout: "", stderr: "cannot start setpriv")
        }
        let status = CmlensRun.wait(pid, deadline: 60)
        return CmlensRun.Result(status: status, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                                stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    @Test(.enabled(if: canDropPrivileges, "needs root and setpriv to run cmlens as an unprivileged user"),
          arguments: [["log", "{W}"], ["timeline", "{W}"], ["diagnose", "{W}"], ["console", "{W}"],
                      ["sql", "{W}", "--query", "SELECT client, count(*) FROM Logs GROUP BY client"]])
    func unreadableFolderAndFileAreNamedAndTheRestLoads(arguments: [String]) throws {
        let w = try HostileWorkspace.make()
        defer {
            chmod(w.path + "/H-DENIED", 0o755)
            w.remove()
        }
        // Only the good client and the unreadable ones: the rest of the hostile set has its own tests.
        for entry in try FileManager.default.contentsOfDirectory(atPath: w.path) where entry != "WKS-LAB-007" {
            try FileManager.default.removeItem(atPath: w.path + "/" + entry)
        }
        try w.write("H-DENIED/execmgr.log", HostileWorkspace.record("never seen"))
        try w.write("H-NOREAD/execmgr.log", HostileWorkspace.record("never seen either"))
        #expect(chmod(w.path + "/H-DENIED", 0) == 0)
        #expect(chmod(w.path + "/H-NOREAD/execmgr.log", 0) == 0)
        let run = Self.runAsNobody(arguments.map { $0.replacingOccurrences(of: "{W}", with: w.path) })
        HostileInputTests.expectNoCrash(run, "\(arguments[0]) as nobody")
        #expect(run.status == 1, "\(arguments[0]): exit \(run.status): \(run.stderr)")
        #expect(run.stderr.contains("H-DENIED: cannot list this folder (permission denied)"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("H-NOREAD/execmgr.log: cannot open (Permission denied)"), "stderr: \(run.stderr)")
        #expect(run.stdout.contains("WKS-LAB-007"))
        #expect(!run.stdout.contains("never seen"))
    }

    /// A log the client rewrites while cmlens reads it: truncated to nothing, regrown, deleted and
    /// recreated in a loop. Whatever moment each read lands on, cmlens reads what is there.
    @Test(arguments: [["log", "{W}", "--format", "json"], ["timeline", "{W}"], ["diagnose", "{W}"], ["console", "{W}"]])
    func logsThatShrinkOrVanishWhileLoadingDoNotStopTheRest(arguments: [String]) throws {
        let w = try HostileWorkspace.make()
        defer { w.remove() }
        for entry in try FileManager.default.contentsOfDirectory(atPath: w.path) where entry != "WKS-LAB-007" {
            try FileManager.default.removeItem(atPath: w.path + "/" + entry)
        }
        // Large enough (24 MB) to be read from disk in chunks rather than at once.
        var text = ""
        for k in 0..<120_000 { text += HostileWorkspace.record("churn record \(k) " + String(repeating: "z", count: 40)) }
        let full = Data(text.utf8)
        let churn = w.path + "/H-CHURN/execmgr.log"
        let vanish = w.path + "/H-CHURN/CAS.log"
        try w.write("H-CHURN/execmgr.log", Array(full))
        try w.write("H-CHURN/CAS.log", Array(full.prefix(1 << 20)))
        let stop = SharedFlag(false)
        let writer = Thread {
            var round = 0
            while !stop.value {
                round += 1
                if let handle = FileHandle(forWritingAtPath: churn) {
                    try? handle.truncate(atOffset: UInt64(round % 3 == 0 ? 0 : full.count / (round % 5 + 2)))
                    try? handle.close()
                }
                unlink(vanish)
                usleep(3_000)
                try? full.write(to: URL(fileURLWithPath: churn))
                try? full.prefix(1 << 20).write(to: URL(fileURLWithPath: vanish))
            }
        }
        writer.start()
        defer { stop.value = true; usleep(50_000) }
        for attempt in 0..<3 {
            let run = CmlensRun.cmlens(arguments.map { $0.replacingOccurrences(of: "{W}", with: w.path) },
                                       environment: ["NO_COLOR": "1"], deadline: 90)
            HostileInputTests.expectNoCrash(run, "\(arguments[0]) run \(attempt)")
            HostileInputTests.expectMessagesAreOurs(run, "\(arguments[0]) run \(attempt)")
            #expect(run.status == 0 || run.status == 1, "exit \(run.status): \(run.stderr.prefix(2000))")
            #expect(run.stdout.contains("WKS-LAB-007"))
        }
    }
}

/// A flag shared with the churning thread.
final class SharedFlag<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
