import Foundation

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
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 16 << 10) else { return nil }
        let text = String(decoding: data.filter { $0 != 0 }, as: UTF8.self)
        var counts: [String: Int] = [:]
        var rest = Substring(text)
        while let found = rest.range(of: "component=\"") {
            let value = rest[found.upperBound...].prefix { $0 != "\"" && $0 != "\n" }
            if !value.isEmpty { counts[value.lowercased(), default: 0] += 1 }
            rest = rest[found.upperBound...]
        }
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
