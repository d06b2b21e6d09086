import Foundation
import Testing
@testable import CMLensCore

/// Applications read from AppEnforce.log with AppDiscovery.log and AppIntentEval.log.
///
/// Line shapes: the enforcement start, detection, "Application not discovered" and the environment
/// block follow a published AppEnforce.log (https://pastebin.com/wCS9QPei, Adobe Flash Player 32
/// ActiveX, April 2019); the exit-code lines (`Process N terminated with exitcode: 1603`, `Unmatched
/// exit code (1603) is considered an execution failure.`, `Matched exit code 3010 to a SoftReboot
/// entry in exit codes table.`, `App enforcement completed (97 seconds)`) are the excerpts issue 19
/// quotes. The identifiers are invented; the deployment type is the published one's.
@Suite struct ApplicationTests {
    static let dt = "ScopeId_7D314D27-5660-414E-B05B-D908B4127B1F/DeploymentType_7a45171b-1c2e-4dbd-9816-710db5083e39"
    static let name = "Adobe Flash Player 32 ActiveX - Windows Installer (*.msi file)"

    static func start(_ action: String = "Install") -> String {
        "+++ Starting \(action) enforcement for App DT \"\(name)\" ApplicationDeliveryType - \(dt), Revision - 4, ContentPath - C:\\windows\\ccmcache\\5, Execution Context - Any"
    }
    static let detecting = "Performing detection of app deployment type \(name)(\(dt), revision 4) for system."
    static let notDiscovered = "+++ Application not discovered. [AppDT Id: \(dt), Revision: 4]"
    static let discovered = "+++ Discovered application [AppDT Id: \(dt), Revision: 4]"
    static let environment = "App enforcement environment: \n\tContext: Machine\n\tCommand line: msiexec /i \"install_flash_player_32_active_x.msi\" /q\n\tAllow user interaction: No"
    static func ran(_ code: Int) -> [String] {
        ["Prepared command line: \"C:\\WINDOWS\\system32\\msiexec.exe\" /i \"install_flash_player_32_active_x.msi\" /q",
         "Executing Command line: \"C:\\WINDOWS\\system32\\msiexec.exe\" /i \"install_flash_player_32_active_x.msi\" /q with system context",
         "Post install behavior is BasedOnExitCode", "Process 5728 terminated with exitcode: \(code)",
         "Looking for exit code \(code) in exit codes table..."]
    }
    static let completed = "++++++ App enforcement completed (97 seconds) for App DT \"\(name)\" [\(dt)], Revision: 4, User SID: [] ++++++"

    static func apps(_ enforce: [String], discovery: [String] = [], intent: [String] = []) throws -> [Execution] {
        var files = [("AppEnforce.log", Array(ExecutionKindsSupport.log(enforce, component: "AppEnforce", start: 10).utf8))]
        if !discovery.isEmpty { files.append(("AppDiscovery.log", Array(ExecutionKindsSupport.log(discovery, component: "AppDiscovery", start: 5).utf8))) }
        if !intent.isEmpty { files.append(("AppIntentEval.log", Array(ExecutionKindsSupport.log(intent, component: "AppIntentEval", start: 0).utf8))) }
        return try ExecutionKindsSupport.executions(files, kinds: [.application]).of(.application)
    }

