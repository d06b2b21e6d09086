import Foundation

/// `cmlens-bench search FILE [TREE]`: the search engine and the output paths of `cmlens log`
/// against `wc -l` and grep on the same file in the same run (page cache warm, best of two):
/// a rare literal, a case-insensitive alternation, every record as JSON, the errors as CSV; with
/// TREE (a folder of client logs), `cmlens diagnose TREE` against `cmlens log TREE --level error`.
enum SearchBench {
    static func run(_ arguments: [String]) {
        guard let file = arguments.first else {
            FileHandle.standardError.write(Data("usage: cmlens-bench search FILE [TREE]\n".utf8))
            exit(2)
        }
        let cmlens = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cmlens").path
        func best(_ argv: [String]) -> Child.Result {
            [Child.run(argv), Child.run(argv)].min { $0.seconds < $1.seconds }!
        }
        _ = Child.run(["/usr/bin/wc", "-l", file])
        let wc = best(["/usr/bin/wc", "-l", file])
        print("cmlens-bench search: \(file), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        func line(_ label: String, _ r: Child.Result, against base: (result: Child.Result, name: String)? = nil, note: String = "") {
            let ratio = base.map { String(format: "  (%.2f× ", r.seconds / $0.result.seconds) + $0.name + ")" } ?? ""
            print("  " + label.padding(toLength: 44, withPad: " ", startingAt: 0)
                  + String(format: " %7.3f s  CPU %6.2f s  peak %6.1f MiB", r.seconds, r.cpuSeconds, r.peakMiB) + ratio + note)
        }
        line("wc -l", wc)
        let grepLiteral = best(["/usr/bin/grep", "-c", "ZZZQQQ", file])
        line("grep -c ZZZQQQ", grepLiteral)
        line("cmlens log --grep ZZZQQQ", best([cmlens, "log", file, "--grep", "ZZZQQQ"]), against: (wc, "wc -l"))
        let grepRegex = best(["/usr/bin/grep", "-ciE", "exit code (999|1618)", file])
        line("grep -ciE 'exit code (999|1618)'", grepRegex, note: "  \(grepRegex.output.trimmingCharacters(in: .whitespacesAndNewlines)) lines")
        let ours = best([cmlens, "log", file, "--grep", "exit code (999|1618)", "--format", "csv"])
        let rows = max(0, ours.output.split(separator: "\n").count - 1)
        line("cmlens log --grep 'exit code (999|1618)'", ours, against: (grepRegex, "grep -ciE"), note: "  \(rows) CSV lines")
        // Every record as JSON, counted by wc -l in the pipe rather than kept: gigabytes of output.
        let json = best(["/bin/sh", "-c", "\"$0\" log \"$1\" --format json 2>/dev/null | wc -l", cmlens, file])
        let total = Double(json.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        line("cmlens log --format json | wc -l", json, note: String(format: "  %.0f records, %.0f records/s", total, total / json.seconds))
        line("cmlens log --level error --format csv", best([cmlens, "log", file, "--level", "error", "--format", "csv"]), against: (wc, "wc -l"))
        if arguments.count > 1 {
            let tree = arguments[1]
            let errors = best([cmlens, "log", tree, "--level", "error"])
            line("cmlens log TREE --level error", errors)
            let diagnose = best([cmlens, "diagnose", tree])
            line("cmlens diagnose TREE", diagnose, against: (errors, "log --level error"))
        }
    }
}
