/// Microsoft's "Windows Update error codes by component": 258 rows of Windows Update Agent codes
/// (0x8024xxxx and their success codes) with the symbolic name, a description and the component
/// whose table lists the code ("Protocol Talker errors").
public struct WindowsUpdateErrorReference: Sendable {
    public struct Entry: Sendable, Hashable {
        public var value: UInt32
        /// `WU_E_PT_WINHTTP_NAME_NOT_RESOLVED`
        public var name: String
        public var description: String
        /// The section headings listing the code; 0x80243FFF is listed under two.
        public var components: [String]
        public var document: MicrosoftDocument
    }

    public let entries: [Entry]
    private let byValue: [UInt32: Int]

    public static let shared = WindowsUpdateErrorReference(tsv: EmbeddedCatalogue.windowsUpdateErrors)

    /// Rows of `code name description component doc`. A code listed twice with the same name and
    /// text is one entry with both components.
    public init(tsv: String) {
        var entries: [Entry] = []
        var byValue: [UInt32: Int] = [:]
        for row in ReferenceTable(tsv).rows {
            guard let value = ReferenceTable.code(row[0]) else { continue }
            if let k = byValue[value], entries[k].name == row[1], entries[k].description == row[2] {
                if !entries[k].components.contains(row[3]) { entries[k].components.append(row[3]) }
                continue
            }
            if byValue[value] == nil { byValue[value] = entries.count }
            entries.append(Entry(value: value, name: row[1], description: row[2], components: [row[3]],
                                 document: .forDoc(row[4])))
        }
        self.entries = entries
        self.byValue = byValue
    }

    public func entry(_ value: UInt32) -> Entry? { byValue[value].map { entries[$0] } }
}
