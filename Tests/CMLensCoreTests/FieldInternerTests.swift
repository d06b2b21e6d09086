import Testing
@testable import CMLensCore

@Suite struct FieldInternerTests {
    static func read(_ interner: inout FieldInterner, _ text: String, column: Int) -> String {
        Array(text.utf8).withUnsafeBufferPointer { interner.string($0, column: column) }
    }

    @Test func repeatedLongValuesReadBackExactlyPerColumn() {
        var interner = FieldInterner()
        let names = ["SmsSoftwareDistribution", "SmsPowerManagement", "SmsSoftwareDistributioX", "short", ""]
        for round in 0..<50 {
            for (k, name) in names.enumerated() {
                #expect(Self.read(&interner, name, column: k % 2) == name, "round \(round)")
            }
        }
    }

    @Test func aColumnOfUniqueValuesStillReadsEveryValue() {
        var interner = FieldInterner()
        for k in 0..<2_000 {
            let guid = "{\(String(k, radix: 16))-0000-0000-0000-000000000000}"
            #expect(Self.read(&interner, guid, column: 3) == guid)
        }
    }
}
