import CMLensCore
import Foundation
import Testing
@testable import CMLensTUI

@Suite struct ProblemsPopupTests {
    static let sizes = [Size(columns: 80, lines: 24), Size(columns: 120, lines: 40)]

    static func console(size: Size, problems: [LoadProblem]) -> ConsoleFixture {
        var console = ConsoleFixture(size: size)
        let loaded = console.state.context.workspace!
        let workspace = ConsoleWorkspace(paths: loaded.paths, inputs: loaded.inputs,
                                         logs: LoadedLogs(files: loaded.logs.files, problems: problems))
        console.state = ConsoleState(size: size)
        console.run(console.state.handle(.loaded(workspace)))
        return console
    }

    @Test(arguments: sizes) func problemsCommandListsEachProblemWithFileAndLine(size: Size) {
        var console = Self.console(size: size, problems: [
            LoadProblem(file: "PC-ALPHA/execmgr.log", line: 12, severity: .warning, message: "a record cut off before its end"),
            LoadProblem(file: "PC-BETA/CAS.log", severity: .error, message: "cannot read: permission denied"),
        ])
        #expect(console.screen.contains("2 load problems"))
        console.command("problems")
        let lines = console.grid.lines
        #expect(lines[1].contains("Load problems: 1 error, 1 warning"))
        let warning = lines.firstIndex { $0.contains("PC-ALPHA/execmgr.log:12: a record cut off before its end") }
        let error = lines.firstIndex { $0.contains("PC-BETA/CAS.log: cannot read: permission denied") }
        #expect(warning != nil && error != nil)
        // Each takes its severity's colour.
        let roles = console.grid.roleText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let warning, let error {
            #expect(roles[warning].contains(Role.warning.letter))
            #expect(roles[error].contains(Role.error.letter))
        }
        console.press(.escape)
        #expect(console.state.popup == nil)
    }

    @Test func aProblemsTextIsEscaped() {
        var console = Self.console(size: Size(columns: 100, lines: 24), problems: [
            LoadProblem(file: "PC-\u{1B}]0;pwned\u{07}/execmgr.log", line: 3, message: "bad \u{1B}[31mdate\u{202E}"),
        ])
        console.command("problems")
        let screen = console.screen
        #expect(!screen.contains("\u{1B}"))
        #expect(!screen.contains("\u{202E}"))
        #expect(screen.contains("^[]0;pwned^G/execmgr.log:3: bad ^[[31mdate<U+202E>"))
    }

    @Test func noProblemsSaysSo() {
        var console = ConsoleFixture(size: Size(columns: 80, lines: 24))
        console.command("problems")
        #expect(console.screen.contains("Load problems: none"))
        #expect(console.screen.contains("every file was read"))
    }

    @Test func aLongListScrolls() {
        let many = (1...60).map { (n: Int) in
            LoadProblem(file: "PC-ALPHA/execmgr.log", line: n, severity: .warning, message: "problem \(n)")
        }
        var console = Self.console(size: Size(columns: 80, lines: 24), problems: many)
        console.command("problems")
        #expect(console.screen.contains("execmgr.log:1: problem 1"))
        #expect(console.screen.contains("of 60"))
        for _ in 0..<30 { console.press(.character("j")) }
        #expect(console.screen.contains("execmgr.log:31: problem 31"))
        #expect(!console.grid.lines.contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("execmgr.log:1: problem 1") })
    }
}
