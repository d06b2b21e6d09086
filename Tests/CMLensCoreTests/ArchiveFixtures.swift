import Foundation
@testable import CMLensCore

/// Builds archives for the archive tests with the tools an admin's archives come from: Python's
/// zipfile and tarfile, GNU tar, gcab (Debian's cab writer).
enum ArchiveFixtures {
    static let samples = LogTestSupport.repositoryRoot.appendingPathComponent("Samples").path

    /// gcab's path, if installed. Cab tests run when it is, and always under CI=true, where a
    /// missing gcab must fail them rather than pass by skipping.
    static let gcab: String? = ["/usr/bin/gcab", "/usr/local/bin/gcab"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var cabTestsRun: Bool { gcab != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a tool in `folder`; its failure (or absence) is the test's.
    static func run(_ arguments: [String], in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        // A file, not a pipe: reading a pipe here dies on EINTR inside Foundation under the test runner.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-tool-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text)")
        }
    }

    /// A Python script given its arguments as sys.argv[1:].
    static func python(_ script: String, _ arguments: [String], in folder: String) throws {
        try run(["python3", "-c", script] + arguments, in: folder)
    }

    /// A zip of `members` (paths relative to `folder`), stored under the names given.
    static func zip(_ archive: String, _ members: [(file: String, name: String)], in folder: String) throws {
        let script = """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
            for i in range(2, len(sys.argv), 2):
                # ZipInfo keeps the name as given (z.write would strip a leading "/").
                with open(sys.argv[i], "rb") as f:
                    z.writestr(zipfile.ZipInfo(sys.argv[i + 1]), f.read(), zipfile.ZIP_DEFLATED)
        """
        try python(script, [archive] + members.flatMap { [$0.file, $0.name] }, in: folder)
    }

    /// A zip with one entry named `name` holding `megabytes` MiB of zeros, written 1 MiB at a time.
    static func zeros(zip archive: String, name: String, megabytes: Int, alsoLog: String? = nil, in folder: String) throws {
        let script = """
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
            with z.open(sys.argv[2], "w") as f:
                block = bytes(1 << 20)
                for _ in range(int(sys.argv[3])):
                    f.write(block)
            if len(sys.argv) > 4:
                z.write(sys.argv[4], arcname="PC1/execmgr.log")
        """
        try python(script, [archive, name, String(megabytes)] + (alsoLog.map { [$0] } ?? []), in: folder)
    }

    /// The sample clients' logs, whole: every record of every file, by client and log, in order.
    static func records(_ paths: [String]) -> (records: [String: [String]], problems: [LoadProblem]) {
        let inputs = WorkspaceScanner.scan(paths)
        let logs = LoadedLogs.load(inputs)
        var out: [String: [String]] = [:]
        for file in logs.files { out[file.client + "/" + file.logName, default: []] += LogTestSupport.fingerprint(file) }
        return (out, logs.problems)
    }
}
