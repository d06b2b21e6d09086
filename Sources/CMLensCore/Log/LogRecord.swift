/// One record of a log, whatever its format, with everything the user may be shown.
public struct LogRecord: Sendable, Hashable {
    /// The client (machine) whose logs these are: the folder's name.
    public var client: String
    /// The file the record was read from, as the user named it (or as found under a folder).
    public var file: String
    /// 1-based physical line where the record starts.
    public var line: Int
    /// nil for plain text and for records whose time could not be read.
    public var time: LogTime?
    public var level: LogLevel
    /// The raw `type` attribute when it was not one of 0…3 (kept so nothing is lost).
    public var rawType: String?
    public var component: String
    public var context: String
    public var thread: String
    /// The writer's `file=` attribute (`source.cpp:LINE`).
    public var source: String
    public var format: LogFormat
    /// The full message, newlines included, decoded (UTF-8, or Windows-1252 where it was not UTF-8).
    public var message: String

    public init(client: String, file: String, line: Int, time: LogTime?, level: LogLevel,
                rawType: String? = nil, component: String, context: String = "", thread: String,
                source: String, format: LogFormat, message: String) {
        self.client = client
        self.file = file
        self.line = line
        self.time = time
        self.level = level
        self.rawType = rawType
        self.component = component
        self.context = context
        self.thread = thread
        self.source = source
        self.format = format
        self.message = message
    }

    /// The message's first line, for one-line views.
    public var firstLine: Substring {
        // Searched as bytes: Character iteration would run grapheme breaking over every message.
        let utf8 = message.utf8
        guard let end = utf8.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return message[...] }
        return message[..<end]
    }

    /// Whether the message has more than one line.
    public var isMultiLine: Bool { message.utf8.contains(0x0A) }
}
