import Foundation
import Testing
@testable import CMLensCore

/// Every row of Microsoft's three ConfigMgr reference tables (`shared/reference/configmgr`) reachable
/// through `explain`, in Microsoft's words, with the page cited.
@Suite("Microsoft's own words: error references and the log file reference")
struct MicrosoftReferenceTests {
    static let folder = ErrorCodeFixtures.sharedFolder + "/reference/configmgr"
    let explainer = ErrorExplainer()

    /// The rows of a reference file, by column name (the README: header row, tabs, no quoting).
    static func rows(_ file: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        return lines.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static func value(_ code: String?) throws -> UInt32 {
        try #require(code.flatMap { UInt32($0.dropFirst(2), radix: 16) })
    }

    func text(_ e: ErrorExplanation) -> String {
        ErrorExplanationOutput.text(e).map(\.plainText).joined(separator: "\n")
    }

    @Test func theEmbeddedTablesAreTheReferenceFilesByteForByte() throws {
        for (file, embedded) in [("configmgr-errors.tsv", EmbeddedCatalogue.configMgrErrors),
                                 ("windows-update-errors.tsv", EmbeddedCatalogue.windowsUpdateErrors),
                                 ("configmgr-log-files.tsv", EmbeddedCatalogue.configMgrLogFiles)] {
            let text = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
            #expect(text == embedded + "\n", "\(file) differs: run scripts/embed-configmgr-reference.sh")
        }
        #expect(AppInstallErrorReference.shared.entries.count == 48)
        #expect(WindowsUpdateErrorReference.shared.entries.count == 257)  // 258 rows, 0x80243FFF listed twice
        #expect(LogFileReference.shared.entries.count == 429)
        #expect(LogFileReference.shared.logNames.count == 335)
    }

    @Test func everyApplicationInstallationCodeGivesMicrosoftsMessageAndResolution() throws {
        let rows = try Self.rows("configmgr-errors.tsv")
        #expect(rows.count == 48)
        for row in rows {
            let value = try Self.value(row["code"])
            let e = explainer.explain(value: value)
            let shown = text(e)
            #expect(e.reference?.entry.message == row["message"], "\(row["code"]!)")
            #expect(shown.contains(row["message"]!), "\(row["code"]!): message")
            #expect(shown.contains(row["resolution"]!), "\(row["code"]!): resolution")
            #expect(shown.contains(MicrosoftDocument.appInstallErrors.url), "\(row["code"]!): the page is cited")
            #expect(e.isDocumented)
        }
    }

    /// The page lists MSI and Windows codes as plain Win32 values (1603); ConfigMgr logs also show
    /// them as HRESULTs (0x80070643), which reach the same text and say how.
    @Test func theHRESULTFormOfAWin32CodeReachesTheSameText() throws {
        for row in try Self.rows("configmgr-errors.tsv") {
            let value = try Self.value(row["code"])
            guard value <= 0xFFFF else { continue }
            let hresult = 0x8007_0000 | value
            let e = explainer.explain(value: hresult)
            let shown = text(e)
            #expect(e.reference?.throughWin32 == Int(value), "\(row["code"]!)")
            #expect(shown.contains(row["message"]!) && shown.contains(row["resolution"]!), "\(ErrorCodeBits.hex(hresult))")
            #expect(shown.contains("is its HRESULT form (HRESULT_FROM_WIN32)"), "\(ErrorCodeBits.hex(hresult))")
        }
        let typed = try #require(try explainer.explain("0x80070643").first)
        #expect(typed.win32 == 1603 && typed.reference?.entry.errorSource == "MSI")
    }

    @Test func officialTextWinsOverCmlensOwnWording() throws {
        for row in try Self.rows("configmgr-errors.tsv") where row["source"] == "Configuration Manager" {
            let value = try Self.value(row["code"])
            let e = explainer.explain(value: value)
            #expect(e.message == row["message"] && e.messageOrigin == .configMgrReference, "\(row["code"]!)")
            #expect(e.source == MicrosoftDocument.appInstallErrors.citation)
            // No code has two meanings: cmlens's own list holds only codes Microsoft does not list.
            #expect(ConfigMgrErrorCodes.meaning(value) == nil, "\(row["code"]!) is Microsoft's; drop cmlens's wording")
            #expect(!text(e).contains("cmlens's own words"))
        }
        for (value, meaning) in ConfigMgrErrorCodes.all {
            let e = explainer.explain(value: value)
            #expect(AppInstallErrorReference.shared.match(value) == nil)
            #expect(e.message == meaning && e.messageOrigin == .cmlens)
            #expect(text(e).contains(meaning + " (cmlens's own words)"))
            #expect(text(e).contains("source    cmlens's own words"))
        }
    }

    @Test func everyWindowsUpdateCodeGivesItsDescriptionAndComponent() throws {
        let rows = try Self.rows("windows-update-errors.tsv")
        #expect(rows.count == 258)
        let lowered = { (s: String) in s.lowercased().hasSuffix(".") ? String(s.lowercased().dropLast()) : s.lowercased() }
        for row in rows {
            let value = try Self.value(row["code"])
            let e = explainer.explain(value: value)
            let shown = text(e)
            #expect(e.windowsUpdate?.components.contains(row["component"]!) == true, "\(row["code"]!)")
            #expect(shown.contains(row["component"]!), "\(row["code"]!): component")
            #expect(lowered(shown).contains(lowered(row["description"]!)), "\(row["code"]!): description")
            #expect(e.name == row["name"], "\(row["code"]!): name")
            #expect(e.message != nil, "\(row["code"]!): a name with no text is filled")
            #expect(shown.contains(MicrosoftDocument.windowsUpdateErrors.url))
        }
        // A row that had a name and no text now has Microsoft's words.
        let filled = explainer.explain(value: 0x8024_A000)
        #expect(ErrorCatalogue.shared.hresult(0x8024_A000).allSatisfy { $0.message == nil })
        #expect(filled.message == "Automatic Updates was unable to service incoming requests."
                && filled.messageOrigin == .windowsUpdateReference)
    }

