import Foundation

/// Reads rules files (README.md): JSON, either `{"rules": [ … ]}` or a bare array of rules.
///
/// A file that is not JSON is one problem naming the line the parser stopped at; a rule that does
/// not make sense (no trigger, a regex that does not compile, a condition on a pattern it does not
/// have) is skipped with a problem naming the line it starts on, and the file's other rules load.
public enum DiagnosticRuleLoader {
    public static func load(path: String) -> (rules: [DiagnosticRule], problems: [LoadProblem]) {
        let data: Data
        do {
            data = try InputFile.read(atPath: path, limit: InputFile.Limit.small)
        } catch {
            return ([], [LoadProblem(file: path, message: "rules file \(error); \(error.advice)")])
        }
        return parse(Array(data), path: path)
    }

    public static func parse(_ text: String, path: String) -> (rules: [DiagnosticRule], problems: [LoadProblem]) {
        parse(Array(text.utf8), path: path)
    }

    public static func parse(_ input: [UInt8], path: String) -> (rules: [DiagnosticRule], problems: [LoadProblem]) {
        var bytes = input
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bom > 0 { bytes.removeFirst(3) }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let line = errorOffset(in: reason).map { lineNumber(atByte: $0 + bom, in: input) }
            return ([], [LoadProblem(file: path, line: line ?? 1,
                                     message: "not valid JSON (\(reason)); none of this file's rules were loaded")])
        }
        let list: [Any]
        if let array = root as? [Any] {
            list = array
        } else if let object = root as? [String: Any], let array = object["rules"] as? [Any] {
            list = array
        } else {
            return ([], [LoadProblem(file: path, line: 1,
                                     message: "expected {\"rules\": [ … ]} or an array of rules; see README.md")])
        }
        let starts = ruleStartLines(input, topIsArray: root is [Any])
        var rules: [DiagnosticRule] = []
        var problems: [LoadProblem] = []
        for (k, element) in list.enumerated() {
            let line = k < starts.count ? starts[k] : nil
            var reader = RuleReader(file: path, line: line)
            if let rule = reader.rule(from: element, index: k) { rules.append(rule) }
            problems += reader.problems
        }
        var seen: Set<String> = []
        for rule in rules where !seen.insert(rule.id).inserted {
            problems.append(LoadProblem(file: path, severity: .warning,
                                        message: "rule id \"\(rule.id)\" appears more than once; the last one is used"))
        }
        return (rules, problems)
    }

    /// "… around character 39." → 39
    static func errorOffset(in reason: String) -> Int? {
        // Searched for without a regex: one is compiled per call, and every rules file that is not
        // JSON comes here.
        var rest = Substring(reason)
        while let found = rest.firstRange(of: "character ") {
            let digits = rest[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty { return Int(digits) }
            rest = rest[found.upperBound...]
        }
        return nil
    }

    static func lineNumber(atByte offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes.prefix(max(0, min(offset, bytes.count))).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// The line each rule object starts on: objects one level into the rules array, found by a
    /// scan that skips strings (JSONSerialization keeps no positions).
    static func ruleStartLines(_ bytes: [UInt8], topIsArray: Bool) -> [Int] {
        let ruleDepth = topIsArray ? 1 : 2
        var lines: [Int] = []
        var depth = 0, line = 1
        var inString = false, escaped = false
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x7B, 0x5B:
                if byte == 0x7B && depth == ruleDepth { lines.append(line) }
                depth += 1
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
        }
        return lines
    }
}

/// Checks one rule object, collecting every problem with it rather than stopping at the first.
private struct RuleReader {
    let file: String
    let line: Int?
    var problems: [LoadProblem] = []

    static let ruleKeys: Set<String> = ["id", "title", "severity", "logs", "components", "patterns", "conditions",
                                        "groupBy", "explanation", "fix", "reference", "description",
                                        "confidence", "corroboration"]
    static let patternKeys: Set<String> = ["name", "regex", "fact", "logs", "components", "nearSeconds", "afterTrigger"]
    static let conditionKeys: Set<String> = ["pattern", "atLeast", "atMost", "withinSeconds"]

    init(file: String, line: Int?) {
        self.file = file
        self.line = line
    }

