import Foundation
import Testing
@testable import CMLensCore

/// The catalogue rules (client installation, HTTPS and the cloud management gateway, task sequences,
/// software updates, client agents), each tried on the log lines its Microsoft Learn page quotes:
/// the positive case must raise exactly that rule in every variant `RuleVariantsTests` writes
/// (rotated, renamed, UTF-16LE, CRLF or LF, other time zones, noise between the lines, the trigger
/// repeated from once on), and its near-miss must stay silent in every variant.
@Suite struct BuiltInRuleCasesTests {
    typealias Line = RuleVariantsTests.Line
    typealias Logs = [(name: String, lines: [Line])]

    /// One rule's documented shape and the near-miss that must not raise it.
    struct RuleCase: CustomStringConvertible, Sendable {
        var rule: String
        /// Lines before the trigger; evidence when they match one of the rule's patterns.
        var context: [(log: String, line: Line)] = []
        var log: String
        var trigger: Line
        /// Lines after the trigger.
        var after: [(log: String, line: Line)] = []
        var confidence: DiagnosticConfidence
        var nearMiss: Logs

        var description: String { rule }

        /// The case with its trigger written `repeats` times, as logs in first-seen order.
        func logs(repeats: Int = 1) -> Logs {
            var order: [String] = []
            var byLog: [String: [Line]] = [:]
            func add(_ log: String, _ line: Line) {
                if byLog[log] == nil { order.append(log) }
                byLog[log, default: []].append(line)
            }
            for (log, line) in context { add(log, line) }
            for _ in 0..<repeats { add(log, trigger) }
            for (log, line) in after { add(log, line) }
            return order.map { ($0, byLog[$0]!) }
        }
    }

    static func line(_ message: String, _ component: String, type: Int = 1, evidence: Bool = false) -> Line {
        Line(message: message, component: component, type: type, isEvidence: evidence)
    }

    static func ev(_ message: String, _ component: String, type: Int = 3) -> Line {
        line(message, component, type: type, evidence: true)
    }

    static let cases: [RuleCase] = clientInstallation + https + taskSequences + agents

    // MARK: client installation

