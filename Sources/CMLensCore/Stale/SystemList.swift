import Foundation

/// A list of machine names to check (`sys.txt`): one name per line; blank lines and `#` comments
/// are ignored, names are trimmed, a name listed twice is checked once (and the repeat reported).
/// Windows tools write it as UTF-8, UTF-8 with BOM, ANSI or UTF-16 with BOM; all are read.
public struct SystemList: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var file: String
        /// 1-based line where the name first appears.
        public var line: Int
    }

    public var entries: [Entry] = []
    public var problems: [LoadProblem] = []

    public init() {}

    public var names: [String] { entries.map(\.name) }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Reads and merges several lists; a name in two files is checked once.
    public static func read(paths: [String]) -> SystemList {
        var builder = Builder()
        for path in paths {
            if builder.fileOrder[path] == nil { builder.fileOrder[path] = builder.fileOrder.count }
            let bytes: [UInt8]
            do {
                bytes = try [UInt8](InputFile.read(atPath: path, limit: InputFile.Limit.machineList))
            } catch {
                builder.problems.append(LoadProblem(
                    file: path, message: "list of machine names \(error); \(error.advice) (nothing was checked from it)"))
                continue
            }
            builder.add(bytes, file: path)
        }
        return builder.finish()
    }

    public static func parse(_ bytes: [UInt8], file: String) -> SystemList {
        var builder = Builder()
        builder.add(bytes, file: file)
        return builder.finish()
    }

    public static func parse(_ text: String, file: String) -> SystemList {
        parse(Array(text.utf8), file: file)
    }

    private struct Builder {
        var entries: [Entry] = []
        var problems: [LoadProblem] = []
        var firstSeen: [String: Int] = [:]   // folded name -> index in entries
        var repeats: [Int: [(file: String, line: Int)]] = [:]
        var fileOrder: [String: Int] = [:]

        mutating func add(_ bytes: [UInt8], file: String) {
            if fileOrder[file] == nil { fileOrder[file] = fileOrder.count }
            guard let text = SystemList.decode(bytes) else {
                problems.append(LoadProblem(file: file, message: "binary data, not a list of machine names (one name per line); nothing checked from it"))
                return
            }
            var lineNumber = 0
            var namesHere = 0
            // "\r\n" is one Character in Swift, so split on any line break rather than on "\n".
            for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                lineNumber += 1
                var line = Substring(rawLine)
                if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
                let trimmed = line.trimmingWhitespaceAndNewlines
                if trimmed.isEmpty { continue }
                switch MachineName.check(trimmed) {
                case .valid(let name):
                    namesHere += 1
                    add(name, file: file, line: lineNumber)
                case .validWithNote(let name, let note):
                    namesHere += 1
                    problems.append(LoadProblem(file: file, line: lineNumber, severity: .warning, message: note))
                    add(name, file: file, line: lineNumber)
                case .invalid(let reason):
                    problems.append(LoadProblem(file: file, line: lineNumber, message: reason + "; line skipped"))
                }
            }
            if namesHere == 0 {
                problems.append(LoadProblem(file: file, severity: .warning, message: "no machine names in this list (one name per line; # starts a comment)"))
            }
        }

        mutating func add(_ name: String, file: String, line: Int) {
            let key = MachineName.folded(name)
            if let first = firstSeen[key] {
                repeats[first, default: []].append((file, line))
                return
            }
            firstSeen[key] = entries.count
            entries.append(Entry(name: name, file: file, line: line))
        }

        func finish() -> SystemList {
            var list = SystemList()
            list.entries = entries
            list.problems = problems
            // One warning per repeated name, at its first repeat, naming every place it appears.
            for (index, places) in repeats.sorted(by: { $0.key < $1.key }) {
                let entry = entries[index]
                let others = places.map { $0.file == entry.file ? "line \($0.line)" : "\($0.file):\($0.line)" }
                list.problems.append(LoadProblem(
                    file: places[0].file, line: places[0].line, severity: .warning,
                    message: "\(entry.name) is listed \(places.count + 1) times (line \(entry.line), then \(others.joined(separator: ", "))); checked once"))
            }
            // In reading order, as an editor would list them.
            let order = fileOrder
            list.problems = list.problems.enumerated().sorted { a, b in
                let ka = (order[a.element.file] ?? 0, a.element.line ?? 0, a.offset)
                let kb = (order[b.element.file] ?? 0, b.element.line ?? 0, b.offset)
                return ka < kb
            }.map(\.element)
            return list
        }
    }

    /// Text of a list, or nil for binary data.
    static func decode(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var k = 2
            while k + 1 < bytes.count {
                units.append(little ? UInt16(bytes[k]) | UInt16(bytes[k + 1]) << 8 : UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1]))
                k += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.contains(0) { return nil }
        return TextDecoding.string(bytes)
    }
}
