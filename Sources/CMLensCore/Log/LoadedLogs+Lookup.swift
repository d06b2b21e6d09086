extension LoadedLogs {
    /// The record that holds `line` of `file` (a record of several lines starts before the line it
    /// holds): how evidence cited as `file:line` is found again among the loaded records.
    public func reference(file path: String, line: Int) -> RecordReference? {
        guard let f = files.firstIndex(where: { $0.path == path }) else { return nil }
        let file = files[f]
        var low = 0, high = file.count
        while low < high {
            let mid = (low + high) / 2
            if file.line(at: mid) < line { low = mid + 1 } else { high = mid }
        }
        if low < file.count && file.line(at: low) == line { return RecordReference(file: f, index: low) }
        return low > 0 ? RecordReference(file: f, index: low - 1) : nil
    }
}
