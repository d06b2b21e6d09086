import Foundation
import Testing

/// `cmlens stale` against a real DNS server: a private dnsmasq on 127.0.0.1 holding the seed's
/// four cases. Only loopback addresses are ever queried (`--dns-server 127.0.0.1:PORT`).
@Suite(.serialized, .enabled(if: TestDNSServer.shouldRun, "dnsmasq is not installed; install dnsmasq-base to run the DNS tests"))
final class StaleCommandTests {
    let dns: TestDNSServer
    let folder: String

    init() throws {
        dns = try TestDNSServer(
            hosts: "10.1.0.3 xyz3.corp.test\nfd00::3 xyz3.corp.test\n",
            records: [
                // xyz1's A record is left over; the address now belongs to abc5 (its PTR says so).
                "--address=/xyz1.corp.test/10.1.0.1", "--host-record=abc5.corp.test,10.1.0.1",
                // xyz4 has an address but no PTR.
                "--address=/xyz4.corp.test/10.1.0.4",
            ])
        folder = try StaleRun.temporaryFolder()
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func list(_ text: String, name: String = "sys.txt") throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func printsTheSeedsFourStatuses() throws {
        let file = try list("# the seed's machines\nxyz1\nxyz2\n  XYZ3  \r\nxyz4   # laptop\n\nxyz1\n")
        let result = try StaleRun.cmlens(["stale", file, "--dns-server", dns.server])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            Name IP       Reverse        Status
            ---- --       -------        ------
            xyz1 10.1.0.1 abc5.corp.test IP registered to another system
            xyz2 -        -              Could not Resolve IP
            XYZ3 10.1.0.3 xyz3.corp.test OK
            XYZ3 fd00::3  xyz3.corp.test OK
            xyz4 10.1.0.4 -              IP Address not found in reverse zone

            """)
        #expect(result.stderr.contains("sys.txt:7: xyz1 is listed 2 times (line 2, then line 7); checked once"))
    }

    @Test func writesJSONAndCSV() throws {
        let file = try list("xyz1\nxyz2\nxyz4\n")
        let json = try StaleRun.cmlens(["stale", file, "--dns-server", dns.server, "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.split(separator: "\n") == [
            #"{"name":"xyz1","ip":"10.1.0.1","reverse":"abc5.corp.test","status":"IP registered to another system"}"#,
            #"{"name":"xyz2","ip":null,"reverse":null,"status":"Could not Resolve IP"}"#,
            #"{"name":"xyz4","ip":"10.1.0.4","reverse":null,"status":"IP Address not found in reverse zone"}"#,
        ])
        let csv = try StaleRun.cmlens(["stale", file, "--dns-server", dns.server, "--format", "csv"])
        #expect(csv.stdout == "Name,IP,Reverse,Status\nxyz1,10.1.0.1,abc5.corp.test,IP registered to another system\n"
            + "xyz2,,,Could not Resolve IP\nxyz4,10.1.0.4,,IP Address not found in reverse zone\n")
    }

    @Test func aServerThatNeverAnswersIsATimeoutNotAMissingMachine() throws {
        let silent = try SilentDNSServer()
        let file = try list("xyz1\nxyz2\nxyz3\n")
        let result = try StaleRun.cmlens(["stale", file, "--dns-server", "127.0.0.1:\(silent.port)", "--timeout", "1",
                                          "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stdout == "Name,IP,Reverse,Status\nxyz1,,,DNS query timed out\nxyz2,,,DNS query timed out\n"
            + "xyz3,,,DNS query timed out\n")
        #expect(result.stderr.contains("3 got no answer from 127.0.0.1:\(silent.port) within 1 s"))
        // Three machines in parallel, one 1-second query each: about a second, not three.
        #expect(result.seconds < 2.5, "took \(result.seconds) s")
    }

    @Test func aRefusingOrAbsentServerIsAServerFailure() throws {
        // dnsmasq refuses names outside its zones (it has no upstream); the final dot stops any search.
        let file = try list("elsewhere.example.\nxyz3\n")
        let refused = try StaleRun.cmlens(["stale", file, "--dns-server", dns.server, "--format", "csv"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("elsewhere.example.,,,DNS server failure\n"))
        #expect(refused.stdout.contains("xyz3,10.1.0.3,xyz3.corp.test,OK\n"))
        #expect(refused.stderr.contains("1 got a failure or refusal"))

        // A port where nothing listens: the kernel says so at once.
        guard let closed = Loopback.freePort() else { throw StaleTestError("no free port") }
        let absent = try StaleRun.cmlens(["stale", file, "--dns-server", "127.0.0.1:\(closed)", "--format", "csv"])
        #expect(absent.status == 1)
        #expect(absent.stdout == "Name,IP,Reverse,Status\nelsewhere.example.,,,DNS server failure\nxyz3,,,DNS server failure\n")
    }

    @Test func readsSysTxtFromTheWorkingDirectoryByDefault() throws {
        let workspace = folder + "/workspace"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        try "xyz3\n".write(toFile: workspace + "/sys.txt", atomically: true, encoding: .utf8)
        let result = try StaleRun.cmlens(["stale", "--dns-server", dns.server, "--format", "json"], in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(#"{"name":"xyz3","ip":"10.1.0.3","reverse":"xyz3.corp.test","status":"OK"}"#))

        // A folder argument: its sys.txt and *.sys.txt lists are merged.
        try "xyz2\n".write(toFile: workspace + "/lab.sys.txt", atomically: true, encoding: .utf8)
        let merged = try StaleRun.cmlens(["stale", workspace, "--dns-server", dns.server, "--format", "csv"])
        #expect(merged.stdout.contains("xyz2,,,Could not Resolve IP\n"))
        #expect(merged.stdout.contains("xyz3,10.1.0.3,xyz3.corp.test,OK\n"))

        let empty = folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let none = try StaleRun.cmlens(["stale", "--dns-server", dns.server], in: empty)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no sys.txt here or in Samples/"))
    }

    @Test func reportsBadLinesAndStillChecksTheRest() throws {
        let file = try list("xyz3\nnot a name\n10.1.0.3\n")
        let result = try StaleRun.cmlens(["stale", file, "--dns-server", dns.server, "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stdout == "Name,IP,Reverse,Status\nxyz3,10.1.0.3,xyz3.corp.test,OK\nxyz3,fd00::3,xyz3.corp.test,OK\n")
        #expect(result.stderr.contains("sys.txt:2: 'not a name' is not one machine name"))
        #expect(result.stderr.contains("sys.txt:3: '10.1.0.3' is an address"))
    }

    @Test func refusesBadOptions() throws {
        let file = try list("xyz3\n")
        for (arguments, message) in [
            (["--dns-server", "dns.corp.test"], "numeric IPv4 or IPv6 address"),
            (["--dns-server", "127.0.0.1:0"], "port must be a number"),
            (["--concurrency", "0"], "--concurrency 0"),
            (["--timeout", "0"], "--timeout"),
            (["--format", "xml"], "xml"),
        ] {
            let result = try StaleRun.cmlens(["stale", file] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let missing = try StaleRun.cmlens(["stale", folder + "/nope.txt", "--dns-server", dns.server])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
    }

    /// The issue's figure: 5,000 names against a local resolver in under 5 seconds (release build,
    /// measured in README.md). This debug-build test only guards against losing the parallelism.
    @Test func checksFiveThousandMachinesQuickly() throws {
        var hosts = ""
        var names = ""
        for k in 1...5000 {
            names += "m\(k)\n"
            if k <= 4500 { hosts += "10.2.\(k / 250).\(k % 250 + 1) m\(k).corp.test\n" }
        }
        let big = try TestDNSServer(hosts: hosts, records: [])
        let file = try list(names, name: "big.sys.txt")
        let result = try StaleRun.cmlens(["stale", file, "--dns-server", big.server, "--format", "csv"], deadline: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 5000)
        #expect(rows.filter { $0.hasSuffix(",OK") }.count == 4500)
        #expect(rows.filter { $0.hasSuffix(",Could not Resolve IP") }.count == 500)
        print("cmlens stale: 5000 names in \(String(format: "%.2f", result.seconds)) s (debug build)")
        #expect(result.seconds < 10, "took \(result.seconds) s")
    }
}
