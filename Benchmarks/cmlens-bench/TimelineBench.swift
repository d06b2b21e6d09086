import CMLensCore
import Foundation

/// `cmlens-bench timeline [--data DIR]`: the execution history (every execmgr line read into
/// program timelines) over the benchmark corpus's execmgr logs — once as 1,340 client logs, once as
/// one client's log of the same bytes (the hard case: one big history) — against `wc -l` on the same files.
enum TimelineBench {
    static func run(_ arguments: [String]) {
        var data = "bench-data"
        if let k = arguments.firstIndex(of: "--data"), k + 1 < arguments.count { data = arguments[k + 1] }
        let generator = CorpusGenerator(clients: 1340, recordsPerLog: 320, seed: 1)
        let corpus = "\(data)/cmlens-corpus-1340x320-s1"
        Corpus.prepare(corpus: corpus, single: corpus + ".single.log", generator: generator)
        let execmgrFiles = Corpus.logFiles(in: corpus).filter { $0.hasSuffix("/execmgr.log") }
        let one = "\(data)/timeline-one-client/BIG"
        if !FileManager.default.fileExists(atPath: one + "/execmgr.log") {
            try? FileManager.default.createDirectory(atPath: one, withIntermediateDirectories: true)
            Corpus.concatenate(execmgrFiles, into: one + "/execmgr.log")
        }
        for (label, path, files) in [("\(execmgrFiles.count) client execmgr logs", corpus, execmgrFiles),
                                     ("one client's execmgr.log", one, [one + "/execmgr.log"])] {
            _ = Child.run(["/usr/bin/wc", "-l"] + files)
            let wc = [Child.run(["/usr/bin/wc", "-l"] + files), Child.run(["/usr/bin/wc", "-l"] + files)]
                .min { $0.seconds < $1.seconds }!
            let ours = [Child.run([CommandLine.arguments[0], "measure-timeline", path]),
                        Child.run([CommandLine.arguments[0], "measure-timeline", path])]
                .min { $0.seconds < $1.seconds }!
            let fields = ours.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
            guard fields.count >= 6 else { print("measure failed: \(ours.output)"); exit(1) }
            let (bytes, records, steps, timelines, load, build) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
            let mb = bytes / 1_000_000
            print("timeline, \(label): \(String(format: "%.1f", mb)) MB, \(Int(records)) records → \(Int(steps)) steps in \(Int(timelines)) timelines")
            print(String(format: "  wc -l                %7.3f s  %8.0f MB/s", wc.seconds, mb / wc.seconds))
            print(String(format: "  index + history      %7.3f s  %8.0f MB/s  %10.0f records/s  peak %.1f MiB  (%.1f× wc -l)",
                         load + build, mb / (load + build), records / (load + build), ours.peakMiB, (load + build) / wc.seconds))
            print(String(format: "    of which history   %7.3f s  %10.0f records/s", build, records / build))
        }
    }

    /// Prints `bytes records steps timelines loadSeconds buildSeconds` for the execmgr logs under `path`.
    static func measure(_ path: String) {
        let start = DispatchTime.now()
        let logs = LoadedLogs.load(ExecutionHistory.execmgrInputs(WorkspaceScanner.scan([path])))
        let loaded = DispatchTime.now()
        let history = ExecutionHistory.build(logs: logs, policy: .defaults, explain: ErrorExplainer.exitCodeMeaning)
        let built = DispatchTime.now()
        func seconds(_ a: DispatchTime, _ b: DispatchTime) -> Double { Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9 }
        let steps = history.timelines.reduce(history.unattributed.count) { $0 + $1.steps.count }
        print("\(logs.byteCount) \(logs.recordCount) \(steps) \(history.timelines.count) \(seconds(start, loaded)) \(seconds(loaded, built))")
    }
}
