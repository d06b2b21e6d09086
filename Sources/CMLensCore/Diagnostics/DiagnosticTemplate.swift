/// Fills a rule's `{placeholder}`s from a finding's matches.
///
/// `{capture}` is the value a pattern captured (the trigger's latest match first, then the other
/// patterns' latest); `{all:capture}` every distinct value, in time order; `{count}` the trigger's
/// matches and `{count:pattern}` another pattern's; `{client}`, `{first}`, `{last}` (of all the
/// evidence) and `{first:pattern}`, `{last:pattern}` (of one pattern's matches); the retry policy
/// as `{policy.count}`, `{policy.interval}`, `{policy.countdown}`, `{policy.source}`; and sums such as
/// `{policy.count + 1 - tries}` or `{last + policy.interval + policy.countdown}` (a time plus seconds
/// is a time). `{capture|words}` shows the words when nothing was captured. A placeholder that
/// names nothing stays as written, so the gap shows.
public enum DiagnosticTemplate {
    static let builtIns: Set<String> = ["client", "count", "first", "last", "policy.count", "policy.interval",
                                        "policy.countdown", "policy.source"]

    struct Scope {
        var client: String
        var trigger: String
        /// Each pattern's kept matches, in time order.
        var matches: [String: [DiagnosticMatch]]
        var first: LogTime?
        var last: LogTime?
        var policy: RetryPolicy
    }

    static func fill(_ text: String, _ scope: Scope) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                out += rest[open...]
                rest = rest[rest.endIndex...]
                break
            }
            let inner = String(rest[rest.index(after: open)..<close])
            // `{capture|words}`: the words when nothing was captured (an optional line was absent).
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            if let found = value(of: String(parts[0]), scope) {
                out += found
            } else {
                out += parts.count == 2 ? String(parts[1]) : "{\(inner)}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func value(of raw: String, _ scope: Scope) -> String? {
        let name = raw.trimmingWhitespace
        if name.contains(" + ") || name.contains(" - ") { return expression(name, scope) }
        switch name {
        case "client": return scope.client
        case "count": return String(scope.matches[scope.trigger]?.count ?? 0)
        case "first": return scope.first.map(display)
        case "last": return scope.last.map(display)
        case "policy.count": return String(scope.policy.count)
        case "policy.interval": return String(scope.policy.interval)
        case "policy.countdown": return String(RetryPolicy.mandatoryCountdown)
        case "policy.source": return scope.policy.sourceDescription
        default: break
        }
        if name.hasPrefix("first:") || name.hasPrefix("last:") {
            let isFirst = name.hasPrefix("first:")
            let times = (scope.matches[String(name.drop { $0 != ":" }.dropFirst())] ?? []).compactMap(\.time)
            let pick = isFirst ? times.min { $0.utcNanoseconds < $1.utcNanoseconds } : times.max { $0.utcNanoseconds < $1.utcNanoseconds }
            return pick.map(display)
        }
        if name.hasPrefix("count:") { return scope.matches[String(name.dropFirst(6))].map { String($0.count) } }
        if name.hasPrefix("all:") {
            let capture = String(name.dropFirst(4))
            var seen: Set<String> = []
            let values = allMatches(scope).compactMap { $0.captures[capture] }.filter { seen.insert($0).inserted }
            return values.isEmpty ? nil : values.joined(separator: ", ")
        }
        return capture(name, scope)
    }

    static func capture(_ name: String, _ scope: Scope) -> String? {
        if let value = scope.matches[scope.trigger]?.last(where: { $0.captures[name] != nil })?.captures[name] {
            return value
        }
        return allMatches(scope).last(where: { $0.captures[name] != nil })?.captures[name]
    }

    static func allMatches(_ scope: Scope) -> [DiagnosticMatch] {
        scope.matches.values.joined().sorted(by: DiagnosticMatch.chronological)
    }

    /// `last + policy.interval + 300`, `policy.count + 1 - tries`: integers, and at most one time.
    static func expression(_ text: String, _ scope: Scope) -> String? {
        let tokens = text.split(separator: " ").map(String.init)
        guard tokens.count % 2 == 1 else { return nil }
        var time: LogTime?
        var total: Int64 = 0
        var sign: Int64 = 1
        for (k, token) in tokens.enumerated() {
            if k % 2 == 1 {
                guard token == "+" || token == "-" else { return nil }
                sign = token == "+" ? 1 : -1
                continue
            }
            if token == "first" || token == "last" {
                guard time == nil, sign == 1, let t = token == "first" ? scope.first : scope.last else { return nil }
                time = t
            } else if let n = Int64(token) ?? value(of: token, scope).flatMap({ Int64($0) }) {
                // A rules file is input like any other: numbers past 64 bits leave the placeholder unfilled.
                let (term, overflow) = n.multipliedReportingOverflow(by: sign)
                guard !overflow, case let (sum, overflow) = total.addingReportingOverflow(term), !overflow else { return nil }
                total = sum
            } else {
                return nil
            }
        }
        guard let time else { return String(total) }
        // Years 1 to 9999 only: past them a time has no calendar date to show.
        let (seconds, overflow) = time.localSeconds.addingReportingOverflow(total)
        guard !overflow, (-62_135_596_800...253_402_300_799).contains(seconds) else { return nil }
        return display(LogTime(localSeconds: seconds, nanoseconds: time.nanoseconds, biasMinutes: time.biasMinutes))
    }

    /// The log's own clock, with its offset when known: `2011-01-13 10:22:12 (UTC-05:00)`.
    static func display(_ time: LogTime) -> String {
        let clock = String(time.localDisplay.prefix(19))
        guard let offset = time.utcOffsetMinutes else { return clock }
        let sign = offset < 0 ? "-" : "+"
        return clock + " (UTC\(sign)\(LogTime.pad(abs(offset) / 60, 2)):\(LogTime.pad(abs(offset) % 60, 2)))"
    }

    /// Placeholders in a rule's texts that no capture, pattern or built-in answers.
    static func unknownPlaceholders(in texts: [String], rule: DiagnosticRule) -> [String] {
        let captures = Set(rule.patterns.flatMap(\.captureNames))
        let patterns = Set(rule.patterns.map(\.name))
        func known(_ term: String) -> Bool {
            builtIns.contains(term) || captures.contains(term) || Int(term) != nil
                || (term.hasPrefix("count:") && patterns.contains(String(term.dropFirst(6))))
                || (term.hasPrefix("first:") && patterns.contains(String(term.dropFirst(6))))
                || (term.hasPrefix("last:") && patterns.contains(String(term.dropFirst(5))))
                || (term.hasPrefix("all:") && captures.contains(String(term.dropFirst(4))))
        }
        var unknown: [String] = []
        for text in texts {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let inner = rest[rest.index(after: open)..<close]
                let name = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .trimmingWhitespace
                let terms = name.split(separator: " ").enumerated().filter { $0.offset % 2 == 0 }.map { String($0.element) }
                if !terms.allSatisfy(known), !unknown.contains(name) { unknown.append(name) }
                rest = rest[rest.index(after: close)...]
            }
        }
        return unknown
    }
}
