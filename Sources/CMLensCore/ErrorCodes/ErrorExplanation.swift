/// Everything cmlens knows about one reading of an error code: catalogue rows, bits, and ConfigMgr's verdict.
public struct ErrorExplanation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// 0…65535: a Win32 error code, which is also what programs exit with.
        case win32
        /// A documented HRESULT, or one whose bits make it one (failure bit set, or a known facility).
        case hresult
        /// An NTSTATUS (0xC…, 0x4…), or one wrapped in an HRESULT (NT bit set).
        case ntstatus
        /// ConfigMgr's own facilities 2000–2002 (0x87D0xxxx, 0x87D1xxxx, 0x87D2xxxx).
        case configmgr
        /// A success-shaped value above 0xFFFF whose facility nobody documents.
        case unknown
    }

    /// The input as given (`0x80070057L`, `-2147024891`).
    public var input: String
    public var reading: ErrorCodeInput.Reading
    /// Whether another reading of the same input is likelier (bare digits read both ways).
    public var isAlternative: Bool
    public var bits: ErrorCodeBits
    public var kind: Kind
    /// The name and message shown: the value's own catalogue row, else the unwrapped Win32 code's row.
    public var name: String?
    public var message: String?
    /// Citation of `name`/`message`: a catalogue source, or cmlens's own wording for ConfigMgr codes.
    public var source: String?
    /// Other rows for the same value (another name, the HRESULT of the same number), after the one shown.
    public var aliases: [CatalogueEntry]
    /// Other pages' wording of the shown row (the MSI page, say).
    public var alternateMessages: [CatalogueEntry]
    /// The facility, for HRESULT-shaped kinds.
    public var facility: Facility?
    /// `success`, `error`; for NTSTATUS also `informational`, `warning`.
    public var severity: String
    /// The Win32 code inside a FACILITY_WIN32 HRESULT (0x8007xxxx), with its catalogue rows.
    public var win32: Int?
    public var win32Entries: [CatalogueEntry]
    /// The NTSTATUS inside an HRESULT_FROM_NT value.
    public var wrappedNTStatus: UInt32?
    /// ConfigMgr's verdict for the value where it was met (no verdict where no program exited).
    public var exitCode: ExitCodeVerdict
    /// Where the value was met, as given (`--context`, the log line under `x`).
    public var context: ExplanationContext? = nil
    /// What kind of place that is; `.unknown` for a code alone.
    public var place: ExplanationPlace = .unknown
    /// Whose words `message` is.
    public var messageOrigin: MessageOrigin = .none
    /// Microsoft's application-installation error reference for the value (or for the Win32 code inside it).
    public var reference: AppInstallErrorReference.Match? = nil
    /// Microsoft's Windows Update error reference for the value.
    public var windowsUpdate: WindowsUpdateErrorReference.Entry? = nil
    /// Diagnostic rules that know the value (`cmlens diagnose` reports their findings).
    public var rules: [RuleKnowledge.Mention] = []

    /// Whose words the shown message is: Microsoft's, from which page, or cmlens's own.
    public enum MessageOrigin: String, Sendable, Hashable {
        /// The Windows error catalogue (MicrosoftDocs/win32).
        case catalogue
        /// Microsoft's application-installation error reference.
        case configMgrReference
        /// Microsoft's Windows Update error reference.
        case windowsUpdateReference
        /// cmlens's own words, for a ConfigMgr code no Microsoft page lists.
        case cmlens
        case none
    }

    public struct Facility: Sendable, Hashable {
        public var code: Int
        /// `FACILITY_*` names, possibly several; empty when none is documented.
        public var names: [String]
        /// What cmlens knows about the facility beyond a name (ConfigMgr's).
        public var note: String?
    }

    /// Whether anything is known about the value beyond its bits.
    public var isDocumented: Bool { name != nil || message != nil }

    /// `Win32 error 1722`, `HRESULT`, `NTSTATUS (error)`: the one-line kind shown in headers.
    public var kindDescription: String {
        switch kind {
        case .win32: "Win32 error \(bits.value)"
        case .hresult:
            if let win32 { "HRESULT from Win32 error \(win32)" }
            else { bits.isFailure ? "HRESULT (failure)" : "HRESULT (success)" }
        case .ntstatus:
            if let wrappedNTStatus { "HRESULT from NTSTATUS \(ErrorCodeBits.hex(wrappedNTStatus))" }
            else { "NTSTATUS (\(severity))" }
        case .configmgr: bits.isFailure ? "ConfigMgr error" : "ConfigMgr status"
        case .unknown: "unknown kind"
        }
    }
}
