import CMLensCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Throughput of the log engine against `wc -l` on the same data, in one run.
///
///     swift build -c release --product cmlens-bench && .build/release/cmlens-bench [--data DIR] [--clients N] [--records-per-log N] [--seed N]
///     .build/release/cmlens-bench compliance [--data DIR] [--clients N]     (inventory load + verdicts)
///     .build/release/cmlens-bench timeline [--data DIR]                    (execution history of the execmgr logs)
///     .build/release/cmlens-bench search FILE [TREE]                       (--grep, output, diagnose beside grep and wc -l)
///
/// Generates (once, kept in DIR) a deterministic corpus of about 1 GB with `CorpusGenerator`, plus a
/// single file of the same bytes, then measures each in a child process so peak memory is its own.
let arguments = Array(CommandLine.arguments.dropFirst())

switch arguments.first {
case "measure":
    Measure.run(Array(arguments.dropFirst()))
    exit(0)
case "measure-compliance":
    ComplianceBench.measure(arguments[1])
    exit(0)
case "compliance":
    ComplianceBench.run(Array(arguments.dropFirst()))
    exit(0)
case "measure-timeline":
    TimelineBench.measure(arguments[1])
    exit(0)
case "timeline":
    TimelineBench.run(Array(arguments.dropFirst()))
    exit(0)
case "search":
    SearchBench.run(Array(arguments.dropFirst()))
    exit(0)
default:
    break
}

var options: [String: String] = ["--data": "bench-data", "--clients": "1340", "--records-per-log": "320", "--seed": "1"]
var k = 0
while k < arguments.count {
    guard k + 1 < arguments.count, options[arguments[k]] != nil else {
        FileHandle.standardError.write(Data("usage: cmlens-bench [--data DIR] [--clients N] [--records-per-log N] [--seed N]\n".utf8))
        exit(2)
    }
    options[arguments[k]] = arguments[k + 1]
    k += 2
}
guard let clients = Int(options["--clients"]!), let recordsPerLog = Int(options["--records-per-log"]!),
      let seed = UInt64(options["--seed"]!), clients > 0, recordsPerLog > 0 else {
    FileHandle.standardError.write(Data("cmlens-bench: --clients, --records-per-log and --seed take positive numbers\n".utf8))
    exit(2)
}
let data = options["--data"]!
let corpus = "\(data)/cmlens-corpus-\(clients)x\(recordsPerLog)-s\(seed)"
let single = corpus + ".single.log"
Corpus.prepare(corpus: corpus, single: single,
               generator: CorpusGenerator(clients: clients, recordsPerLog: recordsPerLog, seed: seed))

let logFiles = Corpus.logFiles(in: corpus)
print("cmlens-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores")
print(String(repeating: "-", count: 100))
for (label, paths) in [("single 1 GB file", [single]), ("workspace (\(logFiles.count) files)", [corpus])] {
    let wcFiles = paths == [single] ? [single] : logFiles
    // A first read warms the page cache, so neither side pays for the disk; then the best of two runs.
    _ = Child.run(["/usr/bin/wc", "-l"] + wcFiles)
    let wc = [Child.run(["/usr/bin/wc", "-l"] + wcFiles), Child.run(["/usr/bin/wc", "-l"] + wcFiles)]
        .min { $0.seconds < $1.seconds }!
    let ours = [Child.run([CommandLine.arguments[0], "measure"] + paths), Child.run([CommandLine.arguments[0], "measure"] + paths)]
        .min { Child.indexSeconds($0) < Child.indexSeconds($1) }!
    let fields = ours.output.split(separator: " ").compactMap { Double($0) }
    guard fields.count >= 5 else { print("measure failed: \(ours.output)"); exit(1) }
    let (bytes, records, indexSeconds, mergeSeconds, indexPeak) = (fields[0], fields[1], fields[2], fields[3], fields[4])
    let mb = bytes / 1_000_000
    print("\(label): \(String(format: "%.1f", mb)) MB, \(Int(records)) records")
    print(String(format: "  wc -l         %7.3f s  %8.0f MB/s", wc.seconds, mb / wc.seconds))
    print(String(format: "  cmlens index  %7.3f s  %8.0f MB/s  %10.0f records/s  peak %6.1f MiB  (%.2f× wc -l)",
                 indexSeconds, mb / indexSeconds, records / indexSeconds, indexPeak, indexSeconds / wc.seconds))
    print(String(format: "  merge by time %7.3f s  (process: %.3f s wall, %.2f s CPU, peak %.1f MiB)",
                 mergeSeconds, ours.seconds, ours.cpuSeconds, ours.peakMiB))
    print(String(format: "  CPU: wc -l %.2f s, cmlens %.2f s", wc.cpuSeconds, ours.cpuSeconds))
}

enum Measure {
    /// Prints `bytes records indexSeconds mergeSeconds` for the given paths.
    static func run(_ paths: [String]) {
        let start = DispatchTime.now()
        let inputs = WorkspaceScanner.scan(paths)
        let logs = LoadedLogs.load(inputs)
        let indexed = DispatchTime.now()
        let indexPeak = peakResidentMiB()
        let merged = LogMerge.merged(logs)
        let done = DispatchTime.now()
        func seconds(_ a: DispatchTime, _ b: DispatchTime) -> Double { Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9 }
        print("\(logs.byteCount) \(logs.recordCount) \(seconds(start, indexed)) \(seconds(indexed, done)) \(indexPeak) \(merged.count)")
    }

    /// VmHWM: the peak resident set so far, in MiB.
    static func peakResidentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}

enum Corpus {
    static func prepare(corpus: String, single: String, generator: CorpusGenerator) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: corpus + "/.complete") {
            print("generating \(corpus) …")
            do {
                try generator.write(to: corpus)
                _ = fm.createFile(atPath: corpus + "/.complete", contents: Data())
            } catch {
                print("cannot write the corpus: \(error.localizedDescription)")
                exit(1)
            }
        }
        if !fm.fileExists(atPath: single) {
            print("concatenating \(single) …")
            concatenate(logFiles(in: corpus), into: single)
        }
    }

    /// One file of `files`' bytes in order (a big single log made of the corpus's own).
    static func concatenate(_ files: [String], into path: String) {
        let fm = FileManager.default
        _ = fm.createFile(atPath: path, contents: nil)
        guard let out = FileHandle(forWritingAtPath: path) else { print("cannot write \(path)"); exit(1) }
        for file in files {
            if let bytes = fm.contents(atPath: file) { out.write(bytes) }
        }
        try? out.close()
    }

    static func logFiles(in corpus: String) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: corpus) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".log") }.sorted().map { corpus + "/" + $0 }
    }
}

enum Child {
    struct Result {
        var status: Int32
        var seconds: Double
        var peakMiB: Double
        var cpuSeconds: Double = 0
        var output: String
    }

    /// The index time a `measure` child printed (third field).
    static func indexSeconds(_ result: Result) -> Double {
        let fields = result.output.split(separator: " ").compactMap { Double($0) }
        return fields.count >= 3 ? fields[2] : .infinity
    }

    /// Runs a program with its output in a temporary file; times it and reads its peak RSS from wait4.
    static func run(_ argv: [String]) -> Result {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-bench-\(UUID().uuidString)").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // Warnings about the generated corpus's deliberate damage are not the figures.
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions); unlink(outputPath) }
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ) == 0 else {
            return Result(status: 127, seconds: 0, peakMiB: 0, output: "cannot run \(argv[0])")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Result(status: status, seconds: seconds, peakMiB: Double(usage.ru_maxrss) / 1024, cpuSeconds: cpu,
                      output: output)
    }
}
