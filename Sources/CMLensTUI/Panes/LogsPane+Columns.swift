import CMLensCore

/// A column of the Logs pane the user can turn off (`:columns`); the message always shows.
enum LogColumn: String, Sendable, CaseIterable, Hashable {
    case time, level, client, component, thread

    /// `time,level,component` → the columns to hide; `all` shows every column.
    static func hidden(by text: String) throws -> Set<LogColumn> {
        let words = text.split { $0 == "," || $0 == " " }.map { $0.lowercased() }
        if words == ["all"] { return [] }
        var shown = Set<LogColumn>()
        for word in words {
            guard let column = LogColumn(rawValue: word) ?? (word == "lvl" ? .level : word == "comp" ? .component : nil) else {
                throw UsageError("column \"\(word)\" not known; choose from time, level, client, component, thread (or all)")
            }
            shown.insert(column)
        }
        return Set(allCases).subtracting(shown)
    }
}

extension LogsPane {
    /// How a time is written in the list: as short as the view allows.
    enum DateStyle: Equatable {
        /// Every record is on one day: the status line gives it.
        case none
        /// One year: `01-13 10:15:31.123`.
        case monthDay
        case full
    }

    /// Column widths for a screen width and what the view holds: the message takes what is left.
    struct Columns: Equatable {
        var dateStyle: DateStyle
        /// The offset on every line (`-05:00`): only when the files shown write different ones.
        var offsetOnEachLine: Bool
        var time: Int
        var level: Int
        var client: Int
        var component: Int
        var thread: Int

        init(width: Int, utc: Bool, showClient: Bool, shape: LogViewShape, threadWidth: Int, hidden: Set<LogColumn>) {
            let wide = width >= 120
            // Below 100 columns the message needs the room more: the status line gives the selected
            // record's date whenever the list does not.
            dateStyle = shape.oneDay(utc: utc) != nil || width < 100 ? .none : shape.oneYear(utc: utc) ? .monthDay : .full
            offsetOnEachLine = !utc && shape.offset == nil
            let dateWidth = switch dateStyle {
            case .none: 0
            case .monthDay: 6
            case .full: 11
            }
            time = hidden.contains(.time) ? 0 : dateWidth + 12 + (offsetOnEachLine ? 6 : 0)
            // One letter: the row's colour says the level too, as CMTrace's does.
            level = hidden.contains(.level) ? 0 : 1
            client = showClient && shape.clients > 1 && !hidden.contains(.client)
                ? min(max(shape.clientWidth, 6), wide ? 16 : 12) : 0
            component = hidden.contains(.component) ? 0 : min(max(shape.componentWidth, 4), wide ? 16 : 10)
            thread = hidden.contains(.thread) ? 0 : min(max(threadWidth, 3), 6)
        }

        /// Where the message starts, counted from the pane's left edge (the mark column first).
        var messageColumn: Int {
            1 + [time, level, client, component, thread].filter { $0 > 0 }.reduce(0) { $0 + $1 + 1 }
        }

        func timeText(_ time: LogTime?, utc: Bool) -> String {
            guard let time else { return "" }
            let stamp = utc ? time.utcDisplay : time.localDisplay
            let shown = switch dateStyle {
            case .none: String(stamp.suffix(12))
            case .monthDay: String(stamp.dropFirst(5))
            case .full: stamp
            }
            return offsetOnEachLine ? shown + LogViewShape.offsetText(time) : shown
        }

        func header(utc: Bool, offset: String?) -> String {
            var text = " "
            if time > 0 {
                // Twelve columns hold a time of day, and "Time -05:00" fits them.
                let label = utc ? "Time (UTC)" : offset.map { "Time " + $0 } ?? "Time (as logged)"
                text += DisplayWidth.fit(label, to: time) + " "
            }
            if level > 0 { text += "L " }
            if client > 0 { text += DisplayWidth.fit("Client", to: client) + " " }
            if component > 0 { text += DisplayWidth.fit(component >= 9 ? "Component" : "Comp", to: component) + " " }
            if thread > 0 { text += DisplayWidth.fit(thread >= 6 ? "Thread" : "Thr", to: thread) + " " }
            return text + "Message"
        }
    }

    /// The text of a message from display column `offset` on (←/→ scrolled it): a wide character
    /// cut in half by the edge leaves a space.
    static func dropColumns(_ text: String, _ offset: Int) -> String {
        guard offset > 0 else { return text }
        var used = 0
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let w = max(0, DisplayWidth.of(scalar))
            if used >= offset {
                out.append(scalar)
            } else if used + w > offset {
                out.append(" ")
            }
            used += w
        }
        return String(out)
    }
}
