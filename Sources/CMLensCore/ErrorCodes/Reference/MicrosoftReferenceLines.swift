/// The lines that quote Microsoft's ConfigMgr reference pages in an explanation: the application
/// installation reference's message (when it is not already the message shown) and its resolution,
/// the Windows Update reference's component and description.
enum MicrosoftReferenceLines {
    static func lines(_ e: ErrorExplanation) -> [ExplanationLine] {
        var lines: [ExplanationLine] = []
        let safe = { (s: String) in TerminalText.escape(s) }
        if let match = e.reference {
            let entry = match.entry
            let page = "ConfigMgr's application installation error reference (\(safe(entry.errorSource)))"
            if let win32 = match.throughWin32 {
                lines.append(ExplanationLine(.official, "\(page) lists the Win32 code \(win32) (\(ErrorCodeBits.hex(entry.value))); "
                                             + "\(e.bits.hex) is its HRESULT form (HRESULT_FROM_WIN32), the same failure: "
                                             + safe(entry.message)))
            } else if e.messageOrigin != .configMgrReference {
                // Said even when the words match the catalogue's: the resolution below is this page's.
                lines.append(ExplanationLine(.official, page + ": " + safe(entry.message)))
            }
            lines.append(ExplanationLine(.official, safe(entry.resolution), label: "resolve"))
        }
        if let entry = e.windowsUpdate {
            lines.append(ExplanationLine(.official, "Windows Update: " + safe(entry.components.joined(separator: "; ")),
                                         label: "component"))
            if !sameWords(entry.description, e.message) {
                lines.append(ExplanationLine(.official, "Windows Update error reference: " + safe(entry.description)))
            }
        }
        return lines
    }

    /// Whether two texts say the same but for case and a final full stop ("The proxy…" and "the proxy…."),
    /// so that the same words are not shown twice.
    static func sameWords(_ a: String, _ b: String?) -> Bool {
        guard let b else { return false }
        let plain = { (s: String) -> String in
            let trimmed = s.lowercased().trimmingWhitespace
            return trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
        }
        return plain(a) == plain(b)
    }

    /// The reference pages quoted, each once, for the source lines.
    static func citedDocuments(_ e: ErrorExplanation) -> [MicrosoftDocument] {
        var documents: [MicrosoftDocument] = []
        for document in [e.reference?.entry.document, e.windowsUpdate?.document].compactMap({ $0 })
        where !documents.contains(document) { documents.append(document) }
        return documents
    }
}
