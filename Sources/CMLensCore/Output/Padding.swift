extension String {
    /// The text followed by spaces up to `width` Characters; never cut. (Foundation's
    /// `padding(toLength:)` cuts longer text, counts UTF-16 units, and is slow enough to show in a
    /// profile of `cmlens timeline` on a big execmgr.log.)
    func padded(to width: Int) -> String {
        let count = self.count
        return count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
