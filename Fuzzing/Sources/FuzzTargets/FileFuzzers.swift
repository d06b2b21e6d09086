import Foundation
@testable import CMLensCore
@testable import CMLensTUI

/// Every problem a parser reports names the file it read and a line inside it.
private func checkProblems(_ problems: [LoadProblem], file: String, lineCount: Int, _ what: String) {
    for problem in problems {
        require(problem.file == file, "\(what): a problem names \(problem.file)")
        if let line = problem.line {
            require(line >= 1 && line <= lineCount + 1, "\(what): problem on line \(line) of \(lineCount): \(problem)")
        }
        require(!problem.message.isEmpty, "\(what): a problem without a message")
    }
}

private func lineCount(_ input: [UInt8]) -> Int {
    // CR, LF and CRLF all end a line for some parser; counting both CR and LF is an upper bound.
    input.count { $0 == 0x0A || $0 == 0x0D } + 1
}

/// Site control files (ANSI or UTF-16): the block structure and the retry policy read from it.
public enum SiteControlFuzz {
    public static func run(_ input: [UInt8]) {
        let path = "site/sitectrl.ct0"
        let text = SiteControlParser.decode(input)
        let file = SiteControlParser.parse(text: text, path: path)
        let lines = lineCount(Array(text.utf8))
        checkProblems(file.problems, file: path, lineCount: lines, "site control")
        for block in file.allBlocks() { require(block.line >= 1 && block.line <= lines, "block on line \(block.line) of \(lines)") }
        for (_, property) in file.allProperties() {
            require(property.line >= 1 && property.line <= lines, "property on line \(property.line) of \(lines)")
        }
        let (policy, problems) = RetryPolicy.from(file)
        checkProblems(problems, file: path, lineCount: lines, "retry policy")
        _ = policy.retries(exitCode: 1618)
    }
}

/// Inventory CSV exports, recognised by their headers, then judged against the built-in catalogue.
public enum InventoryFuzz {
    public static func run(_ input: [UInt8]) {
        let path = "inventory/fuzz.csv"
        let table = CSVTable.parse(Data(input), file: path)
        let lines = lineCount(input)
        checkProblems(table.problems, file: path, lineCount: lines, "CSV")
        var previous = 1
        for row in table.rows {
            require(row.line > previous || (row.line == previous && previous == 1), "rows out of order: line \(row.line) after \(previous)")
            require(row.line <= lines, "row on line \(row.line) of \(lines)")
            previous = row.line
        }
        var inventory = Inventory()
        inventory.add(table)
        checkProblems(inventory.problems, file: path, lineCount: lines, "inventory")
        for system in inventory.systems { _ = inventory.resourceID(forMachine: system.name) }
        let report = ComplianceEvaluator.evaluate(inventory, catalog: HotfixCatalog.builtIn)
        for summary in report.kbs {
            _ = ComplianceOutput.text(summary).map(\.plainText)
            for verdict in summary.verdicts { _ = ComplianceOutput.json(verdict) + ComplianceOutput.csv(verdict) }
        }
    }
}

/// Hotfix catalogues: JSON when the text starts with `[` or `{` (as `HotfixCatalog.load` decides),
/// CSV otherwise; both readers see every input.
public enum HotfixFuzz {
    public static func run(_ input: [UInt8]) {
        let path = "hotfixes.json"
        let (fromJSON, jsonProblems) = HotfixCatalog.parseJSON(Data(input), file: path)
        checkProblems(jsonProblems, file: path, lineCount: lineCount(input), "JSON catalogue")
        let table = CSVTable.parse(Data(input), file: path)
        let (fromCSV, csvProblems) = HotfixCatalog.parse(table)
        checkProblems(csvProblems, file: path, lineCount: lineCount(input), "CSV catalogue")
        for catalog in [fromJSON, fromCSV] {
            var kbs = Set<String>()
            for hotfix in catalog.hotfixes {
                require(kbs.insert(hotfix.kb).inserted, "KB \(hotfix.kb) twice in one catalogue")
                require(!hotfix.kb.isEmpty && hotfix.kb.allSatisfy(\.isNumber), "KB \(hotfix.kb.debugDescription) kept")
                require(catalog[hotfix.kb] == hotfix, "KB \(hotfix.kb) not found by its own number")
            }
            let merged = HotfixCatalog.builtIn.merging(catalog)
            require(merged.hotfixes.count >= HotfixCatalog.builtIn.hotfixes.count, "merging lost hotfixes")
        }
    }
}

