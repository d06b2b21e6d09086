import Foundation
import Testing
@testable import CMLensCore

/// Each shipped rule against a log that shows its fault and a healthy log that merely uses the
/// same words; rules files (user rules, broken JSON, a broken rule); the engine's conditions and
/// placeholders; the bundled Samples.
struct DiagnosticsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/CMLensCoreTests/Fixtures/diagnostics")

    static func fixture(_ path: String) -> String { fixtures.appendingPathComponent(path).path }

    static func diagnose(_ paths: [String], ruleFiles: [String] = [], policy: RetryPolicy = .defaults,
                         providers: [any DiagnosticFactProvider] = []) -> Diagnosis.Output {
        let inputs = WorkspaceScanner.scan(paths)
        let logs = LoadedLogs.load(inputs)
        return Diagnosis.run(inputs: inputs, logs: logs, extraRuleFiles: ruleFiles, policy: policy, extraProviders: providers)
    }

    static let faulty = diagnose([fixture("faulty")])
    static let healthy = diagnose([fixture("healthy")])

    static func findings(_ output: Diagnosis.Output, rule: String, client: String? = nil) -> [DiagnosticFinding] {
        output.findings.filter { $0.rule == rule && (client == nil || $0.client == client) }
    }

    /// `WKS-CERT/ClientIDManagerStartup.log:2`: the client folder, the file, the line.
    static func shortEvidence(_ finding: DiagnosticFinding) -> [String] {
        finding.evidence.map { item in
            let parts = item.file.split(separator: "/")
            return parts.suffix(2).joined(separator: "/") + ":\(item.line)"
        }
    }

    // MARK: the built-in rules

    @Test func builtInRulesLoadCleanly() {
        let (rules, problems) = BuiltInDiagnosticRules.load()
        #expect(problems.isEmpty, "\(problems)")
        #expect(Set(rules.map(\.id)).isSuperset(of: ["certificate-store-loop", "updates-no-boundary-in-task-sequence",
                                                     "program-retry-loop", "program-failed-not-retried", "missing-hotfix",
                                                     "management-point-not-found", "content-no-distribution-point",
                                                     "wsus-scan-failed", "ccmsetup-download-failed",
                                                     "application-unmatched-exit-code", "task-sequence-step-failed",
                                                     "software-update-keeps-failing"]))
        for rule in rules { #expect(rule.reference?.isEmpty == false, "rule \(rule.id) cites no source") }
    }

    @Test func healthyLogsRaiseNothing() {
        #expect(Self.healthy.findings.isEmpty, "\(Self.healthy.findings.map { "\($0.rule) on \($0.client)" })")
        #expect(Self.healthy.problems.isEmpty)
    }

    @Test func certificateLoopFiresWithEveryLineAndTheSeedsFix() throws {
        let found = Self.findings(Self.faulty, rule: "certificate-store-loop")
        #expect(found.map(\.client) == ["WKS-CERT"])
        let finding = try #require(found.first)
        #expect(Self.shortEvidence(finding) == (2...8).map { "WKS-CERT/ClientIDManagerStartup.log:\($0)" }
            + ["WKS-CERT/PolicyAgent.log:2"] + (9...15).map { "WKS-CERT/ClientIDManagerStartup.log:\($0)" })
        #expect(finding.severity == .error)
        #expect(finding.explanation.contains("10 failed lookups"))
        #expect(finding.explanation.contains("RegTask error 0x80004005"))
        #expect(finding.explanation.contains("1 refused policy requests"))
        #expect(finding.explanation.contains("malware"))
        #expect(finding.fix.contains("stop the SMS Agent Host service (ccmexec"))
        #expect(finding.fix.contains("19c5cf9c7b5dc9de3e548adb70398402_50e417e0-e461-474b-96e2-077b80325612"))
        #expect(finding.fix.contains(#"%ALLUSERSPROFILE%\Application Data\Microsoft\Crypto\RSA\MachineKeys"#))
        #expect(finding.fix.contains(#"%ProgramData%\Microsoft\Crypto\RSA\MachineKeys"#))
        #expect(finding.first?.iso8601 == "2011-03-02T08:00:01.000-05:00")
        #expect(finding.last?.iso8601 == "2011-03-02T08:09:32.000-05:00")
        #expect(finding.errorCodes.map(\.code) == ["0x80004005"])
    }

    @Test func certificateRuleNeedsARepeatedLoopNotOneFailedLookup() {
        // The healthy client failed one lookup, then found its certificate.
        #expect(Self.findings(Self.healthy, rule: "certificate-store-loop").isEmpty)
    }

    @Test func updatesErrorInATaskSequencePointsAtTheBoundary() throws {
        let found = Self.findings(Self.faulty, rule: "updates-no-boundary-in-task-sequence")
        #expect(found.map(\.client) == ["BUILD-TS"])
        let finding = try #require(found.first)
        #expect(Self.shortEvidence(finding) == [
            "BUILD-TS/smsts.log:1", "BUILD-TS/smsts.log:2", "BUILD-TS/LocationServices.log:1",
            // Same second: by path, then line.
            "BUILD-TS/LocationServices.log:2", "BUILD-TS/smsts.log:3", "BUILD-TS/LocationServices.log:3",
            "BUILD-TS/UpdatesHandler.log:1", "BUILD-TS/UpdatesHandler.log:3",
        ])
        #expect(finding.explanation.contains("0x80040669, 2 times"))
        #expect(finding.explanation.contains("'Installing Update 1 of 3'"))
        #expect(finding.fix.contains("IP address range boundary (subnet 10.9.8.0)"))
        #expect(finding.first?.iso8601 == "2011-03-02T12:58:00.000-08:00")
        #expect(Set(finding.errorCodes.map(\.code)) == ["0x80040669"])
    }

    @Test func updatesErrorThatADownloadResolvedOrATaskSequenceWithoutItIsSilent() {
        // healthy/WKS-UPD has the error, then downloads the content; healthy/BUILD-OK installs updates cleanly.
        #expect(Self.findings(Self.healthy, rule: "updates-no-boundary-in-task-sequence").isEmpty)
    }

    @Test func retryLoopCountsAttemptsAndPredictsTheNextRun() throws {
        let found = Self.findings(Self.faulty, rule: "program-retry-loop")
        // "Fixed App" was retried and then succeeded: not a loop.
        #expect(found.map(\.title) == ["Program failing and retrying: Loop App"])
        let finding = try #require(found.first)
        // The failure lines of both runs, from the execution timeline (not the launches).
        #expect(Self.shortEvidence(finding) == (Array(3...9) + Array(23...29)).map { "WKS-EXEC/execmgr.log:\($0)" })
        #expect(finding.explanation.contains("advertisement XYZ20001, package XYZ00001"))
        #expect(finding.explanation.contains("exit code 1618 (ERROR_INSTALL_ALREADY_RUNNING"))
        #expect(finding.explanation.contains("2 of at most 1009 runs used, 1007 left"))
        // Failure at 09:15:10 + 600 s + 300 s countdown.
        #expect(finding.explanation.contains("next run is due about 2011-03-02 09:30:10 (UTC-05:00)"))
        #expect(finding.explanation.contains("ConfigMgr defaults"))
    }

    @Test func retryLoopQuotesTheSitesPolicy() throws {
        let policy = RetryPolicy(count: 3, interval: 120, errorCodes: [1618], source: .siteControl(path: "site.ct0", lines: [7]))
        let output = Self.diagnose([Self.fixture("faulty/WKS-EXEC")], policy: policy)
        let finding = try #require(Self.findings(output, rule: "program-retry-loop").first)
        #expect(finding.explanation.contains("2 of at most 4 runs used, 2 left"))
        #expect(finding.explanation.contains("due about 2011-03-02 09:22:10 (UTC-05:00)"))
        #expect(finding.explanation.contains("site.ct0 line 7"))
    }

    @Test func finalFailureIsReportedOncePerProgram() throws {
        let found = Self.findings(Self.faulty, rule: "program-failed-not-retried")
        #expect(found.map(\.title) == ["Program failed for good: Broken App (exit code 2)"])
        let finding = try #require(found.first)
        #expect(Self.shortEvidence(finding) == [38, 39, 40, 41].map { "WKS-EXEC/execmgr.log:\($0)" })
        #expect(finding.explanation.contains("advertisement XYZ20003, package XYZ00003"))
        #expect(finding.explanation.contains("exit code 2 (ERROR_FILE_NOT_FOUND"))
        #expect(finding.fix.contains("command line"))
    }

    @Test func managementPointRuleNeedsMoreThanOneFailure() throws {
        let finding = try #require(Self.findings(Self.faulty, rule: "management-point-not-found").first)
        #expect(finding.client == "WKS-NOMP")
        #expect(Self.shortEvidence(finding) == (1...3).map { "WKS-NOMP/LocationServices.log:\($0)" })
        #expect(finding.explanation.contains("3 times"))
        // healthy/WKS-MP failed one lookup source and found the MP through DNS.
        #expect(Self.findings(Self.healthy, rule: "management-point-not-found").isEmpty)
    }

    @Test func emptyContentLocationIsFound() throws {
        let finding = try #require(Self.findings(Self.faulty, rule: "content-no-distribution-point", client: "WKS-NODP").first)
        #expect(Self.shortEvidence(finding) == ["WKS-NODP/ContentTransferManager.log:2"])
        #expect(finding.explanation.contains("{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}"))
        // The task-sequence client's LocationServices.log also got 0 distribution points.
        #expect(Self.findings(Self.faulty, rule: "content-no-distribution-point").map(\.client).sorted() == ["BUILD-TS", "WKS-NODP"])
    }

    @Test func wsusScanFailureNamesItsCodes() throws {
        let finding = try #require(Self.findings(Self.faulty, rule: "wsus-scan-failed").first)
        #expect(finding.client == "WKS-WSUS")
        #expect(finding.title == "Software updates scan against WSUS fails (0x8024402c)")
        #expect(Self.shortEvidence(finding) == ["WKS-WSUS/WUAHandler.log:2", "WKS-WSUS/WUAHandler.log:3"])
        #expect(finding.errorCodes.map(\.code) == ["0x8024402C"])
    }

    @Test func findingsAreByClientThenMostSevereFirst() {
        var lastClient = ""
        var lastSeverity = DiagnosticSeverity.error
        for finding in Self.faulty.findings {
            if finding.client != lastClient {
                lastClient = finding.client
                lastSeverity = .error
            }
            #expect(finding.severity <= lastSeverity)
            lastSeverity = finding.severity
            #expect(!finding.evidence.isEmpty)
        }
        let clients = Self.faulty.findings.map(\.client)
        #expect(clients == clients.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }.flatMap { c in clients.filter { $0 == c } })
    }

    // MARK: facts

    struct HotfixFacts: DiagnosticFactProvider {
        var kinds: Set<String> { [DiagnosticFactKind.inventoryMissingHotfix] }
        func facts(of kind: String) -> [DiagnosticMatch] {
            [("977384", "SmsPowerManagement", "4.0.6487.2157", 12), ("2444668", "SmsInventory", "4.0.6487.2161", 15)].map {
                DiagnosticMatch(pattern: "", client: "WKS-CERT", file: "inventory/v_GS_SMS_ADVANCED_CLIENT_STAT.csv", line: $0.3,
                                time: nil, captures: ["kb": $0.0, "hotfix": "KB" + $0.0, "component": $0.1, "installed": "4.00.6487.2000",
                                                      "required": $0.2, "detail": "KB\($0.0) (\($0.1) 4.00.6487.2000, needs \($0.2))"],
                                text: "\($0.1) 4.00.6487.2000")
            }
        }
    }

    @Test func missingHotfixWaitsForItsFactsAndUsesThemWhenGiven() throws {
        // The fixtures hold no inventory: nothing provides the facts.
        #expect(Self.faulty.skipped.map(\.rule) == ["missing-hotfix"])
        #expect(Self.faulty.skipped.first?.reason.contains("inventory.missingHotfix") == true)
        let output = Self.diagnose([Self.fixture("faulty/WKS-CERT")], providers: [HotfixFacts()])
        #expect(output.skipped.isEmpty)
        let finding = try #require(Self.findings(output, rule: "missing-hotfix").first)
        #expect(finding.title == "Client hotfixes missing: KB977384, KB2444668")
        #expect(finding.explanation.contains("WKS-CERT without 2 hotfix(es)"))
        #expect(finding.explanation.contains("KB2444668 (SmsInventory 4.00.6487.2000, needs 4.0.6487.2161)"))
        #expect(finding.evidenceLocations == ["inventory/v_GS_SMS_ADVANCED_CLIENT_STAT.csv:12",
                                              "inventory/v_GS_SMS_ADVANCED_CLIENT_STAT.csv:15"])
        #expect(finding.first == nil)
    }

    @Test func theRulesFileExampleInTheDocsLoads() throws {
        let docs = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(docs.range(of: "## `cmlens diagnose`"))
        let start = try #require(docs.range(of: "```json\n", range: section.upperBound..<docs.endIndex))
        let end = try #require(docs.range(of: "```", range: start.upperBound..<docs.endIndex))
        let (rules, problems) = DiagnosticRuleLoader.parse(String(docs[start.upperBound..<end.lowerBound]), path: "docs")
        #expect(problems.isEmpty, "\(problems)")
        #expect(rules.map(\.id) == ["cache-too-small"])
    }

    // MARK: rules files

    @Test func aUserRulesFileAddsARule() throws {
        let output = Self.diagnose([Self.fixture("faulty/WKS-WSUS")], ruleFiles: [Self.fixture("rules/user.rules.json")])
        #expect(output.problems.isEmpty)
        let finding = try #require(Self.findings(output, rule: "wsus-proxy-name").first)
        #expect(finding.title == "WSUS unreachable through the proxy (0x8024402c)")
        #expect(finding.explanation == "WKS-WSUS: 1 scan failed with 0x8024402c: the proxy or WSUS name did not resolve.")
        #expect(Self.shortEvidence(finding) == ["WKS-WSUS/WUAHandler.log:3"])
        #expect(finding.reference == "A test rule")
        // The built-in rules still ran.
        #expect(!Self.findings(output, rule: "wsus-scan-failed").isEmpty)
    }

    @Test func rulesFilesInTheWorkspaceAreFound() throws {
        let folder = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = folder.appendingPathComponent("WKS-WSUS")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture("faulty/WKS-WSUS/WUAHandler.log"),
                                         toPath: client.appendingPathComponent("WUAHandler.log").path)
        try FileManager.default.copyItem(atPath: Self.fixture("rules/user.rules.json"),
                                         toPath: folder.appendingPathComponent("site.rules.json").path)
        let output = Self.diagnose([folder.path])
        #expect(Self.findings(output, rule: "wsus-proxy-name").count == 1)
    }

    @Test func brokenJSONIsReportedWithItsLineAndBuiltInRulesStillRun() throws {
        let path = Self.fixture("rules/broken-json.rules.json")
        let output = Self.diagnose([Self.fixture("faulty/WKS-WSUS")], ruleFiles: [path])
        let problem = try #require(output.problems.first)
        #expect(output.problems.count == 1)
        #expect(problem.file == path)
        #expect(problem.line == 8)  // the missing comma after line 7 is found where "patterns" starts
        #expect(problem.severity == .error)
        #expect(problem.message.contains("not valid JSON"))
        #expect(!Self.findings(output, rule: "wsus-scan-failed").isEmpty)
    }

    @Test func aBrokenRuleIsSkippedWithItsLineAndItsNeighbourLoads() {
        let (rules, problems) = DiagnosticRuleLoader.load(path: Self.fixture("rules/bad-rule.rules.json"))
        #expect(rules.map(\.id) == ["good-one"])
        #expect(rules.first?.origin.hasSuffix("bad-rule.rules.json:2") == true)
        #expect(problems.map(\.line) == [11, 11])
        #expect(problems.first?.message.contains("\"oops\": the regex does not compile") == true)
        #expect(problems.last?.message == "rule \"bad-regex\" skipped")
    }

    @Test func ruleProblemsNameWhatIsWrong() {
        let text = """
            {"rules": [
              {"id": "x", "title": "t", "logs": "a.log", "explanation": "{nothing} and {count}", "fix": "f",
               "patterns": [{"name": "p", "regex": "(?<v>a)"}, {"name": "p", "fact": "no.such.fact"}],
               "conditions": [{"pattern": "q", "atLeast": 1}, {"pattern": "p", "withinSeconds": 5}],
               "groupBy": "w", "colour": "red"}
            ]}
            """
        let (rules, problems) = DiagnosticRuleLoader.parse(text, path: "t.rules.json")
        #expect(rules.isEmpty)
        let messages = problems.map(\.message)
        #expect(problems.allSatisfy { $0.line == 2 })
        #expect(messages.contains { $0.contains("unknown key \"colour\"") })
        #expect(messages.contains { $0.contains("unknown fact \"no.such.fact\"") })
        #expect(messages.contains { $0.contains("names pattern \"q\", which the rule does not have") })
        #expect(messages.contains { $0.contains("\"withinSeconds\" counts repetitions and needs \"atLeast\"") })
        #expect(messages.contains { $0.contains("\"groupBy\" must name a capture of the first pattern") })
        #expect(messages.last == "rule \"x\" skipped")
    }

    @Test func anUnknownPlaceholderIsAWarningAndShowsAsWritten() throws {
        let text = #"[{"id": "x", "title": "t", "logs": ["a.log"], "explanation": "{nothing|} {nothing}", "fix": "f", "patterns": [{"name": "p", "regex": "hello"}]}]"#
        let (rules, problems) = DiagnosticRuleLoader.parse(text, path: "t.rules.json")
        #expect(rules.count == 1)
        #expect(problems.map(\.severity) == [.warning])
        let log = LogReader.parse(bytes: Array(LogTestSupport.cmtrace("hello").utf8), path: "C/a.log", client: "C", logName: "a.log")
        let result = DiagnosticEngine(rules: rules).run(LoadedLogs(files: [log], problems: []))
        #expect(result.findings.first?.explanation == " {nothing}")
    }

    @Test func notJSONAtAllIsOneProblem() {
        let (rules, problems) = DiagnosticRuleLoader.parse("rules:\n  - id: yaml", path: "r.rules.json")
        #expect(rules.isEmpty)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 1)
        let (_, shape) = DiagnosticRuleLoader.parse(#"{"rule": []}"#, path: "r.rules.json")
        #expect(shape.first?.message.contains("expected {\"rules\": [ … ]}") == true)
    }

    // MARK: conditions and placeholders

    static func match(_ second: Int64) -> DiagnosticMatch {
        DiagnosticMatch(pattern: "p", client: "C", file: "f", line: Int(second), time: LogTime(localSeconds: second, biasMinutes: 0),
                        captures: [:], text: "")
    }

    @Test func repetitionNeedsEnoughMatchesInsideOneWindow() {
        let spread = [0, 100, 200, 300].map(Self.match)
        #expect(DiagnosticEngine.holds(DiagnosticCondition(pattern: "p", atLeast: 4), spread))
        #expect(!DiagnosticEngine.holds(DiagnosticCondition(pattern: "p", atLeast: 3, withinSeconds: 150), spread))
        #expect(DiagnosticEngine.holds(DiagnosticCondition(pattern: "p", atLeast: 2, withinSeconds: 100), spread))
        #expect(DiagnosticEngine.holds(DiagnosticCondition(pattern: "p", atLeast: 4, withinSeconds: 300), spread))
        #expect(!DiagnosticEngine.holds(DiagnosticCondition(pattern: "p", atMost: 0), spread))
        #expect(DiagnosticEngine.holds(DiagnosticCondition(pattern: "p", atMost: 0), []))
    }

    @Test func placeholdersFillFromCapturesPolicyAndTimeArithmetic() {
        var a = Self.match(1000)
        a.captures = ["tries": "2", "code": "5"]
        var b = Self.match(2000)
        b.captures = ["code": "1618"]
        let scope = DiagnosticTemplate.Scope(client: "PC", trigger: "p", matches: ["p": [a], "q": [b]],
                                             first: a.time, last: b.time, policy: .defaults)
        #expect(DiagnosticTemplate.fill("{client} {code} {all:code} {count} {count:q}", scope) == "PC 5 5, 1618 1 1")
        #expect(DiagnosticTemplate.fill("{policy.count + 1 - tries}", scope) == "1007")
        #expect(DiagnosticTemplate.fill("{last + policy.interval + policy.countdown}", scope) == "1970-01-01 00:48:20 (UTC+00:00)")
        #expect(DiagnosticTemplate.fill("{missing|none} {missing}", scope) == "none {missing}")
        #expect(DiagnosticTemplate.fill("{first:q} unclosed {", scope) == "1970-01-01 00:33:20 (UTC+00:00) unclosed {")
    }

    // MARK: the bundled Samples

    static let samples = diagnose([repository.appendingPathComponent("Samples").path])

    @Test func samplesShowEachStoryOnItsClientOnly() {
        let byRule = Dictionary(grouping: Self.samples.findings, by: \.rule).mapValues { $0.map(\.client) }
        #expect(byRule["certificate-store-loop"] == ["WKS-ACCT-014"])
        #expect(byRule["updates-no-boundary-in-task-sequence"] == ["BUILD-CAP-01"])
        #expect(byRule["program-retry-loop"] == ["WKS-ACCT-014"])
        #expect(byRule["program-failed-not-retried"] == ["WKS-LAB-007"])
        #expect(Self.findings(Self.samples, rule: "program-retry-loop").map(\.title) == ["Program failing and retrying: Office 2010 Setup, Silent"])
        #expect(Self.findings(Self.samples, rule: "program-failed-not-retried").map(\.title) == ["Program failed for good: Visio Viewer 2010 (exit code 1)"])
    }

    @Test func onlyTheLogsTheRulesReadAreLoaded() {
        let inputs = WorkspaceScanner.scan([Self.repository.appendingPathComponent("Samples").path])
        let (rules, _) = Diagnosis.rules(ruleFiles: [])
        let cut = Diagnosis.inputs(inputs, readBy: rules)
        let logs = Set(cut.clients.flatMap { $0.logs.map { $0.name.lowercased() } })
        #expect(logs.contains("execmgr.log") && logs.contains("clientidmanagerstartup.log") && logs.contains("policyagent.log"))
        #expect(!logs.contains("distmgr.log"))
        #expect(!cut.clients.map(\.name).contains("SITE-SERVER"))
        #expect(cut.siteControlFiles == inputs.siteControlFiles)
        // The same findings as with every log loaded.
        let full = Self.samples.findings.map { "\($0.rule) \($0.client) \($0.evidence.count)" }
        let lean = Diagnosis.run(inputs: inputs).findings.map { "\($0.rule) \($0.client) \($0.evidence.count)" }
        #expect(lean == full)
    }

    @Test func samplesInventoryGivesMissingHotfixesWithTheirRows() throws {
        let missing = Self.findings(Self.samples, rule: "missing-hotfix")
        #expect(missing.map(\.client).sorted() == ["LAP-EXEC-001", "LAP-SALES-003", "WKS-ACCT-014", "WKS-ENG-102",
                                                    "WKS-HR-022", "WKS-RECEPT-01"])
        let acct = try #require(missing.first { $0.client == "WKS-ACCT-014" })
        #expect(acct.title == "Client hotfixes missing: KB2444668, KB978754")
        #expect(acct.evidence.allSatisfy { $0.file.hasSuffix("inventory/v_GS_SMS_ADVANCED_CLIENT_STAT.csv") })
        #expect(acct.evidence.count == 2)
        #expect(acct.explanation.contains("KB978754 (SmsOSDeployment 4.00.6487.2000, needs 4.0.6487.2115)"))
        // SmsInventory 4.00.6487.999 is lower than .2161 though "999" > "2161" as text.
        let sales = try #require(missing.first { $0.client == "LAP-SALES-003" })
        #expect(sales.explanation.contains("KB2444668 (SmsInventory 4.00.6487.999, needs 4.0.6487.2161)"))
        // The bad row gives no verdict, and is reported.
        #expect(!missing.contains { $0.client == "LAP-SALES-009" })
        #expect(Self.samples.problems.contains { $0.file.hasSuffix("v_GS_SMS_ADVANCED_CLIENT_STAT.csv") && $0.line == 60 })
        // The build machine's workgroup row is evidence for the boundary finding.
        let boundary = try #require(Self.findings(Self.samples, rule: "updates-no-boundary-in-task-sequence").first)
        #expect(boundary.evidenceLocations.contains { $0.hasSuffix("inventory/v_R_System.csv:4") })
        #expect(boundary.explanation.contains("1 inventory row(s) putting it in a workgroup"))
    }

    @Test func samplesCertificateLoopStartsAfterOutlooksRestart() throws {
        let finding = try #require(Self.findings(Self.samples, rule: "certificate-store-loop").first)
        #expect(finding.explanation.contains("Outlook 2010 Install"))
        #expect(finding.explanation.contains("160 failed lookups from 2011-01-13 10:23:53 (UTC-05:00)"))
        let lines = Set(finding.evidenceLocations)
        #expect(lines.contains { $0.hasSuffix("WKS-ACCT-014/ClientIDManagerStartup.log:12") })
        // The healthy registration at 07:58 is not evidence.
        #expect(!lines.contains { $0.hasSuffix("WKS-ACCT-014/ClientIDManagerStartup.log:6") })
    }

    /// The real logs (software updates, task sequences) are healthy: copied under the names the
    /// rules read, they must raise nothing.
    @Test func realLogsRaiseNoFalseAlarm() throws {
        let corpus = LogTestSupport.realCorpus
        try #require(FileManager.default.fileExists(atPath: corpus.path), "no real corpus at \(corpus.path)")
        let folder = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var copied = 0
        let files = try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "log" }
        for file in files {
            // `WUAHandler.findingsanity-1.log` → client `findingsanity-1`, log `WUAHandler.log`.
            let parts = file.deletingPathExtension().lastPathComponent.split(separator: ".", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let client = folder.appendingPathComponent(String(parts[1]))
            try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: file, to: client.appendingPathComponent(parts[0] + ".log"))
            copied += 1
        }
        #expect(copied >= 5)
        let output = Self.diagnose([folder.path])
        #expect(output.problems.isEmpty)
        // The one real fault among them: ccmsetup's BITS download answered HTTP 404.
        #expect(output.findings.map { "\($0.rule) on \($0.client)" } == ["ccmsetup-download-failed on jimbocalvo-1"])
    }
}

