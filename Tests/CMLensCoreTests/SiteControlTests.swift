import Foundation
import Testing
@testable import CMLensCore

/// `Tests/CMLensCoreTests/Fixtures/sitecontrol/<name>`.
private func siteControlFixture(_ name: String, file: String = #filePath) -> String {
    URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/sitecontrol/\(name)").path
}

@Suite struct SiteControlTests {
    @Test func readsNestedBlocksHeadersListsAndMultiStringLists() throws {
        let file = SiteControlParser.read(path: siteControlFixture("sitectrl.ct0"))
        #expect(file.problems.isEmpty, "\(file.problems)")
        #expect(file.blocks.map(\.kind) == ["SITE_DEFINITION", "COMPONENT", "CLIENT_COMPONENT", "CLIENT_COMPONENT"])

        guard file.blocks.count == 4 else { return }
        let site = file.blocks[0]
        #expect(site.header == ["FIX", "Fixture Site", "CM01.fixture.example"])
        #expect(site.flags == "0")
        #expect(site.properties.first { $0.name == "Installation Directory" }?.value
            == "C:\\Program Files\\Microsoft Configuration Manager")

        let base = file.blocks[2]
        #expect(base.name == "SMS Client Base Components")
        #expect(base.header == ["SMS Client Base Components", "65537"])
        #expect(base.flags == "1")
        #expect(base.children.map(\.kind) == ["PROPERTY_LIST", "CLIENT_REG_MULTI_STRING_LIST"])
        let copyQueue = base.children[0]
        #expect(copyQueue.name == "Copy Queue")
        #expect(copyQueue.entries == ["(REG_DWORD)Item Lifetime=11520", "(REG_DWORD)Wakeup cycle=1380"])
        let retrySequence = base.children[1]
        #expect(retrySequence.header == ["Retry Sequence", "Copy Queue"])
        #expect(retrySequence.flags == "1")
        #expect(retrySequence.entries == ["15", "30", "60", "360"])

