/// The site's retry list with what each code means and why ConfigMgr retries it (`cmlens retry-codes`).
public struct RetryCodeTable: Sendable {
    public struct Row: Sendable, Hashable {
        public var code: Int
        public var name: String?
        public var message: String?
        public var why: String
    }

    public var policy: RetryPolicy
    public var rows: [Row]

    public init(policy: RetryPolicy, catalogue: ErrorCatalogue = .shared) {
        self.policy = policy
        rows = policy.errorCodes.map { code in
            let entries = code >= 0 && code <= Int(UInt32.max) ? catalogue.win32(UInt32(code)) : []
            let shown = entries.first(where: { $0.message != nil }) ?? entries.first
            return Row(code: code, name: shown?.name, message: shown?.message, why: RetryReasons.why(code))
        }
    }

    public static let csvHeader = ["code", "name", "message", "why", "retryCount", "retryInterval", "source"]

    public func csv(_ row: Row) -> String {
        CSVRow.render([String(row.code), row.name ?? "", row.message ?? "", row.why, String(policy.count),
                       String(policy.interval), policy.sourceDescription])
    }

    /// One object per code, each carrying the policy around it so a line stands alone.
    public func json(_ row: Row) -> String {
        var o = JSONLine()
        o.add("code", row.code)
        o.add("name", row.name)
        o.add("message", row.message)
        o.add("why", row.why)
        o.add("retryCount", policy.count)
        o.add("retryInterval", policy.interval)
        o.add("source", policy.sourceDescription)
        return o.rendered
    }

    public func text() -> [StyledText] {
        var lines: [StyledText] = []
        lines.append(StyledText("ConfigMgr retries a program that exits with one of these \(rows.count) codes", .heading))
        lines.append(StyledText("  up to \(policy.count) times, \(policy.interval) s after each failure "
                                + "(a mandatory program's \(RetryPolicy.mandatoryCountdown) s countdown comes on top);"))
        lines.append("  any other failure is final (FailureNonRetry). Success: 0, 3010 (restart required), 1641 (restart started).")
        lines.append(StyledText("  policy: " + TerminalText.escape(policy.sourceDescription)))
        lines.append("")
        let nameWidth = min(36, rows.map { ($0.name ?? "-").count }.max() ?? 0)
        for row in rows {
            let code = String(row.code).padded(to: 6)
            let name = TerminalText.escape(row.name ?? "-").padded(to: nameWidth)
            lines.append(StyledText(code, .emphasis) + name + "  " + TerminalText.escape(row.message ?? "(not in the catalogue)"))
            lines.append(String(repeating: " ", count: 6 + nameWidth + 2) + StyledText(row.why, .dim))
        }
        return lines
    }
}
