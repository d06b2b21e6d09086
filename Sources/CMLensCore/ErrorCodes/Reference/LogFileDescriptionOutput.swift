/// `cmlens explain LOG`'s output: what Microsoft's log file reference says about a log, or that it
/// does not list it. Reference text is escaped: it never reaches a terminal raw.
public enum LogFileDescriptionOutput {
    /// The lines for a log the reference lists, or for one it does not (`description` nil).
    public static func lines(fileName: String, _ description: LogFileDescription?) -> [ExplanationLine] {
        let safe = { (s: String) in TerminalText.escape(s) }
        guard let description else {
            return [ExplanationLine(.heading, "unknown log", label: safe(fileName)),
                    ExplanationLine(.unknown, "Microsoft's ConfigMgr log file reference does not list this log, and cmlens "
                                    + "does not guess what it records from its name."),
                    ExplanationLine(.source, safe(MicrosoftDocument.logFiles.citation), label: "searched")]
        }
        var lines = [ExplanationLine(.heading, "ConfigMgr log file" + matchNote(description), label: safe(fileName))]
        for entry in description.entries {
            lines.append(ExplanationLine(.name, safe(entry.section)))
            lines.append(ExplanationLine(.official, safe(entry.description)))
            let computer = entry.computer.isEmpty ? "client (the section's table has no computer column: it lists client logs)" : safe(entry.computer)
            lines.append(ExplanationLine(.detail, computer, label: "computer"))
        }
        for document in description.documents {
            lines.append(ExplanationLine(.source, safe(document.citation), label: "source"))
        }
        return lines
    }

    public static func text(fileName: String, _ description: LogFileDescription?) -> [StyledText] {
        lines(fileName: fileName, description).map(ErrorExplanationOutput.text)
    }

    /// One JSON object: `{"input", "known", "log", "match", "entries": [{description, computer, section}], "citation"}`.
    public static func json(fileName: String, _ description: LogFileDescription?) -> String {
        var o = JSONLine()
        o.add("input", fileName)
        o.add("kind", "log")
        o.add("known", description != nil)
        o.add("log", description?.log)
        o.add("match", description?.match.rawValue)
        let entries = (description?.entries ?? []).map { entry in
            var e = JSONLine()
            e.add("log", entry.log)
            e.add("description", entry.description)
            e.add("computer", entry.computer.isEmpty ? nil : entry.computer)
            e.add("section", entry.section)
            e.add("document", entry.document.url)
            return e.rendered
        }
        o.addRaw("entries", "[" + entries.joined(separator: ",") + "]")
        o.add("source", description.map { $0.documents.map(\.citation).joined(separator: "; ") })
        return o.rendered
    }

    private static func matchNote(_ description: LogFileDescription) -> String {
        let log = TerminalText.escape(description.log)
        switch description.match {
        case .name: return description.log == description.fileName ? "" : " (\(log))"
        case .rotation: return ": a rotated copy of \(log)"
        case .copy: return ": a renamed copy of \(log)"
        case .pattern: return ": \(log)"
        }
    }
}