        // REG_DWORD values live in the 4th field, REG_SZ in the 3rd.
        let maintenance = try #require(file.property(named: "component maintenance interval (minutes)"))
        #expect(maintenance.type == "REG_DWORD" && maintenance.value == "1500" && maintenance.string.isEmpty)
        let verify = try #require(file.property(named: "Component Verify Interval"))
        #expect(verify.value == "00011700001000F0" && verify.integer == "0")
        #expect(verify.line == 25)
    }

    @Test func anItemHeaderCarriesItsFlagsOnTheSameLine() {
        let file = SiteControlParser.read(path: siteControlFixture("sitectrl.ct0"))
        guard file.blocks.count == 4 else { Issue.record("blocks: \(file.blocks.map(\.kind))"); return }
        let distribution = file.blocks[3]
        #expect(distribution.header == ["Software Distribution", "65537"])
        #expect(distribution.flags == "1")
        #expect(distribution.properties.count == 3)
    }

    @Test func theWrappedErrorCodeListGivesTheSeedsPolicy() {
        let path = siteControlFixture("sitectrl.ct0")
        let (policy, problems) = RetryPolicy.load(siteControlPath: path)
        #expect(problems.isEmpty, "\(problems)")
        #expect(policy.count == 1008 && policy.interval == 600)
        #expect(policy.errorCodes == RetryPolicy.defaultErrorCodes)
        #expect(policy.errorCodes.contains(1219) && policy.errorCodes.contains(1220))
        // The property is named by the line it starts on, not the line its value ends on.
        #expect(policy.source == .siteControl(path: path, lines: [43, 44, 45]))
        #expect(policy.sourceDescription.hasSuffix("lines 43, 44, 45: 1008 retries every 600 s, 40 retry codes"))
        #expect(policy.retries(exitCode: 999) && !policy.retries(exitCode: 1))
    }

    @Test func aSitesOwnPolicyReplacesTheDefaults() {
        let (policy, problems) = RetryPolicy.load(siteControlPath: siteControlFixture("custom/sitectrl.ct0"))
        #expect(problems.isEmpty)
        #expect(policy.count == 3 && policy.interval == 1800 && policy.errorCodes == [5, 1618, 4321])
        #expect(policy.maxAttempts == 4)
        #expect(policy.source != .defaults)
        #expect(!policy.retries(exitCode: 999))
    }

    @Test func errorCodesAsAMultiStringList() {
        let (policy, problems) = RetryPolicy.load(siteControlPath: siteControlFixture("multistring.ct0"))
        #expect(problems.isEmpty, "\(problems)")
        #expect(policy.errorCodes == [5, 1618, 2250])
        #expect(policy.interval == 1200)
        #expect(policy.count == RetryPolicy.defaultCount)
    }

    @Test func aMalformedFileNamesEachBadLineAndTheRestStillLoads() {
        let path = siteControlFixture("malformed.ct0")
        let file = SiteControlParser.read(path: path)
        let byLine = Dictionary(grouping: file.problems, by: { $0.line ?? 0 })
        // A PROPERTY with three fields; a value never closed before END_; END_ with no BEGIN_;
        // a stray line; a BEGIN_ never closed.
        #expect(byLine[3]?.first?.message.contains("<Name><Type><String><Integer>") == true)
        #expect(byLine[5]?.first?.message.contains("never closed") == true)
        #expect(byLine[7]?.first?.severity == .warning)
        #expect(byLine[8]?.first?.message.contains("not a site control line") == true)
        #expect(byLine[9]?.first?.message.contains("has no END_COMPONENT") == true)
        #expect(file.problems.allSatisfy { $0.file == path })
        // The unclosed value did not swallow the lines after it.
        #expect(file.blocks.map(\.kind) == ["CLIENT_COMPONENT", "COMPONENT"])
        #expect(file.blocks.last?.name == "SMS_EXECUTIVE")

        let (policy, problems) = RetryPolicy.load(siteControlPath: path)
        #expect(policy.interval == 900)
        #expect(policy.count == RetryPolicy.defaultCount)
        #expect(policy.errorCodes == RetryPolicy.defaultErrorCodes)
        #expect(problems.contains { $0.line == 3 })
    }

    @Test func aValueThatIsNotANumberIsAProblemOnItsLine() {
        let text = """
            BEGIN_CLIENT_COMPONENT
                <Software Distribution>
                PROPERTY <Execution Failure Retry Interval><REG_DWORD><><ten minutes>
                PROPERTY <Execution Failure Retry Error Codes><REG_SZ><{5, x7, 1618}><0>
            END_CLIENT_COMPONENT
            """
        let (policy, problems) = RetryPolicy.from(SiteControlParser.parse(text: text, path: "t.ct0"))
        #expect(policy.interval == 600)
        #expect(policy.errorCodes == [5, 1618])
        #expect(problems.map(\.line) == [3, 4])
        #expect(problems.first?.description.hasPrefix("t.ct0:3: ") == true)
    }

    @Test func aMissingFileFallsBackToTheDefaultsAndSaysSo() {
        let (policy, problems) = RetryPolicy.load(siteControlPath: "/nonexistent/sitectrl.ct0")
        #expect(policy == .defaults)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("does not exist") == true)
        #expect(RetryPolicy.defaults.sourceDescription.contains("defaults"))
    }

    @Test func aFileWithoutRetryPropertiesKeepsTheDefaultsWithAWarning() {
        let file = SiteControlParser.parse(text: "BEGIN_COMPONENT\n <X>\n PROPERTY <A><REG_DWORD><><1>\nEND_COMPONENT\n", path: "x")
        let (policy, problems) = RetryPolicy.from(file)
        #expect(policy.source == .defaults)
        #expect(problems.count == 1 && problems.first?.severity == .warning)
    }

    @Test func utf16FilesReadLikeANSIOnes() throws {
        let bytes = try #require(FileManager.default.contents(atPath: siteControlFixture("custom/sitectrl.ct0")))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in String(decoding: bytes, as: UTF8.self).utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-sitectrl-\(UUID()).ct0").path
        try Data(utf16).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (policy, problems) = RetryPolicy.load(siteControlPath: path)
        #expect(problems.isEmpty)
        #expect(policy.interval == 1800 && policy.errorCodes == [5, 1618, 4321])
    }

    @Test func aFileThatIsNotSiteControlGivesBoundedWarnings() {
        let text = (1...500).map { "garbage line \($0)" }.joined(separator: "\n")
        let file = SiteControlParser.parse(text: text, path: "junk")
        #expect(file.blocks.isEmpty)
        #expect(file.problems.count == SiteControlParser.lineWarningLimit + 1)
        #expect(file.problems.last?.message.contains("480 more lines") == true)
    }

    @Test func minusOneRetriesMeansNoLimit() {
        let text = "BEGIN_CLIENT_COMPONENT\n<Software Distribution>\nPROPERTY <Execution Failure Retry Count><REG_DWORD><><-1>\nEND_CLIENT_COMPONENT"
        let (policy, _) = RetryPolicy.from(SiteControlParser.parse(text: text, path: "x"))
        #expect(policy.isUnlimited)
        #expect(policy.summary.hasPrefix("unlimited retries"))
    }

    @Test func theWorkspacesOwnFileUnlessOneIsNamed() {
        let inputs = WorkspaceScanner.scan([siteControlFixture("custom")])
        #expect(inputs.siteControlFiles.count == 1)
        #expect(RetryPolicy.forWorkspace(inputs).policy.interval == 1800)
        #expect(RetryPolicy.forWorkspace(inputs, siteControl: siteControlFixture("multistring.ct0")).policy.interval == 1200)
        #expect(RetryPolicy.forWorkspace(WorkspaceInputs()).policy == .defaults)
    }
}

/// The parser splits lines on bytes; it must cut exactly where the split on Characters cut.
@Suite struct SiteControlLineSplitTests {
    static func characterLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }

    @Test func linesAreCutWhereCharactersWereCut() throws {
        var texts = ["", "a", "\n", "\r", "\r\n", "\n\r", "a\r\n\r\nb", "x\r\ry\n\nz", "é\r\n\u{301}x\r", "日本\n\r\n", "end\r\n",
                     "\r\n\u{301}", "<a>\r\n<b\u{301}>\n", "\u{FEFF}BEGIN_SITE\rEND_SITE\r\n"]
        for name in ["sitectrl.ct0", "malformed.ct0", "multistring.ct0"] {
            texts.append(SiteControlParser.decode(Array(try Data(contentsOf: URL(fileURLWithPath: siteControlFixture(name))))))
        }
        texts.append(SiteControlParser.decode(Array(try Data(contentsOf: LogTestSupport.repositoryRoot
            .appendingPathComponent("Samples/site/sitectrl.ct0")))))
        for text in texts {
            #expect(SiteControlParser.lines(of: text).map(String.init) == Self.characterLines(text), "\(text.prefix(40).debugDescription)")
        }
        #expect(SiteControlParser.lines(of: texts.last!).count > 80)
    }
}
