import Testing
@testable import CMLensCore

@Suite struct CanonicalAttributeWordsTests {
    @Test func wordsSpellTheCanonicalLiterals() {
        typealias W = CanonicalAttributeWords
        #expect(ByteWord.pattern("<time=\"").word == W.timeOpen)
        #expect(ByteWord.pattern("<time=\"").mask == W.sevenBytes)
        #expect(ByteWord.pattern("\" date=\"").word == W.dateOpen)
        #expect(ByteWord.pattern("\" compon").word == W.componentHead)
        #expect(ByteWord.pattern("ponent=\"").word == W.componentTail)
        #expect(ByteWord.pattern("\" contex").word == W.contextHead)
        #expect(ByteWord.pattern("ontext=\"").word == W.contextTail)
        #expect(ByteWord.pattern("\" type=\"").word == W.typeOpen)
        #expect(ByteWord.pattern("\" thread").word == W.threadHead)
        #expect(ByteWord.pattern("thread=\"").word == W.threadTail)
        #expect(ByteWord.pattern("\" file=\"").word == W.fileOpen)
    }
}
