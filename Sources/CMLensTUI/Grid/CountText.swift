/// How counts read in a column (the Clients list, a client's logs): grouped by thousands and
/// right-aligned, so that columns of counts line up by their last digit.
enum CountText {
    /// `   12,345` in `width` columns; a wider number is shown whole.
    static func column(_ n: Int, width: Int) -> String {
        let text = n.grouped
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension Int {
    /// 5,000,000
    var grouped: String {
        let digits = String(abs(self))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return self < 0 ? "-" + out : out
    }
}
