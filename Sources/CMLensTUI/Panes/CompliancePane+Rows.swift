import CMLensCore

extension CompliancePane {
    /// Enter on a KB: its clients' verdicts, missing first, then unknown, then installed.
    struct Verdicts: Sendable {
        var kb: Int
        var verdicts: [ComplianceVerdict]
    }

    /// What the detail area says of a KB: its title and what it needs; over its clients, the
    /// selected verdict's note first.
    static func detail(_ hotfix: Hotfix, opened: Bool, note: String?, width: Int) -> ListDetail {
        let title = "─ KB\(TerminalText.escape(hotfix.kb)) "
            + (opened ? "Enter opens a client, Q the queries " : "Enter lists the clients, Q the collection queries ")
        var lines = WordWrap.lines(TerminalText.escape(hotfix.title ?? "(no title)"), columns: width - 1).map { ($0, Role.text) }
        lines.append(("needs " + TerminalText.escape(hotfix.component) + " " + TerminalText.escape(hotfix.minimumVersion.text)
                      + " or later · from " + TerminalText.escape(hotfix.source), .dim))
        if let note { lines.insert((TerminalText.escape(note), .dim), at: 0) }
        return ListDetail(title: title, lines: lines)
    }

    /// A KB a line: the component and version it needs, how many clients have it, lack it, or
    /// cannot tell.
    struct KBRows: RowSource {
        var kbs: [ComplianceReport.KBSummary]
        var componentWidth: Int

        init(kbs: [ComplianceReport.KBSummary], width: Int) {
            self.kbs = kbs
            componentWidth = width >= 120 ? 30 : 22
        }

        var count: Int { kbs.count }

        func header(width: Int) -> StyledLine? {
            return .header(" KB         " + DisplayWidth.fit("Component", to: componentWidth) + " " + DisplayWidth.fit("Required", to: 16)
                           + " Installed Missing Unknown")
        }

        func row(_ index: Int, width: Int) -> StyledLine {
            let summary = kbs[index]
            var line = StyledLine(" " + DisplayWidth.fit("KB" + TerminalText.escape(summary.hotfix.kb), to: 10) + " ", .text)
            line.add(DisplayWidth.fit(TerminalText.escape(summary.hotfix.component), to: componentWidth) + " "
                     + DisplayWidth.fit(TerminalText.escape(summary.hotfix.minimumVersion.text), to: 16) + " ", .text)
            let counts: [(ComplianceStatus, Int)] = [(.installed, 9), (.missing, 7), (.unknown, 7)]
            for (status, width) in counts {
                let n = summary.count(status)
                line.add(DisplayWidth.fit(String(n), to: width) + " ", n > 0 ? Role(Meaning(status)) : .dim)
            }
            return line
        }

        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            selected.map { CompliancePane.detail(kbs[$0].hotfix, opened: false, note: nil, width: width) }
        }
    }

    /// A KB's clients, a line each: the verdict, the version seen and the inventory row it rests on.
    struct VerdictRows: RowSource {
        var summary: ComplianceReport.KBSummary
        var verdicts: [ComplianceVerdict]
        var clientWidth: Int

        init(summary: ComplianceReport.KBSummary, verdicts: [ComplianceVerdict], width: Int) {
            self.summary = summary
            self.verdicts = verdicts
            clientWidth = width >= 120 ? 24 : 18
        }

        var count: Int { verdicts.count }

        func header(width: Int) -> StyledLine? {
            return .header(" KB\(TerminalText.escape(summary.hotfix.kb)): "
                           + CompliancePane.order.map { "\(summary.count($0)) \($0.rawValue)" }.joined(separator: ", ")
                           + " (Enter opens a client, Esc back)")
        }

        func row(_ index: Int, width: Int) -> StyledLine {
            let verdict = verdicts[index]
            var line = StyledLine(" " + DisplayWidth.fit(verdict.status.rawValue, to: 9) + " ", Role(Meaning(verdict.status)))
            line.add(DisplayWidth.fit(TerminalText.escape(verdict.client), to: clientWidth) + " ", .text)
            let seen = verdict.found.map { "version " + TerminalText.escape($0) } ?? "no version seen"
            line.add(DisplayWidth.fit(seen, to: 24) + " ", .text)
            if let source = verdict.evidence?.source {
                // The line number is what finds the row: on a narrow screen the file name's start gives way.
                let used = 1 + 9 + 1 + clientWidth + 1 + 24 + 1
                let file = ShortPlace.tail(source.file, components: 1)
                line.add("from " + ShortPlace.path(TerminalText.escape(file) + ":\(source.line)", room: width - used - 5), .dim)
            }
            return line
        }

        func detail(_ selected: Int?, width: Int) -> ListDetail? {
            CompliancePane.detail(summary.hotfix, opened: true, note: selected.flatMap { verdicts[$0].note }, width: width)
        }
    }
}
