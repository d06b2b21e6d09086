import Foundation
import Testing
@testable import CMLensCore

/// Rules run on PCRE2 but are written (and checked) in ICU's syntax: on every message the two must
/// agree, match and captures, for the built-in rules and for patterns made from the constructs
/// rule authors use — or the pattern must be one that stays on ICU.
@Suite struct RuleEngineAgreementTests {
    static func builtInPatterns() -> [String] {
        BuiltInDiagnosticRules.load().rules.flatMap { rule in
            rule.patterns.compactMap { pattern -> String? in
                guard case .regex(let regex) = pattern.source else { return nil }
                return regex.source
            }
        }
    }

    /// Messages from the field, from Samples, and variants of them: case changed, words joined by
    /// other spaces and line endings, non-ASCII letters and digits put in.
    static func messages(seed: UInt64, count: Int) -> [String] {
        let folders = [LogTestSupport.realCorpus.path, LogTestSupport.repositoryRoot.appendingPathComponent("Samples").path]
        let logs = LoadedLogs.load(WorkspaceScanner.scan(folders))
        var base = logs.files.flatMap { $0.records.map(\.message) }
        let made = ["Failed to find the certificate in the store, retry 5.", "RegTask: Failed to get certificate. Error: 0x80004005",
                 "Unable to find any MPs", "failed to get management point list", "no MP found", "Current AD site of machine is  ",
                 "CcmSetup failed with error code 0x80190194", "Scan failed with error = 0x80240438"]
        var random = SplitMix64(seed: seed)
        // A seeded sample: ICU takes microseconds a match, and every pattern meets every message.
        base.shuffle(using: &random)
        base = Array(base.prefix(count))
        let inserts = ["\u{0661}\u{0662}", "É", "ß", "\r", "\u{85}", "\u{2028}", "\n", "\t", "ǅ", "İ", "K", "ﬁ", "x"]
        base += made
        var out = base
        for message in base where !message.isEmpty {
            var scalars = Array(message.unicodeScalars)
            switch random.next() % 4 {
            case 0: out.append(message.uppercased())
            case 1:
                let at = Int(random.next() % UInt64(scalars.count + 1))
                scalars.insert(contentsOf: inserts[Int(random.next() % UInt64(inserts.count))].unicodeScalars, at: at)
                out.append(String(String.UnicodeScalarView(scalars)))
            case 2: out.append(message.replacingOccurrences(of: " ", with: ["\u{A0}", "  ", "\t", "\u{2003}"][Int(random.next() % 4)]))
            default: out.append(message + ["\n", "\r", "\u{85}", " \u{2029}"][Int(random.next() % 4)])
            }
        }
        return out
    }

    /// True when the pattern runs on PCRE2 (and was compared); false when it stays on ICU.
    @discardableResult
    static func expectAgreement(_ pattern: String, on messages: [String]) throws -> Bool {
        let regex = try DiagnosticRegex(pattern)
        guard regex.compiled != nil else { return false }
        for message in messages {
            let pcre = regex.match(message), icu = regex.matchICU(message)
            #expect(pcre == icu, "\(pattern) on \(message.debugDescription)")
            if pcre != icu { return true }
        }
        return true
    }

    @Test func builtInRulesMatchAlikeOnBothEngines() throws {
        let patterns = Self.builtInPatterns()
        #expect(patterns.count >= 20)
        let messages = Self.messages(seed: 1, count: 3000)
        #expect(messages.count > 3000)
        var onPCRE = 0
        for pattern in patterns {
            if try DiagnosticRegex(pattern).compiled != nil { onPCRE += 1 }
            try Self.expectAgreement(pattern, on: messages)
        }
        #expect(onPCRE == patterns.count, "every built-in rule runs on PCRE2")
    }

    /// Patterns made of the pieces rules are made of, seeded.
    @Test(arguments: [UInt64(2), 3, 4])
    func generatedPatternsMatchAlikeOrStayOnICU(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let pieces = ["(?i)", "failed", "retry", " ", "\\s+", "\\d+", "\\w+", "\\b", "0x[0-9A-Fa-f]{8}", "(?<code>\\d+)",
                      "(?:to|for)", ".*?", ".+", "[^']*", "'", "\\.", "$", "^", "(?!0{8})", "\\S+", "[a-z]", "[[a-z]&&[^b]]",
                      "\\p{L}+", "(?-i)", "[:,]", "error|warning", "\\(", "\\)", "(?<x>[A-Z]{2,})", "\\cA", "[]x]", "é", "É"]
        let messages = Self.messages(seed: seed, count: 400)
        var compared = 0
        for _ in 0..<40 {
            let pattern = (0..<Int(1 + random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            guard (try? NSRegularExpression(pattern: pattern)) != nil else { continue }
            if try Self.expectAgreement(pattern, on: messages) { compared += 1 }
        }
        // The comparison is the point: most generated patterns must run on PCRE2, not all fall back.
        #expect(compared >= 15, "only \(compared) generated patterns ran on PCRE2")
    }

    @Test func icuOnlySyntaxIsRecognised() {
        for pattern in ["[[a-z]&&[^b]]", "[a-z--b]", "[[:alpha:]]", "\\cA", "\\N{LATIN SMALL LETTER A}", "(?w)\\bx", "[abc"] {
            #expect(ICUOnlySyntax.isUsed(in: pattern), "\(pattern)")
        }
        for pattern in ["[]a]", "[^]a]", "a-b", "[a-z]&&", "(?i)x", "(?<name>x)", "\\[[a-z]\\]", "[\\[]"] {
            #expect(!ICUOnlySyntax.isUsed(in: pattern), "\(pattern)")
        }
    }
}
