import CMLensCore

/// `:problems`: what went wrong loading the workspace (unreadable files, cut-off records, bad
/// dates), one line each as `file:line: message`, errors in the error colour. The status line
/// only counts them; this shows them without leaving the console for `cmlens log`.
enum ProblemsPopup {
    static func popup(_ problems: [LoadProblem], loading: Bool = false) -> Popup {
        guard !problems.isEmpty else {
            let text = loading ? "The workspace is still loading; its problems are listed once it is loaded."
                               : "No problems: every file was read."
            return Popup(title: "Load problems: none", lines: [Popup.Line(text)])
        }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        // File names and messages come from the inputs: escaped like any log text.
        let lines = problems.map { problem in
            Popup.Line(TerminalText.escape(problem.description, expandTabs: 8), Role(Meaning(problem.severity)))
        }
        return Popup(title: "Load problems: " + counts.joined(separator: ", "), lines: lines)
    }
}
