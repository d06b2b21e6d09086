import CMLensCore

/// `x` and `:explain CODE`: every error code in a line, or one typed code, explained as
/// `cmlens explain` does (decimal, hex, negative forms, HRESULT decode, Microsoft's words, and the
/// verdict for the place the line comes from).
enum ExplainPopup {
    /// Every code mentioned in `text` (a log record's message, a timeline step's line), explained for
    /// `place`: the line's log and component, so that an exit code in AppEnforce.log gets the deployment
    /// type's verdict and an HRESULT in ClientIDManagerStartup.log none.
    static func text(_ text: String, policy: RetryPolicy, place: ExplanationContext? = nil) -> Popup {
        // A code named twice in the line (`exit code 999` and `ExitCode = 999`) is explained once.
        var shown = Set<ErrorCodeInput.Reading>()
        let mentions = ErrorExplainer(policy: policy).explain(text: text, context: place)
            .filter { shown.insert($0.mention.reading).inserted }
        let firstLine = TerminalText.escape(String(text.prefix { $0 != "\n" && $0 != "\r" }), expandTabs: 8)
        var lines = [Popup.Line(firstLine, .dim), Popup.Line("")]
        if mentions.isEmpty {
            lines.append(Popup.Line("No error code in this line (a bare number counts only after \"error\", \"code\", \"exit\", \"returned\", …)."))
            lines.append(Popup.Line(":explain CODE explains any code."))
        }
        for (n, mentioned) in mentions.enumerated() {
            if n > 0 { lines.append(Popup.Line("")) }
            lines += block(mentioned.explanation, exit: mentioned.mention.isExitCode)
        }
        let count = mentions.count
        var popup = Popup(title: count == 0 ? "Explain: no error code" : "Explain: \(count) error code\(count == 1 ? "" : "s")",
                          lines: lines)
        popup.searchPattern = searchPattern(mentions.map(\.explanation.bits.value))
        return popup
    }

    /// A typed code (`1618`, `0x80070005`, `-2147024891`, `87d00215`) or a log's name (`execmgr.log`).
    static func code(_ input: String, policy: RetryPolicy) -> Popup {
        let explanations: [ErrorExplanation]
        do {
            explanations = try ErrorExplainer(policy: policy).explain(input)
        } catch {
            let lower = input.lowercased()
            let log = LogFileReference.describe(fileName: input)
            if log != nil || lower.hasSuffix(".log") || lower.hasSuffix(".lo_") {
                return Popup(title: "Explain \(TerminalText.escape(input))",
                             lines: LogFileDescriptionOutput.lines(fileName: input, log).map(line))
            }
            return Popup(title: "Explain \(TerminalText.escape(input))", lines: [Popup.Line("\(error)", .warning)])
        }
        var lines: [Popup.Line] = []
        for (n, explanation) in explanations.enumerated() {
            if n > 0 { lines.append(Popup.Line("")) }
            lines += block(explanation, exit: false)
        }
        var popup = Popup(title: "Explain \(TerminalText.escape(input))", lines: lines)
        popup.searchPattern = searchPattern(explanations.map(\.bits.value))
        return popup
    }

    /// A search for the codes as logs write them: `0x80070005`, `80070005`, `-2147024891`,
    /// `2147942405`, or a small code as a whole number (`1618`, not the 1618 inside 21618).
    static func searchPattern(_ values: [UInt32]) -> String? {
        var forms: [String] = []
        for value in values {
            let bits = ErrorCodeBits(value)
            var mine = [String(bits.signed), String(bits.unsigned)]
            if value > 0xFFFF {
                let hex = String(value, radix: 16, uppercase: false)
                mine += ["0x" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex, hex]
            }
            for form in mine where !forms.contains(form) { forms.append(form) }
        }
        guard !forms.isEmpty else { return nil }
        return "(?<![\\w-])(" + forms.joined(separator: "|") + ")(?!\\w)"
    }

    /// One reading as lines, each given the role of its meaning (the core says what a line is; the
    /// popup picks how it looks).
    static func block(_ explanation: ErrorExplanation, exit: Bool) -> [Popup.Line] {
        ErrorExplanationOutput.lines(explanation).map { explained in
            var shown = line(explained)
            if explained.kind == .heading && exit { shown.text += "  (exit code)" }
            return shown
        }
    }

    /// A popup gives a line one role: that of the line's meaning, on the popup's own colours.
    static func line(_ line: ExplanationLine) -> Popup.Line {
        Popup.Line(ErrorExplanationOutput.text(line).plainText, Role(line.meaning, plain: .popup))
    }

    /// Where the line under the cursor comes from, for `x`: the Logs pane's record's log and component.
    /// Other panes give no place, and their lines are explained as the code alone.
    static func place(of pane: any Pane) -> ExplanationContext? {
        guard let logs = pane as? LogsPane, let ref = logs.selected, let workspace = logs.source else { return nil }
        let record = workspace.records[ref]
        return ExplanationContext(log: record.file, component: record.component)
    }
}
