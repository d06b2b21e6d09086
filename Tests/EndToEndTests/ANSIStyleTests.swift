import CMLensCore
import Testing
@testable import cmlens

/// The command line's colours for the core's meanings: the bytes `cmlens` wrote before the core
/// handed out meanings instead of escape codes.
@Suite struct ANSIStyleTests {
    private let seedRows = [
        StaleSystemRow(name: "xyz1", ip: "10.1.0.1", reverse: "abc5", status: .registeredToAnotherSystem),
        StaleSystemRow(name: "xyz2", ip: nil, reverse: nil, status: .couldNotResolve),
        StaleSystemRow(name: "xyz3", ip: "10.1.0.3", reverse: "xyz3", status: .ok),
        StaleSystemRow(name: "xyz4", ip: "10.1.0.4", reverse: nil, status: .notInReverseZone),
    ]

    @Test func coloursOnlyTheStatusAndKeepsColumnsAligned() {
        let lines = StaleSystemOutput.table(seedRows).map(ANSIStyle(enabled: true).render)
        #expect(lines[4] == "xyz3 10.1.0.3 xyz3    \u{1B}[32mOK\u{1B}[0m")
    }

    @Test func writesTheBareTextWhenColourIsOff() {
        var line = StyledText("KB977384", .heading)
        line += "  " + StyledText("missing", .error)
        #expect(ANSIStyle(enabled: false).render(line) == "KB977384  missing")
        #expect(ANSIStyle(enabled: true).render(line) == "\u{1B}[1mKB977384\u{1B}[0m  \u{1B}[31;1mmissing\u{1B}[0m")
    }

    /// A neutral status is an explicit reset, even when it is empty (a step's blank outcome column).
    @Test func marksANeutralStatusEvenWhenEmpty() {
        let line = "  " + StyledText("", .neutral) + "x"
        #expect(ANSIStyle(enabled: true).render(line) == "  \u{1B}[0m\u{1B}[0mx")
    }

    @Test(arguments: [
        (Meaning.plain, nil), (.info, nil), (.neutral, "0"), (.heading, "1"), (.emphasis, "1"), (.dim, "2"),
        (.verbose, "2"), (.name, "1;36"), (.component, "36"), (.success, "32"), (.retry, "32;1"),
        (.warning, "33"), (.failure, "31"), (.error, "31;1"), (.inconclusive, "35"), (.unrecognised, "35"),
    ] as [(Meaning, String?)])
    func givesEachMeaningItsColour(meaning: Meaning, sgr: String?) {
        #expect(ANSIStyle.sgr(meaning) == sgr)
    }
}
