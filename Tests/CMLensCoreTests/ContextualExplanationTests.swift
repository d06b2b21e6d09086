import Testing
@testable import CMLensCore

/// A code explained for where it was met: the verdict follows the place, and no retry verdict is
/// given where no program exited.
@Suite("Context-aware meaning: verdicts by place")
struct ContextualExplanationTests {
    let explainer = ErrorExplainer()

    func explain(_ value: UInt32, in log: String?, component: String? = nil) -> ErrorExplanation {
        explainer.explain(value: value, context: log.map { ExplanationContext(log: $0, component: component) })
    }

    @Test func aPackagesProgramExitCodeGetsTheRetryListsVerdict() {
        #expect(explain(1618, in: "execmgr.log").exitCode.retried == true)
        #expect(explain(1603, in: "execmgr.log").exitCode.retried == false)
        #expect(explain(1603, in: "execmgr.log").exitCode.label == "not retried")
        #expect(explain(3010, in: "execmgr-20110315-140500.log").exitCode.label == "success")
        // A program may exit with an HRESULT; in execmgr.log it is judged like any exit code.
        let hresult = explain(0x8000_4005, in: "execmgr.log")
        #expect(hresult.exitCode.retried == false && hresult.place == .programExit)
    }

    @Test("a deployment type's exit code gets its return-code table", arguments: [
        (1603, "failure", ExitCodeVerdict.Tone.failure), (0, "Success", .success), (1707, "Success", .success),
        (3010, "Soft Reboot", .success), (1641, "Hard Reboot", .success), (1618, "Fast Retry", .retry),
    ])
    func deploymentType(code: UInt32, label: String, tone: ExitCodeVerdict.Tone) {
        let e = explain(code, in: "AppEnforce.log")
        #expect(e.place == .deploymentTypeExit)
        #expect(e.exitCode.label == label && e.exitCode.tone == tone)
        #expect(e.exitCode.retried == nil, "the site's retry list does not judge applications")
        if code == 1603 { #expect(e.exitCode.reason.contains("Unmatched exit code (1603) is considered an execution failure")) }
        // The component alone says where too.
        #expect(explain(code, in: "copied.txt", component: "AppEnforce").place == .deploymentTypeExit)
    }

    @Test func aTaskSequenceStepsExitCodeFailsTheStep() {
        #expect(explain(1, in: "smsts.log").exitCode.label == "step failed")
        #expect(explain(0, in: "smsts-20110315-140500.log").exitCode.tone == .success)
        #expect(explain(3010, in: "smsts.log").exitCode.tone == .success)
        #expect(explain(1, in: "smsts.log").exitCode.retried == nil)
    }

    @Test func anHRESULTInAnUpdatesLogGetsTheUpdatesContextAndMicrosoftsWindowsUpdateText() {
        for log in ["UpdatesHandler.log", "UpdatesDeployment.log", "WUAHandler.log", "UpdatesHandler-20110315-140500.log",
                    "wuahandler.lo_", "UpdateHandler.log"] {
            let e = explain(0x8024_402C, in: log)
            #expect(e.place.name == "softwareUpdates", "\(log)")
            #expect(e.exitCode.retried == nil && e.exitCode.tone == .none)
            #expect(e.windowsUpdate?.components == ["Other Protocol Talker errors"])
            let text = ErrorExplanationOutput.text(e).map(\.plainText).joined(separator: "\n")
            #expect(text.contains("software updates") && text.contains("Other Protocol Talker errors"))
        }
    }

    @Test func aCodeARuleKnowsNamesTheRulesFinding() {
        let e = explain(0x8004_0669, in: "UpdatesHandler.log")
        #expect(e.rules.map(\.ruleID) == ["updates-no-boundary-in-task-sequence"])
        #expect(e.rules.first?.searchesForCode == true)
        #expect(e.rules.first?.title.contains("0x80040669") == true)
        let text = ErrorExplanationOutput.text(e).map(\.plainText).joined(separator: "\n")
        #expect(text.contains("rule      updates-no-boundary-in-task-sequence: Install Software Updates hangs"))
        // Alone, the code still names the rule; in a log the rule does not read, it does not.
        #expect(explain(0x8004_0669, in: nil).rules.count == 1)
        #expect(explain(0x8004_0669, in: "ClientIDManagerStartup.log").rules.isEmpty)
        // A rule whose explanation names a code (a WSUS scan that timed out) knows it too.
        #expect(explain(0x8007_2EE2, in: "WUAHandler.log").rules.map(\.ruleID) == ["wsus-scan-failed"])
        #expect(explain(0x8019_0194, in: "ccmsetup.log").rules.map(\.ruleID) == ["ccmsetup-download-failed"])
    }

    /// `explain` reads the built-in rules' words without compiling them; the loaded rules agree.
    @Test func theRulesWordsReadLikeTheLoadedRules() {
        let loaded = RuleKnowledge(rules: BuiltInDiagnosticRules.load().rules)
        for value: UInt32 in [0x8004_0669, 0x8007_2EE2, 0x8024_402C, 0x8019_0194, 0x8000_4005] {
            for log in [nil, "UpdatesHandler.log", "WUAHandler.log", "ccmsetup.log", "execmgr.log"] as [String?] {
                let context = log.map { ExplanationContext(log: $0) }
                #expect(RuleKnowledge.builtIn.rules(knowing: value, in: context) == loaded.rules(knowing: value, in: context))
            }
        }
    }

    @Test func anHRESULTFromAnotherComponentIsNotAProgramsExitCode() {
        let e = explain(0x8000_4005, in: "ClientIDManagerStartup.log")
        #expect(e.exitCode.retried == nil && e.exitCode.label == nil)
        #expect(e.exitCode.reason.contains("ClientIDManagerStartup.log") && e.exitCode.reason.contains("no retry verdict"))
        let text = ErrorExplanationOutput.text(e).map(\.plainText).joined(separator: "\n")
        #expect(!text.contains("not retried") && !text.contains("retried."))
    }

    /// The rule: without a place, only values a program can exit with get the retry verdict.
    @Test func noRetryVerdictForAnHRESULTWithoutProgramContext() throws {
        var values: [UInt32] = AppInstallErrorReference.shared.entries.map(\.value)
            + WindowsUpdateErrorReference.shared.entries.map(\.value)
        values += [0x8000_4005, 0x8007_0005, 0x8007_0643, 0x8007_2EE2, 0xC000_0005, 0x8004_0669, 0x87D0_0324]
        for value in values where value > 0xFFFF {
            let e = explainer.explain(value: value)
            #expect(e.exitCode.retried == nil && e.exitCode.tone == .none, "\(ErrorCodeBits.hex(value))")
            #expect(!e.exitCode.usesRetryPolicy)
        }
        let alone = explainer.explain(value: 0x8000_4005)
        #expect(alone.exitCode.reason.contains("--context execmgr.log"))
        // Values a program exits with keep the verdict: Win32 and MSI codes, and a program's own -1.
        #expect(explainer.explain(value: 1618).exitCode.retried == true)
        #expect(explainer.explain(value: 1603).exitCode.retried == false)
        #expect(try explainer.explain("-1").first?.exitCode.retried == false)
    }

    @Test func aLineThatSaysExitCodeIsAProgramsUnlessItsLogSaysOtherwise() {
        let alone = explainer.explain(text: "Program exit code 1618")
        #expect(alone.first?.explanation.place == .programExit && alone.first?.explanation.exitCode.retried == true)
        let application = explainer.explain(text: "Process 1234 terminated with exitcode: 1618",
                                            context: ExplanationContext(log: "AppEnforce.log", component: "AppEnforce"))
        #expect(application.first?.explanation.exitCode.label == "Fast Retry")
        let registration = explainer.explain(text: "RegTask: Failed to get certificate. Error: 0x80004005",
                                             context: ExplanationContext(log: "ClientIDManagerStartup.log"))
        #expect(registration.first?.explanation.exitCode.retried == nil)
    }

    @Test("--context parses a log, a path, a component", arguments: [
        ("execmgr.log", "execmgr.log", nil as String?),
        ("AppEnforce.log:AppEnforce", "AppEnforce.log", "AppEnforce"),
        ("C:\\Windows\\CCM\\Logs\\smsts.log", "C:\\Windows\\CCM\\Logs\\smsts.log", nil),
        ("C:\\Windows\\CCM\\Logs\\UpdatesHandler.log:UpdatesHandler", "C:\\Windows\\CCM\\Logs\\UpdatesHandler.log", "UpdatesHandler"),
    ])
    func parse(text: String, log: String, component: String?) {
        let context = ExplanationContext.parse(text)
        #expect(context.log == log && context.component == component)
    }

    @Test func placesAreRecognisedByLogRotationCopyAndComponent() {
        #expect(ExplanationContext.parse("execmgr.PC042-1.log").place == .programExit)
        #expect(ExplanationContext.parse("APPENFORCE.LO_").place == .deploymentTypeExit)
        #expect(ExplanationContext.parse("C:\\Windows\\CCM\\Logs\\smsts.log").place == .taskSequence)
        #expect(ExplanationContext(log: nil, component: "WUAHandler").place.name == "softwareUpdates")
        #expect(ExplanationContext.parse("ClientIDManagerStartup.log").place == .log("ClientIDManagerStartup.log"))
        // A log whose name extends execmgr's is not execmgr.log.
        #expect(ExplanationContext.parse("execmgrx.log").place == .log("execmgrx.log"))
    }
}
