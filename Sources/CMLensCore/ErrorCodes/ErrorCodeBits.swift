/// The fields of a 32-bit error value, read both as an HRESULT and as an NTSTATUS.
///
/// ```
///  HRESULT   S R C N X facility(11) code(16)     0x800706BA: S=1, facility 7 (WIN32), code 0x06BA
///  NTSTATUS  Sev(2) C N facility(12) code(16)    0xC0000005: Sev=3 (error), facility 0, code 5
/// ```
public struct ErrorCodeBits: Sendable, Hashable {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// Bit 31: the HRESULT is a failure.
    public var isFailure: Bool { value & 0x8000_0000 != 0 }
    /// Bit 30: reserved in an HRESULT; set when the value is an NTSTATUS of error or informational severity.
    public var reservedBit: Bool { value & 0x4000_0000 != 0 }
    /// Bit 29: defined by a vendor other than Microsoft.
    public var customerBit: Bool { value & 0x2000_0000 != 0 }
    /// Bit 28: an NTSTATUS carried as an HRESULT (`HRESULT_FROM_NT`).
    public var ntBit: Bool { value & 0x1000_0000 != 0 }
    /// Bits 16–26: the HRESULT facility.
    public var facility: Int { Int((value >> 16) & 0x7FF) }
    /// Bits 16–27: the NTSTATUS facility.
    public var ntFacility: Int { Int((value >> 16) & 0xFFF) }
    /// Bits 0–15.
    public var code: Int { Int(value & 0xFFFF) }
    /// Bits 30–31 of an NTSTATUS: 0 success, 1 informational, 2 warning, 3 error.
    public var ntSeverity: Int { Int(value >> 30) }

    public var signed: Int { Int(Int32(bitPattern: value)) }
    public var unsigned: Int { Int(value) }
    /// `0x800706BA`
    public var hex: String { Self.hex(value) }

    public static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    public static let facilityWin32 = 7
    /// ConfigMgr's facilities: 0x87D0xxxx (2000), 0x87D1xxxx (2001), 0x87D2xxxx (2002).
    public static let configMgrFacilities = 2000...2002

    public var isConfigMgr: Bool { Self.configMgrFacilities.contains(facility) && !reservedBit && !ntBit && !customerBit }

    /// The Win32 code inside `HRESULT_FROM_WIN32` (0x8007xxxx).
    public var wrappedWin32: Int? { isFailure && !reservedBit && !ntBit && facility == Self.facilityWin32 ? code : nil }

    /// The NTSTATUS inside `HRESULT_FROM_NT` (bit 28 set).
    public var wrappedNTStatus: UInt32? { ntBit ? value & ~0x1000_0000 : nil }

    /// Both top bits set (0xC…, 0xD…): an NTSTATUS of error severity, not a plain HRESULT.
    public var isNTStatusShaped: Bool { isFailure && reservedBit }

    public var ntSeverityName: String { ["success", "informational", "warning", "error"][ntSeverity] }
}
