/// `cmlens explain`'s output forms. JSON field names are a documented contract (README.md).
public enum ErrorExplanationOutput {
    /// One JSON object per reading.
    public static func json(_ e: ErrorExplanation) -> String {
        var o = JSONLine()
        o.add("input", e.input)
        o.add("value", e.bits.hex)
        o.add("decimal", e.bits.signed)
        o.add("kind", e.kind.rawValue)
        o.add("name", e.name)
        o.add("message", e.message)
        if let facility = e.facility {
            var f = JSONLine()
            f.add("code", facility.code)
            f.add("name", facility.names.isEmpty ? nil : facility.names.joined(separator: " or "))
            o.addRaw("facility", f.rendered)
        } else {
            o.addRaw("facility", "null")
        }
        o.add("severity", e.severity)
        o.add("win32", e.win32)
        o.add("retried", e.exitCode.retried)
        o.add("retryReason", e.exitCode.reason)
        o.add("source", e.source)
        o.add("reading", e.reading.form.rawValue)
        o.add("unsigned", e.bits.unsigned)
        o.add("aliases", strings: e.aliases.map(\.name))
        o.add("retrySource", e.exitCode.policySource)
        o.add("messageOrigin", e.messageOrigin.rawValue)
        o.add("verdict", e.exitCode.label)
        o.add("place", e.place.name)
        o.add("context", e.context?.displayName)
        o.addRaw("reference", referenceJSON(e))
        o.addRaw("windowsUpdate", windowsUpdateJSON(e))
        o.add("rules", strings: e.rules.map(\.ruleID))
        return o.rendered
    }

    private static func referenceJSON(_ e: ErrorExplanation) -> String {
        guard let match = e.reference else { return "null" }
        var r = JSONLine()
        r.add("code", ErrorCodeBits.hex(match.entry.value))
        r.add("errorSource", match.entry.errorSource)
        r.add("message", match.entry.message)
        r.add("resolution", match.entry.resolution)
        r.add("throughWin32", match.throughWin32)
        r.add("document", match.entry.document.url)
        r.add("citation", match.entry.document.citation)
        return r.rendered
    }

    private static func windowsUpdateJSON(_ e: ErrorExplanation) -> String {
        guard let entry = e.windowsUpdate else { return "null" }
        var w = JSONLine()
        w.add("name", entry.name)
        w.add("description", entry.description)
        w.add("components", strings: entry.components)
        w.add("document", entry.document.url)
        w.add("citation", entry.document.citation)
        return w.rendered
    }

    /// One block per reading, for an administrator to read at a glance. Catalogue text is escaped.
    public static func text(_ e: ErrorExplanation) -> [StyledText] {
        lines(e).map(text)
    }

    /// A line as `cmlens explain` prints it: labels dim, the line's meaning on the part that carries it.
    public static func text(_ line: ExplanationLine) -> StyledText {
        let label = { (l: String) in "  " + StyledText(l.padded(to: 10), .dim) }
        switch line.kind {
        case .heading: return StyledText(line.label ?? "", line.meaning) + " — " + line.text
        case .name, .unknown: return "  " + StyledText(line.text, line.meaning)
        case .verdict:
            guard let word = line.label else { return label("ConfigMgr") + line.text }
            return label("ConfigMgr") + StyledText(word, line.meaning) + ". " + line.text
        default:
            return line.label.map { label($0) + line.text } ?? StyledText("  " + line.text)
        }
    }

