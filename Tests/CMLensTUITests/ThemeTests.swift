import Foundation
import Testing
@testable import CMLensTUI

@Suite struct ThemeTests {
    static let themes = ConsoleDocsTests.repository.appendingPathComponent("Themes").path

    @Test(arguments: Theme.names) func themeFilesParseAndMatchTheBuiltInCopies(name: String) throws {
        let text = try String(contentsOfFile: Self.themes + "/\(name).theme", encoding: .utf8)
        let fromFile = try ThemeParser.parse(text, name: name, file: name)
        let builtIn = try ThemeStore(folders: []).theme(named: name)
        #expect(fromFile == builtIn)
        #expect(text.trimmingCharacters(in: .newlines) == BuiltInThemes.texts[name])
        for role in Role.allCases { #expect(fromFile.styles[role] != nil, "\(name) lacks \(role)") }
    }

    @Test func monochromeUsesNoColourAndColourThemesDo() throws {
        let store = ThemeStore(folders: [Self.themes])
        #expect(try !store.theme(named: "monochrome").usesColor)
        #expect(try store.theme(named: "dark").usesColor)
        #expect(try store.theme(named: "dark").style(.error).foreground == .palette(203, fallback: 1))
        #expect(ThemeColor.palette(203, fallback: 1).index(colors: 8) == 1)
        #expect(ThemeColor.palette(203, fallback: 1).index(colors: 256) == 203)
    }

    @Test func noColorOrAColourlessTerminalMeansMonochrome() {
        #expect(ThemeStore.startingName(requested: "light", environment: ["NO_COLOR": "1"], terminalHasColors: true) == "monochrome")
        #expect(ThemeStore.startingName(requested: nil, environment: [:], terminalHasColors: false) == "monochrome")
        #expect(ThemeStore.startingName(requested: "light", environment: ["NO_COLOR": ""], terminalHasColors: true) == "light")
        #expect(ThemeStore.startingName(requested: nil, environment: [:], terminalHasColors: true) == "dark")
    }

    @Test func aBadThemeLineIsReportedWithItsLineNumber() {
        #expect {
            try ThemeParser.parse("text = default\nerror = chartreuse bold\n", name: "x", file: "x.theme")
        } throws: { error in
            "\(error)" == "x.theme:2: colour \"chartreuse\" not understood; use default, a name (red), or N/name (208/yellow)"
        }
        #expect {
            try ThemeParser.parse("sparkle = red\n", name: "x", file: "x.theme")
        } throws: { "\($0)".hasPrefix("x.theme:1: unknown role \"sparkle\"") }
    }

    @Test func anUnknownThemeNameListsTheAvailableOnes() {
        #expect {
            try ThemeStore(folders: [Self.themes]).theme(named: "neon")
        } throws: { "\($0)".contains("available: dark, light, monochrome") }
    }
}
