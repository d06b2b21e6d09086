/// The filter language of the console's filter bar and of `cmlens log --filter`, typed as words:
/// `level>=warning component=execmgr thread=2484 file=execmgr.log text=RE -text=RE
/// since=2011-01-14T10:00 until=…`; a bare word is `text=`. Every word must hold for a record to be
/// kept; a word's values separated by commas are alternatives (`thread=12,2484`).
///
/// Level, component, file and time are answered by the index; thread and text need more: text goes
/// to the search engine (a byte scan per file), thread needs the record decoded.
public struct LogFilter: Sendable, Equatable {
    /// This level and worse (`level>=warning`).
    public var minimumLevel: LogLevel?
    /// Exactly this level (`level=warning`).
    public var exactLevel: LogLevel?
    public var components: [String] = []
    public var threads: [String] = []
    /// Logs by name (`execmgr.log` keeps its rotations too), case-insensitively.
    public var files: [String] = []
    /// Regular expressions the message must match (`text=`, or a bare word).
    public var include: [String] = []
    /// Regular expressions the message must not match (`-text=`).
    public var exclude: [String] = []
    public var since: String?
    public var until: String?

    public init() {}

    public var isEmpty: Bool { self == LogFilter() }

    /// The words of `text` added to this filter (`cmlens log --filter` may be given several times).
    public static func parse(_ text: String, adding to: LogFilter = LogFilter()) throws(UsageError) -> LogFilter {
        var filter = to
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) {
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
            case "since": filter.since = try checkedTime(value)
            case "until": filter.until = try checkedTime(value)
            case "": filter.include.append(try checked(value))
            default:
                throw UsageError("filter \"\(word)\" not understood; use \(grammar)")
            }
        }
        return filter
    }

    /// Every word, as the error for an unknown one and the help list them.
    public static let grammar = "level>=L level=L component=C thread=T file=F text=RE -text=RE since=T until=T"

    private static func split(_ word: String) -> (String, String) {
        if word.hasPrefix("level>=") { return ("level>=", String(word.dropFirst(7))) }
        guard let eq = word.firstIndex(of: "=") else { return ("", word) }
        return (String(word[..<eq]).lowercased(), String(word[word.index(after: eq)...]))
    }

    private static func checked(_ pattern: String) throws(UsageError) -> String {
        do { _ = try TextPattern(pattern) } catch { throw UsageError("\(error)") }
        return pattern
    }

    private static func checkedTime(_ text: String) throws(UsageError) -> String {
        do { _ = try TimeBound(parsing: text) } catch let error as UsageError { throw error } catch { throw UsageError("\(error)") }
        return text
    }

    /// The filter as it would be typed, for the status bar and for editing it again.
    public var text: String {
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
    public var indexed: RecordFilter {
        RecordFilter(minimumLevel: minimumLevel, components: Set(components),
                     since: since.flatMap { try? TimeBound(parsing: $0) },
                     until: until.flatMap { try? TimeBound(parsing: $0) })
    }

    /// Thread and bounds on each log's clock need each record decoded; text goes to the search engine.
    public var needsDecoding: Bool { !threads.isEmpty || indexed.needsDecoding }

    /// The predicate over records, patterns compiled, for a run over millions of records.
    public func compiled() -> Compiled {
        Compiled(indexed: indexed, exactLevel: exactLevel, threads: Set(threads), files: Set(files.map { $0.lowercased() }),
                 include: include.compactMap { try? TextPattern($0) },
                 exclude: exclude.compactMap { try? TextPattern($0) })
    }
}
