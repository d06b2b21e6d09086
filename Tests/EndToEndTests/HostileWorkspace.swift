import CMLensCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A workspace of nasty inputs beside one good client, generated at run time (deterministically:
/// same bytes on every run) into a temporary folder, so nothing large is committed.
///
/// Each hostile item is a client folder `H-…` (or a file among the inventory, site control or
/// machine lists) whose problem must be reported by name while the good client, a copy of the
/// sample's `WKS-LAB-007`, is still read in full.
struct HostileWorkspace {
    let root: URL
    var path: String { root.path }

    /// What a hostile log item is, and what cmlens must say about it.
    struct Item: Sendable, CustomStringConvertible {
        var folder: String
        /// Text stderr must contain (the file's name, with `:line` where there is one); nil when
        /// the file is readable as it is (huge thread ids are kept as written).
        var mention: String?
        /// An error (exit status 1) rather than a warning (exit status 0).
        var isError: Bool
        var description: String { folder }
    }

    /// The hostile logs (all named `execmgr.log`, so that every log reader reads them: log, timeline,
    /// diagnose, sql's Logs, the console).
    static let logItems: [Item] = [
        Item(folder: "H-BINARY", mention: "H-BINARY/execmgr.log: binary data", isError: true),
        Item(folder: "H-NUL", mention: "H-NUL/execmgr.log:2:", isError: false),
        Item(folder: "H-LONGLINE", mention: "H-LONGLINE/execmgr.log:3:", isError: false),
        Item(folder: "H-TRUNCATED", mention: "H-TRUNCATED/execmgr.log:2:", isError: false),
        Item(folder: "H-UTF16ODD", mention: "H-UTF16ODD/execmgr.log: UTF-16 file has an odd number of bytes", isError: false),
        Item(folder: "H-BOMMID", mention: "H-BOMMID/execmgr.log:", isError: false),
        Item(folder: "H-BADUTF8", mention: "H-BADUTF8/execmgr.log:", isError: false),
        Item(folder: "H-BIAS", mention: "H-BIAS/execmgr.log:1:", isError: false),
        Item(folder: "H-BADDATE", mention: "H-BADDATE/execmgr.log:1:", isError: false),
        Item(folder: "H-THREAD", mention: nil, isError: false),
        Item(folder: "H-FIFO", mention: "H-FIFO/execmgr.log: not a regular file", isError: true),
        Item(folder: "H-LOOP", mention: "H-LOOP/self: folder already read", isError: false),
        Item(folder: "H-LOOP", mention: "H-LOOP/a.log: symlink loop", isError: false),
        Item(folder: "H-VANISHED", mention: "H-VANISHED/execmgr.log: dangling link (its target does not exist)", isError: false),
    ]

    /// A record in the client's own format; `time`'s bias and `date` may be anything.
    static func record(_ message: String, time: String = "10:00:00.000+300", date: String = "01-14-2011",
                       type: Int = 1, thread: String = "7") -> String {
        "<![LOG[\(message)]LOG]!><time=\"\(time)\" date=\"\(date)\" component=\"execmgr\" context=\"\" type=\"\(type)\" thread=\"\(thread)\" file=\"x.cpp:1\">\r\n"
    }

    /// Creates the workspace; `hugeLine` adds a client with a single 100 MB line (slow in a debug build).
    /// `name` fixes the folder's name (a shared workspace); workspaces left by finished test processes are removed.
    static func make(hugeLine: Bool = false, name: String? = nil) throws -> HostileWorkspace {
        let temp = FileManager.default.temporaryDirectory
        for old in (try? FileManager.default.contentsOfDirectory(atPath: temp.path)) ?? [] where old.hasPrefix("cmlens-hostile-shared-") {
            if let pid = Int32(old.dropFirst("cmlens-hostile-shared-".count)), pid != getpid(), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: temp.appendingPathComponent(old))
            }
        }
        let root = temp.appendingPathComponent(name ?? "cmlens-hostile-\(UUID().uuidString)")
        try? FileManager.default.removeItem(at: root)
        let w = HostileWorkspace(root: root)
        try w.build(hugeLine: hugeLine)
        return w
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func write(_ relative: String, _ text: String) throws { try write(relative, Array(text.utf8)) }

    private func build(hugeLine: Bool) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let samples = CmlensRun.repositoryRoot.appendingPathComponent("Samples")
        try fm.copyItem(at: samples.appendingPathComponent("WKS-LAB-007"), to: root.appendingPathComponent("WKS-LAB-007"))
        try fm.copyItem(at: samples.appendingPathComponent("inventory"), to: root.appendingPathComponent("inventory"))
        var random = SplitMix64(seed: 10)

        // Binary: a core dump renamed .log.
        try write("H-BINARY/execmgr.log", random.take(64 << 10))
        // A run of NUL bytes where a power loss left the file's tail unwritten.
        try write("H-NUL/execmgr.log", Self.record("before the power loss") + String(repeating: "\u{0}", count: 4096)
                  + Self.record("after the reboot"))
        // 10 MB in one record, then 10 MB of junk on one line, then a normal record.
        let ten = String(repeating: "x", count: 10 << 20)
        try write("H-LONGLINE/execmgr.log", Self.record("long " + ten) + "junk\r\n" + ten + "\r\n" + Self.record("after the long lines"))
        // A record cut off at the end of the file (the client crashed mid-write).
        try write("H-TRUNCATED/execmgr.log", Self.record("complete") + "<![LOG[cut off]LOG]!><time=\"10:00:01.0")
        // UTF-16LE with a BOM and an odd number of bytes.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in (Self.record("utf-16 one") + Self.record("utf-16 two")).utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        try write("H-UTF16ODD/execmgr.log", utf16 + [0x41])
        // BOMs in the middle: UTF-8's, then UTF-16's, where two logs were concatenated.
        try write("H-BOMMID/execmgr.log", Array(Self.record("first").utf8) + [0xEF, 0xBB, 0xBF]
                  + Array(Self.record("after a UTF-8 BOM").utf8) + [0xFF, 0xFE] + Array(Self.record("after a UTF-16 BOM").utf8)
                  + Array("plain junk\r\n".utf8))
        // Invalid UTF-8: overlong, surrogate, out of range, lone continuation, cut-off sequence at the end.
        try write("H-BADUTF8/execmgr.log", Array(Self.record("bad \u{FFFD}").utf8).dropLast(0)
                  + Array("<![LOG[overlong ".utf8) + [0xC0, 0x80, 0xED, 0xA0, 0x80, 0xF5, 0x80, 0x80, 0x80, 0x80, 0x9B]
                  + Array("]LOG]!><time=\"10:00:02.000+300\" date=\"01-14-2011\" component=\"execmgr\" context=\"\" type=\"3\" thread=\"7\" file=\"\">\r\n".utf8)
                  + [0xE2, 0x82])
        // Time zones: WMI's `+-300`, then a bias beyond any zone.
        try write("H-BIAS/execmgr.log", Self.record("two signs", time: "10:00:00.000+-300")
                  + Self.record("far away", time: "10:00:01.000+99999") + Self.record("no bias", time: "10:00:02.000"))
        // A 13th month, a 45th day, a 25th hour.
        try write("H-BADDATE/execmgr.log", Self.record("month thirteen", date: "13-45-2011")
                  + Self.record("hour 25", time: "25:61:61.000+300") + Self.record("february 30", date: "02-30-2011")
                  + Self.record("year zero", date: "00-00-0000"))
        // Thread ids no integer holds.
        try write("H-THREAD/execmgr.log", Self.record("huge thread", thread: String(repeating: "9", count: 400))
                  + Self.record("negative thread", thread: "-18446744073709551617") + Self.record("hex thread", thread: "0xFFFFFFFFFFFFFFFFFFFF"))
        // A named pipe called execmgr.log: opening it for reading would wait for a writer forever.
        try fm.createDirectory(at: root.appendingPathComponent("H-FIFO"), withIntermediateDirectories: true)
        guard mkfifo(root.appendingPathComponent("H-FIFO/execmgr.log").path, 0o644) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        // A symlink loop (a link to its own folder) and a two-link cycle, beside a readable log.
        try write("H-LOOP/execmgr.log", Self.record("inside the loop folder"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("H-LOOP/self").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("H-LOOP/a.log").path, withDestinationPath: "b.log")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("H-LOOP/b.log").path, withDestinationPath: "a.log")
        // A log that vanished between listing and reading: a dangling link.
        try fm.createDirectory(at: root.appendingPathComponent("H-VANISHED"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("H-VANISHED/execmgr.log").path,
                                  withDestinationPath: "/nonexistent/cmlens-vanished.log")
        if hugeLine {
            let hundred = [UInt8](repeating: UInt8(ascii: "y"), count: 100 << 20)
            try write("H-HUGELINE/execmgr.log", Array(Self.record("before").utf8) + hundred + [0x0D, 0x0A]
                      + Array(Self.record("after the 100 MB line").utf8))
        }

        // Site control: blocks nested 100,000 deep, never closed.
        var nested = "BEGIN_SITE_DEFINITION\r\n"
        for k in 0..<100_000 { nested += "BEGIN_SITE_CONTROL_ITEM\r\n<item \(k)>\r\n" }
        nested += "PROPERTY <Execution Failure Retry Count><REG_DWORD><><3>\r\n"
        try write("site/sitectrl.ct0", nested)
        try write("sitecontrol/binary/sitectrl.ct0", random.take(32 << 10))
        try write("sitecontrol/truncated/sitectrl.ct0",
                  "BEGIN_SITE_DEFINITION\r\nPROPERTY <Execution Failure Retry Error Codes><REG_SZ><{4,5,8,")
        var odd: [UInt8] = [0xFF, 0xFE]
        for unit in "BEGIN_SITE_DEFINITION\r\nPROPERTY <Execution Failure Retry Count><REG_DWORD><><-5>\r\n".utf16 {
            odd += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        try write("sitecontrol/utf16odd/sitectrl.ct0", odd + [0x42])
        // Numbers past 64 bits' worth of seconds: a retry predicted from them once trapped.
        try write("sitecontrol/huge/sitectrl.ct0", "BEGIN_SITE_DEFINITION\r\n"
                  + "PROPERTY <Execution Failure Retry Count><REG_DWORD><><9223372036854775807>\r\n"
                  + "PROPERTY <Execution Failure Retry Interval><REG_DWORD><><9223372036854775807>\r\nEND_SITE_DEFINITION\r\n")

        // Inventory: 10,000 columns (the real ones among them), a binary CSV, ragged rows.
        var header = (0..<10_000).map { "Col\($0)" }
        header[17] = "ResourceID"; header[4_000] = "Name0"; header[9_999] = "Version0"
        var wide = header.joined(separator: ",") + "\r\n"
        for (id, version) in [(16_777_999, "4.00.6487.2157"), (16_777_998, "4.00.6487.2000")] {
            var row = (0..<10_000).map { "v\($0)" }
            row[17] = "\(id)"; row[4_000] = "SmsPowerManagement"; row[9_999] = version
            wide += row.joined(separator: ",") + "\r\n"
        }
        wide += "1,2,3\r\n"
        try write("inventory/wide.csv", wide)
        try write("inventory/binary.csv", random.take(16 << 10))
        try write("inventory/ragged.csv", "ResourceID,Name0,Version0\r\nabc,SmsInventory,4.0\r\n16777250,\"unclosed,4.0\r\n")

        // Machine names: control characters, a 1 MB line, an invalid UTF-8 name, beside a good one.
        try write("lists/sys.txt", Array("WKS-LAB-007\nbad\u{1B}]0;pwned\u{07}name\n".utf8) + [UInt8](repeating: 0x41, count: 1 << 20)
                  + Array("\nname-\u{202E}fdp.exe\n".utf8) + [0xC0, 0xAF, 0x0A])
        try write("lists/binary.sys.txt", random.take(8 << 10))

        // A rules file nested 100,000 arrays deep.
        try write("rules/deep.rules.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
    }
}

extension SplitMix64 {
    /// Deterministic bytes: the low byte of each draw.
    mutating func take(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
}
