#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which known log a file is when its name says nothing (`dump1.log`, `PC042.log`): most ConfigMgr
/// logs are written by one component named like the log (ClientIDManagerStartup, UpdatesHandler,
/// WUAHandler, ccmsetup, LocationServices), so the component most of its records name tells it.
public enum LogComponentIdentity {
    /// Records looked at: enough to outvote a few lines of another component at the start.
    static let sample = 200

    /// The name in `known` (lowercased `name.log`) that the file's main component stands for, or nil.
    public static func known(_ file: LogFileIndex, among known: Set<String>) -> String? {
        var counts: [String: Int] = [:]
        for index in 0..<min(file.count, sample) {
            if let component = file.component(at: index), !component.isEmpty { counts[component.lowercased(), default: 0] += 1 }
        }
        return main(counts, among: known)
    }

    /// The same from the head of a file on disk, before it is loaded: `component="…"` attributes in
    /// its first 16 KiB (NUL bytes dropped, so UTF-16 text reads as ASCII). Lets `diagnose` load a
    /// log a rule reads although its name does not say so.
    public static func known(path: String, among known: Set<String>) -> String? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 16 << 10)
        let got = LogReader.preadFully(fd, &head, offset: 0)
        // On bytes, with a byte search: this runs for every log of a workspace whose name says nothing.
        var bytes = head[0..<got].filter { $0 != 0 }
        let marker = Array("component=\"".utf8)
        var counts: [String: Int] = [:]
        bytes.withUnsafeBytes { b in
            var from = 0
            while let found = Bytes.find(marker, in: b, from: from, to: b.count) {
                let start = found + marker.count
                var end = start
                while end < b.count && b[end] != 0x22 && b[end] != 0x0A && end - start < 128 { end += 1 }
                if end > start {
                    counts[String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<end]), as: UTF8.self).lowercased(), default: 0] += 1
                }
                from = end
            }
        }
        bytes = []
        return main(counts, among: known)
    }

    /// The component most records name, when it is more than half of them and names a known log.
    private static func main(_ counts: [String: Int], among known: Set<String>) -> String? {
        let total = counts.values.reduce(0, +)
        guard let (component, count) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
              count * 2 > total else { return nil }
        let name = component + ".log"
        return known.contains(name) ? name : nil
    }
}
