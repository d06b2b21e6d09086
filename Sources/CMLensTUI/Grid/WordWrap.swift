/// Lines of prose cut to a width at word boundaries: detail areas, notes, wrapped messages.
enum WordWrap {
    /// Wraps one line to `columns` display columns at word boundaries (a word longer than the
    /// line is cut); the spaces a line breaks at are dropped.
    static func lines(_ line: String, columns: Int) -> [String] { pieces(line, columns: columns).map(\.text) }

    /// The same, each piece with the display column where it starts in the line, so that a
    /// highlighted match maps onto the pieces it spans.
    static func pieces(_ line: String, columns: Int) -> [(text: String, start: Int)] {
        guard columns > 0, DisplayWidth.of(line) > columns else { return [(line, 0)] }
        var out: [(text: String, start: Int)] = []
        var current: [(scalar: Unicode.Scalar, width: Int)] = []
        var start = 0, used = 0
        func emit(_ count: Int, dropping skipped: Int) {
            let piece = current[..<count]
            out.append((String(String.UnicodeScalarView(piece.map(\.scalar))), start))
            let consumed = current[..<(count + skipped)].reduce(0) { $0 + $1.width }
            start += consumed
            current.removeFirst(count + skipped)
            used -= consumed
        }
        for scalar in line.unicodeScalars {
            let w = max(0, DisplayWidth.of(scalar))
            if used + w > columns && !current.isEmpty {
                if scalar == " " {
                    emit(current.count, dropping: 0)
                    start += w  // the space the line breaks at
                    continue
                }
                // Break at the last space past the piece's start, when there is one.
                if let space = current.lastIndex(where: { $0.scalar == " " }), space > 0 {
                    emit(space, dropping: 1)
                } else {
                    emit(current.count, dropping: 0)
                }
            }
            current.append((scalar, w))
            used += w
        }
        if !current.isEmpty || out.isEmpty { emit(current.count, dropping: 0) }
        return out
    }
}
