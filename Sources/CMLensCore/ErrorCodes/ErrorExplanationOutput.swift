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
        return o.rendered
    }

    /// One block per reading, for an administrator to read at a glance. Catalogue text is escaped.
    public static func text(_ e: ErrorExplanation, style: TextStyle) -> [String] {
        var lines: [String] = []
        let safe = { (s: String) in TerminalText.escape(s) }
        var title = safe(e.input)
        if e.reading.form == .hex && !e.input.lowercased().hasPrefix("0x") && !e.input.hasPrefix("&") {
            title += " read as hex (\(e.bits.hex))"
        } else if e.isAlternative || e.reading.form == .decimal && hasBothReadings(e.input) {
            title += " read as \(e.reading.form.rawValue)"
        }
        if e.isAlternative { title += ", less likely" }
        lines.append(style.paint(title, "1") + " — " + e.kindDescription)
        if let name = e.name { lines.append("  " + style.paint(safe(name), "1;36")) }
        if let message = e.message {
            lines.append("  " + safe(message))
        } else if e.name != nil {
            lines.append("  (the catalogue has this name but no message)")
        } else {
            lines.append("  " + style.paint(unknownText(e), "33"))
        }
        for alternate in e.alternateMessages {
            if let message = alternate.message { lines.append("  also worded: " + safe(message)) }
        }
        let label = { (l: String) in "  " + style.paint(l.padded(to: 10), "2") }
        // A less likely reading that nothing documents gets one line: it is there to be ruled out.
        if e.isAlternative && !e.isDocumented {
            lines.append(label("value") + "\(e.bits.hex) = \(e.bits.signed)")
            return lines
        }
        lines.append(label("value") + "\(e.bits.hex) = \(e.bits.signed)" + (e.bits.signed < 0 ? " = \(e.bits.unsigned) unsigned" : ""))
        if e.kind != .win32 { lines.append(label("bits") + bitsText(e)) }
        if let win32 = e.win32 {
            let rows = e.win32Entries.map { $0.name }.joined(separator: " / ")
            lines.append(label("Win32") + "\(win32)" + (rows.isEmpty ? " (not in the catalogue)" : " " + safe(rows)))
        }
        if let status = e.wrappedNTStatus { lines.append(label("NTSTATUS") + ErrorCodeBits.hex(status)) }
        let others = e.aliases.map { alias in
            alias.name + (alias.kind == .hresult && e.kind == .win32 ? " (as HRESULT)" : "")
        }
        if !others.isEmpty { lines.append(label("also") + safe(others.joined(separator: ", "))) }
        let verdict: String
        switch e.exitCode.retried {
        case true?: verdict = style.paint("retried", "32;1") + ". "
        case false?:
            let success = ExitCodeVerdict.successCodes.contains(e.bits.signed)
            verdict = style.paint(success ? "success" : "not retried", success ? "32" : "31;1") + ". "
        case nil: verdict = ""
        }
        lines.append(label("ConfigMgr") + verdict + e.exitCode.reason)
        if e.exitCode.retried != nil { lines.append(label("policy") + safe(e.exitCode.policySource)) }
        if let source = e.source { lines.append(label("source") + safe(source)) }
        return lines
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
