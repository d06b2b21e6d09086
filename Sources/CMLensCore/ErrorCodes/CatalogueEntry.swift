/// One documented error code: a row of the Windows error catalogue.
public struct CatalogueEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A Win32 system error code (`GetLastError`, a process exit code): 0…65535.
        case win32
        /// A 32-bit HRESULT (COM, Windows Update, BITS, WMI, …).
        case hresult
    }

    public var kind: Kind
    public var value: UInt32
    /// The symbolic name as documented: `ERROR_ACCESS_DENIED`, `E_FAIL`, `NERR_UseNotFound`.
    public var name: String
    /// Microsoft's text; nil for names that only a header declares.
    public var message: String?
    /// Where the row comes from: `MicrosoftDocs/win32:desktop-src/…md` or `mingw-w64-common:include/winerror.h`.
    public var source: String

    public init(kind: Kind, value: UInt32, name: String, message: String?, source: String) {
        self.kind = kind
        self.value = value
        self.name = name
        self.message = message
        self.source = source
    }
}
