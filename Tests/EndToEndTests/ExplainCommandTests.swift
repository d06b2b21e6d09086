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
