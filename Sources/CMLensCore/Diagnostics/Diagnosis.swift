/// The one call the command and the console make: load the rules (built-in, then the workspace's
/// `*.rules.json`, then `--rules` files), run them over the loaded logs, and report what was found
/// and every problem met on the way.
public enum Diagnosis {
    public struct Output: Sendable {
        public var findings: [DiagnosticFinding]
        public var skipped: [SkippedRule]
        /// Rules files that could not be read or had broken rules; the built-in rules ran anyway.
        public var problems: [LoadProblem]
        /// Every rule that ran, after user rules replaced built-in ones of the same id.
        public var rules: [DiagnosticRule]
        /// How many log files were read.
        public var logFileCount: Int
    }

    /// Built-in rules plus those of `ruleFiles`, in that order; a user rule with a built-in rule's
    /// id replaces it.
    public static func rules(ruleFiles: [String]) -> (rules: [DiagnosticRule], problems: [LoadProblem]) {
        var (rules, problems) = BuiltInDiagnosticRules.load()
        for path in ruleFiles {
            let (extra, fileProblems) = DiagnosticRuleLoader.load(path: path)
            problems += fileProblems
            for rule in extra {
                if let k = rules.firstIndex(where: { $0.id == rule.id }) {
                    problems.append(LoadProblem(file: path, severity: .warning,
                                                message: "rule \"\(rule.id)\" replaces the rule of that id from \(rules[k].origin)"))
                    rules[k] = rule
                } else {
                    rules.append(rule)
                }
            }
        }
        return (rules, problems)
    }

    /// The logs the rules read (and execmgr.log, which the execution facts come from): loading only
    /// those keeps a big workspace fast. A rules file that names no logs reads none.
    public static func logNames(readBy rules: [DiagnosticRule]) -> Set<String> {
        var names: Set<String> = ["execmgr.log"]
        for rule in rules {
            for pattern in rule.patterns {
                guard case .regex = pattern.source else { continue }
                for name in pattern.logs ?? rule.logs { names.insert(name.lowercased()) }
            }
        }
        return names
    }

    /// The kinds of execution whose facts `rules` name (`taskSequence.stepFailed` → smsts.log).
    static func executionKinds(readBy rules: [DiagnosticRule]) -> Set<ExecutionKind> {
        var kinds: Set<ExecutionKind> = []
        for rule in rules {
            for pattern in rule.patterns {
                guard case let .fact(name) = pattern.source, let prefix = name.split(separator: ".").first,
                      let kind = ExecutionKind(rawValue: String(prefix)), kind != .program else { continue }
                kinds.insert(kind)
            }
        }
        return kinds
    }

    /// The workspace cut down to the logs `rules` read, recognised by `LogIdentity` (rotated,
    /// renamed and differently cased copies too) or, when the name says nothing, by the component
    /// named in the file's first records; the other inputs (rules files, site control,
    /// tables) are kept.
    public static func inputs(_ inputs: WorkspaceInputs, readBy rules: [DiagnosticRule]) -> WorkspaceInputs {
        let names = logNames(readBy: rules)
        let kinds = executionKinds(readBy: rules)
        var only = inputs
        // A log's name decides most; the others have their heads read, on all cores.
        let logs = inputs.clients.flatMap(\.logs)
        let read = Concurrently.map(count: logs.count) { k in
            let log = logs[k]
            return LogIdentity.known(log.name, among: names) != nil || ExecutionHistory.isExecmgrLog(log.name)
                || ExecutionKind.of(logName: log.name).map(kinds.contains) ?? false
                || log.files.last.flatMap { LogComponentIdentity.known(path: $0, among: names) } != nil
        }
        var next = 0
        only.clients = inputs.clients.compactMap { client in
            var kept = client
            kept.logs = client.logs.filter { _ in
                defer { next += 1 }
                return read[next]
            }
            return kept.logs.isEmpty ? nil : kept
        }
        return only
    }

    /// The headless command's call: rules first, then only the logs they read, then the run. The
    /// problems are the logs' and the rules files'.
    public static func run(inputs: WorkspaceInputs, extraRuleFiles: [String] = [], policy: RetryPolicy = .defaults,
                           clients: Set<String>? = nil) -> Output {
        let (rules, ruleProblems) = rules(ruleFiles: inputs.ruleFiles + extraRuleFiles)
        let logs = LoadedLogs.load(Self.inputs(inputs, readBy: rules), clients: clients)
        let facts = DiagnosticProviders.forWorkspace(inputs, logs: logs, policy: policy)
        let engine = DiagnosticEngine(rules: rules, policy: policy, providers: facts.providers,
                                      explainCode: DiagnosticProviders.codeExplainer(policy: policy))
        let result = engine.run(logs, clients: clients)
        return Output(findings: result.findings, skipped: result.skipped,
                      problems: logs.problems + facts.problems + ruleProblems, rules: rules, logFileCount: logs.files.count)
    }

    /// Everything for a workspace: its rules files plus `extraRuleFiles` (`--rules`), its facts
    /// (execution timeline, or `history` when the caller built it already) plus `extraProviders`,
    /// error codes explained from the catalogue.
    public static func run(inputs: WorkspaceInputs, logs: LoadedLogs, extraRuleFiles: [String] = [],
                           policy: RetryPolicy = .defaults, clients: Set<String>? = nil,
                           extraProviders: [any DiagnosticFactProvider] = [], history: ExecutionHistory? = nil) -> Output {
        let facts = DiagnosticProviders.forWorkspace(inputs, logs: logs, policy: policy, history: history)
        var output = run(logs: logs, ruleFiles: inputs.ruleFiles + extraRuleFiles, policy: policy,
                         providers: facts.providers + extraProviders, clients: clients,
                         explainCode: DiagnosticProviders.codeExplainer(policy: policy))
        output.problems = facts.problems + output.problems
        return output
    }

    /// The same with every part given (tests, a console that holds its own providers).
    public static func run(logs: LoadedLogs, ruleFiles: [String], policy: RetryPolicy = .defaults,
                           providers: [any DiagnosticFactProvider] = [], clients: Set<String>? = nil,
                           explainCode: DiagnosticCodeExplainer? = nil) -> Output {
        let (rules, problems) = rules(ruleFiles: ruleFiles)
        let engine = DiagnosticEngine(rules: rules, policy: policy, providers: providers, explainCode: explainCode)
        let result = engine.run(logs, clients: clients)
        return Output(findings: result.findings, skipped: result.skipped, problems: problems, rules: rules,
                      logFileCount: logs.files.count)
    }
}