    @Test func anUnmatchedExitCodeIsAFailure() throws {
        let apps = try Self.apps([Self.start(), Self.detecting, Self.notDiscovered, Self.environment] + Self.ran(1603)
            + ["Unmatched exit code (1603) is considered an execution failure.", Self.completed])
        try #require(apps.count == 1)
        let app = apps[0]
        #expect(app.name == Self.name)
        #expect(app.detail("scopeId") == "ScopeId_7D314D27-5660-414E-B05B-D908B4127B1F")
        #expect(app.detail("revision") == "4" && app.detail("action") == "install" && app.detail("context") == "Machine")
        #expect(app.verdict.name == "failedUnmatchedExitCode" && app.verdict.status == .failed && app.verdict.exitCode == 1603)
        #expect(app.verdict.text.contains("1603") && app.verdict.text.contains("exit-code table"))
        let focus = try #require(app.verdict.focus)
        #expect(app.steps[focus].message.hasPrefix("Unmatched exit code (1603)"))
        #expect(app.steps.map(\.event) == ["enforcementStarted", "detecting", "detection", "environment", "commandPrepared",
                                           "commandExecuted", "postInstall", "exitCode", "exitCodeUnmatched", "enforcementCompleted"])
    }

    @Test func installedAndDetected() throws {
        let apps = try Self.apps([Self.start(), Self.detecting, Self.notDiscovered, Self.environment] + Self.ran(0)
            + ["Matched exit code 0 to a Success entry in exit codes table.", Self.detecting, Self.discovered, Self.completed])
        #expect(apps.first?.verdict.name == "installed")
        #expect(apps.first?.verdict.status == .succeeded)
    }

    @Test func aSoftRebootEntryLeavesARestartPending() throws {
        let apps = try Self.apps([Self.start(), Self.detecting, Self.notDiscovered] + Self.ran(3010)
            + ["Matched exit code 3010 to a SoftReboot entry in exit codes table.", Self.completed])
        #expect(apps.first?.verdict.name == "rebootPending")
        #expect(apps.first?.verdict.exitCode == 3010)
    }

    /// Success by the exit code, then detection does not find it: 0x87D00324.
    @Test func installsAndIsNotDetected() throws {
        let apps = try Self.apps([Self.start(), Self.detecting, Self.notDiscovered] + Self.ran(0)
            + ["Matched exit code 0 to a Success entry in exit codes table.", Self.detecting, Self.notDiscovered, Self.completed])
        let app = try #require(apps.first)
        #expect(app.verdict.name == "notDetectedAfterInstall" && app.verdict.status == .failed)
        #expect(app.verdict.exitCode == 0x87D00324)
        #expect(app.verdict.text.contains("0x87D00324"))
    }

    @Test func alreadyPresent() throws {
        let apps = try Self.apps([Self.start(), Self.detecting, Self.discovered, Self.completed])
        #expect(apps.first?.verdict.name == "alreadyPresent")
    }

    @Test func uninstalled() throws {
        let apps = try Self.apps([Self.start("Uninstall"), Self.detecting, Self.discovered] + Self.ran(0)
            + ["Matched exit code 0 to a Success entry in exit codes table.", Self.detecting, Self.notDiscovered, Self.completed])
        #expect(apps.first?.detail("action") == "uninstall")
        #expect(apps.first?.verdict.name == "uninstalled")
    }

    /// Intent and discovery from their own logs join the enforcement, in time order; discovery of
    /// other deployment types that never enforce is no execution.
    @Test func companionLogsJoinTheEnforcement() throws {
        let otherDT = "ScopeId_11111111-2222-3333-4444-555555555555/DeploymentType_66666666-7777-8888-9999-000000000000"
        let apps = try Self.apps([Self.start(), Self.detecting, Self.notDiscovered] + Self.ran(1603)
            + ["Unmatched exit code (1603) is considered an execution failure.", Self.completed],
            discovery: [Self.detecting, Self.notDiscovered, "+++ Discovered application [AppDT Id: \(otherDT), Revision: 2]"],
            intent: ["\(Self.dt)/4 :- Current State = NotInstalled, Applicability = Applicable, ResolvedState = Installed, ConfigureState = NotNeeded, Title = \(Self.name)"])
        try #require(apps.count == 1)
        let files = apps[0].steps.map { ($0.evidence.file as NSString).lastPathComponent }
        #expect(files.prefix(3) == ["AppIntentEval.log", "AppDiscovery.log", "AppDiscovery.log"])
        #expect(apps[0].steps.first?.event == "intent")
    }

    /// Cut after any line before the enforcement's result, it is in progress or a failure the log
    /// already shows — never installed.
    @Test func cutAtEveryLineIsNeverASuccessItDidNotLog() throws {
        let lines = [Self.start(), Self.detecting, Self.notDiscovered, Self.environment] + Self.ran(0)
            + ["Matched exit code 0 to a Success entry in exit codes table.", Self.detecting, Self.discovered, Self.completed]
        for cut in 1..<(lines.count - 2) {
            let apps = try Self.apps(Array(lines[..<cut]))
            #expect(apps.first?.verdict.status == .inProgress, "cut after \(cut): \(apps.first?.verdict.text ?? "none")")
        }
    }
}
