import CMLensCore
import Testing

@Suite struct VersionTests {
    @Test func paddingDoesNotMatter() throws {
        let a = try ComponentVersion(parsing: "4.0.6487.2157")
        let b = try ComponentVersion(parsing: "4.00.6487.2157")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(!(a < b) && !(b < a))
        #expect(Set([a, b]).count == 1)
        // The text as written is kept for citing the inventory.
        #expect(b.text == "4.00.6487.2157")
    }

    @Test func partsCompareAsNumbersNotStrings() throws {
        let low = try ComponentVersion(parsing: "4.00.6487.999")
        let high = try ComponentVersion(parsing: "4.00.6487.2161")
        #expect(low < high)
        #expect("4.00.6487.999" > "4.00.6487.2161", "the string order the seed warns about")
        #expect(ComponentVersion.stringOrderDiffers(low, high))
        #expect(try ComponentVersion(parsing: "4.0.6487.10000") > high)
        #expect(try ComponentVersion(parsing: "5.0.0.0") > ComponentVersion(parsing: "4.99.9999.9999"))
    }

    @Test func missingPartsCountAsZero() throws {
        #expect(try ComponentVersion(parsing: "4.0") == ComponentVersion(parsing: "4.0.0.0"))
        #expect(try ComponentVersion(parsing: "4.0.6487") < ComponentVersion(parsing: "4.0.6487.1"))
        #expect(try ComponentVersion(parsing: "4.0.6487.0.1") > ComponentVersion(parsing: "4.0.6487"))
        #expect(ComponentVersion("4.0").part(3) == 0)
    }

    @Test func nonNumericPartsAreErrorsNotCrashes() {
        for text in ["4.00.6487.21a7", "", "4..6487.1", "4.0.6487.", "v4.0", "4.0.-1.2", "4.0.6487.99999999999999999999999"] {
            #expect(throws: ComponentVersion.ParseError.self) { try ComponentVersion(parsing: text) }
        }
        do {
            _ = try ComponentVersion(parsing: "4.00.6487.21a7")
            Issue.record("parsed a malformed version")
        } catch {
            #expect(error.description.contains("part 4"))
            #expect(error.description.contains("21a7"))
        }
    }

    @Test func whitespaceAroundIsIgnored() throws {
        #expect(try ComponentVersion(parsing: " 4.00.6487.2157 ") == ComponentVersion("4.0.6487.2157"))
    }
}
