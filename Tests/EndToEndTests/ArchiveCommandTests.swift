import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Archives given to the real binary: read in place, cited by archive and entry, bombs refused with
/// exit 1 while the rest prints, in little memory.
@Suite struct ArchiveCommandTests {
    /// Runs a Python script (the archive builders) in `folder`.
    static func python(_ script: String, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-e2e-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func logReadsAZipInPlace() throws {
        let temp = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let zip = temp.appendingPathComponent("case-1234.zip").path
        try Self.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                z.write(sys.argv[2], arcname="WKS-LAB-007/execmgr.log")
            """, [zip, CmlensRun.repositoryRoot.appendingPathComponent("Samples/WKS-LAB-007/execmgr.log").path], in: temp)
        let before = try FileManager.default.contentsOfDirectory(atPath: temp.path)
        let run = CmlensRun.cmlens(["log", zip, "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let objects = try run.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.count > 20)
        #expect(objects.allSatisfy { $0["client"] as? String == "WKS-LAB-007" && $0["file"] as? String == zip + "!/WKS-LAB-007/execmgr.log" })
        // Nothing was unpacked beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == before)
    }

    /// 200 MiB of zeros in a 200 KiB tar.gz: refused after a few MiB, by name, exit 1; the log
    /// beside it prints; the process stays small.
    @Test func bombIsRefusedInBoundedMemory() throws {
        let temp = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let tar = temp.appendingPathComponent("bomb.tar.gz").path
        try Self.python("""
            import io, sys, tarfile
            with tarfile.open(sys.argv[1], "w:gz") as t:
                info = tarfile.TarInfo("PC1/zeros.log"); info.size = 200 << 20
                t.addfile(info, io.BytesIO(bytes(info.size)))
                t.add(sys.argv[2], arcname="PC1/execmgr.log")
            """, [tar, CmlensRun.repositoryRoot.appendingPathComponent("Samples/WKS-LAB-007/execmgr.log").path], in: temp)
        let start = ContinuousClock.now
        let (run, maxResidentKiB) = Self.measured(["log", tar])
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(tar)!/PC1/zeros.log: refused: expands more than 1000 times"))
        #expect(run.lines.count > 20)
        // The debug binary idles at about 30 MiB; holding the 200 MiB would show.
        #expect(maxResidentKiB < 120 << 10, "max resident \(maxResidentKiB) KiB")
    }

    /// `cmlens` with the run's peak resident memory, as GNU time reports it for its own child.
    /// wait4's rusage of a child this process spawns is no good here: Linux carries the maximum
    /// resident size across exec, so the child starts with the size of the test runner that
    /// spawned it (over 200 MiB in a full run). `time` is a small process whose child starts small.
    static func measured(_ arguments: [String]) -> (CmlensRun.Result, Int) {
        let temp = FileManager.default.temporaryDirectory
        let out = temp.appendingPathComponent("cmlens-e2e-\(UUID().uuidString).out").path
        let err = temp.appendingPathComponent("cmlens-e2e-\(UUID().uuidString).err").path
        let peak = temp.appendingPathComponent("cmlens-e2e-\(UUID().uuidString).peak").path
        defer { unlink(out); unlink(err); unlink(peak) }
        let environment = ["SWIFT_BACKTRACE=enable=no", "LANG=C.UTF-8", "PATH=/usr/bin:/bin"]
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time"),
              let pid = CmlensRun.spawn(["/usr/bin/time", "-f", "%M", "-o", peak, CmlensRun.binary] + arguments,
                                        environment: environment, stdout: out, stderr: err) else {
            Issue.record("cannot start \(CmlensRun.binary) under /usr/bin/time (scripts/install-deps.sh installs it)")
            return (CmlensRun.Result(status: -1, stdout: "", stderr: ""), 0)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let result = CmlensRun.Result(status: code, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                                      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
        // GNU time writes "Command exited with non-zero status N" before the figure when it is not 0.
        let kib = ((try? String(contentsOfFile: peak, encoding: .utf8)) ?? "").split(separator: "\n").last.flatMap { Int($0) } ?? Int.max
        return (result, kib)
    }
}
