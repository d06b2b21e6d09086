import Foundation
import Testing
@testable import CMLensCore

/// The parsers' own trimming must trim exactly what Foundation's did before it replaced it.
@Suite("Trimming whitespace as Foundation does")
struct WhitespaceTests {
    /// Every scalar of the Basic Multilingual Plane and a few beyond, each alone and around text.
    static let scalars: [Unicode.Scalar] = (0...0xFFFF).compactMap(Unicode.Scalar.init)
        + [0x1_0000, 0x1_F600, 0xE_0020, 0x10_FFFF].compactMap(Unicode.Scalar.init)

    @Test func everyScalarIsTrimmedAsFoundationTrimsIt() {
        var trimmedBySpaces = 0, trimmedByNewlines = 0
        for scalar in Self.scalars {
            for text in [String(scalar), "\(scalar)a\(scalar)", "a\(scalar)", "\(scalar)\(scalar)b"] {
                #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces),
                        "U+\(String(scalar.value, radix: 16)) in \(text.debugDescription)")
                #expect(text.trimmingWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines),
                        "U+\(String(scalar.value, radix: 16)) in \(text.debugDescription)")
            }
            if String(scalar).trimmingWhitespace.isEmpty { trimmedBySpaces += 1 }
            if String(scalar).trimmingWhitespaceAndNewlines.isEmpty { trimmedByNewlines += 1 }
        }
        // Zs has 17 scalars; Foundation adds the tab and U+200B; the newline set LF, VT, FF, CR, NEL,
        // U+2028 and U+2029.
        #expect(trimmedBySpaces == 19)
        #expect(trimmedByNewlines == 26)
    }

    @Test func combiningMarksAndLineEndsTrimAsFoundationDoes() {
        let texts = [" \u{301}abc \u{301} ", "\r\n x \r\n", "\u{A0}KB977384\u{3000}", "\t\t", "", " a b ",
                     "\u{2028}x\u{2029}", "e\u{301} ", " \u{1F600} ", "\u{85}v\u{85}", "\u{200B}zero-width\u{200B}"]
        for text in texts {
            #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.trimmingWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.debugDescription)")
            let sub = Substring(" [\(text)] ").dropFirst(2).dropLast(2)
            #expect(sub.trimmingWhitespace == String(sub).trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
        #expect(" \u{A0}KB1 \t".trimmingWhitespace == "KB1")
    }

    @Test func spacesAndTabsOnlyForCSVFields() {
        #expect(" \tx y\t ".trimmedOfSpaces == "x y")
        #expect("\u{A0}x\u{A0}".trimmedOfSpaces == "\u{A0}x\u{A0}")
        #expect(" é ".trimmedOfSpaces == "é")
        #expect(" \t ".trimmedOfSpaces == "")
    }

    @Test func aChangedHeaderIsLookedUpByItsNewNames() {
        var table = CSVTable.parse(Data("Name, ResourceID \n a,1\n".utf8), file: "t.csv")
        #expect(table.column("resourceid") == 1)
        table.header = ["Machine", "KB"]
        #expect(table.lowercasedHeader == ["machine", "kb"])
        #expect(table.column("resourceid") == nil && table.column("kb") == 1)
    }

    @Test func aJSONErrorNamesTheLineOfItsCharacter() {
        #expect(DiagnosticRuleLoader.errorOffset(in: "Badly formed object around character 39.") == 39)
        #expect(DiagnosticRuleLoader.errorOffset(in: "the character x, then character 7") == 7)
        #expect(DiagnosticRuleLoader.errorOffset(in: "No character offset") == nil)
        let (_, problems) = DiagnosticRuleLoader.parse(Array("{\"rules\": [\n{\"id\": \"a\",\n oops}]}".utf8), path: "r.json")
        #expect(problems.first?.line == 3, "\(problems)")
    }
}