    @Test func everyLogNameGivesItsDescription() throws {
        let rows = try Self.rows("configmgr-log-files.tsv")
        #expect(rows.count == 429)
        for row in rows {
            let log = row["log"]!
            let description = try #require(LogFileReference.describe(fileName: log), "\(log)")
            #expect(description.entries.contains { $0.description == row["description"] && $0.section == row["section"]
                                                   && $0.computer == row["computer"] }, "\(log)")
            let shown = LogFileDescriptionOutput.text(fileName: log, description).map(\.plainText)
                .joined(separator: "\n")
            #expect(shown.contains(TerminalText.escape(row["description"]!)), "\(log)")
            #expect(shown.contains(MicrosoftDocument.logFiles.url), "\(log)")
        }
    }

    @Test("rotated, renamed and differently cased copies are the same log", arguments: [
        ("execmgr.log", "execmgr.log", LogFileDescription.Match.name),
        ("EXECMGR.LOG", "execmgr.log", .name),
        ("execmgr-20110315-140500.log", "execmgr.log", .rotation),
        ("execmgr.lo_", "execmgr.log", .rotation),
        ("smsts-20110315-140500.log", "Smsts.log", .rotation),
        ("execmgr.PC042-1.log", "execmgr.log", .copy),
        ("execmgr (2).log", "execmgr.log", .copy),
        ("C:\\Windows\\CCM\\Logs\\AppEnforce.log", "AppEnforce.log", .name),
        ("CCMClient-20110315-140500.log", "CCMClient-<date_time>.log", .pattern),
        ("SCClient_CONTOSO@jdoe_1.log", "SCClient_<domain>@<username>_1.log", .pattern),
        ("EndpointProtectionAgent.log", "EndpointProtectionAgent.log", .name),
        ("FspIsapi", "FspIsapi", .name),
    ])
    func copiesAreTheSameLog(fileName: String, log: String, match: LogFileDescription.Match) throws {
        let description = try #require(LogFileReference.describe(fileName: fileName))
        #expect(description.log == log)
        #expect(description.summary == description.entries[0].description && !description.summary.isEmpty)
        #expect(description.match == match)
    }

    /// The page names a few logs without their extension in one section and with it in another; the
    /// file on disk has the extension, so both rows belong to it.
    @Test func aLogListedWithoutItsExtensionIsTheLogFile() throws {
        let description = try #require(LogFileReference.describe(fileName: "FspIsapi.log"))
        #expect(Set(description.entries.map(\.section)) == ["Server log files > Fallback status point",
                                                            "Log files by functionality > Mobile devices > Mobile device legacy"])
    }

    @Test func everyPlainLogIsFoundRotatedToo() throws {
        for name in LogFileReference.shared.logNames where name.lowercased().hasSuffix(".log") && !name.contains("<") {
            let stem = name.dropLast(4)
            for rotated in [stem + "-20110315-140500.log", stem + ".lo_"] {
                let found = LogFileReference.describe(fileName: String(rotated))
                #expect(found?.entries.contains { $0.log == name } == true, "\(rotated)")
            }
        }
    }

    @Test("a log the reference does not list is unknown, never guessed", arguments: [
        "nosuch.log", "execmgr2.log", "execmgrx.log", "updates.log", "cmlens.log", "", "execmgr",
    ])
    func unknownLogs(fileName: String) {
        #expect(LogFileReference.describe(fileName: fileName) == nil)
        let shown = LogFileDescriptionOutput.text(fileName: fileName, nil).map(\.plainText).joined(separator: "\n")
        #expect(shown.contains("unknown log") && shown.contains("does not list this log"))
    }

    @Test func referenceTextNeverReachesTheTerminalRaw() {
        let hostile = "CMTrace\u{1B}]0;pwned\u{07}.log"
        let shown = LogFileDescriptionOutput.text(fileName: hostile, nil).map(\.plainText).joined()
        #expect(!shown.contains("\u{1B}") && !shown.contains("\u{07}"))
        let table = LogFileReference(tsv: "log\tdescription\tcomputer\tsection\tdoc\nx.log\tbad \u{1B}[2J text\t\ts\td\n")
        let text = LogFileDescriptionOutput.text(fileName: "x.log", table.describe(fileName: "x.log")).map(\.plainText)
        #expect(text.joined().contains("bad ^[[2J text"))
    }

    @Test func theAttributionIsInNoticeAndInEverySourceLine() throws {
        let notice = try String(contentsOfFile: ErrorCodeFixtures.root + "/NOTICE", encoding: .utf8)
            .replacingOccurrences(of: "\n  ", with: " ")
        for required in [
            "Contains material from Microsoft's documentation, © Microsoft, licensed CC BY 4.0: MicrosoftDocs/memdocs memdocs/configmgr/tenant-attach/app-install-error-reference.md",
            "Contains material from Microsoft's documentation, © Microsoft, licensed CC BY 4.0: MicrosoftDocs/memdocs memdocs/configmgr/core/plan-design/hierarchy/log-files.md",
            "Contains material from Microsoft's documentation, © Microsoft: MicrosoftDocs/windows-itpro-docs windows/deployment/update/windows-update-error-reference.md",
            "https://creativecommons.org/licenses/by/4.0/legalcode",
        ] {
            #expect(notice.contains(required), "NOTICE lacks: \(required)")
        }
        for document in [MicrosoftDocument.appInstallErrors, .logFiles, .windowsUpdateErrors] {
            #expect(document.citation.contains("© Microsoft") && document.citation.contains(document.url))
            #expect(notice.contains(document.url), "NOTICE lacks \(document.url)")
        }
        #expect(MicrosoftDocument.appInstallErrors.citation.contains("CC BY 4.0"))
        #expect(MicrosoftDocument.logFiles.citation.contains("CC BY 4.0"))
        let shown = text(explainer.explain(value: 0x87D0_0324))
        #expect(shown.contains("source    " + MicrosoftDocument.appInstallErrors.citation))
    }
}
