import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Starting processes for the stale-systems tests: the real `cmlens` binary and a private dnsmasq.
/// Children get an empty signal mask and default handlers, and write to files, not pipes
/// (swift-ncurses-notes §2: children of Swift Testing otherwise inherit a blocked mask).
enum StaleRun {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = repository.appendingPathComponent(".build/debug/cmlens").path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// Runs `cmlens` with `arguments`; `LOCALDOMAIN=corp.test` makes short names search the test zone
    /// whatever resolv.conf says. `directory` is the working directory.
    static func cmlens(_ arguments: [String], in directory: String? = nil, deadline: Double = 60) throws -> Result {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let out = scratch + "/out", err = scratch + "/err"
        var argv = [binary] + arguments
        if let directory {
            // posix_spawn has no portable chdir; let a shell change directory and exec the binary.
            argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + argv
        }
        let start = Date()
        let pid = try spawn(argv, environment: ["LANG=C.UTF-8", "SWIFT_BACKTRACE=enable=no", "NO_COLOR=1",
                                                "PATH=/usr/bin:/bin", "LOCALDOMAIN=corp.test"],
                            stdout: out, stderr: err)
        let status = wait(pid, deadline: deadline)
        return Result(status: status, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "",
                      seconds: Date().timeIntervalSince(start))
    }

    static func spawn(_ argv: [String], environment: [String], stdout: String, stderr: String) throws -> pid_t {
        guard let pid = CmlensRun.spawn(argv, environment: environment, stdout: stdout, stderr: stderr) else {
            throw StaleTestError("cannot start \(argv[0])")
        }
        return pid
    }

    static func wait(_ pid: pid_t, deadline: Double) -> Int32 { CmlensRun.wait(pid, deadline: deadline) }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-stale-\(UUID().uuidString)").path
        // Readable by all: dnsmasq started as root reads its files after dropping to nobody.
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        return path
    }
}

struct StaleTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Loopback sockets for the tests. Nothing here ever addresses anything but 127.0.0.1.
enum Loopback {
    static let udp = Int32(SOCK_DGRAM.rawValue)
    static let tcp = Int32(SOCK_STREAM.rawValue)

    static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        return address
    }

    /// A socket bound to 127.0.0.1:`port` (0 = any free port), or nil.
    static func bound(_ type: Int32, port: Int) -> (fd: Int32, port: Int)? {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { return nil }
        var address = address(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); return nil }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }

    /// A high port free for both UDP and TCP right now (dnsmasq listens on both).
    static func freePort() -> Int? {
        for _ in 0..<20 {
            guard let udp = bound(Self.udp, port: 0) else { continue }
            let stream = bound(tcp, port: udp.port)
            close(udp.fd)
            if let stream {
                close(stream.fd)
                return udp.port
            }
        }
        return nil
    }

    static func acceptsConnections(port: Int) -> Bool {
        let fd = socket(AF_INET, tcp, 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = address(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}

/// A UDP port on 127.0.0.1 that takes queries and never answers: the timeout case.
final class SilentDNSServer {
    let port: Int
    private let fd: Int32

    init() throws {
        guard let socket = Loopback.bound(Loopback.udp, port: 0) else { throw StaleTestError("cannot bind a UDP port on 127.0.0.1") }
        fd = socket.fd
        port = socket.port
    }

    deinit { close(fd) }
}

/// A private dnsmasq on 127.0.0.1 and a free high port, serving only the zone data given.
final class TestDNSServer {
    let port: Int
    let folder: String
    private let pid: pid_t

    static let searchPaths = ["/usr/sbin/dnsmasq", "/sbin/dnsmasq", "/usr/bin/dnsmasq", "/usr/local/sbin/dnsmasq"]
    static var executable: String? { searchPaths.first { FileManager.default.isExecutableFile(atPath: $0) } }
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    /// Run when dnsmasq is here, and also under CI=true so that a missing one fails loudly.
    static var shouldRun: Bool { executable != nil || isCI }

    /// `records` are dnsmasq options (`--host-record=…`, `--address=…`, `--ptr-record=…`);
    /// `hosts` is an /etc/hosts-style file's text.
    init(hosts: String = "", records: [String]) throws {
        guard let executable = Self.executable else {
            throw StaleTestError("dnsmasq is not installed (Debian: apt-get install dnsmasq-base; scripts/install-deps.sh does it)")
        }
        folder = try StaleRun.temporaryFolder()
        let hostsFile = folder + "/hosts"
        try hosts.write(toFile: hostsFile, atomically: true, encoding: .utf8)
        var lastError = "no free port"
        for _ in 0..<3 {
            guard let port = Loopback.freePort() else { continue }
            let arguments = [
                executable, "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
                "--addn-hosts=\(hostsFile)", "--port=\(port)", "--listen-address=127.0.0.1", "--bind-interfaces",
                "--pid-file=\(folder)/dnsmasq.pid", "--log-facility=\(folder)/dnsmasq.log",
                // Authoritative for the test zones: NXDOMAIN for what they don't hold, nothing forwarded.
                "--local=/corp.test/", "--local=/in-addr.arpa/", "--local=/ip6.arpa/",
            ] + records
            let started = try StaleRun.spawn(arguments, environment: ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"],
                                             stdout: folder + "/dnsmasq.out", stderr: folder + "/dnsmasq.err")
            let deadline = Date().addingTimeInterval(10)
            var status: Int32 = 0
            while Date() < deadline {
                if Loopback.acceptsConnections(port: port) {
                    self.port = port
                    self.pid = started
                    return
                }
                if waitpid(started, &status, WNOHANG) == started { break }
                usleep(10_000)
            }
            kill(started, SIGKILL)
            _ = waitpid(started, &status, 0)
            lastError = ((try? String(contentsOfFile: folder + "/dnsmasq.err", encoding: .utf8)) ?? "")
                + ((try? String(contentsOfFile: folder + "/dnsmasq.log", encoding: .utf8)) ?? "")
        }
        try? FileManager.default.removeItem(atPath: folder)
        throw StaleTestError("dnsmasq did not start on 127.0.0.1: \(lastError)")
    }

    var server: String { "127.0.0.1:\(port)" }

    deinit {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
