import Foundation
import Testing
@testable import CMLensCore

/// The fixed-position reader of ConfigMgr's own time shape must agree with the general reader
/// wherever it answers, and leave everything unusual to it.
@Suite struct ClockFastPathTests {
    static let canonical = ["00:47:50.842+300", "23:59:59.9999999-060", "10:15:31.1+0", "12:00:60.123-840",
                            "07:08:09.000+480", "19:28:37.555+1"]
    static let unusual = ["9:05:03.123+300", "10:15:31+300", "10:15:31.123", "10:15:31.123+-300", "10:15:31.123++300",
                          "10:15:31.123+900", "24:00:00.000+000", "10:60:00.000+000", "10:15:31.12345678+000",
                          "10:15:31.123+12345", "1a:15:31.123+300", "10:15:31.+300", "10:15:31,123+300", ""]

    static func read(_ text: String) -> (fast: TimestampParsing.ClockTime?, general: TimestampParsing.ClockTime?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { b in
            (TimestampParsing.canonicalClock(b, 0..<b.count), TimestampParsing.generalClock(b, 0..<b.count))
        }
    }

    @Test(arguments: canonical) func canonicalTimesTakeTheFastPathAndAgree(_ text: String) {
        let (fast, general) = Self.read(text)
        #expect(fast != nil)
        #expect(fast == general)
    }

    @Test(arguments: unusual) func unusualTimesAreLeftToTheGeneralReader(_ text: String) {
        #expect(Self.read(text).fast == nil)
    }

    @Test(arguments: canonical + unusual + ["10:15:31.123+9a0", "10:15:31.123*300", "10;15:31.123+300", "10:15:31:123+300",
                                           "1:\u{7F}5:31.123+300", "10:15:31.12/+300", "23:59:60.999-840", "00:00:00.000+841"])
    func theSixteenByteReaderAgreesOrStandsAside(_ text: String) {
        let bytes = Array(text.utf8) + Array(repeating: 0x20, count: 16)  // slack, as a record's attributes give
        let (fast, general) = bytes.withUnsafeBytes { b in
            (TimestampParsing.millisecondClock(b, 0..<text.utf8.count), TimestampParsing.generalClock(b, 0..<text.utf8.count))
        }
        if let fast {
            #expect(fast == general)
        }
        let expectFast = text.utf8.count == 16 && general?.biasNote == nil && general?.bias != nil && text.contains(".")
            && !text.contains("++") && !text.contains("+-")
        #expect((fast != nil) == expectFast, "\(text)")
    }

    @Test func everyDigitPairIsReadAsWritten() {
        // A digit check that ORs digits together would reject 7|8 = 15; each field must be checked alone.
        for h in 0..<24 {
            for m in [0, 7, 8, 18, 59] {
                let text = String(format: "%02d:%02d:%02d.789+300", h, m, 59 - m)
                let (fast, general) = Self.read(text)
                #expect(fast == general && fast != nil, "\(text)")
                let sixteen = Array(text.utf8).withUnsafeBytes { TimestampParsing.millisecondClock($0, 0..<16) }
                #expect(sixteen == general, "\(text)")
            }
        }
    }
}
