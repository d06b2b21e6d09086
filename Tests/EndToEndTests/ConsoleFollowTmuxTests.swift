import Foundation
import Testing

/// Follow mode on a log that grows and then rotates to `.lo_`, in tmux.
@Suite(.enabled(if: TmuxHarness.shouldRun)) struct ConsoleFollowTmuxTests {
    static func record(_ message: String, _ time: String, type: Int = 1) -> String {
        "<![LOG[\(message)]LOG]!><time=\"\(time)+000\" date=\"01-14-2011\" component=\"execmgr\" context=\"\" type=\"\(type)\" thread=\"7\" file=\"x.cpp:1\">\r\n"
    }

    static func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    @Test func appendedLinesAndRotationAppearLive() throws {
        let root = NSTemporaryDirectory() + "cmlens-follow-\(getpid())"
        let client = root + "/PC-FOLLOW"
        try FileManager.default.createDirectory(atPath: client, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let log = client + "/execmgr.log"
        try Self.record("first line of the day", "08:00:00.000").write(toFile: log, atomically: true, encoding: .utf8)

        let t = try TmuxHarness.console(root)
        defer { t.kill() }
        _ = try t.wait(forText: "READY")
        _ = try t.press("2")
        _ = try t.press("F")
        _ = try t.wait(forText: "FOLLOW")

        try Self.append(Self.record("appended while watching", "08:00:05.000", type: 3), to: log)
        var screen = try t.wait(forText: "appended while watching")
        #expect(screen.contains("all clients · 2/2"))

        // ConfigMgr's rotation: the full log becomes .lo_, a new .log starts.
        try FileManager.default.moveItem(atPath: log, toPath: client + "/execmgr.lo_")
        try Self.record("after rotation", "08:00:09.000").write(toFile: log, atomically: true, encoding: .utf8)
        screen = try t.wait(forText: "after rotation")
        #expect(screen.contains("first line of the day") && screen.contains("appended while watching"))
        screen = try t.wait(forText: "all clients · 3/3")
    }
}
