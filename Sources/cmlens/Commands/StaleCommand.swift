import ArgumentParser
import CMLensCore
import Foundation

struct StaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stale",
        abstract: "Name, IP, Reverse, Status for each machine (DNS forward/reverse check).",
        discussion: """
            Resolves each listed machine (A and AAAA), looks each address up in the reverse zone (PTR) \
            and compares the names. Statuses: OK, IP registered to another system, Could not Resolve IP, \
            IP Address not found in reverse zone; DNS query timed out and DNS server failure mean the \
            lookup failed, not the machine. Exit status 1 when the list had errors or a lookup failed.
            """)

    @Argument(help: "The list of machine names, or a folder holding sys.txt / *.sys.txt (default: ./sys.txt, else Samples/sys.txt).")
    var file: String?

    @Option(name: .customLong("dns-server"), help: ArgumentHelp("Ask only this server, by numeric address (10.0.0.53, 127.0.0.1:5353, [::1]:5353); default: the system's resolver configuration.", valueName: "addr[:port]"))
    var dnsServer: String?

    @Option(help: ArgumentHelp("Seconds one query may wait for an answer (whole seconds, rounded up; no retries).", valueName: "seconds"))
    var timeout: Double = 2

    @Option(help: "Queries in flight at most (1-256).")
    var concurrency: Int = 32

    @Option(help: "text, json (one object per line) or csv.")
    var format: OutputFormat = .text

    func run() throws {
        guard timeout > 0, timeout <= 300 else { throw UsageError("--timeout \(timeout): give 1 to 300 seconds") }
        guard (1...256).contains(concurrency) else { throw UsageError("--concurrency \(concurrency): give 1 to 256") }
        let server = try dnsServer.map { text throws(UsageError) in try DNSServerAddress(parsing: text) }
        let list = try Workspace.machineLists(file).machineList
        Diagnostics.report(list.problems)

        let resolver = SystemResolver(server: server, timeoutSeconds: Int(timeout.rounded(.up)))
        let meter = ProgressMeter(enabled: isatty(2) == 1 && list.entries.count > 50)
        let rows: [StaleSystemRow]
        do {
            rows = try StaleSystemCheck.run(names: list.names, resolver: resolver, concurrency: concurrency) { step in
                meter.show(step.completed, of: step.total)
            }
        } catch let error as DNSSetupError {
            throw UsageError(error.description)
        }
        meter.clear()

        let out = StandardOutput.shared
        switch format {
        case .text:
            let style = ANSIStyle.standardOutput
            for line in StaleSystemOutput.table(rows) { out.line(style.render(line)) }
        case .json:
            for row in rows { out.line(StaleSystemOutput.json(row)) }
        case .csv:
            out.line(CSVRow.render(StaleSystemOutput.csvHeader))
            for row in rows { out.line(StaleSystemOutput.csv(row)) }
        }
        out.flush()

        let failures = rows.filter(\.status.isLookupFailure)
        if !failures.isEmpty {
            let asked = server.map { "from \($0)" } ?? "from the system's DNS servers"
            let timedOut = failures.filter { $0.status == .timedOut }.count
            var parts: [String] = []
            if timedOut > 0 {
                parts.append("\(timedOut) got no answer \(asked) within \(Int(timeout.rounded(.up))) s ('\(StaleStatus.timedOut.rawValue)')")
            }
            if failures.count > timedOut {
                parts.append("\(failures.count - timedOut) got a failure or refusal \(asked) ('\(StaleStatus.serverFailure.rawValue)')")
            }
            FileHandle.standardError.write(Data(
                "cmlens: warning: of \(rows.count) rows, \(parts.joined(separator: " and ")); those say nothing about the machines: rerun, raise --timeout, or check --dns-server\n".utf8))
        }
        if list.hasErrors || !failures.isEmpty { throw InputHadErrors() }
    }
}

/// "checked 1200 of 5000" on standard error while a long check runs, only on a terminal.
private final class ProgressMeter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastShown = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ completed: Int, of total: Int) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastShown) > 0.2 || completed == total else { return }
            lastShown = now
            FileHandle.standardError.write(Data("\rchecked \(completed) of \(total) machines".utf8))
        }
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