    mutating func fail(_ message: String, severity: LoadProblem.Severity = .error) {
        problems.append(LoadProblem(file: file, line: line, severity: severity, message: message))
    }

    mutating func rule(from element: Any, index: Int) -> DiagnosticRule? {
        guard let object = element as? [String: Any] else {
            fail("rule \(index + 1) is not an object; skipped")
            return nil
        }
        let id = (object["id"] as? String)?.trimmingWhitespace ?? ""
        let name = id.isEmpty ? "rule \(index + 1)" : "rule \"\(id)\""
        let errorsBefore = problems.count
        if id.isEmpty { fail("\(name) has no \"id\"") }
        for key in object.keys.sorted() where !Self.ruleKeys.contains(key) {
            fail("\(name): unknown key \"\(key)\" ignored (known: \(Self.ruleKeys.sorted().joined(separator: ", ")))",
                 severity: .warning)
        }
        let title = text(object, "title", in: name)
        let explanation = text(object, "explanation", in: name)
        let fix = text(object, "fix", in: name)
        var severity = DiagnosticSeverity.warning
        if let raw = object["severity"] {
            if let value = (raw as? String).flatMap({ DiagnosticSeverity(rawValue: $0.lowercased()) }) {
                severity = value
            } else {
                fail("\(name): \"severity\" must be \"error\", \"warning\" or \"info\"")
            }
        }
        let logs = strings(object, "logs", in: name) ?? []
        let components = strings(object, "components", in: name) ?? []
        var patterns: [DiagnosticPattern] = []
        if let list = object["patterns"] as? [Any], !list.isEmpty {
            for (k, item) in list.enumerated() {
                if let pattern = self.pattern(item, number: k + 1, in: name) { patterns.append(pattern) }
            }
        } else {
            fail("\(name) needs \"patterns\": a non-empty array; the first pattern triggers the rule")
        }
        var names: Set<String> = []
        for pattern in patterns where !names.insert(pattern.name).inserted {
            fail("\(name): two patterns are named \"\(pattern.name)\"")
        }
        for pattern in patterns where pattern.logs == nil && logs.isEmpty {
            if case .regex = pattern.source {
                fail("\(name): pattern \"\(pattern.name)\" reads no log: give the rule or the pattern \"logs\"")
            }
        }
        var conditions: [DiagnosticCondition] = []
        if let raw = object["conditions"] {
            if let list = raw as? [Any] {
                for (k, item) in list.enumerated() {
                    if let condition = self.condition(item, number: k + 1, in: name, patterns: names) {
                        conditions.append(condition)
                    }
                }
            } else {
                fail("\(name): \"conditions\" must be an array")
            }
        }
        var groupBy: String?
        if let raw = object["groupBy"] {
            if let capture = raw as? String, let trigger = patterns.first, trigger.captureNames.contains(capture) {
                groupBy = capture
            } else {
                fail("\(name): \"groupBy\" must name a capture of the first pattern")
            }
        }
        let reference = object["reference"] as? String
        var confidence = DiagnosticConfidence.likely
        if let raw = object["confidence"] {
            if let value = (raw as? String).flatMap({ DiagnosticConfidence(rawValue: $0.lowercased()) }) {
                confidence = value
            } else {
                fail("\(name): \"confidence\" must be \"possible\", \"likely\" or \"confirmed\"")
            }
        }
        let corroboration = strings(object, "corroboration", in: name) ?? []
        for pattern in corroboration where !names.contains(pattern) || pattern == patterns.first?.name {
            fail("\(name): \"corroboration\" names \"\(pattern)\", which is not one of the rule's patterns after the first")
        }
        guard problems[errorsBefore...].allSatisfy({ $0.severity == .warning }) else {
            fail("\(name) skipped")
            return nil
        }
        let rule = DiagnosticRule(id: id, title: title, severity: severity, logs: logs, components: components,
                                  patterns: patterns, conditions: conditions, groupBy: groupBy,
                                  explanation: explanation, fix: fix, reference: reference,
                                  origin: line.map { "\(file):\($0)" } ?? file, confidence: confidence,
                                  corroboration: corroboration)
        for placeholder in DiagnosticTemplate.unknownPlaceholders(in: [title, explanation, fix], rule: rule) {
            fail("\(name): placeholder {\(placeholder)} names no capture; it will show as written", severity: .warning)
        }
        return rule
    }