    static let clientInstallation: [RuleCase] = [
        RuleCase(rule: "ccmsetup-client-msi-failed",
                 context: [("ccmsetup.log", ev("MSI: Action 17:56:36: Rollback. Rolling back action:", "ccmsetup", type: 1))],
                 log: "ccmsetup.log",
                 trigger: ev(#"File C:\Windows\ccmsetup\{CA4329EC-A4F5-4E5E-A9FE-EFAAE88B0D67}\client.msi installation failed. Error text: ExitCode: 1603"#, "ccmsetup"),
                 after: [("client.msi.log", ev("Product: Configuration Manager Client -- Installation operation failed.", "MSI", type: 1))],
                 confidence: .confirmed,
                 nearMiss: [("ccmsetup.log", [line(#"File C:\Windows\ccmsetup\{CA4329EC-A4F5-4E5E-A9FE-EFAAE88B0D67}\client.msi installation failed. Error text: ExitCode: 1603"#, "ccmsetup", type: 3),
                                              line("CcmSetup is exiting with return code 0", "ccmsetup")])]),
        RuleCase(rule: "ccmsetup-bits-too-old",
                 log: "ccmsetup.log",
                 trigger: ev("This operating system does not contain the correct version of BITS. BITS 2.5 or later is required.", "ccmsetup"),
                 after: [("ccmsetup.log", line("Sending Fallback Status Point message, STATEID='321'.", "ccmsetup")),
                         ("ccmsetup.log", ev("CcmSetup failed with error code 0x80004005", "ccmsetup", type: 1))],
                 confidence: .confirmed,
                 // The same words in another component's log are not ccmsetup stopping.
                 nearMiss: [("WUAHandler.log", [line("This operating system does not contain the correct version of BITS. BITS 2.5 or later is required.", "WUAHandler", type: 3)])]),
        RuleCase(rule: "ccmsetup-wmi-registration-failed",
                 context: [("ccmsetup.log", ev("MSI: Action 11:53:11: CcmRegisterWmiMofFile. Registering WMI settings", "ccmsetup", type: 1))],
                 log: "ccmsetup.log",
                 trigger: ev("MSI: Setup failed due to unexpected circumstances", "ccmsetup"),
                 after: [("ccmsetup.log", line("The error code is 80004005", "ccmsetup", type: 3)),
                         ("ccmsetup.log", line("MSI: Action 13:01:48: Rollback. Rolling back action:", "ccmsetup")),
                         ("ccmsetup.log", ev("Installation failed with error code 1603", "ccmsetup"))],
                 // "Unexpected circumstances" fits many MSI failures; the WMI step is what names this one.
                 confidence: .likely,
                 nearMiss: [("ccmsetup.log", [line("MSI: Action 11:53:11: CcmRegisterWmiMofFile. Registering WMI settings", "ccmsetup"),
                                              line("Installation succeeded.", "ccmsetup")])]),
        RuleCase(rule: "client-msi-hosting-endpoint-failed",
                 context: [("client.msi.log", line("Registering Hosting Configuration.", "MSI"))],
                 log: "client.msi.log",
                 trigger: ev("Product: Configuration Manager Client -- Error 25150. Setup was unable to register the CCM_Service_HostingConfiguration endpoint", "MSI"),
                 after: [("client.msi.log", ev("The error code is 80041002", "MSI")),
                         ("client.msi.log", ev("CustomAction CcmRegisterHostingConfiguration returned actual error code 1603", "MSI", type: 1))],
                 confidence: .confirmed,
                 nearMiss: [("client.msi.log", [line("Registering Hosting Configuration.", "MSI"),
                                                line("CustomAction CcmRegisterHostingConfiguration returned actual error code 0", "MSI")])]),
    ]

    // MARK: HTTPS and the cloud management gateway

    static let badStatus = "[CCMHTTP] ERROR: URL=https://cmgsccm.contoso.com/CCM_PROXY_MUTUALAUTH/3456/SMS_MP/.sms_aut?SITESIGNCERT, Port=443, Options=31, Code=0, Text=CCM_E_BAD_HTTP_STATUS_CODE"
    static let secureFailure = "[CCMHTTP] ERROR: URL=https://CMG.CONTOSO.COM/CCM_Proxy_ServerAuth/72057594037928017/CCM_STS, Port=443, Options=63, Code=12175, Text=ERROR_WINHTTP_SECURE_FAILURE"

    static let https: [RuleCase] = [
        RuleCase(rule: "https-client-certificate-missing",
                 context: [("ccmsetup.log", line("The location 'https://cmg.cloudapp.net/downloadrestservice.svc/getcontentxmlsecure?pid=XXX002B9&cid=XXX002B9' is on Azure", "ccmsetup"))],
                 log: "ccmsetup.log",
                 trigger: ev("[CCMHTTP] ERROR: URL=https://cmg.cloudapp.net/downloadrestservice.svc/getcontentxmlsecure?pid=XXX002B9&cid=XXX002B9, Port=0, Options=224, Code=0, Text=CCM_E_NO_CLIENT_PKI_CERT", "ccmsetup"),
                 after: [("ccmsetup.log", ev("GetDirectoryList failed with a non-recoverable failure, 0x87d00454", "ccmsetup"))],
                 confidence: .confirmed,
                 nearMiss: [("ccmsetup.log", [line(badStatus, "ccmsetup", type: 3)])]),
        RuleCase(rule: "https-certificate-name-mismatch",
                 context: [("DataTransferService.log", ev("Target URL scheme is HTTPS: https://cmg.cloudapp.net:443/downloadrestservice.svc/getcontentxmlsecure?pid=XXX00052&cid=XXX00052", "DataTransferService", type: 1)),
                           ("DataTransferService.log", line("[CCMHTTP] AsyncCallback(): WINHTTP_CALLBACK_STATUS_SECURE_FAILURE Encountered", "DataTransferService"))],
                 log: "DataTransferService.log",
                 trigger: ev("[CCMHTTP]            : WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID is set", "DataTransferService", type: 1),
                 confidence: .confirmed,
                 nearMiss: [("DataTransferService.log", [line("[CCMHTTP] AsyncCallback(): WINHTTP_CALLBACK_STATUS_SECURE_FAILURE Encountered", "DataTransferService"),
                                                         line("[CCMHTTP]            : WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED is set", "DataTransferService")])]),
        RuleCase(rule: "https-root-ca-untrusted",
                 context: [("LocationServices.log", line("[CCMHTTP] AsyncCallback(): WINHTTP_CALLBACK_STATUS_SECURE_FAILURE Encountered", "LocationServices")),
                           ("LocationServices.log", line("[CCMHTTP] : dwStatusInformationLength is 4", "LocationServices"))],
                 log: "LocationServices.log",
                 trigger: ev("[CCMHTTP] : WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set", "LocationServices", type: 1),
                 after: [("LocationServices.log", ev(secureFailure, "LocationServices"))],
                 confidence: .confirmed,
                 // The task sequence engine's own copy of the flag is the media rule's, not this one.
                 nearMiss: [("smsts.log", [line("[TSMESSAGING]               : WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set", "TSMBootstrap")])]),
        RuleCase(rule: "https-revocation-check-failed",
                 context: [("LocationServices.log", line("[CCMHTTP] AsyncCallback(): WINHTTP_CALLBACK_STATUS_SECURE_FAILURE Encountered", "LocationServices"))],
                 log: "LocationServices.log",
                 trigger: ev("[CCMHTTP] : WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED is set", "LocationServices", type: 1),
                 after: [("LocationServices.log", ev(secureFailure, "LocationServices"))],
                 confidence: .confirmed,
                 nearMiss: [("LocationServices.log", [line("[CCMHTTP] : WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set", "LocationServices")])]),
        RuleCase(rule: "cmg-client-certificate-required",
                 context: [("LocationServices.log", ev(badStatus, "LocationServices"))],
                 log: "LocationServices.log",
                 trigger: ev("[CCMHTTP] ERROR INFO: StatusCode= 403 StatusText= CMGConnector_Clientcertificaterequired", "LocationServices"),
                 confidence: .confirmed,
                 nearMiss: [("LocationServices.log", [line("[CCMHTTP] ERROR INFO: StatusCode= 403 StatusText= CMGConnector_Forbidden", "LocationServices", type: 3)])]),
        RuleCase(rule: "cmg-connector-forbidden",
                 log: "LocationServices.log",
                 trigger: ev("[CCMHTTP] ERROR INFO: StatusCode= 403 StatusText= CMGConnector_Forbidden", "LocationServices"),
                 confidence: .likely,
                 nearMiss: [("LocationServices.log", [line(badStatus, "LocationServices", type: 3),
                                                      line("[CCMHTTP] ERROR INFO: StatusCode=401 StatusText=CMGService_Invalid_Token", "LocationServices", type: 3)])]),
        RuleCase(rule: "cmg-token-expired",
                 // The documented line has a space before the comma after the address.
                 context: [("ccmsetup.log", ev("[CCMHTTP] ERROR: URL=https://CMGSERVER.CLOUDAPP.NET/CCM_Proxy_ServerAuth/ServiceMetadata , Port=443, Options=224, Code=0, Text=CCM_E_BAD_HTTP_STATUS_CODE", "ccmsetup"))],
                 log: "ccmsetup.log",
                 trigger: ev("[CCMHTTP] ERROR INFO: StatusCode=401 StatusText=CMGService_Invalid_Token", "ccmsetup"),
                 confidence: .confirmed,
                 nearMiss: [("ccmsetup.log", [line("[CCMHTTP] ERROR INFO: StatusCode= 403 StatusText= CMGConnector_Forbidden", "ccmsetup", type: 3)])]),
    ]

    // MARK: task sequences

    static let ts = "TSMBootstrap"

    static let taskSequences: [RuleCase] = [
        RuleCase(rule: "task-sequence-media-root-ca-missing",
                 context: [("smsts.log", line("CLibSMSMessageWinHttpTransport::Send: WinHttpOpenRequest - URL: mp.contoso.com:443  CCM_POST /ccm_system_AltAuth/request", ts)),
                           ("smsts.log", ev("[TSMESSAGING]               : WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set", ts, type: 1)),
                           ("smsts.log", line("Error. Received 0x80072f8f from WinHttpSendRequest.", ts, type: 3))],
                 log: "smsts.log",
                 trigger: ev("Sending with winhttp failed; 80072f8f", ts),
                 after: [("smsts.log", ev("Failed to get time information from MP: https://mp.contoso.com.", ts)),
                         ("smsts.log", ev("Failed to query Management Point locator", ts))],
                 confidence: .confirmed,
                 nearMiss: [("smsts.log", [line("Sending with winhttp failed; 80072efe", ts, type: 3)])]),
        RuleCase(rule: "task-sequence-mp-location-failed",
                 context: [("smsts.log", line("CLibSMSMessageWinHttpTransport::Send: URL: mp.contoso.com GET /SMS_MP/.sms_aut?MPLOCATION&ir=192.168.0.100&ip=192.168.0.0", ts)),
                           ("smsts.log", ev("Error. Status code 500 returned", ts)),
                           ("smsts.log", ev("CCM::SMSMessaging::GetMPLocations failed; 0x80004005", ts))],
                 log: "smsts.log",
                 trigger: ev("Failed to query mp.contoso.com for MP location", ts),
                 confidence: .confirmed,
                 nearMiss: [("smsts.log", [line("Getting MP time information", ts), line("Request was successful.", ts)])]),
        RuleCase(rule: "task-sequence-software-distribution-disabled",
                 log: "smsts.log",
                 trigger: ev("Failed to invoke Execution Manager to Install Software for PackageID='CAS0002C' ProgramID='setup' AdvertID='{00A2B6FB-8E61-47B6-9702-BBDEAD7FBE8A}' hr=0x87d01004", "InstallSoftware"),
                 confidence: .likely,
                 nearMiss: [("smsts.log", [line("Failed to invoke Execution Manager to Install Software for PackageID='CAS0002C' ProgramID='setup' AdvertID='{00A2B6FB-8E61-47B6-9702-BBDEAD7FBE8A}' hr=0x80004005", "InstallSoftware", type: 3)])]),
        RuleCase(rule: "task-sequence-setup-hook-failed",
                 context: [("smsts.log", line("Installing OSD setup hook", "OSDSetupHook"))],
                 log: "smsts.log",
                 trigger: ev("Failed to install the setup hook. Permissions on the requested may be configured incorrectly.", "OSDSetupHook"),
                 after: [("smsts.log", ev("Access is denied. (Error: 80070005; Source: Windows)", "OSDSetupHook"))],
                 confidence: .confirmed,
                 nearMiss: [("smsts.log", [line("Installing OSD setup hook", "OSDSetupHook"), line(#"Installing hook to 'C:\WINDOWS'"#, "OSDSetupWindows")])]),
        RuleCase(rule: "task-sequence-boot-image-outdated",
                 context: [("smsts.log", line("Argument 3 is invalid.", "OSDDriverClient", type: 3))],
                 log: "smsts.log",
                 trigger: ev("Failed to pass arguments. Code 0x80070057", "OSDDriverClient"),
                 after: [("smsts.log", line("Exiting with return code 0x80070057", "OSDDriverClient"))],
                 confidence: .likely,
                 nearMiss: [("smsts.log", [line(#"Command line: "osddriverclient.exe" /install:CAS00123 /unsigned:true /recurse:%OSDRecurse%"#, "OSDDriverClient")])]),
        RuleCase(rule: "task-sequence-boot-image-outdated",
                 log: "smsts.log",
                 trigger: ev("Invalid command line argument '/full'", "OSDBitLocker"),
                 confidence: .likely,
                 nearMiss: [("smsts.log", [line(#"Command line: "OSDBitLocker.exe" /enable /wait:False /mode:TPM /pwd:AD /full:False"#, "OSDBitLocker")])]),
        RuleCase(rule: "task-sequence-install-application-no-mp",
                 log: "smsts.log",
                 trigger: ev("Policy Evaluation failed, hr=0x87d00269", "InstallApplication"),
                 after: [("smsts.log", line("App install failed.", "InstallApplication", type: 3)),
                         ("smsts.log", ev("Install application action failed: 'Contoso Toolkit'. Error Code 0x87d00269", "InstallApplication"))],
                 confidence: .confirmed,
                 nearMiss: [("smsts.log", [line("Policy Evaluation failed, hr=0x80004005", "InstallApplication", type: 3)])]),
        RuleCase(rule: "task-sequence-environment-lost",
                 context: [("smsts.log", line("TS::Utility::GetTSMDataPath( sDataDir ), HRESULT=80070002", "TSManager", type: 3)),
                           ("smsts.log", ev("Failed to set log directory. Some execution history may be lost.", "TSManager")),
                           ("smsts.log", line("The system cannot find the file specified. (Error: 80070002; Source: Windows)", "TSManager", type: 3)),
                           ("smsts.log", line("Executing task sequence", "TSManager"))],
                 log: "smsts.log",
                 trigger: ev("Task Sequence environment not found", "TSManager"),
                 confidence: .likely,
                 nearMiss: [("smsts.log", [line("Executing task sequence", "TSManager"),
                                           line("Environment scope successfully created: Global\\{51A016B6-F0DE-4752-B97C-54E6F386A912}", "TSManager")])]),
    ]

    // MARK: client agents and software updates

    static let agents: [RuleCase] = [
        RuleCase(rule: "wsus-group-policy-conflict",
                 log: "WUAHandler.log",
                 trigger: ev("Group policy settings were overwritten by a higher authority (Domain Controller) to: Server http://wsus.contoso.com and Policy ENABLED", "WUAHandler", type: 2),
                 after: [("UpdatesDeployment.log", ev("Job error (0x87d00692) received for assignment ({7B1B7C49-1F2E-4F5A-9C5B-6C0A1C2E7E11}) action", "UpdatesDeploymentAgent"))],
                 confidence: .confirmed,
                 nearMiss: [("WUAHandler.log", [line("Enabling WUA Managed server policy to use server: http://sup.contoso.com:8530", "WUAHandler"),
                                                line("Waiting for 2 mins for Group Policy to notify of WUA policy change...", "WUAHandler")])]),
        RuleCase(rule: "msi-source-list-update-failed",
                 context: [("SrcUpdateMgr.log", ev("UpdateURLWithTransportSettings(): HTTP requested but client settings prohibit it.", "SrcUpdateMgr", type: 2))],
                 log: "SrcUpdateMgr.log",
                 trigger: ev("Failed source list update for product {23170F69-40C1-2702-0920-000001000000}, error 87d00226", "SrcUpdateMgr"),
                 after: [("SrcUpdateMgr.log", line("DoUpdateSourceListAll task failed, error code 87d00226", "SrcUpdateMgr", type: 3)),
                         ("SrcUpdateMgr.log", line("Source list update task failed, will be retried after 3600 seconds", "SrcUpdateMgr", type: 2))],
                 confidence: .confirmed,
                 nearMiss: [("SrcUpdateMgr.log", [line("Failed source list update for product {23170F69-40C1-2702-0920-000001000000}, error 80070005", "SrcUpdateMgr", type: 3)])]),
        RuleCase(rule: "software-metering-prepdriver-failed",
                 log: "mtrmgr.log",
                 trigger: ev("Software Metering failed to start PrepDriver", "mtrmgr"),
                 confidence: .likely,
                 nearMiss: [("CcmExec.log", [line("Software Metering failed to start PrepDriver", "CcmExec", type: 3)])]),
        RuleCase(rule: "remote-control-rd-gateway",
                 log: "CmRcService.log",
                 trigger: ev("WT_CompleteIO failed. Network shutdown : Unknown error (Error: C0000120; Source: Unknown)", "CmRcService"),
                 confidence: .likely,
                 nearMiss: [("CmRcService.log", [line("WT_CompleteIO failed. Network shutdown : Unknown error (Error: C000020C; Source: Unknown)", "CmRcService", type: 3)])]),
    ]

    static func seed(_ c: RuleCase, _ salt: UInt64) -> UInt64 {
        UInt64(truncatingIfNeeded: c.rule.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }) &+ salt &+ UInt64(c.trigger.message.count)
    }

    // MARK: tests

    @Test(arguments: cases)
    func theDocumentedShapeRaisesExactlyItsRule(_ c: RuleCase) throws {
        let output = try RuleVariantsTests.diagnose(c.logs(), .init(), seed: Self.seed(c, 0))
        #expect(output.findings.map(\.rule) == [c.rule], "\(c.rule): \(output.findings.map(\.rule))")
        #expect(output.problems.isEmpty, "\(output.problems)")
    }

    /// A single occurrence is the fault for these rules (none of them means "keeps failing"), so the
    /// trigger once and repeated give the same one finding.
    @Test(arguments: cases, [1, 3])
    func everyVariantFiresWithTheSameEvidence(_ c: RuleCase, repeats: Int) throws {
        try RuleVariantsTests.expectFires(c.rule, c.logs(repeats: repeats), confidence: c.confidence,
                                          seed: Self.seed(c, UInt64(repeats)))
    }

    @Test(arguments: cases)
    func theNearMissStaysSilentInEveryVariant(_ c: RuleCase) throws {
        try RuleVariantsTests.expectSilent(c.rule, c.nearMiss, seed: Self.seed(c, 7))
    }

    /// A real client.msi.log is a verbose Windows Installer log, plain text without times, not
    /// CMTrace: the rules that read it must work on that shape too, and say the time is not logged.
    @Test func aVerboseMSILogRaisesTheHostingEndpointRule() throws {
        let dir = try LogTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let client = dir.appendingPathComponent("WKS-MSI")
        try FileManager.default.createDirectory(at: client, withIntermediateDirectories: true)
        let lines = [
            "MSI (s) (6C:7C) [13:01:46:123]: Doing action: CcmRegisterHostingConfiguration",
            "[13:01:47] Registering Hosting Configuration.",
            "[13:01:47] @@ERR:25150",
            "MSI (s) (6C!A8) [13:01:47:460]: Product: Configuration Manager Client -- Error 25150. Setup was unable to register the CCM_Service_HostingConfiguration endpoint",
            "The error code is 80041002",
            "CustomAction CcmRegisterHostingConfiguration returned actual error code 1603 (note this may not be 100% accurate if translation happened inside sandbox)",
        ]
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: client.appendingPathComponent("client.msi.log"))
        let output = DiagnosticsTests.diagnose([dir.path])
        let finding = try #require(output.findings.first)
        #expect(output.findings.map(\.rule) == ["client-msi-hosting-endpoint-failed"])
        #expect(finding.confidence == .confirmed)
        #expect(finding.evidence.map(\.line) == [4, 5, 6])
        #expect(finding.explanation.contains("last time not logged") && !finding.explanation.contains("{"))
    }

    /// Metamorphic: unrelated records added to every log, and an unrelated log beside them, change
    /// no finding and no finding's evidence.
    @Test(arguments: cases)
    func unrelatedRecordsChangeNoFinding(_ c: RuleCase) throws {
        func summary(_ output: Diagnosis.Output) -> [String] {
            output.findings.map { "\($0.rule) \($0.confidence) \($0.evidence.map(\.text))" }
        }
        let plain = try RuleVariantsTests.diagnose(c.logs(), .init(), seed: Self.seed(c, 11))
        var noisy = c.logs()
        noisy.append(("PolicyAgent.log", RuleVariantsTests.noise.map { Self.line($0, "PolicyAgent") }))
        for (k, variant) in [RuleVariantsTests.Variant(noise: true), .init(noise: true, crlf: false, bias: -330)].enumerated() {
            let output = try RuleVariantsTests.diagnose(noisy, variant, seed: Self.seed(c, 12 + UInt64(k)))
            #expect(summary(output) == summary(plain), "\(c.rule), \(variant)")
        }
    }
}
