import CMLensCore
import Foundation

/// The Logs pane's filter, typed as words: `level>=warning component=execmgr thread=2484
/// file=execmgr.log text=RE -text=RE since=2011-01-14T10:00 until=…`; a bare word is `text=`.
///
/// Level, component, file and time are answered by the index; thread and text need the record decoded.
struct LogFilter: Sendable, Equatable {
    var minimumLevel: LogLevel?
    var exactLevel: LogLevel?
    var components: [String] = []
    var threads: [String] = []
    /// Logs by name (`execmgr.log` keeps its rotations too), case-insensitively.
    var files: [String] = []
    var include: [String] = []
    var exclude: [String] = []
    var since: String?
    var until: String?

    var isEmpty: Bool { self == LogFilter() }

    static func parse(_ text: String) throws -> LogFilter {
        var filter = LogFilter()
        for word in text.split(separator: " ").map(String.init) {
            let (key, value) = split(word)
            switch key {
            case "level", "level>=":
                guard let level = LogLevel(name: value) else {
                    throw UsageError("level \"\(value)\" not understood; use verbose, info, warning or error")
                }
                if key == "level" { filter.exactLevel = level } else { filter.minimumLevel = level }
            case "component": filter.components += value.split(separator: ",").map(String.init)
            case "thread": filter.threads += value.split(separator: ",").map(String.init)
            case "file": filter.files += value.split(separator: ",").map(String.init)
            case "text": filter.include.append(try checked(value))
            case "-text": filter.exclude.append(try checked(value))
            case "since": _ = try TimeBound(parsing: value); filter.since = value
            case "until": _ = try TimeBound(parsing: value); filter.until = value
            case "": filter.include.append(try checked(value))
            default:
                throw UsageError("filter \"\(word)\" not understood; use level>=L level=L component=C thread=T file=F text=RE -text=RE since=T until=T")
            }
        }
        return filter
    }

    private static func split(_ word: String) -> (String, String) {
        if word.hasPrefix("level>=") { return ("level>=", String(word.dropFirst(7))) }
        guard let eq = word.firstIndex(of: "=") else { return ("", word) }
        return (String(word[..<eq]).lowercased(), String(word[word.index(after: eq)...]))
    }

    private static func checked(_ pattern: String) throws -> String {
        do { _ = try TextPattern(pattern) } catch { throw UsageError("\(error)") }
        return pattern
    }

    /// The filter as it would be typed, for the status bar and for editing it again.
    var text: String {
        var words: [String] = []
        if let exactLevel { words.append("level=\(exactLevel.name)") }
        if let minimumLevel { words.append("level>=\(minimumLevel.name)") }
        if !components.isEmpty { words.append("component=" + components.joined(separator: ",")) }
        if !threads.isEmpty { words.append("thread=" + threads.joined(separator: ",")) }
        if !files.isEmpty { words.append("file=" + files.joined(separator: ",")) }
        words += include.map { "text=" + $0 } + exclude.map { "-text=" + $0 }
        if let since { words.append("since=" + since) }
        if let until { words.append("until=" + until) }
        return words.joined(separator: " ")
    }

    /// The part the index answers.
    var indexed: RecordFilter {
        RecordFilter(minimumLevel: minimumLevel, components: Set(components),
                     since: since.flatMap { try? TimeBound(parsing: $0) },
                     until: until.flatMap { try? TimeBound(parsing: $0) })
    }

    /// Thread and bounds on each log's clock need each record decoded; text goes to the search engine.
    var needsDecoding: Bool { !threads.isEmpty || indexed.needsDecoding }

    /// A compiled form, for the background job that runs it over millions of records.
    struct Compiled: Sendable {
        var indexed: RecordFilter
        var exactLevel: LogLevel?
        var threads: Set<String>
        /// Log names, lowercased; empty keeps every log. Applied file by file (`admitsFile`).
        var files: Set<String>
        var include: [TextPattern]
        var exclude: [TextPattern]
        var needsDecoding: Bool

        func admitsIndexed(_ file: LogFileIndex, _ index: Int) -> Bool {
            if let exactLevel, file.level(at: index) != exactLevel { return false }
            return indexed.admitsIndexed(file, index)
        }

        func admitsFile(_ file: LogFileIndex) -> Bool {
            files.isEmpty || files.contains(file.logName.lowercased())
        }

        func admitsDecoded(_ record: LogRecord) -> Bool {
            if !threads.isEmpty && !threads.contains(record.thread) { return false }
            return indexed.admitsDecoded(record)
        }
    }

    func compiled() -> Compiled {
        Compiled(indexed: indexed, exactLevel: exactLevel, threads: Set(threads), files: Set(files.map { $0.lowercased() }),
                 include: include.compactMap { try? TextPattern($0) },
                 exclude: exclude.compactMap { try? TextPattern($0) }, needsDecoding: needsDecoding)
    }
}