/// The literal prefilter must never rule out a line the regex would match.
struct DiagnosticRegexTests {
    @Test func requiredLiteralIsTextEveryMatchContains() {
        #expect(DiagnosticRegex.requiredLiteral(in: #"Program Exit Code (?<c>\d+) has been tried (?<t>\d+) times, will retry later"#)
            == " times, will retry later")
        #expect(DiagnosticRegex.requiredLiteral(in: #"RegTask: Failed to get certificate\. Error: (?<e>0x[0-9A-F]{8})"#)
            == "RegTask: Failed to get certificate. Error: ")
        #expect(DiagnosticRegex.requiredLiteral(in: "abcd|efgh") == nil)
        #expect(DiagnosticRegex.requiredLiteral(in: "colou?r scheme") == "r scheme")
        #expect(DiagnosticRegex.requiredLiteral(in: #"Scan failed with error = 0x[0-9]+"#) == "Scan failed with error = 0x")
        #expect(DiagnosticRegex.requiredLiteral(in: #"a\db"#) == nil)
        #expect(DiagnosticRegex.requiredLiteral(in: #"exit code \x41BCD"#) == nil)
        #expect(DiagnosticRegex.requiredLiteral(in: "Scan (?i)FAILED with error") == nil)
        #expect(DiagnosticRegex.requiredLiteral(in: "(?<code>x) failed with error") == " failed with error")
    }

    @Test func builtInPatternsMatchTheSameWithAndWithoutThePrefilter() throws {
        let lines = [
            "Failed to find the certificate in the store, retry 3.", "FAILED TO GET THE CERTIFICATE IN THE STORE, retry 12",
            "Program Exit Code 999 has been tried 2 times, will retry later", "Scan failed with error = 0x80072ee2.",
            "Installing Update 1 of 12. Name = x", "Current AD site of machine is ", "Unable to find lookup MP(s) from AD",
            "CContentDownload::StartDownload - failed to get locations for content 1, error = 0x80040669",
        ]
        for rule in BuiltInDiagnosticRules.load().rules {
            for pattern in rule.patterns {
                guard case .regex(let regex) = pattern.source else { continue }
                for line in lines {
                    let bytes = Array(line.utf8)
                    let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                    if regex.match(line) != nil {
                        #expect(regex.mayMatch(bytes, lowered: { lowered }), "\(rule.id)/\(pattern.name) on \(line)")
                    }
                }
            }
        }
    }
}
