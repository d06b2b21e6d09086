import Foundation
import Testing
@testable import CMLensCore

@Suite("Error codes: readings, catalogue, bits")
struct ErrorCodeTests {
    let explainer = ErrorExplainer()

    /// (input, value of the likelier reading, kind, name, message)
    static let known: [(String, UInt32, ErrorExplanation.Kind, String, String)] = [
        ("5", 5, .win32, "ERROR_ACCESS_DENIED", "Access is denied."),
        ("1618", 1618, .win32, "ERROR_INSTALL_ALREADY_RUNNING",
         "Another installation is already in progress. Complete that installation before proceeding with this install."),
        ("1220", 1220, .win32, "ERROR_REMOTE_SESSION_LIMIT_EXCEEDED",
         "An attempt was made to establish a session to a network server, but there are already too many sessions established to that server."),
        ("3010", 3010, .win32, "ERROR_SUCCESS_REBOOT_REQUIRED",
         "The requested operation is successful. Changes will not be effective until the system is rebooted."),
        ("1", 1, .win32, "ERROR_INVALID_FUNCTION", "Incorrect function."),
        ("2", 2, .win32, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified."),
        ("0", 0, .win32, "ERROR_SUCCESS", "The operation completed successfully."),
        ("0x80004005", 0x8000_4005, .hresult, "E_FAIL", "Unspecified error"),
        ("0x80070005", 0x8007_0005, .hresult, "E_ACCESSDENIED", "General access denied error"),
        ("-2147024891", 0x8007_0005, .hresult, "E_ACCESSDENIED", "General access denied error"),
        ("2147942405", 0x8007_0005, .hresult, "E_ACCESSDENIED", "General access denied error"),
        ("80070057", 0x8007_0057, .hresult, "E_INVALIDARG", "One or more arguments are invalid"),
        ("0x80070057L", 0x8007_0057, .hresult, "E_INVALIDARG", "One or more arguments are invalid"),
        ("0X80070057", 0x8007_0057, .hresult, "E_INVALIDARG", "One or more arguments are invalid"),
        ("&H80070057", 0x8007_0057, .hresult, "E_INVALIDARG", "One or more arguments are invalid"),
        ("0x800706BA", 0x8007_06BA, .hresult, "RPC_S_SERVER_UNAVAILABLE", "The RPC server is unavailable."),
        ("800706ba", 0x8007_06BA, .hresult, "RPC_S_SERVER_UNAVAILABLE", "The RPC server is unavailable."),
        ("0x80072EE2", 0x8007_2EE2, .hresult, "ERROR_INTERNET_TIMEOUT", "The request has timed out."),
        ("0x8024402C", 0x8024_402C, .hresult, "WU_E_PT_WINHTTP_NAME_NOT_RESOLVED",
         "Same as ERROR_WINHTTP_NAME_NOT_RESOLVED - The proxy server or target server name cannot be resolved."),
        ("0x87D00324", 0x87D0_0324, .configmgr, "", "The application was not detected after installation completed"),
        ("87d00607", 0x87D0_0607, .configmgr, "", "Content not found"),
        ("  0x87D01106  ", 0x87D0_1106, .configmgr, "",
         "Failed to verify the executable file is valid or to construct the associated command line"),
        ("0x87D00664", 0x87D0_0664, .configmgr, "", ConfigMgrErrorCodes.meaning(0x87D0_0664)!),
    ]

    @Test("known codes in every form", arguments: 0..<known.count)
    func knownCodes(_ k: Int) throws {
        let (input, value, kind, name, message) = Self.known[k]
        let e = try #require(try explainer.explain(input).first)
        #expect(e.bits.value == value, "\(input)")
        #expect(e.kind == kind, "\(input)")
        #expect(e.name == (name.isEmpty ? nil : name), "\(input)")
        #expect(e.message == message, "\(input)")
        #expect(e.input == input)
        #expect(e.source != nil)
    }

    @Test func facilityWin32Unwraps() throws {
        let e = try #require(try explainer.explain("0x800706BA").first)
        #expect(e.win32 == 1722)
        #expect(e.win32Entries.map(\.name) == ["RPC_S_SERVER_UNAVAILABLE"])
        #expect(e.facility?.code == 7)
        #expect(e.facility?.names == ["FACILITY_WIN32"])
        #expect(e.severity == "error")
        #expect(e.source == "MicrosoftDocs/win32:desktop-src/Debug/system-error-codes--1700-3999-.md")
        #expect(e.kindDescription == "HRESULT from Win32 error 1722")
        // A documented HRESULT keeps its own row, and still shows the Win32 code inside.
        let denied = try #require(try explainer.explain("0x80070005").first)
        #expect(denied.name == "E_ACCESSDENIED")
        #expect(denied.win32Entries.first?.name == "ERROR_ACCESS_DENIED")
        #expect(denied.win32Entries.first?.message == "Access is denied.")
    }

    @Test("facility decode", arguments: [
        (UInt32(0x8024_402C), 36, "FACILITY_WINDOWSUPDATE"),
        (0x8004_1010, 4, "FACILITY_ITF"),
        (0x8009_0308, 9, "FACILITY_SECURITY"),
        (0x8001_0105, 1, "FACILITY_RPC"),
        (0x8020_0010, 32, "FACILITY_BACKGROUNDCOPY"),
    ])
    func facilityDecode(value: UInt32, facility: Int, name: String) {
        let e = explainer.explain(value: value)
        #expect(e.bits.facility == facility)
        #expect(e.facility?.code == facility)
        #expect(e.facility?.names.contains(name) == true, "\(e.facility?.names ?? [])")
        #expect(e.kind == .hresult)
    }

    @Test func bits() {
        let b = ErrorCodeBits(0x800706BA)
        #expect(b.isFailure && !b.reservedBit && !b.customerBit && !b.ntBit)
        #expect(b.facility == 7 && b.code == 1722 && b.wrappedWin32 == 1722)
        #expect(b.signed == -2147023174 && b.unsigned == 2147944122)
        #expect(b.hex == "0x800706BA")
        let nt = ErrorCodeBits(0xC000_0005)
        #expect(nt.isNTStatusShaped && nt.ntSeverity == 3 && nt.ntSeverityName == "error" && nt.wrappedWin32 == nil)
        #expect(ErrorCodeBits(0xD000_0005).wrappedNTStatus == 0xC000_0005)
        #expect(ErrorCodeBits(0x87D0_0324).isConfigMgr && ErrorCodeBits(0x87D1_0001).isConfigMgr)
        #expect(ErrorCodeBits(0x87D2_0A0E).isConfigMgr && !ErrorCodeBits(0x87D3_0000).isConfigMgr)
        #expect(ErrorCodeBits(0xE000_0001).customerBit)
    }

    @Test func ntStatusIsSaidToBeNTStatus() throws {
        let e = try #require(try explainer.explain("0xC0000005").first)
        #expect(e.kind == .ntstatus)
        #expect(e.name == nil && e.message == nil)
        #expect(e.severity == "error")
        #expect(e.kindDescription == "NTSTATUS (error)")
        let wrapped = explainer.explain(value: 0xD000_0005)
        #expect(wrapped.kind == .ntstatus && wrapped.wrappedNTStatus == 0xC000_0005)
        // Documented 0xC… HRESULTs stay HRESULTs.
        let graphics = explainer.explain(value: 0xC026_2001)
        #expect(graphics.kind == .hresult && graphics.name == "ERROR_GRAPHICS_INSUFFICIENT_DMA_BUFFER")
    }

    @Test func configMgrCodesAreRecognisedAndUnknownOnesAreNotGuessed() throws {
        let unknown = try #require(try explainer.explain("0x87D00310").first)
        #expect(unknown.kind == .configmgr)
        #expect(unknown.message == nil && unknown.name == nil && unknown.source == nil)
        #expect(unknown.bits.facility == 2000 && unknown.bits.code == 0x310)
        #expect(unknown.exitCode.retried == nil)
        let text = ErrorExplanationOutput.text(unknown).map(\.plainText).joined(separator: "\n")
        #expect(text.contains("cmlens has no meaning for"))
        #expect(text.contains("facility 2000 (0x7D0"))
        for value: UInt32 in [0x87D0_0324, 0x87D0_0325, 0x87D0_0607, 0x87D0_1106, 0x87D0_0213, 0x87D0_0215] {
            let e = explainer.explain(value: value)
            #expect(e.kind == .configmgr && e.messageOrigin == .configMgrReference && e.source?.contains("learn.microsoft.com") == true)
        }
        for value: UInt32 in [0x87D0_0323, 0x87D0_0664, 0x87D0_0665, 0x87D0_0668] {
            let e = explainer.explain(value: value)
            #expect(e.kind == .configmgr && e.messageOrigin == .cmlens && e.source == ConfigMgrErrorCodes.source)
        }
        #expect(explainer.explain(value: 0x87D1_0001).kind == .configmgr)
        #expect(explainer.explain(value: 0x07D0_0200).kind == .configmgr)
        #expect(explainer.explain(value: 0x07D0_0200).severity == "success")
    }

    @Test func unknownCodesAreDecodedAndSaidUnknown() throws {
        let e = try #require(try explainer.explain("0x8007FFFF").first)
        #expect(e.kind == .hresult && e.win32 == 0xFFFF && e.name == nil && e.message == nil)
        let text = ErrorExplanationOutput.text(e).map(\.plainText).joined(separator: "\n")
        #expect(text.contains("Win32 code 65535 is not documented"))
        let odd = explainer.explain(value: 0x04C5_C5A9)
        #expect(odd.kind == .unknown && odd.name == nil)
        let minusOne = try #require(try explainer.explain("-1").first)
        #expect(minusOne.kind == .unknown && minusOne.bits.value == 0xFFFF_FFFF && minusOne.exitCode.retried == false)
        #expect(!minusOne.exitCode.reason.contains("NTSTATUS"))
        let win32 = explainer.explain(value: 65000)
        #expect(win32.kind == .win32 && win32.name == nil)
    }

    @Test func ambiguousNumberHasBothReadingsLikelierFirst() throws {
        let both = try explainer.explain("1645")
        #expect(both.count == 2)
        #expect(both[0].reading == .init(value: 1645, form: .decimal))
        #expect(both[0].name == "ERROR_INSTALL_REMOTE_PROHIBITED")
        #expect(both[1].reading == .init(value: 0x1645, form: .hex))
        #expect(both[1].isAlternative && !both[0].isAlternative)
        // Eight digits with the failure bit set: logs print HRESULTs like that.
        let logged = try explainer.explain("80070005")
        #expect(logged.map(\.bits.value) == [0x8007_0005, 80_070_005])
        // Where only the hex reading is documented, it comes first (0x00240001 is WU_S_SERVICE_STOP).
        let hexOnly = try explainer.explain("00240001")
        #expect(hexOnly.map(\.bits.value) == [0x0024_0001, 240_001])
        #expect(hexOnly.first?.name == "WU_S_SERVICE_STOP")
        // One digit reads the same both ways: one reading.
        #expect(try explainer.explain("7").count == 1)
        // Too long to be hex: decimal only.
        #expect(try explainer.explain("2147942405").count == 1)
    }

    @Test("garbage is refused with the accepted forms", arguments: [
        "banana", "", "  ", "0x", "0xZZ", "-", "--5", "12ab-", "5.0", "12g4", "٥", "１２", "0x80070005 0x5", "-0x5",
    ])
    func garbage(_ input: String) {
        #expect(throws: ErrorCodeInput.Failure.notANumber(input)) { try ErrorCodeInput.readings(input) }
        #expect(ErrorCodeInput.Failure.notANumber(input).description.contains("Accepted forms"))
    }

    @Test("out of 32-bit range", arguments: ["4294967296", "-2147483649", "0x100000000", "99999999999"])
    func outOfRange(_ input: String) {
        #expect(throws: ErrorCodeInput.Failure.outOfRange(input)) { try ErrorCodeInput.readings(input) }
    }

    @Test func edgesOfTheRange() throws {
        #expect(try ErrorCodeInput.readings("4294967295").first?.value == 0xFFFF_FFFF)
        #expect(try ErrorCodeInput.readings("-2147483648").first?.value == 0x8000_0000)
        #expect(try ErrorCodeInput.readings("0x0000000080070005").first?.value == 0x8007_0005)
        #expect(try ErrorCodeInput.readings("-1").first?.value == 0xFFFF_FFFF)
    }

    @Test func aliasesAndAlternateWordings() throws {
        let e = try #require(try explainer.explain("2250").first)
        #expect(e.name == "ERROR_NOT_CONNECTED")
        #expect(e.aliases.map(\.name).contains("NERR_UseNotFound"))
        let msi = try #require(try explainer.explain("1603").first)
        #expect(msi.message == "Fatal error during installation.")
        #expect(msi.alternateMessages.compactMap(\.message) == ["A fatal error occurred during installation."])
    }

    @Test func catalogueHoldsTheWholeReferenceFile() throws {
        let catalogue = ErrorCatalogue.shared
        #expect(catalogue.win32Count == 3216)
        #expect(catalogue.hresultCount == 3531)
        #expect(catalogue.facilityNames(256).sorted() == ["FACILITY_DMSERVER", "FACILITY_RESTORE", "FACILITY_SPP"])
        #expect(catalogue.hresult(0).map(\.name).sorted() == ["SEC_E_OK", "S_OK", "WBEM_S_NO_ERROR"])
        // The embedded text is the reference file byte for byte (regenerate with scripts/embed-error-catalogue.sh).
        let shared = ErrorCodeFixtures.errorsFolder
        for (file, embedded) in [("windows-errors.tsv", EmbeddedCatalogue.windowsErrors),
                                 ("facilities.tsv", EmbeddedCatalogue.facilities),
                                 ("alternate-messages.tsv", EmbeddedCatalogue.alternateMessages)] {
            let text = try String(contentsOfFile: shared + "/" + file, encoding: .utf8)
            #expect(text == embedded + "\n", "\(file) differs from the embedded copy")
        }
    }
}

/// The project's shared reference folder: next to the checkout, or next to the worktree folder.
enum ErrorCodeFixtures {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static var sharedFolder: String { LogTestSupport.sharedFolder.path }
    static var errorsFolder: String { sharedFolder + "/reference/errors" }
    static var fixtures: String { root + "/Tests/CMLensCoreTests/Fixtures/errorcodes" }
}
