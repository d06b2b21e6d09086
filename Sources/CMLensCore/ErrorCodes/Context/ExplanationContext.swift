/// Where a code was met: the log (and the component that wrote the line), as `x` on a log line and
/// `cmlens explain CODE --context LOG[:COMPONENT]` give it. The same number means different things
/// in different places: an exit code in execmgr.log is a program's result that the retry list
/// judges, the same value in ClientIDManagerStartup.log is a component's status that nothing retries.
public struct ExplanationContext: Sendable, Hashable {
    /// The log's file name as given (`AppEnforce.log`, `UpdatesHandler-20110315-140500.log`), if any.
    public var log: String?
    /// The component that wrote the line (`AppEnforce`, `WUAHandler`, `TSManager`), if known.
    public var component: String?

    public init(log: String?, component: String? = nil) {
        self.log = log.flatMap { $0.isEmpty ? nil : $0 }
        self.component = component.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `execmgr.log`, `AppEnforce.log:AppEnforce`, `C:\Windows\CCM\Logs\smsts.log`, or a bare
    /// component (`ClientIDManagerStartup`), which ConfigMgr names its logs after.
    public static func parse(_ text: String) -> ExplanationContext {
        var log = text.trimmingWhitespace
        var component: String?
        // A colon ends the log name unless it is a drive letter's (`C:\…`): no file name has one.
        if let colon = log.lastIndex(of: ":"), log.distance(from: log.startIndex, to: colon) > 1 {
            let after = log[log.index(after: colon)...]
            if !after.contains("\\") && !after.contains("/") {
                component = String(after)
                log = String(log[..<colon])
            }
        }
        return ExplanationContext(log: log, component: component)
    }

    /// The kind of place, from the log's name (rotations and copies included), else from the component.
    public var place: ExplanationPlace {
        if let log, let place = ExplanationPlace.of(logFileName: log) { return place }
        if let component, let place = ExplanationPlace.of(component: component) { return place }
        if let log { return .log(Self.displayName(log)) }
        if let component { return .log(component) }
        return .unknown
    }

    /// What the place is called in the output: the log's own name, not the path it came from.
    public var displayName: String {
        var name = log.map(Self.displayName) ?? component ?? "an unnamed place"
        if log != nil, let component, !name.lowercased().hasPrefix(component.lowercased()) { name += " (\(component))" }
        return name
    }

    private static func displayName(_ log: String) -> String {
        log.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? log
    }
}
