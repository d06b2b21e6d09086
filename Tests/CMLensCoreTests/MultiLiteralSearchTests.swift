import Foundation
import Testing
@testable import CMLensCore

private typealias S = LogTestSupport

/// The diagnostic rules search each log once for all their texts; the records found must be the
/// union of one search per text, in file order, wherever the windows fall and whatever runs from
/// one record into the next.
@Suite struct MultiLiteralSearchTests {
    static func generatedLog(seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        let words = ["0x80070005", "Policy", "failed", "retry", "ACCESS DENIED", "Ümlaut", "tail"]
        var out = ""
        for n in 0..<1500 {
            var message = "record \(n)"
            for _ in 0..<Int(random.next() % 3) { message += " " + words[Int(random.next() % UInt64(words.count))] }
            // A text that begins in one record and ends in the next is no hit.
            if random.next() % 17 == 0 { message += " ta" }
            out += S.cmtrace(message, component: random.next() % 5 == 0 ? "il" : "execmgr") + "\n"
        }
        return Array(out.utf8)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func oneReadForManyTextsFindsWhatOneReadPerTextFinds(seed: UInt64) throws {
        let file = LogReader.parse(bytes: Self.generatedLog(seed: seed), path: "/virtual/execmgr.log", client: "PC1", logName: "execmgr.log")
        let literals = ["0x80070005", "policy", "ACCESS DENIED", "ümlaut", "tail", "nothing-like-this"].map {
            SearchLiteral($0, caseInsensitive: $0 != "ACCESS DENIED")
        }
        for window in [512, 4096, LogFileIndex.searchWindow] {
            var union = Set<Int>()
            for literal in literals {
                file.forEachRecord(containing: literal, in: 0..<file.count, window: window, isCancelled: { false }) { index, _, _ in
                    union.insert(index)
                }
            }
            var found: [Int] = []
            file.forEachRecord(containingAny: literals, in: 0..<file.count, window: window, isCancelled: { false }) { index, _, _ in
                found.append(index)
            }
            #expect(found == union.sorted(), "seed \(seed), window \(window)")
            #expect(!found.isEmpty && found.count < file.count)
        }
    }

    @Test func recordTextIsDecodedTheSameOnTheASCIIPathAndTheGeneralOne() {
        let samples: [[UInt8]] = [Array("plain ascii text, 0x80070005".utf8), Array("Ümlaut".utf8), [0xEF, 0xBB, 0xBF] + Array("bom".utf8),
                                  [0x41, 0x92, 0x42], Array("exactly8".utf8), [], Array(String(repeating: "a", count: 17).utf8) + [0xE9]]
        for sample in samples {
            let viaSlice = sample.withUnsafeBytes { TextDecoding.string($0[0..<$0.count]) }
            #expect(viaSlice == TextDecoding.string(sample), "\(sample)")
        }
    }
}
