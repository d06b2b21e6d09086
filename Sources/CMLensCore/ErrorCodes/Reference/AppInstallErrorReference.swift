/// Microsoft's "Application installation common error codes reference": 48 codes that ConfigMgr
/// reports for an application deployment (its own 0x87D…, MSI, Windows, WMI and Windows Update
/// Agent codes), each with the official message and what to do about it.
public struct AppInstallErrorReference: Sendable {
    /// One row of the page.
    public struct Entry: Sendable, Hashable {
        public var value: UInt32
        /// The page's "Error source" as written: `Configuration Manager`, `MSI`, `Windows`,
        /// `Windows Management Instrumentation (WMI)`, `Windows Update Agent`.
        public var errorSource: String
        public var message: String
        /// "Additional information for error resolution", flattened to one line.
        public var resolution: String
        public var document: MicrosoftDocument
    }

    /// An entry as met for a value: directly, or through the Win32 code inside an HRESULT.
    public struct Match: Sendable, Hashable {
        public var entry: Entry
        /// Set when the page lists the plain Win32 code (1603) and the value is its HRESULT form
        /// (0x80070643): the text is the same failure's, reached through `HRESULT_FROM_WIN32`.
        public var throughWin32: Int?
    }

    public let entries: [Entry]
    private let byValue: [UInt32: Entry]

    public static let shared = AppInstallErrorReference(tsv: EmbeddedCatalogue.configMgrErrors)

    /// Rows of `code source message resolution doc`.
    public init(tsv: String) {
        entries = ReferenceTable(tsv).rows.compactMap { row in
            guard let value = ReferenceTable.code(row[0]) else { return nil }
            return Entry(value: value, errorSource: row[1], message: row[2], resolution: row[3],
                         document: .forDoc(row[4]))
        }
        byValue = Dictionary(entries.map { ($0.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry for a value; MSI and Windows codes are listed as plain Win32 values, so an HRESULT
    /// of FACILITY_WIN32 (0x8007xxxx) finds the Win32 code's entry, marked as reached that way.
    public func match(_ value: UInt32) -> Match? {
        if let entry = byValue[value] { return Match(entry: entry, throughWin32: nil) }
        if let win32 = ErrorCodeBits(value).wrappedWin32, let entry = byValue[UInt32(win32)] {
            return Match(entry: entry, throughWin32: win32)
        }
        return nil
    }
}
