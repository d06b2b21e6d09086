import Foundation
import Testing
@testable import CMLensCore

@Suite("Error codes in log text")
struct ErrorCodeTextTests {
    /// (message, codes found as hex values, whether each is an exit code)
    static let cases: [(String, [UInt32], [Bool])] = [
        ("Program exited with exit code 1618", [1618], [true]),
        ("Failed to open file. Error 0x80070005", [0x8007_0005], [false]),
        ("GetUpdateInfo - failed to get targeted update, error = 0x87d00215.", [0x87D0_0215], [false]),
        ("The parameter is incorrect. (Error: 80070057; Source: Windows)", [0x8007_0057], [false]),
        ("Updates scan completion received, result = 0x0.", [0], [false]),
        ("Execution is complete for program X. The exit code is 1, the execution status is FailureNonRetry", [1], [true]),
        ("Script for Package:ABC00001, Program: Install failed with exit code 999", [999], [true]),
        ("Process terminated with exit code -2147024891", [0x8007_0005], [true]),
        ("Command line returned 3010", [3010], [true]),
        ("hr=0x80004005, retry 3 of 5", [0x8000_4005], [false]),
        ("CheckAndLogOSInformation failed with 0x87d00215", [0x87D0_0215], [false]),
        ("failed with error 87d00607 while downloading", [0x87D0_0607], [false]),
        ("Error 0x80070003 and then Error: 0x0", [0x8007_0003, 0], [false, false]),
        ("exit 999", [999], [true]),
        ("Command line (Install) with the exit win32 code 1618", [1618], [true]),
        ("Download failed: HTTP status 404", [], []),
        ("Querying update status of 13", [], []),
        // Nothing to find: times, counts, versions, GUIDs, site codes, hex without a 0x or an introducer.
        ("Retry 5 of 1008 at 10:15:31.123, version 4.0.6487.2157", [], []),
        ("Site code ABC assigned; product code {80070057-0000-0000-0000-000000000000}", [], []),
        ("Downloaded 80070057 bytes", [], []),
        ("status = FailureRetry; result = ok", [], []),
        ("value 12ab", [], []),
    ]

    @Test("codes found in messages", arguments: 0..<cases.count)
    func mentions(_ k: Int) {
        let (message, values, exits) = Self.cases[k]
        let found = ErrorCodeText.mentions(in: message)
        #expect(found.map(\.reading.value) == values, "\(message)")
        #expect(found.map(\.isExitCode) == exits, "\(message)")
        for mention in found {
            let bytes = Array(message.utf8)[mention.utf8Range]
            #expect(String(decoding: bytes, as: UTF8.self) == mention.text)
        }
    }

    @Test func explainTextGivesEachCodeItsMeaning() {
        let explainer = ErrorExplainer()
        let found = explainer.explain(text: "Install failed with exit code 1618; then (Error: 80070057; Source: Windows)")
        #expect(found.count == 2)
        #expect(found[0].explanation.name == "ERROR_INSTALL_ALREADY_RUNNING")
        #expect(found[0].explanation.exitCode.retried == true)
        #expect(found[0].mention.text == "1618")
        #expect(found[1].explanation.name == "E_INVALIDARG")
        #expect(found[1].explanation.win32 == 87)
        #expect(found[1].mention.text == "80070057")
    }

    @Test func cursorFindsTheMentionUnderIt() throws {
        let message = "ccmsetup failed, error = 0x87d00215."
        let offset = try #require(Array(message.utf8).firstIndex(of: UInt8(ascii: "8")))
        #expect(ErrorCodeText.mention(in: message, at: offset + 2)?.reading.value == 0x87D0_0215)
        #expect(ErrorCodeText.mention(in: message, at: 0) == nil)
    }

    /// The cursor reads only the token under it; it must find what the whole scan finds there.
    @Test func cursorAgreesWithTheWholeScanAtEveryOffset() throws {
        var messages = Self.cases.map(\.0) + ["-5 exit -7", "error 0x1.2 code 5", "exit code 12ab34cd é 0x5", ""]
        for file in try LogTestSupport.realCorpusFiles().prefix(12) {
            let logs = LogReader.parse(bytes: Array(try Data(contentsOf: file)), path: file.path, client: "c")
            messages += logs.records.prefix(400).map(\.message).filter { $0.utf8.count < 400 }
        }
        var compared = 0, hits = 0
        for message in messages {
            let all = ErrorCodeText.mentions(in: message)
            for offset in -1...message.utf8.count {
                let expected = all.first { $0.utf8Range.contains(offset) }
                #expect(ErrorCodeText.mention(in: message, at: offset) == expected, "\(message.debugDescription) at \(offset)")
                compared += 1
                if expected != nil { hits += 1 }
            }
        }
        #expect(compared > 10_000 && hits > 100)
    }

    @Test func realLogsYieldTheirCodes() throws {
        let shared = ErrorCodeFixtures.sharedFolder
        let corpus = shared + "/corpus/real/"
        let expected: [(String, UInt32)] = [
            ("UpdatesHandler.findingsanity-1.log", 0),
            ("UpdatesStore.findingsanity-1.log", 0x87D0_0310),
            ("UpdatesDeployment.findingsanity-1.log", 0x87D0_0215),
            ("smsts.maxmoonACR-1.log", 0x8007_0057),
        ]
        for (file, value) in expected {
            let logs = LogReader.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: corpus + file))),
                                       path: corpus + file, client: "c")
            let values = Set(logs.records.flatMap { ErrorCodeText.mentions(in: $0.message).map(\.reading.value) })
            #expect(values.contains(value), "\(file)")
        }
    }
}
