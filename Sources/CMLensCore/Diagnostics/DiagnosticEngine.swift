import Foundation

/// Runs rules over a workspace's logs (and, through providers, over facts other parts of cmlens
/// have worked out) and returns the faults found, each with its evidence.
public struct DiagnosticEngine: Sendable {
    public var rules: [DiagnosticRule]
    /// The site's retry policy, for `{policy.*}` placeholders.
    public var policy: RetryPolicy
    public var providers: [any DiagnosticFactProvider]
    /// Explains `0x…` codes in evidence lines; nil leaves them bare.
    public var explainCode: DiagnosticCodeExplainer?

    public init(rules: [DiagnosticRule], policy: RetryPolicy = .defaults,
                providers: [any DiagnosticFactProvider] = [], explainCode: DiagnosticCodeExplainer? = nil) {
        self.rules = rules
        self.policy = policy
        self.providers = providers
        self.explainCode = explainCode
    }

    public func run(_ logs: LoadedLogs, clients: Set<String>? = nil) -> DiagnosisResult {
        var skipped: [SkippedRule] = []
        var runnable: [DiagnosticRule] = []
        for rule in rules {
            // A fact the rule needs (its trigger, or a condition's) without a provider: the rule cannot
            // be judged. A supporting fact without one only adds no evidence.
            let needed = Set([rule.trigger.name] + rule.conditions.filter { ($0.atLeast ?? 0) > 0 }.map(\.pattern))
            let missing = rule.patterns.compactMap { pattern -> String? in
                guard needed.contains(pattern.name), case .fact(let kind) = pattern.source else { return nil }
                return providers.contains { $0.kinds.contains(kind) } ? nil : kind
            }
            if missing.isEmpty {
                runnable.append(rule)
            } else {
                let needs = missing.map { "\($0) facts, from \(DiagnosticFactKind.source(of: $0))" }
                skipped.append(SkippedRule(rule: rule.id, reason: "needs " + needs.joined(separator: "; ")))
            }
        }
        let wanted = clients.map { Set($0.map { $0.lowercased() }) }
        let matches = collect(runnable, logs)
        // Rules are judged each on its own core: a rule over a tree of clients judges thousands of
        // triggers.
        let judged = runnable
        var findings = Concurrently.map(count: judged.count) { r -> [DiagnosticFinding] in
            var byPattern = matches[r]
            if let wanted {
                for key in byPattern.keys { byPattern[key] = byPattern[key]?.filter { wanted.contains($0.client.lowercased()) } }
            }
            return evaluate(judged[r], byPattern)
        }.flatMap { $0 }
        let order = Dictionary(logs.clientNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        findings.sort { a, b in
            let ca = order[a.client] ?? Int.max, cb = order[b.client] ?? Int.max
            if ca != cb { return ca < cb }
            if a.client != b.client { return a.client < b.client }
            if a.severity != b.severity { return a.severity > b.severity }
            let ta = a.first?.utcNanoseconds ?? .max, tb = b.first?.utcNanoseconds ?? .max
            if ta != tb { return ta < tb }
            return a.rule < b.rule
        }
        return DiagnosisResult(findings: findings, skipped: skipped)
    }

    // MARK: matching

    /// The records of a file any of the patterns could match: a byte search of the file for each
    /// pattern's required text, through the search engine; every record when a pattern has none.
    /// A rule then costs a scan of the bytes, not a decode and a regex per record.
    static func candidates(_ file: LogFileIndex, _ regexes: [DiagnosticRegex]) -> [Int] {
        var found: [Int] = []
        forEachCandidate(file, regexes) { index, _, _ in found.append(index) }
        return found
    }

    /// The same, each with its bytes, from the same reads: a candidate is not read again.
    static func forEachCandidate(_ file: LogFileIndex, _ regexes: [DiagnosticRegex],
                                 _ body: (Int, UnsafeRawBufferPointer, TextLoss?) -> Void) {
        let literals = regexes.map(\.searchLiterals)
        let any = literals.contains(where: { $0 == nil }) ? nil : Array(Set(literals.compactMap { $0 }.joined()))
        file.forEachRecord(containingAny: any, in: 0..<file.count, isCancelled: { false }, body)
    }

    /// Every rule's matches, by pattern name: log files are scanned in parallel, one file at a time,
    /// each record decoded once for all the rules that read that log.
    private func collect(_ rules: [DiagnosticRule], _ logs: LoadedLogs) -> [[String: [DiagnosticMatch]]] {
        struct Job { var rule: Int; var pattern: DiagnosticPattern; var regex: DiagnosticRegex; var components: Set<String> }
        var jobsByFile: [[Job]] = Array(repeating: [], count: logs.files.count)
        // Each file is the log its name says, rotated and renamed copies included, else the log its
        // main component names; the evidence still cites the file itself.
        var read: Set<String> = []
        for rule in rules {
            for pattern in rule.patterns { read.formUnion((pattern.logs ?? rule.logs).map { $0.lowercased() }) }
        }
        let identities = logs.files.map {
            LogIdentity.known($0.logName, among: read) ?? LogComponentIdentity.known($0, among: read)
        }
        for (r, rule) in rules.enumerated() {
            for pattern in rule.patterns {
                guard case .regex(let regex) = pattern.source else { continue }
                let names = Set((pattern.logs ?? rule.logs).map { $0.lowercased() })
                let components = Set((pattern.components ?? rule.components).map { $0.lowercased() })
                for (f, _) in logs.files.enumerated() where identities[f].map(names.contains) ?? false {
                    jobsByFile[f].append(Job(rule: r, pattern: pattern, regex: regex, components: components))
                }
            }
        }
        let files = logs.files
        let jobs = jobsByFile
        let found = Concurrently.map(count: files.count) { f -> [(rule: Int, match: DiagnosticMatch)] in
            guard !jobs[f].isEmpty else { return [] }
            let file = files[f]
            var local: [(rule: Int, match: DiagnosticMatch)] = []
            // The jobs that read a component, by the file's component id: decided once per
            // component, and jobs named by position, so no record copies a job (a job holds a
            // compiled pattern: copying one per record cost a fifth of a diagnosis).
            var wantedByComponent: [UInt16: [Int]] = [:]
            jobs[f].withUnsafeBufferPointer { fileJobs in
                Self.forEachCandidate(file, fileJobs.map(\.regex)) { index, recordBytes, loss in
                    let id = file.entries[index].component
                    let wanted: [Int]
                    if let known = wantedByComponent[id] {
                        wanted = known
                    } else {
                        let component = file.component(at: index)?.lowercased() ?? ""
                        wanted = fileJobs.indices.filter { fileJobs[$0].components.isEmpty || fileJobs[$0].components.contains(component) }
                        wantedByComponent[id] = wanted
                    }
                    guard !wanted.isEmpty else { return }
                    let record = file.decode(file.entries[index], recordBytes, lost: loss)
                    let bytes = Array(record.message.utf8)
                    var lowered: [UInt8]?
                    let lower = {
                        if let lowered { return lowered }
                        let made = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                        lowered = made
                        return made
                    }
                    for j in wanted {
                        guard fileJobs[j].regex.mayMatch(bytes, lowered: lower), let captures = fileJobs[j].regex.match(record.message) else {
                            continue
                        }
                        local.append((fileJobs[j].rule, DiagnosticMatch(pattern: fileJobs[j].pattern.name, client: record.client,
                                                                        place: Evidence(record: RecordID(file: file, index: index)),
                                                                        time: record.time, captures: captures, text: String(record.firstLine))))
                    }
                }
            }
            return local
        }
        var result = [[String: [DiagnosticMatch]]](repeating: [:], count: rules.count)
        for (rule, match) in found.joined() {
            result[rule][match.pattern, default: []].append(match)
        }
        for (r, rule) in rules.enumerated() {
            for pattern in rule.patterns {
                guard case .fact(let kind) = pattern.source else { continue }
                let facts = providers.filter { $0.kinds.contains(kind) }.flatMap { $0.facts(of: kind) }
                result[r][pattern.name, default: []] += facts.map { fact in
                    var named = fact
                    named.pattern = pattern.name
                    return named
                }
            }
        }
        return result
    }

    // MARK: evaluating

    private func evaluate(_ rule: DiagnosticRule, _ byPattern: [String: [DiagnosticMatch]]) -> [DiagnosticFinding] {
        let triggers = (byPattern[rule.trigger.name] ?? []).sorted(by: DiagnosticMatch.chronological)
        var clientsInOrder: [String] = []
        var byClient: [String: [DiagnosticMatch]] = [:]
        for match in triggers {
            if byClient[match.client] == nil { clientsInOrder.append(match.client) }
            byClient[match.client, default: []].append(match)
        }
        var findings: [DiagnosticFinding] = []
        for client in clientsInOrder {
            var groups: [(key: String?, matches: [DiagnosticMatch])] = []
            for match in byClient[client] ?? [] {
                let key = rule.groupBy.map { match.captures[$0] ?? "" }
                if let k = groups.firstIndex(where: { $0.key == key }) {
                    groups[k].matches.append(match)
                } else {
                    groups.append((key, [match]))
                }
            }
            for group in groups {
                if let finding = evaluate(rule, client: client, key: group.key, triggers: group.matches, byPattern) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    private func evaluate(_ rule: DiagnosticRule, client: String, key: String?, triggers: [DiagnosticMatch],
                          _ byPattern: [String: [DiagnosticMatch]]) -> DiagnosticFinding? {
        var kept: [String: [DiagnosticMatch]] = [rule.trigger.name: triggers]
        let triggerTimes = triggers.compactMap { $0.time?.utcNanoseconds }
        let lastTrigger = triggerTimes.max()
        for pattern in rule.patterns.dropFirst() {
            let sameKey = rule.groupBy.flatMap { pattern.captureNames.contains($0) ? $0 : nil }
            kept[pattern.name] = (byPattern[pattern.name] ?? []).filter { match in
                guard match.client.caseInsensitiveCompare(client) == .orderedSame else { return false }
                if let sameKey, match.captures[sameKey] != key { return false }
                if let near = pattern.nearSeconds {
                    guard let t = match.time?.utcNanoseconds else { return false }
                    let span = Int64(near * 1e9)
                    if !triggerTimes.contains(where: { abs($0 - t) <= span }) { return false }
                }
                if pattern.afterTrigger {
                    guard let t = match.time?.utcNanoseconds, let lastTrigger, t > lastTrigger else { return false }
                }
                return true
            }.sorted(by: DiagnosticMatch.chronological)
        }
        for condition in rule.conditions where !Self.holds(condition, kept[condition.pattern] ?? []) { return nil }

        let absent = Set(rule.conditions.filter(\.requiresAbsence).map(\.pattern))
        var seen: Set<String> = []
        let evidence = rule.patterns.filter { !absent.contains($0.name) }
            .flatMap { kept[$0.name] ?? [] }
            .sorted(by: DiagnosticMatch.chronological)
            .filter { seen.insert("\($0.file):\($0.line)").inserted }
            .map { FindingEvidence(place: $0.place, time: $0.time, text: $0.text, pattern: $0.pattern) }
        guard !evidence.isEmpty else { return nil }  // no finding without evidence

        let times = evidence.compactMap(\.time)
        let first = times.min { $0.utcNanoseconds < $1.utcNanoseconds }
        let last = times.max { $0.utcNanoseconds < $1.utcNanoseconds }
        let scope = DiagnosticTemplate.Scope(client: client, trigger: rule.trigger.name, matches: kept,
                                             first: first, last: last, policy: policy)
        let corroborated = rule.corroboration.filter { !(kept[$0] ?? []).isEmpty }
        return DiagnosticFinding(rule: rule.id, client: client,
                                 title: DiagnosticTemplate.fill(rule.title, scope), severity: rule.severity,
                                 explanation: DiagnosticTemplate.fill(rule.explanation, scope),
                                 fix: DiagnosticTemplate.fill(rule.fix, scope), reference: rule.reference,
                                 first: first, last: last, evidence: evidence, errorCodes: errorCodes(in: evidence),
                                 confidence: rule.confidence.raised(by: corroborated.count), corroboratedBy: corroborated)
    }

    static func holds(_ condition: DiagnosticCondition, _ matches: [DiagnosticMatch]) -> Bool {
        if let most = condition.atMost, matches.count > most { return false }
        guard let least = condition.atLeast else { return true }
        guard let window = condition.withinSeconds else { return matches.count >= least }
        guard least > 0 else { return true }
        // Repetition: some stretch of `window` seconds holds `least` matches.
        let times = matches.compactMap { $0.time?.utcNanoseconds }.sorted()
        let span = Int64(window * 1e9)
        var start = 0
        for end in times.indices {
            while times[end] - times[start] > span { start += 1 }
            if end - start + 1 >= least { return true }
        }
        return false
    }

    private static let codePattern = try! NSRegularExpression(pattern: #"0[xX][0-9A-Fa-f]{8}\b"#)

    private func errorCodes(in evidence: [FindingEvidence]) -> [FindingErrorCode] {
        var seen: Set<String> = []
        var codes: [FindingErrorCode] = []
        for item in evidence {
            let range = NSRange(item.text.startIndex..., in: item.text)
            for result in Self.codePattern.matches(in: item.text, range: range) {
                guard let r = Range(result.range, in: item.text) else { continue }
                let code = "0x" + item.text[r].dropFirst(2).uppercased()
                guard seen.insert(code).inserted else { continue }
                codes.append(FindingErrorCode(code: code, meaning: explainCode?(code)))
            }
        }
        return codes
    }
}

/// What `DiagnosticEngine.run` found, and the rules it could not evaluate (and why).
public struct DiagnosisResult: Sendable {
    public var findings: [DiagnosticFinding]
    public var skipped: [SkippedRule]
}

public struct SkippedRule: Sendable, Hashable {
    public var rule: String
    public var reason: String
}
