import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Follow mode under load: a writer appends numbered records at 10,000 per second for about ten
/// seconds, rotating execmgr.log to execmgr.lo_ halfway as the ConfigMgr client does. The console,
/// following all along, must end up with every record exactly once: the count in the status line,
/// per-half counts through the filter, and the records on both sides of the rotation.
@Suite(.serialized, .enabled(if: TmuxHarness.shouldRun)) struct FollowStressTmuxTests {
    /// Records written (CMLENS_FOLLOW_RECORDS overrides, e.g. for a longer local run).
    static let total = Int(ProcessInfo.processInfo.environment["CMLENS_FOLLOW_RECORDS"] ?? "") ?? 100_000
    static let perSecond = 10_000

    static func record(_ seq: Int) -> String {
        let ms = seq % 1000, s = (seq / 1000) % 60, m = (seq / 60_000) % 60, h = 8 + seq / 3_600_000
        return String(format: "<![LOG[seq %06d appended by the stress writer]LOG]!><time=\"%02d:%02d:%02d.%03d+000\" date=\"01-14-2011\" component=\"execmgr\" context=\"\" type=\"1\" thread=\"7\" file=\"x.cpp:1\">\r\n",
                      seq, h, m, s, ms)
    }

    /// Appends records 1...total in batches every 10 ms, rotating after `total / 2`; returns the rate achieved.
    static func write(log: String, rotated: String) -> Double {
        var fd = open(log, O_WRONLY | O_APPEND)
        let start = Date()
        var seq = 1
        let batch = perSecond / 100
        while seq <= total {
            var chunk = ""
            for _ in 0..<batch where seq <= total {
                chunk += record(seq)
                if seq == total / 2 {
                    // ConfigMgr's rotation: write out, rename the full log to .lo_, start a new .log.
                    _ = chunk.withCString { Glibc.write(fd, $0, strlen($0)) }
                    chunk = ""
                    close(fd)
                    rename(log, rotated)
                    fd = open(log, O_WRONLY | O_APPEND | O_CREAT, 0o644)
                }
                seq += 1
            }
            _ = chunk.withCString { Glibc.write(fd, $0, strlen($0)) }
            // Keep to the rate: batch k is due at k * 10 ms.
            let due = Double(seq - 1) / Double(perSecond)
            let wait = due - Date().timeIntervalSince(start)
            if wait > 0 { usleep(useconds_t(wait * 1e6)) }
        }
        close(fd)
        return Double(total) / Date().timeIntervalSince(start)
    }

    @Test func tenThousandLinesASecondWithARotationLoseNothing() throws {
        let root = NSTemporaryDirectory() + "cmlens-follow-stress-\(getpid())"
        let client = root + "/PC-STRESS"
        try FileManager.default.createDirectory(atPath: client, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let log = client + "/execmgr.log"
        try Self.record(0).write(toFile: log, atomically: true, encoding: .utf8)

        let t = try TmuxHarness.console(root)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("2")
        _ = try t.press("F")
        _ = try t.wait(forText: "FOLLOW")

        let rate = Self.write(log: log, rotated: client + "/execmgr.lo_")
        print("follow stress: wrote \(Self.total) records at \(Int(rate)) per second")
        #expect(rate > Double(Self.perSecond) * 0.8, "the writer only managed \(Int(rate)) records per second")
        let all = Self.total + 1
        var screen = try t.wait(for: "all \(all) records", timeout: 60) { $0.contains("all clients · \(Self.grouped(all))/\(Self.grouped(all))") }
        #expect(screen.contains(String(format: "seq %06d", Self.total)))
        #expect(!screen.contains("unparsed"))

        // Each half once: the filter counts them (records 0...50,000 went to .lo_, the rest to the new .log).
        #expect(Self.total == 100_000 || ProcessInfo.processInfo.environment["CMLENS_FOLLOW_RECORDS"] != nil)
        let checks: [(String, Int)] = Self.total == 100_000 ? [
            ("text=^seq.0[0-4]", 50_000),
            ("text=^seq.(0[5-9]|1)", 50_001),
            ("text=^seq.0(4999[89]|5000[012])", 5),
        ] : []
        for (filter, expected) in checks {
            _ = try t.press("f")
            try t.type(filter)
            _ = try t.press("Enter")
            screen = try t.wait(for: "\(expected) records for \(filter)", timeout: 60) {
                $0.contains("/\(Self.grouped(expected)) of \(Self.grouped(all))") && $0.contains("READY")
            }
            _ = try t.press("c")
            _ = try t.wait(for: "the unfiltered view") { !$0.contains("filter:") && $0.contains("READY") }
        }
        _ = try t.send("q")
    }

    /// A count as the status line writes it (`100,001`).
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
