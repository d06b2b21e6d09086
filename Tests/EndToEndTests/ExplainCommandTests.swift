import Foundation
import Testing

@Suite("cmlens explain and retry-codes, end to end")
struct ExplainCommandTests {
    @Test func explainsCodesInText() throws {
        let run = try ExplainRun.cmlens(["explain", "1618", "0x800706BA", "-2147024891"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("ERROR_INSTALL_ALREADY_RUNNING"))
        #expect(run.stdout.contains("Another installation is already in progress."))
        #expect(run.stdout.contains("retried."))
        #expect(run.stdout.contains("RPC_S_SERVER_UNAVAILABLE"))
        #expect(run.stdout.contains("The RPC server is unavailable."))
        #expect(run.stdout.contains("E_ACCESSDENIED"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set")
    }

    @Test func jsonHasOneObjectPerReading() throws {
        let run = try ExplainRun.cmlens(["explain", "--format", "json", "1645", "(Error: 80070057; Source: Windows)"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(objects[0]["name"] as? String == "ERROR_INSTALL_REMOTE_PROHIBITED")
        #expect(objects[0]["value"] as? String == "0x0000066D")
        #expect(objects[0]["kind"] as? String == "win32")
        #expect(objects[0]["retried"] as? Bool == false)
        #expect(objects[1]["value"] as? String == "0x00001645")
        #expect(objects[2]["name"] as? String == "E_INVALIDARG")
        #expect(objects[2]["win32"] as? Int == 87)
        #expect(objects[2]["decimal"] as? Int == -2147024809)
        let facility = objects[2]["facility"] as? [String: Any]
        #expect(facility?["code"] as? Int == 7)
        #expect(facility?["name"] as? String == "FACILITY_WIN32")
        for key in ["input", "value", "decimal", "kind", "name", "message", "facility", "severity", "win32", "retried",
                    "retryReason", "source"] {
            #expect(objects[0].keys.contains(key), "missing \(key)")
        }
    }

    @Test func notANumberExitsTwoAndSaysWhatIsAccepted() throws {
        let run = try ExplainRun.cmlens(["explain", "banana"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\"banana\" is not an error code"))
        #expect(run.stderr.contains("0x80070057"))
        let none = try ExplainRun.cmlens(["explain"])
        #expect(none.status == 2)
    }

    @Test func retryCodesFollowTheSiteControlFile() throws {
        let fixture = ExplainRun.repoRoot + "/Tests/CMLensCoreTests/Fixtures/errorcodes/sitectrl-custom-retry.ct0"
        let csv = try ExplainRun.cmlens(["retry-codes", "--site-control", fixture, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "code,name,message,why,retryCount,retryInterval,source")
        #expect(rows.dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" } == ["1", "5", "1618", "1603"])
        #expect(rows[1].contains("ERROR_INVALID_FUNCTION"))
        let text = try ExplainRun.cmlens(["retry-codes"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("ERROR_REMOTE_SESSION_LIMIT_EXCEEDED"))
        #expect(text.stdout.contains("1008 times, 600 s"))
        let explain = try ExplainRun.cmlens(["explain", "1", "--site-control", fixture, "--format", "json"])
        #expect(explain.stdout.contains("\"retried\":true"))
    }
}

/// Microsoft's words, log descriptions and the place a code was met, through the real binary.
@Suite("cmlens explain: Microsoft's words, logs and --context, end to end")
struct ExplainReferenceCommandTests {
    static let appInstallPage = "https://learn.microsoft.com/mem/configmgr/tenant-attach/app-install-error-reference"
    static let logFilesPage = "https://learn.microsoft.com/mem/configmgr/core/plan-design/hierarchy/log-files"

    @Test func aConfigMgrCodeGivesMicrosoftsMessageResolutionAndPage() throws {
        let run = try ExplainRun.cmlens(["explain", "0x87D00324"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  The application was not detected after installation completed\n"))
        #expect(run.stdout.contains("resolve   Review the AppDiscovery.log and the CIAgent.log."))
        #expect(run.stdout.contains("source    Microsoft, \"Application installation common error codes reference\", "
                                    + Self.appInstallPage))
        #expect(run.stdout.contains("© Microsoft, CC BY 4.0"))
        #expect(!run.stdout.contains("cmlens's own words"))
    }

    @Test func anMSICodeAndItsHRESULTFormReachTheSameText() throws {
        let plain = try ExplainRun.cmlens(["explain", "1603"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("ConfigMgr's application installation error reference (MSI): Fatal error during installation"))
        #expect(plain.stdout.contains("resolve   Enable Windows Installer logging and run the install again."))
        #expect(plain.stdout.contains("ConfigMgr not retried."), "a Win32 code alone is read as a program's exit code")
        let hresult = try ExplainRun.cmlens(["explain", "0x80070643"])
        #expect(hresult.status == 0, "\(hresult.stderr)")
        #expect(hresult.stdout.contains("lists the Win32 code 1603 (0x00000643); 0x80070643 is its HRESULT form (HRESULT_FROM_WIN32), "
                                        + "the same failure: Fatal error during installation"))
        #expect(hresult.stdout.contains("resolve   Enable Windows Installer logging and run the install again."))
        #expect(hresult.stdout.contains("No retry verdict without the place it was met"))
        #expect(!hresult.stdout.contains("not retried"))
    }

    @Test func aLogNameSaysWhatTheLogRecords() throws {
        let run = try ExplainRun.cmlens(["explain", "execmgr.log"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("execmgr.log — ConfigMgr log file\n"))
        #expect(run.stdout.contains("Records details about packages and task sequences that run on the client."))
        #expect(run.stdout.contains("Log files by functionality > Application management > Packages and programs"))
        #expect(run.stdout.contains("source    Microsoft, \"Log file reference\", " + Self.logFilesPage))
        let rotated = try ExplainRun.cmlens(["explain", "smsts-20110315-140500.log"])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        #expect(rotated.stdout.contains("a rotated copy of Smsts.log"))
        #expect(rotated.stdout.contains("Records task sequence activities."))
        let json = try ExplainRun.cmlens(["explain", "--format", "json", "EXECMGR.LO_"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["known"] as? Bool == true && object?["match"] as? String == "rotation")
        #expect((object?["entries"] as? [[String: Any]])?.count == 2)
    }

    @Test func aLogNobodyListsIsUnknownNotGuessed() throws {
        let run = try ExplainRun.cmlens(["explain", "nosuch.log"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("nosuch.log — unknown log\n"))
        #expect(run.stdout.contains("does not list this log, and cmlens does not guess"))
        let json = try ExplainRun.cmlens(["explain", "--format", "json", "nosuch.log"])
        #expect(json.stdout.contains("\"known\":false"))
    }

    @Test func theContextDecidesTheVerdict() throws {
        let elsewhere = try ExplainRun.cmlens(["explain", "0x80004005", "--context", "ClientIDManagerStartup.log"])
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        #expect(elsewhere.stdout.contains("met in    ClientIDManagerStartup.log"))
        #expect(elsewhere.stdout.contains("Met in ClientIDManagerStartup.log: the status of the component that wrote the line, "
                                          + "not a program's exit code, so no retry verdict"))
        #expect(!elsewhere.stdout.contains("not retried") && !elsewhere.stdout.contains("policy    "))
        let program = try ExplainRun.cmlens(["explain", "0x80004005", "--context", "execmgr.log", "--format", "json"])
        #expect(program.stdout.contains("\"retried\":false") && program.stdout.contains("\"place\":\"program\""))
        let application = try ExplainRun.cmlens(["explain", "1618", "--context", "AppEnforce.log:AppEnforce", "--format", "json"])
        #expect(application.stdout.contains("\"verdict\":\"Fast Retry\"") && application.stdout.contains("\"retried\":null"))
        let updates = try ExplainRun.cmlens(["explain", "0x80040669", "--context", "UpdatesHandler.log"])
        #expect(updates.stdout.contains("rule      updates-no-boundary-in-task-sequence"))
        #expect(updates.stdout.contains("(software updates)"))
        let empty = try ExplainRun.cmlens(["explain", "5", "--context", " "])
        #expect(empty.status == 2 && empty.stderr.contains("--context needs a log file name"))
    }
}