    private mutating func text(_ object: [String: Any], _ key: String, in name: String) -> String {
        if let value = object[key] as? String, !value.trimmingWhitespace.isEmpty { return value }
        fail("\(name) needs \"\(key)\": a non-empty string")
        return ""
    }

    private mutating func strings(_ object: [String: Any], _ key: String, in name: String) -> [String]? {
        guard let raw = object[key] else { return nil }
        if let one = raw as? String { return [one] }
        if let list = raw as? [Any], list.allSatisfy({ $0 is String }) { return list.compactMap { $0 as? String } }
        fail("\(name): \"\(key)\" must be a string or an array of strings")
        return nil
    }

    private mutating func number(_ object: [String: Any], _ key: String, in name: String) -> Double? {
        guard let raw = object[key] else { return nil }
        if let value = raw as? NSNumber, value.doubleValue >= 0 { return value.doubleValue }
        fail("\(name): \"\(key)\" must be a number ≥ 0")
        return nil
    }

    private mutating func pattern(_ item: Any, number: Int, in name: String) -> DiagnosticPattern? {
        guard let object = item as? [String: Any] else {
            fail("\(name): pattern \(number) is not an object")
            return nil
        }
        let label = (object["name"] as? String) ?? "pattern \(number)"
        for key in object.keys.sorted() where !Self.patternKeys.contains(key) {
            fail("\(name), \(label): unknown key \"\(key)\" ignored", severity: .warning)
        }
        guard let patternName = object["name"] as? String, !patternName.isEmpty else {
            fail("\(name): pattern \(number) needs a \"name\"")
            return nil
        }
        let source: DiagnosticSource
        switch (object["regex"], object["fact"]) {
        case (let regex as String, nil):
            do {
                source = .regex(try DiagnosticRegex(regex))
            } catch {
                fail("\(name), pattern \"\(patternName)\": the regex does not compile (ICU syntax; named captures are (?<name>…))")
                return nil
            }
        case (nil, let fact as String):
            if DiagnosticFactKind.all[fact] == nil {
                fail("\(name), pattern \"\(patternName)\": unknown fact \"\(fact)\" (known: \(DiagnosticFactKind.all.keys.sorted().joined(separator: ", ")))")
                return nil
            }
            source = .fact(fact)
        default:
            fail("\(name), pattern \"\(patternName)\" needs exactly one of \"regex\" or \"fact\" (a string)")
            return nil
        }
        let near = self.number(object, "nearSeconds", in: name)
        let after = object["afterTrigger"] as? Bool ?? false
        return DiagnosticPattern(name: patternName, source: source, logs: strings(object, "logs", in: name),
                                 components: strings(object, "components", in: name), nearSeconds: near,
                                 afterTrigger: after)
    }

    private mutating func condition(_ item: Any, number: Int, in name: String, patterns: Set<String>) -> DiagnosticCondition? {
        guard let object = item as? [String: Any], let pattern = object["pattern"] as? String else {
            fail("\(name): condition \(number) needs \"pattern\": the name of one of the rule's patterns")
            return nil
        }
        for key in object.keys.sorted() where !Self.conditionKeys.contains(key) {
            fail("\(name), condition \(number): unknown key \"\(key)\" ignored", severity: .warning)
        }
        guard patterns.contains(pattern) else {
            fail("\(name): condition \(number) names pattern \"\(pattern)\", which the rule does not have")
            return nil
        }
        let atLeast = self.number(object, "atLeast", in: name).map { Int($0) }
        let atMost = self.number(object, "atMost", in: name).map { Int($0) }
        let within = self.number(object, "withinSeconds", in: name)
        if within != nil && atLeast == nil {
            fail("\(name): condition \(number): \"withinSeconds\" counts repetitions and needs \"atLeast\"")
            return nil
        }
        if atLeast == nil && atMost == nil {
            fail("\(name): condition \(number) needs \"atLeast\" or \"atMost\"")
            return nil
        }
        return DiagnosticCondition(pattern: pattern, atLeast: atLeast, atMost: atMost, withinSeconds: within)
    }
}
