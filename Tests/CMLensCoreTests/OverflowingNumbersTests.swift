import Foundation
import Testing
@testable import CMLensCore

/// Numbers past 64 bits in a site control file or a rules file are input errors, never a trap:
/// a retry interval of 2^63 − 1 seconds ended `cmlens timeline`, and so would a rule's `{last + …}`.
@Suite struct OverflowingNumbersTests {
    static func siteControl(interval: String) -> SiteControlFile {
        SiteControlParser.parse(text: """
        BEGIN_SITE_DEFINITION
            BEGIN_PROPERTY_LIST
            PROPERTY <Execution Failure Retry Interval><REG_DWORD><><\(interval)>
            END_PROPERTY_LIST
        END_SITE_DEFINITION
        """, path: "site/sitectrl.ct0")
    }

    @Test(arguments: ["9223372036854775807", "-600", "4294967296"])
    func anIntervalOutOfRangeIsAProblemAndTheDefaultIsUsed(interval: String) {
        let (policy, problems) = RetryPolicy.from(Self.siteControl(interval: interval))
        #expect(policy.interval == RetryPolicy.defaultInterval)
        #expect(problems.contains { $0.message.contains("out of range") && $0.line == 3 })
    }

    @Test func theLargestIntervalAWindowsRegistryHoldsIsKept() {
        let (policy, problems) = RetryPolicy.from(Self.siteControl(interval: "4294967295"))
        #expect(policy.interval == 4_294_967_295 && problems.isEmpty)
        // A prediction that far ahead is still a time, not a trap.
        let due = LogTime(localSeconds: 1_294_900_000, biasMinutes: 300).adding(seconds: policy.interval)
        #expect(due.localSeconds == 1_294_900_000 + 4_294_967_295)
        #expect(LogTime(localSeconds: .max - 5, biasMinutes: nil).adding(seconds: 10).localSeconds == .max)
    }

    @Test func aRuleTemplateOverflowingItsSumIsLeftUnfilled() {
        let last = LogTime(localSeconds: 1_294_900_000, biasMinutes: 300)
        let scope = DiagnosticTemplate.Scope(client: "PC", trigger: "t", matches: [:], first: last, last: last, policy: .defaults)
        #expect(DiagnosticTemplate.expression("last + 9223372036854775807", scope) == nil)
        #expect(DiagnosticTemplate.expression("9223372036854775807 + 1", scope) == nil)
        #expect(DiagnosticTemplate.expression("0 - 9223372036854775807 - 2", scope) == nil)
        #expect(DiagnosticTemplate.expression("last + 99999999999999", scope) == nil, "past the year 9999")
        #expect(DiagnosticTemplate.expression("last + 600", scope)?.hasPrefix("2011-01-13") == true)
        #expect(DiagnosticTemplate.expression("2 + 3", scope) == "5")
    }
}
