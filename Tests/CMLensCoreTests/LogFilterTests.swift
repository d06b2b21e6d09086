import Testing
@testable import CMLensCore

/// The filter language of the console's filter bar and `cmlens log --filter`, in the core.
@Suite struct LogFilterTests {
    static let logs: LoadedLogs = {
        let execmgr = LogTestSupport.cmtrace("Starting retry of program", time: "10:00:00.000+300", thread: 12) + "\n"
            + LogTestSupport.cmtrace("Program exited with 1618", time: "10:01:00.000+300", type: 3, thread: 12) + "\n"
            + LogTestSupport.cmtrace("Program started", time: "10:02:00.000+300", thread: 40) + "\n"
        let cas = LogTestSupport.cmtrace("Download retry in 60 s", time: "10:00:30.000+300", component: "ContentAccess", type: 2, thread: 12) + "\n"
        return LoadedLogs(files: [LogReader.parse(bytes: Array(execmgr.utf8), path: "PC1/execmgr.log", client: "PC1"),
                                  LogReader.parse(bytes: Array(cas.utf8), path: "PC1/CAS.log", client: "PC1")],
                          problems: [])
    }()

    static func messages(_ text: String) throws -> [String] {
        let filter = try LogFilter.parse(text)
        var out: [String] = []
        filter.select(from: logs) { out += $0.map { logs[$0].message } }
        return out
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var words: String
        var expected: [String]
        var testDescription: String { words }
    }

    static let cases: [Case] = [
        Case(words: "thread=12", expected: ["Starting retry of program", "Download retry in 60 s", "Program exited with 1618"]),
        Case(words: "thread=12 -text=retry", expected: ["Program exited with 1618"]),
        Case(words: "retry -text=download", expected: ["Starting retry of program"]),
        Case(words: "text=program text=exited", expected: ["Program exited with 1618"]),
        Case(words: "level>=warning", expected: ["Download retry in 60 s", "Program exited with 1618"]),
        Case(words: "level=warning", expected: ["Download retry in 60 s"]),
        Case(words: "file=CAS.log", expected: ["Download retry in 60 s"]),
        Case(words: "component=execmgr thread=40,12 -text=retry", expected: ["Program exited with 1618", "Program started"]),
        Case(words: "since=10:01", expected: ["Program exited with 1618", "Program started"]),
        Case(words: "-text=.", expected: []),
    ]

    @Test(arguments: cases) func wordsKeepTheRecordsTheySay(_ test: Case) throws {
        #expect(try Self.messages(test.words) == test.expected)
    }

    @Test func filtersAddUpAndReadBackAsTyped() throws {
        let first = try LogFilter.parse("thread=12 -text=retry")
        let both = try LogFilter.parse("level>=error", adding: first)
        #expect(both.text == "level>=error thread=12 -text=retry")
        #expect(try LogFilter.parse(both.text) == both)
    }

    @Test func aWordNotUnderstoodSaysWhichAreUnderstood() {
        #expect(throws: UsageError.self) { try LogFilter.parse("colour=red") }
        do {
            _ = try LogFilter.parse("colour=red")
        } catch {
            #expect(error.description.contains("thread=T"))
            #expect(error.description.contains("\"colour=red\""))
        }
        #expect(throws: UsageError.self) { try LogFilter.parse("text=(") }
        #expect(throws: UsageError.self) { try LogFilter.parse("since=yesterday") }
        #expect(throws: UsageError.self) { try LogFilter.parse("level=loud") }
    }

    @Test func textBitsCombineWordByWord() {
        var all = RecordBits(all: 70)
        #expect(all.count == 70)
        var some = RecordBits(capacity: 70)
        some.insert(3); some.insert(69)
        all.subtract(some)
        #expect(all.count == 68 && !all.contains(69))
        var other = RecordBits(capacity: 70)
        other.insert(3); other.insert(4)
        all.formIntersection(other)
        #expect(all.indices == [4])
    }
}
