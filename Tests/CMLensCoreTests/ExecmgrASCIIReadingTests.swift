import Foundation
import Testing
@testable import CMLensCore

/// The byte reading of execmgr lines (ASCII messages) must answer exactly as the Character reading
/// it replaced for speed: on every message of the execmgr logs we have, on the real corpus, and on
/// each of them cut short, doubled in its spaces and lower-cased.
@Suite struct ExecmgrASCIIReadingTests {
    static let messages: [String] = {
        let root = LogTestSupport.repositoryRoot
        var paths = ["Samples", "Tests/CMLensCoreTests/Fixtures/execmgr", "Tests/CMLensCoreTests/Fixtures/diagnostics",
                     "Tests/CMLensCoreTests/Fixtures/clients"]
            .flatMap { folder -> [String] in
                let base = root.appendingPathComponent(folder)
                let found = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
                return found.filter { $0.lowercased().contains("execmgr") }.map { base.appendingPathComponent($0).path }
            }
        paths += ((try? LogTestSupport.realCorpusFiles()) ?? []).map(\.path)
        var seen = Set<String>()
        return paths.flatMap { LogReader.read(path: $0, client: "c").records.map(\.message) }
            .filter { seen.insert($0).inserted }
    }()

    static func variations(_ message: String) -> [String] {
        let scalars = Array(message.unicodeScalars)
        var out = [message, message + " ", message + "\r\n", message.lowercased(), message.uppercased(),
                   message.replacingOccurrences(of: " ", with: "  "), message.replacingOccurrences(of: "\"", with: "\\\"")]
        // Every cut of the first 160 scalars, and a few of the rest (a truncated log).
        for n in 0..<min(scalars.count, 160) { out.append(String(String.UnicodeScalarView(scalars[..<n]))) }
        for n in stride(from: 160, to: scalars.count, by: 37) { out.append(String(String.UnicodeScalarView(scalars[..<n]))) }
        return out
    }

    /// Lines at the edges of each reading: empty names and IDs, missing words, signs, odd spacing.
    static let edges = [
        "Execution Request for program  state change from Running to Success",
        "Execution Request for program X state change from Running to Success",
        "Execution Request for program state change from Running to Success",
        "Execution Request for advert  package P program X state change from A to B",
        "Execution Request for advert A package  program X state change from A to B",
        "Execution Request for advert A program X state change from A to B",
        "Execution Request for package P advert A program X state change from A to B",
        "Execution Request for advert A package P program X state change from A  to  B",
        "Execution Request for advert A package P program X state change from A to B C",
        "Execution Request for advert A package P program X state change from A-1 to B",
        "Execution Request for advert A package P program a state change from b state change from A to B",
        "Execution Request for ",
        "Execution is complete for program . The exit code is 0, the execution status is Success",
        "Execution is complete for program X. The exit code is +3, the execution status is Success",
        "Execution is complete for program X. The exit code is , the execution status is Success",
        "Execution is complete for program X. The exit code is 1, the execution status is ",
        "Execution is complete for program X. The exit code is 1. The exit code is 2, the execution status is S",
        "Program exit code ", "Program exit code -", "Program exit code --1", "Program exit code 1 ",
        "PROGRAM EXIT CODE 7", "Program exit code 4 has been tried  times, will retry later",
        "Program exit code 4 has been tried 2", "Program exit code 4 has been tried",
        "non fatal", "Fatal execution error (non-fatal)", "NON FATAL EXECUTION ERROR",
        "Raising event:", "Raising event:\ninstance of \n{\n};", "Raising event:\ninstance of X{ = 1; A; B = ; C = \"\\\"\" }",
    ]

    @Test func edgesAgree() {
        for line in Self.edges {
            #expect(ExecmgrLine.parse(line) == ExecmgrLine.parseCharacters(line), "\(line.debugDescription)")
        }
    }

    @Test func theExecmgrLogsAreRead() {
        #expect(Self.messages.count > 500)
        let kinds = Set(Self.messages.compactMap { ExecmgrLine.parse($0) }.map { "\($0)".prefix { $0 != "(" } })
        #expect(kinds.isSuperset(of: ["stateChange", "exitCode", "executionComplete", "wmiEvent", "raisedEvent"]), "\(kinds)")
    }

    @Test func bytesAndCharactersAgree() {
        var compared = 0
        for message in Self.messages {
            for variant in Self.variations(message) where variant.utf8.allSatisfy({ $0 < 0x80 }) {
                let bytes = ExecmgrLine.parse(variant)
                let characters = ExecmgrLine.parseCharacters(variant)
                // A CR LF at the end is one Character, which the Character reading never trimmed: the byte
                // reading trims it like a lone LF.
                if variant.hasSuffix("\r\n"), bytes != characters {
                    #expect(bytes == ExecmgrLine.parseCharacters(String(variant.dropLast())), "\(variant.debugDescription)")
                    continue
                }
                #expect(bytes == characters, "\(variant.debugDescription)")
                if bytes != characters { return }
                compared += 1
            }
        }
        #expect(compared > 10_000)
    }

    @Test func wmiEventBlocksAgree() {
        let blocks = Self.messages.filter { $0.contains("instance of ") }
        #expect(blocks.count > 5)
        for block in blocks {
            for variant in Self.variations(block) + [block.replacingOccurrences(of: "\n", with: "\r\n")]
            where variant.utf8.allSatisfy({ $0 < 0x80 }) {
                var copy = variant
                let bytes = copy.withUTF8 { WMIEvent.parseASCII(ExecmgrASCIIText(bytes: $0)) }
                #expect(bytes == WMIEvent.parseCharacters(variant), "\(variant.debugDescription)")
            }
        }
    }

    /// Only letters fold: a CR is not a `-` and a NUL is not a space (`| 0x20` alone made them so).
    @Test func caseFoldingTouchesOnlyLetters() {
        #expect(ExecmgrLine.parse("Fatal execution error, non\rfatal") == nil)
        #expect(ExecmgrLine.parse("Fatal execution error, non\u{0}fatal") == nil)
        #expect(ExecmgrLine.parse("FATAL EXECUTION ERROR, NON-FATAL") == .nonFatalError)
        let line = Array("a WARNING here".utf8)
        #expect(line.withUnsafeBytes { Bytes.containsASCIICaseInsensitive("warning", in: $0, from: 0, to: $0.count) })
        #expect(!Array("x\r\u{0}y".utf8).withUnsafeBytes { Bytes.containsASCIICaseInsensitive("- y", in: $0, from: 0, to: $0.count) })
    }

    @Test func nonASCIIProgramNamesStillRead() {
        #expect(ExecmgrLine.parse("Execution Request for advert A1 package P1 program Büro 2010 state change from Running to Success")
            == .stateChange(advertisement: "A1", package: "P1", program: "Büro 2010", from: "Running", to: "Success"))
        #expect(ExecmgrLine.parse("Execution is complete for program Büro. The exit code is 0, the execution status is Success")
            == .executionComplete(program: "Büro", exitCode: 0, status: "Success"))
    }
}