    /// The explanation as lines with their meanings (`ExplanationLine.Kind`), text escaped.
    public static func lines(_ e: ErrorExplanation) -> [ExplanationLine] {
        var lines: [ExplanationLine] = []
        let safe = { (s: String) in TerminalText.escape(s) }
        var title = safe(e.input)
        if e.reading.form == .hex && !e.input.lowercased().hasPrefix("0x") && !e.input.hasPrefix("&") {
            title += " read as hex (\(e.bits.hex))"
        } else if e.isAlternative || e.reading.form == .decimal && hasBothReadings(e.input) {
            title += " read as \(e.reading.form.rawValue)"
        }
        if e.isAlternative { title += ", less likely" }
        lines.append(ExplanationLine(.heading, e.kindDescription, label: title))
        if let name = e.name { lines.append(ExplanationLine(.name, safe(name))) }
        if let message = e.message {
            lines.append(ExplanationLine(e.messageOrigin == .cmlens ? .own : .official,
                                         safe(message) + (e.messageOrigin == .cmlens ? " (cmlens's own words)" : "")))
        } else if e.name != nil {
            lines.append(ExplanationLine(.unknown, "(the catalogue has this name but no message)"))
        } else {
            lines.append(ExplanationLine(.unknown, unknownText(e)))
        }
        for alternate in e.alternateMessages {
            if let message = alternate.message { lines.append(ExplanationLine(.official, "also worded: " + safe(message))) }
        }
        lines += MicrosoftReferenceLines.lines(e)
        // A less likely reading that nothing documents gets one line: it is there to be ruled out.
        if e.isAlternative && !e.isDocumented {
            lines.append(ExplanationLine(.detail, "\(e.bits.hex) = \(e.bits.signed)", label: "value"))
            return lines
        }
        lines.append(ExplanationLine(.detail, "\(e.bits.hex) = \(e.bits.signed)"
                                     + (e.bits.signed < 0 ? " = \(e.bits.unsigned) unsigned" : ""), label: "value"))
        if e.kind != .win32 { lines.append(ExplanationLine(.detail, bitsText(e), label: "bits")) }
        if let win32 = e.win32 {
            let rows = e.win32Entries.map { $0.name }.joined(separator: " / ")
            lines.append(ExplanationLine(.detail, "\(win32)" + (rows.isEmpty ? " (not in the catalogue)" : " " + safe(rows)),
                                         label: "Win32"))
        }
        if let status = e.wrappedNTStatus { lines.append(ExplanationLine(.detail, ErrorCodeBits.hex(status), label: "NTSTATUS")) }
        let others = e.aliases.map { alias in
            alias.name + (alias.kind == .hresult && e.kind == .win32 ? " (as HRESULT)" : "")
        }
        if !others.isEmpty { lines.append(ExplanationLine(.detail, safe(others.joined(separator: ", ")), label: "also")) }
        if let context = e.context {
            lines.append(ExplanationLine(.detail, safe(context.displayName) + placeNote(e.place), label: "met in"))
        }
        lines.append(ExplanationLine(.verdict, e.exitCode.reason, label: e.exitCode.label, tone: e.exitCode.tone))
        if e.exitCode.usesRetryPolicy { lines.append(ExplanationLine(.detail, safe(e.exitCode.policySource), label: "policy")) }
        for rule in e.rules {
            lines.append(ExplanationLine(.rule, safe(rule.ruleID) + ": " + safe(rule.title)
                                         + " (cmlens diagnose reports it with its evidence)", label: "rule"))
        }
        if let source = e.source {
            lines.append(ExplanationLine(.source, safe(source), label: "source"))
        }
        for document in MicrosoftReferenceLines.citedDocuments(e) where document.citation != e.source {
            lines.append(ExplanationLine(.source, safe(document.citation), label: "source"))
        }
        return lines
    }

    private static func placeNote(_ place: ExplanationPlace) -> String {
        switch place {
        case .programExit: " (a package's program: the site's retry list)"
        case .deploymentTypeExit: " (an application's deployment type: its return-code table)"
        case .taskSequence: " (a task sequence step)"
        case .softwareUpdates: " (software updates)"
        case .log, .unknown: ""
        }
    }

    private static func hasBothReadings(_ input: String) -> Bool {
        ((try? ErrorCodeInput.readings(input))?.count ?? 0) > 1
    }

    private static func unknownText(_ e: ErrorExplanation) -> String {
        switch e.kind {
        case .win32: "Not in the catalogue: no Win32 code \(e.bits.value) is documented."
        case .hresult:
            if let win32 = e.win32 { "Not in the catalogue: Win32 code \(win32) is not documented." }
            else { "Not in the catalogue; the bits below are all that is known." }
        case .ntstatus: "NTSTATUS codes are not in the catalogue (it holds Win32 codes and HRESULTs); the bits below are all that is known."
        case .configmgr: "A ConfigMgr code cmlens has no meaning for; the bits below are all that is known. "
            + "CMTrace's Error Lookup on a machine with the ConfigMgr console may know it."
        case .unknown:
            e.bits.signed < 0
                ? "Not a Windows error code: a small negative number is a program's own exit code."
                : "Not in the catalogue, and its facility is not documented: probably not an error code."
        }
    }

    private static func bitsText(_ e: ErrorExplanation) -> String {
        let b = e.bits
        if e.kind == .ntstatus && e.wrappedNTStatus == nil {
            return "severity \(b.ntSeverity) (\(b.ntSeverityName)), customer \(b.customerBit ? 1 : 0), "
                + "facility 0x\(String(b.ntFacility, radix: 16, uppercase: true)), code 0x\(hex4(b.code)) (\(b.code))"
        }
        let facilityHex = "0x" + String(b.facility, radix: 16, uppercase: true)
        var facility = "facility \(b.facility) (\(facilityHex))"
        if let f = e.facility {
            if let note = f.note { facility = "facility \(b.facility) (\(facilityHex), \(note))" }
            if !f.names.isEmpty { facility += " " + f.names.joined(separator: "/") }
        }
        return "\(b.isFailure ? "failure" : "success"), reserved \(b.reservedBit ? 1 : 0), customer \(b.customerBit ? 1 : 0), "
            + "NT \(b.ntBit ? 1 : 0), \(facility), code 0x\(hex4(b.code)) (\(b.code))"
    }

    private static func hex4(_ n: Int) -> String {
        let digits = String(n, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
