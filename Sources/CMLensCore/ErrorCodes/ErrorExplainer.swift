import Synchronization

/// Explains error codes: typed ones (`cmlens explain`) and the ones inside log messages (the console's
/// `x` key, the timeline, diagnostics). Cheap to make; the catalogue is shared.
public struct ErrorExplainer: Sendable {
    public var policy: RetryPolicy
    public var catalogue: ErrorCatalogue
    public var references: MicrosoftReferences
    public var rules: RuleKnowledge

    public init(policy: RetryPolicy = .defaults, catalogue: ErrorCatalogue = .shared,
                references: MicrosoftReferences = .shared, rules: RuleKnowledge = .builtIn) {
        self.policy = policy
        self.catalogue = catalogue
        self.references = references
        self.rules = rules
    }

    /// Every reading of a typed code, likelier first, for where it was met; throws for input that is not a number.
    public func explain(_ input: String, context: ExplanationContext? = nil) throws(ErrorCodeInput.Failure) -> [ErrorExplanation] {
        let readings = try ErrorCodeInput.readings(input, catalogue: catalogue)
        return readings.enumerated().map { k, reading in explain(reading, input: input, isAlternative: k > 0, context: context) }
    }

    /// One value, from a log or typed; `context` says where it was met (a program's exit code in
    /// execmgr.log gets the retry verdict, a status in ClientIDManagerStartup.log does not).
    public func explain(value: UInt32, input: String? = nil, context: ExplanationContext? = nil) -> ErrorExplanation {
        explain(ErrorCodeInput.Reading(value: value, form: .hex), input: input ?? ErrorCodeBits.hex(value), isAlternative: false,
                context: context)
    }

    /// Every error code in a log message (`exit code 1618`, `0x80070005`, `(Error: 80070057; Source: Windows)`,
    /// `error = 0x87d00215`, `result = 0x0`), each explained for the line's log, in the order they appear.
    /// A code the line introduces as an exit code (`exit code 1618`) with no log given is a program's.
    public func explain(text: String, context: ExplanationContext? = nil) -> [ExplainedMention] {
        ErrorCodeText.mentions(in: text).map { mention in
            var place = context?.place ?? .unknown
            if mention.isExitCode && place == .unknown { place = .programExit }
            return ExplainedMention(mention: mention, explanation: explain(mention.reading, input: mention.text, isAlternative: false,
                                                                           context: context, place: place))
        }
    }

    public func explain(_ reading: ErrorCodeInput.Reading, input: String, isAlternative: Bool,
                        context: ExplanationContext? = nil, place: ExplanationPlace? = nil) -> ErrorExplanation {
        let bits = ErrorCodeBits(reading.value)
        let value = reading.value
        let kind = Self.kind(of: bits, catalogue: catalogue)
        var rows: [CatalogueEntry] = []
        var win32: Int?
        var win32Entries: [CatalogueEntry] = []
        var facility: ErrorExplanation.Facility?
        var severity = bits.isFailure ? "error" : "success"
        var name: String?
        var message: String?
        var source: String?
        var origin = ErrorExplanation.MessageOrigin.none
        let place = place ?? context?.place ?? .unknown
        let reference = references.appInstall.match(value)
        let windowsUpdate = references.windowsUpdate.entry(value)

        switch kind {
        case .win32:
            rows = catalogue.win32(value) + catalogue.hresult(value)
            severity = ExitCodeVerdict.successCodes.contains(Int(value)) ? "success" : "error"
        case .hresult, .unknown:
            rows = catalogue.hresult(value)
            if let wrapped = bits.wrappedWin32 {
                win32 = wrapped
                win32Entries = catalogue.win32(UInt32(wrapped))
            }
            facility = ErrorExplanation.Facility(code: bits.facility, names: catalogue.facilityNames(bits.facility))
        case .ntstatus:
            let status = bits.wrappedNTStatus ?? value
            severity = ErrorCodeBits(status).ntSeverityName
            facility = ErrorExplanation.Facility(code: ErrorCodeBits(status).ntFacility, names: [])
        case .configmgr:
            facility = ErrorExplanation.Facility(code: bits.facility, names: [],
                                                 note: "ConfigMgr's own, in no Windows header")
            // Microsoft's words first; cmlens's own only for a code no Microsoft page lists.
            if let reference {
                message = reference.entry.message
                source = reference.entry.document.citation
                origin = .configMgrReference
            } else if let meaning = ConfigMgrErrorCodes.meaning(value) {
                message = meaning
                source = ConfigMgrErrorCodes.source
                origin = .cmlens
            }
        }

        // The value's own row with Microsoft's text first, then the unwrapped Win32 code's; a header-only
        // name is still better than nothing.
        let shown = rows.first(where: { $0.message != nil }) ?? win32Entries.first(where: { $0.message != nil })
            ?? rows.first ?? win32Entries.first
        if let shown {
            name = shown.name
            message = shown.message
            source = shown.source
            origin = .catalogue
        }
        // A name with no text (a header's), or no row at all: Microsoft's other pages may have the words.
        if message == nil, let windowsUpdate {
            name = name ?? windowsUpdate.name
            message = windowsUpdate.description
            source = windowsUpdate.document.citation
            origin = .windowsUpdateReference
        } else if message == nil, let reference, reference.throughWin32 == nil {
            message = reference.entry.message
            source = reference.entry.document.citation
            origin = .configMgrReference
        }
        let aliases = rows.filter { $0 != shown }
        var explanation = ErrorExplanation(input: input, reading: reading, isAlternative: isAlternative, bits: bits, kind: kind,
                                           name: name, message: message, source: source, aliases: aliases,
                                           alternateMessages: shown.map(catalogue.alternates(of:)) ?? [],
                                           facility: facility, severity: severity, win32: win32, win32Entries: win32Entries,
                                           wrappedNTStatus: kind == .ntstatus ? bits.wrappedNTStatus : nil,
                                           exitCode: ExitCodeVerdict.judge(bits, kind: kind, policy: policy, place: place))
        explanation.context = context
        explanation.place = place
        explanation.messageOrigin = origin
        explanation.reference = reference
        explanation.windowsUpdate = windowsUpdate
        explanation.rules = rules.rules(knowing: value, in: context)
        return explanation
    }

