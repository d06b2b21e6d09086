import CMLensCore

extension LogsPane {
    func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        let parts = layout(area)
        if view.isEmpty {
            let columns = Columns(width: area.columns, utc: context.showUTC, showClient: context.client == nil, shape: shape,
                                  threadWidth: 3, hidden: hiddenColumns)
            renderHeader(into: &grid, parts.header, columns, context)
            let note = isBusy ? "Merging the logs…" : filter.isEmpty ? "No records." : "No record passes the filter (c clears it)."
            grid.write(note, at: parts.list.origin, role: .dim, clip: parts.list)
            if parts.detail.lines > 0, let workspace = source { renderDetail(into: &grid, parts.detail, workspace, context) }
            return
        }
        // The view's records are read from the workspace it was built from (another may be loading).
        guard let workspace = source else { return }
        // The records on screen, decoded once: their threads size the Thread column.
        let rows = wrap ? wrappedRows(parts.list, workspace) : Array(cursor.visibleRows(count: view.count, visible: parts.list.lines))
        let records = rows.map { workspace.records[view[$0]] }
        let threadWidth = records.map { DisplayWidth.of(TerminalText.escape($0.thread)) }.max() ?? 3
        let columns = Columns(width: area.columns, utc: context.showUTC, showClient: context.client == nil, shape: shape,
                              threadWidth: threadWidth, hidden: hiddenColumns)
        renderHeader(into: &grid, parts.header, columns, context)
        var line = parts.list.line
        for (index, record) in zip(rows, records) where line < parts.list.bottom {
            let ref = view[index]
            line += renderRecord(record, marked: ref == mark, selected: index == cursor.selected, into: &grid, line: line,
                                 area: parts.list, columns, context)
        }
        renderScrollbar(into: &grid, parts.list, workspace)
        if parts.detail.lines > 0 { renderDetail(into: &grid, parts.detail, workspace, context) }
    }

    /// With wrapping on, the records from the first one that lets the selected record show whole
    /// (or its start, when it alone is taller than the list).
    private func wrappedRows(_ list: Rect, _ workspace: ConsoleWorkspace) -> [Int] {
        let messageWidth = max(1, list.columns - 1 - Columns(width: list.columns, utc: false, showClient: false, shape: shape,
                                                              threadWidth: 6, hidden: hiddenColumns).messageColumn)
        func height(_ index: Int) -> Int {
            let record = workspace.records[view[index]]
            return Self.messageLines(record.message).reduce(0) { $0 + WordWrap.lines(TerminalText.escape($1, expandTabs: 8), columns: messageWidth).count }
        }
        var top = min(cursor.top, cursor.selected)
        var used = 0
        for index in top...cursor.selected { used += height(index) }
        while used > list.lines && top < cursor.selected {
            used -= height(top)
            top += 1
        }
        var rows: [Int] = []
        var lines = 0
        var index = top
        while index < view.count && lines < list.lines {
            rows.append(index)
            lines += height(index)
            index += 1
        }
        return rows
    }

    /// The parts of `matches` (columns of the whole line) that fall in one wrapped piece, in the piece's columns.
    static func local(_ matches: [Range<Int>], _ piece: (text: String, start: Int)) -> [Range<Int>] {
        let width = DisplayWidth.of(piece.text)
        return matches.compactMap { m in
            let low = max(m.lowerBound, piece.start) - piece.start, high = min(m.upperBound, piece.start + width) - piece.start
            return low < high ? low..<high : nil
        }
    }

    /// A message's lines (CRLF or LF), as the detail area and wrapping show them.
    static func messageLines(_ message: String) -> [String] {
        message.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
    }

    private func renderHeader(into grid: inout Grid, _ area: Rect, _ c: Columns, _ context: ConsoleContext) {
        var text = c.header(utc: context.showUTC, offset: shape.offset)
        if messageOffset > 0 && !wrap { text += " (→ \(messageOffset))" }
        grid.fill(area, role: .header)
        grid.write(text, at: area.origin, role: .header, clip: area)
    }

    /// Draws one record from `line` and returns the lines it took (1 unless wrapping).
    private func renderRecord(_ record: LogRecord, marked: Bool, selected: Bool, into grid: inout Grid, line: Int,
                              area: Rect, _ c: Columns, _ context: ConsoleContext) -> Int {
        let levelRole = Role(Meaning(record.level))
        let messageRole: Role = record.level == .info ? .text : levelRole
        var column = area.column
        func put(_ text: String, _ role: Role) {
            column = grid.write(text, at: Position(column: column, line: line), role: role, clip: area)
        }
        put(marked ? "*" : " ", .mark)
        if c.time > 0 { put(DisplayWidth.fit(c.timeText(record.time, utc: context.showUTC), to: c.time) + " ", .dim) }
        if c.level > 0 { put(String(TimeText.level(record.level).prefix(1)) + " ", levelRole) }
        if c.client > 0 { put(DisplayWidth.fit(TerminalText.escape(record.client), to: c.client) + " ", .text) }
        if c.component > 0 { put(DisplayWidth.fit(TerminalText.escape(record.component), to: c.component) + " ", .text) }
        if c.thread > 0 { put(DisplayWidth.fit(TerminalText.escape(record.thread), to: c.thread) + " ", .dim) }
        let messageStart = column
        let messageArea = Rect(column: messageStart, line: area.line, columns: max(0, area.right - messageStart - 1), lines: area.lines)
        var pieces: [(text: String, line: Int, matches: [Range<Int>])] = []
        if wrap {
            var at = line
            for text in Self.messageLines(record.message) where at < area.bottom {
                let safe = TerminalText.escape(text, expandTabs: 8)
                let matches = search?.columnRanges(in: safe) ?? []
                for piece in WordWrap.pieces(safe, columns: max(1, messageArea.columns)) where at < area.bottom {
                    pieces.append((piece.text, at, Self.local(matches, piece)))
                    at += 1
                }
            }
        } else {
            let safe = TerminalText.escape(String(record.firstLine), expandTabs: 8)
            let shown = Self.dropColumns(safe, messageOffset)
            let matches = (search?.columnRanges(in: safe) ?? []).compactMap { m -> Range<Int>? in
                let low = max(0, m.lowerBound - messageOffset), high = m.upperBound - messageOffset
                return low < high ? low..<high : nil
            }
            pieces.append((shown, line, matches))
        }
        for piece in pieces {
            grid.write(piece.text, at: Position(column: messageStart, line: piece.line), role: messageRole, clip: messageArea)
            if selected { grid.paint(.selection, line: piece.line, columns: area.column..<(area.right - 1)) }
            for run in piece.matches {
                let low = messageStart + run.lowerBound, high = min(messageArea.right, messageStart + run.upperBound)
                if low < high { grid.paint(.match, line: piece.line, columns: low..<high) }
            }
        }
        return max(1, pieces.count)
    }

    /// The rightmost column: where the view's errors (E), warnings (W) and search matches (M) are,
    /// each screen line standing for an equal share of the whole view — where to jump, at a glance.
    private func renderScrollbar(into grid: inout Grid, _ list: Rect, _ workspace: ConsoleWorkspace) {
        guard list.lines > 0, list.columns > 20 else { return }
        let column = list.right - 1
        for (n, mark) in scrollMarks(lines: list.lines, logs: workspace.logs).enumerated() {
            // The glyph says where the screen is; the colour says what lies there.
            let glyph = mark.onScreen ? "█" : mark.kind == .none ? "│" : "▐"
            let role: Role = switch mark.kind {
            case .match: .match
            case .error: .error
            case .warning: .warning
            case .none: .border
            }
            let text = glyph
            grid.write(text, at: Position(column: column, line: list.line + n), role: role, clip: list)
        }
    }

    private func renderDetail(into grid: inout Grid, _ area: Rect, _ workspace: ConsoleWorkspace, _ context: ConsoleContext) {
        grid.fill(Rect(column: area.column, line: area.line, columns: area.columns, lines: 1), role: .border)
        guard let ref = selected else { return }
        let record = workspace.records[ref]
        var place = TerminalText.escape("\(record.file):\(record.line)")
        // A deep workspace path loses its start, never the client, file and line at its end.
        let placeRoom = max(12, area.columns - 3)
        if place.count > placeRoom { place = "…" + String(place.suffix(placeRoom - 1)) }
        grid.write("─ " + place + " ", at: area.origin, role: .border, clip: area)
        // What the log records, in Microsoft's words, after the place: a log nobody knows says nothing here.
        let summaryRoom = area.columns - place.count - 6
        if summaryRoom >= 12, let log = LogFileReference.describe(fileName: ShortPlace.tail(record.file, components: 1)), !log.summary.isEmpty {
            let summary = DisplayWidth.fit(TerminalText.escape(log.summary), to: summaryRoom).trimmingCharacters(in: .whitespaces)
            grid.write(summary + " ", at: Position(column: area.column + place.count + 4, line: area.line), role: .dim, clip: area)
        }
        var lines: [(text: String, role: Role, matches: [Range<Int>])] = []
        let when = record.time.map { $0.iso8601 + "  (UTC " + $0.iso8601UTC + ")" } ?? "no time"
        lines.append(("\(when)  \(record.level.name)  \(TerminalText.escape(record.component))  thread \(TerminalText.escape(record.thread))  \(TerminalText.escape(record.client))", .dim, []))
        if !record.source.isEmpty || !record.context.isEmpty {
            lines.append((TerminalText.escape("source \(record.source)" + (record.context.isEmpty ? "" : "  context \(record.context)")), .dim, []))
        }
        // The message in full: a warning or an error keeps its level's role, other lines read as text.
        let role: Role = record.level >= .warning ? Role(Meaning(record.level)) : .text
        for text in Self.messageLines(record.message) {
            let safe = TerminalText.escape(text, expandTabs: 8)
            let matches = search?.columnRanges(in: safe) ?? []
            for piece in WordWrap.pieces(safe, columns: area.columns) {
                lines.append((piece.text, role, Self.local(matches, piece)))
            }
        }
        let room = area.lines - 1
        for (n, item) in lines.prefix(room).enumerated() {
            let line = area.line + 1 + n
            if n == room - 1 && lines.count > room {
                grid.write("… \(lines.count - room + 1) more lines (d hides this area, z wraps the list)",
                           at: Position(column: area.column, line: line), role: item.role, clip: area)
                continue
            }
            grid.write(item.text, at: Position(column: area.column, line: line), role: item.role, clip: area)
            for run in item.matches where run.lowerBound < area.columns {
                grid.paint(.match, line: line, columns: (area.column + run.lowerBound)..<min(area.right, area.column + run.upperBound))
            }
        }
    }
}
