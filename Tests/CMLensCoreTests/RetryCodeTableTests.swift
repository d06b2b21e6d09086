import Testing
@testable import CMLensCore

@Suite("Retry verdicts and the retry-code table")
struct RetryCodeTableTests {
    static let fixture = ErrorCodeFixtures.fixtures + "/sitectrl-custom-retry.ct0"

    /// A program's exit code, as met in execmgr.log: the retry list judges it whatever its shape.
    static let program = ExplanationContext(log: "execmgr.log")

    @Test("verdicts under the default policy", arguments: [
        (UInt32(5), true), (1618, true), (1220, true), (999, true), (2250, true),
        (1, false), (2, false), (1603, false), (0x8007_0005, false), (0xC000_0005, false),
    ])
    func defaults(value: UInt32, retried: Bool) {
        let e = ErrorExplainer().explain(value: value, context: Self.program)
        #expect(e.exitCode.retried == retried, "\(value)")
        #expect(e.exitCode.policySource.hasPrefix("ConfigMgr defaults"))
        if retried {
            #expect(e.exitCode.reason.contains("FailureRetry") && e.exitCode.reason.contains("600 s"))
        } else {
            #expect(e.exitCode.reason.contains("FailureNonRetry"))
        }
    }

    @Test func successCodes() {
        for value: UInt32 in [0, 3010, 1641] {
            let e = ErrorExplainer().explain(value: value)
            #expect(e.exitCode.retried == false && e.exitCode.reason.hasPrefix("Success"), "\(value)")
            #expect(e.severity == "success")
        }
        #expect(ErrorExplainer().explain(value: 3010).exitCode.reason.contains("restart"))
    }

    @Test func wrappedRetryCodeIsExplained() {
        let e = ErrorExplainer().explain(value: 0x8007_0005, context: Self.program)
        #expect(e.exitCode.reason.contains("The list holds 5"))
    }

    @Test func configMgrCodesAreNotExitCodes() {
        let e = ErrorExplainer().explain(value: 0x87D0_0324)
        #expect(e.exitCode.retried == nil)
    }

    @Test func siteControlFileChangesTheList() {
        let (policy, problems) = RetryPolicy.load(siteControlPath: Self.fixture)
        #expect(problems.isEmpty)
        #expect(policy.errorCodes == [1, 5, 1618, 1603])
        let explainer = ErrorExplainer(policy: policy)
        #expect(explainer.explain(value: 1).exitCode.retried == true)
        #expect(explainer.explain(value: 1603).exitCode.retried == true)
        #expect(explainer.explain(value: 4).exitCode.retried == false)
        let verdict = explainer.explain(value: 1618).exitCode
        #expect(verdict.reason.contains("after 120 s") && verdict.reason.contains("up to 3 times"))
        #expect(verdict.policySource.contains("sitectrl-custom-retry.ct0"))

        let table = RetryCodeTable(policy: policy)
        #expect(table.rows.map(\.code) == [1, 5, 1618, 1603])
        #expect(table.rows.map(\.name) == ["ERROR_INVALID_FUNCTION", "ERROR_ACCESS_DENIED", "ERROR_INSTALL_ALREADY_RUNNING",
                                           "ERROR_INSTALL_FAILURE"])
        #expect(table.rows[1].why.contains("Access or sign-in"))
        #expect(table.csv(table.rows[0]).hasPrefix("1,ERROR_INVALID_FUNCTION,Incorrect function.,"))
        #expect(table.json(table.rows[0]).contains("\"retryCount\":3,\"retryInterval\":120"))
        let text = table.text().map(\.plainText)
        #expect(text.first == "ConfigMgr retries a program that exits with one of these 4 codes")
    }

    @Test func defaultTableHasEveryDefaultCodeNamed() {
        let table = RetryCodeTable(policy: .defaults)
        #expect(table.rows.count == 40)
        #expect(table.rows.allSatisfy { $0.name != nil && $0.message != nil })
        #expect(table.rows.first { $0.code == 1220 }?.message?.hasPrefix("An attempt was made to establish a session") == true)
    }
}