/// Rules files (JSON), and the literal pre-filter of a rule's regex: a message the regex matches
/// must never be ruled out before the regex engine sees it.
public enum RulesFuzz {
    public static func run(_ input: [UInt8]) {
        let path = "fuzz.rules.json"
        let (rules, problems) = DiagnosticRuleLoader.parse(input, path: path)
        checkProblems(problems, file: path, lineCount: lineCount(input), "rules")
        for rule in rules {
            require(!rule.patterns.isEmpty, "rule \(rule.id) kept without a trigger")
            for pattern in rule.patterns {
                if case .regex(let regex) = pattern.source { prefilter(regex, subject: rule.title) }
            }
        }
        // First line a pattern, the rest a message it is tried on.
        guard let newline = input.firstIndex(of: 0x0A), newline <= 128 else { return }
        let pattern = String(decoding: input[..<newline], as: UTF8.self)
        let subject = String(decoding: input[(newline + 1)...].prefix(512), as: UTF8.self)
        if let regex = try? DiagnosticRegex(pattern) { prefilter(regex, subject: subject) }
    }

    private static func prefilter(_ regex: DiagnosticRegex, subject: String) {
        let bytes = Array(subject.utf8)
        let matches = regex.expression.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if matches {
            require(regex.mayMatch(bytes, lowered: { lowered }),
                    "pre-filter literal \(regex.literal.map { String(decoding: $0, as: UTF8.self) } ?? "-") rules out a match of \(regex.source.debugDescription) in \(subject.debugDescription)")
        }
    }
}

/// Theme files, as the console reads them (UTF-8 text; a file that is not UTF-8 is refused before).
public enum ThemeFuzz {
    public static func run(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        do {
            let theme = try ThemeParser.parse(text, name: "fuzz", file: "fuzz.theme")
            for role in Role.allCases {
                let style = theme.style(role)
                for colors in [8, 16, 256] {
                    for color in [style.foreground, style.background] {
                        let index = color.index(colors: colors)
                        require(index >= -1 && index < colors, "colour index \(index) for \(colors) colours")
                    }
                }
            }
        } catch {
            require(error.line >= 1 && error.line <= lineCount(input), "theme error on line \(error.line)")
            require(error.file == "fuzz.theme", "theme error names \(error.file)")
        }
    }
}

/// Error codes as typed on the command line (`cmlens explain`) and as found in log messages.
public enum ErrorCodeFuzz {
    public static func run(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        let explainer = ErrorExplainer()
        if let explanations = try? explainer.explain(text) {
            for explanation in explanations {
                _ = ErrorExplanationOutput.json(explanation)
                _ = ErrorExplanationOutput.text(explanation).map(\.plainText)
            }
        }
        let utf8 = Array(text.utf8)
        for mention in ErrorCodeText.mentions(in: text) {
            let range = mention.utf8Range
            require(range.lowerBound >= 0 && range.upperBound <= utf8.count && !range.isEmpty,
                    "mention range \(range) outside \(utf8.count) bytes")
            require(String(decoding: utf8[range], as: UTF8.self) == mention.text,
                    "mention text \(mention.text.debugDescription) is not at \(range)")
            require(ErrorCodeText.mention(in: text, at: range.lowerBound) == mention,
                    "the mention under the cursor at \(range.lowerBound) differs")
        }
        for mention in explainer.explain(text: text) { _ = mention }
    }
}

/// The version comparator: a strict total order on versions, consistent with equality and hashing.
public enum VersionFuzz {
    public static func run(_ input: [UInt8]) {
        let texts = input.split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false)
            .prefix(3).map { String(decoding: $0, as: UTF8.self) }
        let versions = texts.compactMap { try? ComponentVersion(parsing: $0) }
        for a in versions {
            require(!(a < a), "\(a) < itself")
            require(a == a, "\(a) != itself")
            for b in versions {
                let less = a < b, greater = b < a, equal = a == b
                require([less, greater, equal].count { $0 } == 1, "\(a) vs \(b): less \(less) greater \(greater) equal \(equal)")
                if equal { require(a.hashValue == b.hashValue, "\(a) == \(b) but hashes differ") }
                _ = ComponentVersion.stringOrderDiffers(a, b)
                for c in versions where a < b && b < c {
                    require(a < c, "\(a) < \(b) < \(c) but not \(a) < \(c)")
                }
            }
            let reparsed = try? ComponentVersion(parsing: a.text)
            require(reparsed == a, "\(a) does not read back from its own text")
        }
    }
}
