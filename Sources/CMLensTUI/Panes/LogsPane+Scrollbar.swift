import CMLensCore

/// Where the view's errors, warnings and search matches lie, in a fixed number of equal shares of
/// the view, computed with the view and the search in the background; the scrollbar resamples it
/// to the list's height.
struct ViewDensity: Sendable, Equatable {
    static let buckets = 1024
    /// Per bucket: bit 0 a warning, bit 1 an error, bit 2 a search match.
    var bits: [UInt8] = []

    static func levels(_ view: [RecordReference], logs: LoadedLogs) -> ViewDensity {
        guard !view.isEmpty else { return ViewDensity() }
        var bits = [UInt8](repeating: 0, count: min(buckets, view.count))
        for (k, ref) in view.enumerated() {
            let level = logs.files[Int(ref.file)].level(at: Int(ref.index))
            guard level >= .warning else { continue }
            bits[k * bits.count / view.count] |= level == .error ? 2 : 1
        }
        return ViewDensity(bits: bits)
    }

    /// The same, with the view's records that `matches` holds marked.
    func with(_ matches: SearchMatches, in view: [RecordReference]) -> ViewDensity {
        guard !view.isEmpty, bits.count > 0 else { return self }
        var marked = bits.map { $0 & 3 }
        for (k, ref) in view.enumerated() where matches.contains(ref) { marked[k * bits.count / view.count] |= 4 }
        return ViewDensity(bits: marked)
    }
}

extension LogsPane {
    struct ScrollMark: Equatable {
        enum Kind: Equatable { case none, warning, error, match }
        /// A match before an error before a warning.
        var kind: Kind
        /// The rows on screen are in this line's share of the view.
        var onScreen: Bool
    }

    /// One mark per list line.
    func scrollMarks(lines: Int, logs: LoadedLogs) -> [ScrollMark] {
        guard lines > 0, !view.isEmpty, !density.bits.isEmpty else { return [] }
        let visible = cursor.visibleRows(count: view.count, visible: lines)
        let n = density.bits.count
        return (0..<lines).map { line in
            let low = line * n / lines, high = max(low + 1, (line + 1) * n / lines)
            let bits = density.bits[low..<min(n, high)].reduce(0) { $0 | $1 }
            let kind: ScrollMark.Kind = bits & 4 != 0 ? .match : bits & 2 != 0 ? .error : bits & 1 != 0 ? .warning : .none
            let first = line * view.count / lines, last = max(first + 1, (line + 1) * view.count / lines)
            return ScrollMark(kind: kind, onScreen: visible.overlaps(first..<last))
        }
    }
}
