import Foundation
import Testing
@testable import CMLensCore

/// Terminal escaping, CSV fields and log text decoding, held to what they did before they were
/// rewritten on bytes, and to the cases the old code got wrong.
@Suite("Escaping and decoding text on bytes")
struct TextOutputTests {
    /// The escaping as it was written on scalars, kept here as the reference.
    static func referenceEscape(_ text: String, keepNewlines: Bool, expandTabs: Int?) -> String {
        var out = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A && keepNewlines { out.append(scalar); column = 0; continue }
            if v == 0x09 {
                if let width = expandTabs {
                    let spaces = width - column % width
                    for _ in 0..<spaces { out.append(" ") }
                    column += spaces
                } else { out.append(scalar); column += 1 }
                continue
            }
            if v < 0x20 { out.append("^"); out.append(Unicode.Scalar(UInt8(v + 0x40))); column += 2 }
            else if v == 0x7F { out.append(contentsOf: "^?".unicodeScalars); column += 2 }
            else if (0x80...0x9F).contains(v) { out.append(contentsOf: "\\x\(String(v, radix: 16))".unicodeScalars); column += 4 }
            else if TerminalText.isBidiControl(v) {
                out.append(contentsOf: "<U+\(String(v, radix: 16, uppercase: true))>".unicodeScalars); column += 8
            } else { out.append(scalar); column += 1 }
        }
        return String(out)
    }

    static let texts = [
        "plain", "", "tab\there\tand\tthere", "\u{1B}[31mred\u{1B}[0m", "line\nbreak\r\nCRLF", "del\u{7F}",
        "csi\u{9B}31m", "\u{202E}evil\u{202C} \u{2066}iso\u{2069} \u{61C}\u{200E}", "é\tü\t日本\t😀",
        "\u{1B}]0;title\u{7}", "\u{0}\u{1}\u{1F}", "e\u{301}\t\u{85}", "a\tb\u{9B}\t\n\tc",
    ]

    @Test func escapingMatchesTheScalarVersionEverywhere() {
        for text in Self.texts {
            for keep in [false, true] {
                for tabs in [nil, 1, 4, 8] as [Int?] {
                    #expect(TerminalText.escape(text, keepNewlines: keep, expandTabs: tabs)
                            == Self.referenceEscape(text, keepNewlines: keep, expandTabs: tabs),
                            "\(text.debugDescription) keepNewlines \(keep) tabs \(String(describing: tabs))")
                }
            }
        }
    }

    /// The fast path returned ASCII text with tabs as it was, even when the tabs were to be
    /// expanded: the console then showed each tab as `?`.
    @Test func tabsInPlainASCIIAreExpanded() {
        #expect(TerminalText.escape("a\tb", expandTabs: 4) == "a   b")
        #expect(TerminalText.escape("\tx", expandTabs: 8) == "        x")
        #expect(TerminalText.escape("a\tb") == "a\tb")
        // A tab stop below 1 is taken as 1, never a division by zero.
        #expect(TerminalText.escape("a\tb", expandTabs: 0) == "a b")
        #expect(TerminalText.escape("a\tb", expandTabs: -3) == "a b")
    }

    @Test func csvQuotesACommaOrQuoteEvenBeforeACombiningMark() {
        #expect(CSVRow.field("a,\u{301}b") == "\"a,\u{301}b\"")
        #expect(CSVRow.field("say \"\u{301}hi\"") == "\"say \"\"\u{301}hi\"\"\"")
        #expect(CSVRow.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVRow.field("plain text") == "plain text")
        #expect(CSVRow.field("cr\rhere") == "cr^Mhere")
        #expect(CSVRow.render(["a", "b,c", "\"q\""]) == "a,\"b,c\",\"\"\"q\"\"\"")
    }

    @Test func byteOrderMarksAreDroppedAsFoundationDropped() {
        let texts = ["\u{FEFF}start", "mid\u{FEFF}dle", "end\u{FEFF}", "\u{FEFF}\u{FEFF}", "é\u{FEFF}日本", "none"]
        for text in texts {
            #expect(TextDecoding.string(Array(text.utf8)) == text.replacingOccurrences(of: "\u{FEFF}", with: ""), "\(text.debugDescription)")
        }
        // Foundation compared characters, so a mark followed by a combining mark stayed; now every one goes.
        #expect(TextDecoding.string(Array("\u{FEFF}\u{301}x".utf8)) == "\u{301}x")
    }

    @Test func windows1252IsDecodedByteForByte() {
        var bytes = (0...255).map(UInt8.init)
        bytes += [0xEF, 0xBB, 0xBF, 0x41]  // a BOM in an ANSI file is three Windows-1252 letters
        var reference = String.UnicodeScalarView()
        for byte in bytes { reference.append(TextDecoding.windows1252(byte)) }
        let text = TextDecoding.string(bytes)
        #expect(text == String(reference))
        #expect(text.hasSuffix("ï»¿A"))
        #expect(text.unicodeScalars.contains("\u{20AC}"))
    }
}
