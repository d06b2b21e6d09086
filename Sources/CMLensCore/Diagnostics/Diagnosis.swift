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

    /// Everything for a workspace: its rules files plus `extraRuleFiles` (`--rules`), its facts
    /// (execution timeline) plus `extraProviders`, error codes explained from the catalogue.
    public static func run(inputs: WorkspaceInputs, logs: LoadedLogs, extraRuleFiles: [String] = [],
                           policy: RetryPolicy = .defaults, clients: Set<String>? = nil,
                           extraProviders: [any DiagnosticFactProvider] = []) -> Output {
        run(logs: logs, ruleFiles: inputs.ruleFiles + extraRuleFiles, policy: policy,
            providers: DiagnosticProviders.forWorkspace(inputs, logs: logs, policy: policy) + extraProviders,
            clients: clients, explainCode: DiagnosticProviders.codeExplainer(policy: policy))
    }

    /// The same with every part given (tests, a console that holds its own providers).
    public static func run(logs: LoadedLogs, ruleFiles: [String], policy: RetryPolicy = .defaults,
                           providers: [any DiagnosticFactProvider] = [], clients: Set<String>? = nil,
                           explainCode: DiagnosticCodeExplainer? = nil) -> Output {
        let (rules, problems) = rules(ruleFiles: ruleFiles)
        let engine = DiagnosticEngine(rules: rules, policy: policy, providers: providers, explainCode: explainCode)
        let result = engine.run(logs, clients: clients)
        return Output(findings: result.findings, skipped: result.skipped, problems: problems, rules: rules)
    }
}
