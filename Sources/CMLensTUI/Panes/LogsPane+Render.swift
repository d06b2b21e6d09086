import CMLensCore

extension LogsPane {
    /// Column widths for a screen width: the message takes what is left.
    struct Columns {
        var withDate: Bool
        var time: Int
        var client: Int
        var component: Int
        var thread: Int

        init(width: Int, utc: Bool, showClient: Bool) {
            withDate = width >= 120
            time = (withDate ? 11 : 0) + (utc ? 13 : 18)
            client = showClient ? (width >= 120 ? 16 : 10) : 0
            component = width >= 120 ? 24 : 14
            thread = width >= 100 ? 6 : 5
        }
    }

    public func render(into grid: inout Grid, area: Rect, context: ConsoleContext) {
        guard context.workspace != nil else {
            grid.write("Loading the workspace…", at: area.origin, role: .dim, clip: area)
            return
        }
        let parts = layout(area)
        let columns = Columns(width: area.columns, utc: context.showUTC, showClient: context.client == nil)
        renderHeader(into: &grid, parts.header, columns, context)
        if view.isEmpty {
            let note = isBusy ? "Merging the logs…" : filter.isEmpty ? "No records." : "No record passes the filter (c clears it)."
            grid.write(note, at: parts.list.origin, role: .dim, clip: parts.list)
        }
        guard let workspace = source else { return }
        for (screenLine, index) in cursor.visibleRows(count: view.count, visible: parts.list.lines).enumerated() {
            let ref = view[index]
            renderRow(workspace.records[ref], marked: ref == mark, selected: index == cursor.selected,
                      into: &grid, line: parts.list.line + screenLine, area: parts.list, columns, context)
        }
        if let detail = parts.detail { renderDetail(into: &grid, detail, workspace, context) }
    }

    private func renderHeader(into grid: inout Grid, _ area: Rect, _ c: Columns, _ context: ConsoleContext) {
        var text = " " + DisplayWidth.fit(context.showUTC ? "Time (UTC)" : "Time (as logged)", to: c.time) + " Lvl "
        if c.client > 0 { text += DisplayWidth.fit("Client", to: c.client) + " " }
        text += DisplayWidth.fit("Component", to: c.component) + " " + DisplayWidth.fit(c.thread >= 6 ? "Thread" : "Thr", to: c.thread) + " Message"
        grid.fill(area, role: .header)
        grid.write(text, at: area.origin, role: .header, clip: area)
    }

    private func renderRow(_ record: LogRecord, marked: Bool, selected: Bool, into grid: inout Grid, line: Int,
                           area: Rect, _ c: Columns, _ context: ConsoleContext) {
        let levelRole: Role = switch record.level {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .verbose: .verbose
        }
        let messageRole: Role = record.level == .info ? .text : levelRole
        var column = area.column
        func put(_ text: String, _ role: Role) {
            column = grid.write(text, at: Position(column: column, line: line), role: role, clip: area)
        }
        put(marked ? "*" : " ", .mark)
        put(DisplayWidth.fit(Self.timeText(record.time, utc: context.showUTC, withDate: c.withDate), to: c.time) + " ", .dim)
        put(Self.levelText(record.level) + " ", levelRole)
        if c.client > 0 { put(DisplayWidth.fit(TerminalText.escape(record.client), to: c.client) + " ", .text) }
        put(DisplayWidth.fit(TerminalText.escape(record.component), to: c.component) + " ", .text)
        put(DisplayWidth.fit(TerminalText.escape(record.thread), to: c.thread) + " ", .dim)
        let message = TerminalText.escape(String(record.firstLine), expandTabs: 8)
        let messageStart = column
        put(message, messageRole)
        if selected { grid.paint(.selection, line: line, columns: area.column..<area.right) }
        if let search {
            for run in search.columnRanges(in: message) {
                let low = messageStart + run.lowerBound, high = min(area.right, messageStart + run.upperBound)
                if low < high { grid.paint(.match, line: line, columns: low..<high) }
            }
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
        var lines: [(String, Role)] = []
        let when = record.time.map { $0.iso8601 + "  (UTC " + $0.iso8601UTC + ")" } ?? "no time"
        lines.append(("\(when)  \(record.level.name)  \(TerminalText.escape(record.component))  thread \(TerminalText.escape(record.thread))  \(TerminalText.escape(record.client))", .dim))
        if !record.source.isEmpty || !record.context.isEmpty {
            lines.append((TerminalText.escape("source \(record.source)" + (record.context.isEmpty ? "" : "  context \(record.context)")), .dim))
        }
        let role: Role = record.level == .error ? .error : record.level == .warning ? .warning : .text
        let messageLines = record.message.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for text in messageLines {
            let safe = TerminalText.escape(String(text), expandTabs: 8)
            for piece in Self.wrap(safe, columns: area.columns) { lines.append((piece, role)) }
        }
        let room = area.lines - 1
        for (n, item) in lines.prefix(room).enumerated() {
            var text = item.0
            if n == room - 1 && lines.count > room { text = "… \(lines.count - room + 1) more lines (d hides this area)" }
            grid.write(text, at: Position(column: area.column, line: area.line + 1 + n), role: item.1, clip: area)
        }
    }

    static func levelText(_ level: LogLevel) -> String {
        switch level {
        case .error: "ERR"
        case .warning: "WRN"
        case .info: "INF"
        case .verbose: "VRB"
        }
    }

    /// `10:15:31.123-05:00` as logged, or `10:15:31.123Z`; the date in front on wide screens.
    static func timeText(_ time: LogTime?, utc: Bool, withDate: Bool) -> String {
        guard let time else { return "" }
        let stamp = utc ? time.utcDisplay : time.localDisplay
        let shown = withDate ? stamp : String(stamp.suffix(12))
        if utc { return shown + "Z" }
        guard time.biasMinutes != nil else { return shown }
        return shown + String(time.iso8601.suffix(6))
    }

    /// Hard-wraps one line to `columns` display columns.
    static func wrap(_ line: String, columns: Int) -> [String] {
        guard columns > 0, DisplayWidth.of(line) > columns else { return [line] }
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var used = 0
        for scalar in line.unicodeScalars {
            let w = max(0, DisplayWidth.of(scalar))
            if used + w > columns {
                out.append(String(current))
                current = String.UnicodeScalarView()
                used = 0
            }
            current.append(scalar)
            used += w
        }
        out.append(String(current))
        return out
    }
}

