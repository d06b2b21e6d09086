/// One line of the report: one address of one machine (a machine with no address has one row).
public struct StaleSystemRow: Sendable, Hashable {
    /// The name as listed in sys.txt.
    public var name: String
    /// An IPv4 or IPv6 address from the A/AAAA lookup; nil when there is none.
    public var ip: String?
    /// The PTR name(s) of `ip`, without the final dot; several are joined with ", ". Nil when none.
    public var reverse: String?
    public var status: StaleStatus
    /// For lookup failures: which query failed, for the console and the summary (not in the outputs).
    public var detail: String?

    public init(name: String, ip: String?, reverse: String?, status: StaleStatus, detail: String? = nil) {
        self.name = name
        self.ip = ip
        self.reverse = reverse
        self.status = status
        self.detail = detail
    }
}