    /// What a value is, from its bits and what the catalogue documents.
    static func kind(of bits: ErrorCodeBits, catalogue: ErrorCatalogue) -> ErrorExplanation.Kind {
        if bits.value <= 0xFFFF { return .win32 }
        if bits.isConfigMgr { return .configmgr }
        if catalogue.hasHResult(bits.value) { return .hresult }
        // -1, -2…: a program's own exit code, though the bits look like an NTSTATUS error.
        if bits.signed < 0 && bits.signed >= -0xFFFF { return .unknown }
        if bits.reservedBit || bits.ntBit { return .ntstatus }
        if bits.isFailure || !catalogue.facilityNames(bits.facility).isEmpty { return .hresult }
        return .unknown
    }

    /// Whether the catalogue (or cmlens's ConfigMgr list) says anything about the value.
    static func isDocumented(_ value: UInt32, catalogue: ErrorCatalogue) -> Bool {
        let bits = ErrorCodeBits(value)
        if value <= 0xFFFF { return catalogue.hasWin32(value) }
        if catalogue.hasHResult(value) { return true }
        if let win32 = bits.wrappedWin32 { return catalogue.hasWin32(UInt32(win32)) }
        if MicrosoftReferences.shared.appInstall.match(value) != nil || MicrosoftReferences.shared.windowsUpdate.entry(value) != nil {
            return true
        }
        return bits.isConfigMgr && ConfigMgrErrorCodes.meaning(value) != nil
    }
}

/// An error code found in a log message, with its explanation.
public struct ExplainedMention: Sendable, Hashable {
    public var mention: ErrorCodeMention
    public var explanation: ErrorExplanation
}

extension ErrorExplainer {
    /// A program exit code's short meaning for the timeline, where it repeats on every step: the
    /// catalogue name (`ERROR_INSTALL_ALREADY_RUNNING`), or the message when there is no name;
    /// `cmlens explain` and the console's `x` give the whole story.
    public static let exitCodeMeaning: ExitCodeExplainer = { code in
        // "exit 0 (success)" says it all; ERROR_SUCCESS would only repeat it.
        guard code != 0 else { return nil }
        // A big execmgr.log repeats a handful of codes hundreds of thousands of times.
        if let known = meanings.withLock({ $0[code] }) { return known }
        let explanation = ErrorExplainer().explain(value: UInt32(truncatingIfNeeded: code))
        let meaning = explanation.name ?? explanation.message
        meanings.withLock { if $0.count < 4096 { $0[code] = meaning } }
        return meaning
    }

    private static let meanings = Mutex<[Int: String?]>([:])
}
