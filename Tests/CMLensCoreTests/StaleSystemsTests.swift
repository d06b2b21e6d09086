import Foundation
import Testing
@testable import CMLensCore

/// A resolver with canned answers, keyed "A name", "AAAA name", "PTR name"; anything else is not found.
private struct FakeDNS: DNSResolving, DNSSession {
    var answers: [String: DNSLookupResult]

    func makeSession() throws -> any DNSSession { self }

    func lookup(_ name: String, _ type: DNSRecordType) -> DNSLookupResult {
        answers["\(type.rawValue) \(name)"] ?? .notFound
    }
}

/// The seed's sample, plus an IPv6 address for xyz3.
private let seedDNS = FakeDNS(answers: [
    "A xyz1": .records(["10.1.0.1"]), "PTR 1.0.1.10.in-addr.arpa.": .records(["abc5.corp.example"]),
    "A xyz3": .records(["10.1.0.3"]), "PTR 3.0.1.10.in-addr.arpa.": .records(["XYZ3.corp.example"]),
    "A xyz4": .records(["10.1.0.4"]),
])

@Suite struct SystemListTests {
    @Test func ignoresBlankLinesAndCommentsAndTrims() {
        let list = SystemList.parse("# stale candidates\n\n  PC1  \r\nPC2\t# laptop\n   # indented comment\nPC3", file: "sys.txt")
        #expect(list.names == ["PC1", "PC2", "PC3"])
        #expect(list.entries.map(\.line) == [3, 4, 6])
        #expect(list.problems.isEmpty)
    }

    @Test func reportsADuplicateOnceAndChecksItOnce() {
        let list = SystemList.parse("PC1\npc1\nPC2\nPC1.\nPC2\n", file: "sys.txt")
        #expect(list.names == ["PC1", "PC2"])
        #expect(list.problems.count == 2)
        #expect(list.problems[0].description == "sys.txt:2: PC1 is listed 3 times (line 1, then line 2, line 4); checked once")
        #expect(list.problems[0].severity == .warning)
        #expect(list.problems[1].line == 5)
        #expect(!list.hasErrors)
    }

    @Test func listsProblemsInReadingOrder() {
        let list = SystemList.parse("PC1\nPC1\nbad name\n", file: "sys.txt")
        #expect(list.problems.map(\.line) == [2, 3])
    }

    @Test func namesTheLineOfABadName() {
        let list = SystemList.parse("PC1\nPC 2\n10.1.0.9\npc..corp\nweird\u{1B}[31m\nPC5\n", file: "sys.txt")
        #expect(list.names == ["PC1", "PC5"])
        #expect(list.problems.map(\.line) == [2, 3, 4, 5])
        #expect(list.problems.allSatisfy { $0.severity == .error })
        #expect(list.problems[1].message.contains("is an address"))
        // The escape byte is shown, never passed through.
        #expect(list.problems[3].message.contains("^["))
        #expect(!list.problems[3].message.contains("\u{1B}"))
        #expect(list.hasErrors)
    }

    @Test func acceptsAComputerAccountNameWithANote() {
        let list = SystemList.parse("PC7$\n", file: "sys.txt")
        #expect(list.names == ["PC7"])
        #expect(list.problems.first?.severity == .warning)
    }

    @Test func readsUTF16WithBOMAsWindowsPowerShellWritesIt() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "PC1\r\nPC2\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(SystemList.parse(bytes, file: "sys.txt").names == ["PC1", "PC2"])
        #expect(SystemList.parse([0xEF, 0xBB, 0xBF] + Array("PC3\n".utf8), file: "sys.txt").names == ["PC3"])
    }

    @Test func refusesBinaryData() {
        let list = SystemList.parse([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], file: "tool.exe")
        #expect(list.names.isEmpty)
        #expect(list.problems.first?.message.contains("binary") == true)
    }

    @Test func warnsAboutAnEmptyList() {
        let list = SystemList.parse("# nothing yet\n\n", file: "sys.txt")
        #expect(list.names.isEmpty)
        #expect(list.problems.first?.severity == .warning)
    }

    @Test func mergesListsAndReportsAMissingFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "PC1\nPC2\n".write(to: folder.appendingPathComponent("a.sys.txt"), atomically: true, encoding: .utf8)
        try "pc2\nPC3\n".write(to: folder.appendingPathComponent("b.sys.txt"), atomically: true, encoding: .utf8)
        let a = folder.appendingPathComponent("a.sys.txt").path, b = folder.appendingPathComponent("b.sys.txt").path
        let missing = folder.appendingPathComponent("none.txt").path
        let list = SystemList.read(paths: [a, b, missing])
        #expect(list.names == ["PC1", "PC2", "PC3"])
        #expect(list.problems.contains { $0.file == b && $0.line == 1 && $0.message.contains("PC2 is listed 2 times") })
        #expect(list.problems.contains { $0.file == missing && $0.message.contains("no such file") })
    }
}

@Suite struct StaleStatusTests {
    @Test func keepsTheSeedsWordingExactly() {
        #expect(StaleStatus.ok.rawValue == "OK")
        #expect(StaleStatus.registeredToAnotherSystem.rawValue == "IP registered to another system")
        #expect(StaleStatus.couldNotResolve.rawValue == "Could not Resolve IP")
        #expect(StaleStatus.notInReverseZone.rawValue == "IP Address not found in reverse zone")
        #expect(StaleStatus.allCases.filter(\.isLookupFailure) == [.timedOut, .serverFailure])
        #expect(StaleStatus.allCases.filter(\.suggestsStale) == [.registeredToAnotherSystem, .couldNotResolve])
    }

    @Test func givesTheSeedsFourVerdicts() throws {
        let session = try seedDNS.makeSession()
        #expect(StaleSystemCheck.check("xyz1", session: session)
            == [StaleSystemRow(name: "xyz1", ip: "10.1.0.1", reverse: "abc5.corp.example", status: .registeredToAnotherSystem)])
        #expect(StaleSystemCheck.check("xyz2", session: session)
            == [StaleSystemRow(name: "xyz2", ip: nil, reverse: nil, status: .couldNotResolve)])
        // First labels compared case-insensitively.
        #expect(StaleSystemCheck.check("xyz3", session: session)
            == [StaleSystemRow(name: "xyz3", ip: "10.1.0.3", reverse: "XYZ3.corp.example", status: .ok)])
        #expect(StaleSystemCheck.check("xyz4", session: session)
            == [StaleSystemRow(name: "xyz4", ip: "10.1.0.4", reverse: nil, status: .notInReverseZone)])
    }

    @Test func comparesFirstLabelsOfQualifiedNames() throws {
        let dns = FakeDNS(answers: ["A pc1.corp.example": .records(["10.0.0.1"]),
                                    "PTR 1.0.0.10.in-addr.arpa.": .records(["pc10.corp.example"])])
        #expect(StaleSystemCheck.check("pc1.corp.example", session: dns).map(\.status) == [.registeredToAnotherSystem])
    }

    @Test func givesOneRowPerAddressAndPrefersTheMatchingReverseName() throws {
        let dns = FakeDNS(answers: [
            "A pc1": .records(["10.0.0.1", "10.0.0.2"]), "AAAA pc1": .records(["fd00::1"]),
            "PTR 1.0.0.10.in-addr.arpa.": .records(["old.corp", "PC1.corp"]),
            "PTR 2.0.0.10.in-addr.arpa.": .records(["pc2.corp"]),
            "PTR 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa.": .records(["pc1.corp"]),
        ])
        let rows = StaleSystemCheck.check("pc1", session: dns)
        #expect(rows.map(\.ip) == ["10.0.0.1", "10.0.0.2", "fd00::1"])
        #expect(rows.map(\.status) == [.ok, .registeredToAnotherSystem, .ok])
        #expect(rows[0].reverse == "PC1.corp, old.corp")
    }

    @Test func neverCallsAMachineGoneWhenTheLookupFailed() {
        let timedOut = FakeDNS(answers: ["A pc1": .timedOut])
        #expect(StaleSystemCheck.check("pc1", session: timedOut).map(\.status) == [.timedOut])
        let failedV6 = FakeDNS(answers: ["AAAA pc1": .serverFailure])
        #expect(StaleSystemCheck.check("pc1", session: failedV6).map(\.status) == [.serverFailure])
        let reverseTimedOut = FakeDNS(answers: ["A pc1": .records(["10.0.0.1"]), "PTR 1.0.0.10.in-addr.arpa.": .timedOut])
        let rows = StaleSystemCheck.check("pc1", session: reverseTimedOut)
        #expect(rows == [StaleSystemRow(name: "pc1", ip: "10.0.0.1", reverse: nil, status: .timedOut,
                                        detail: "PTR lookup of 10.0.0.1: no answer within the timeout")])
    }

    @Test func keepsTheAddressesItFoundWhenTheOtherFamilyFailed() {
        let dns = FakeDNS(answers: ["A pc1": .records(["10.0.0.1"]), "AAAA pc1": .timedOut,
                                    "PTR 1.0.0.10.in-addr.arpa.": .records(["pc1.corp"])])
        let rows = StaleSystemCheck.check("pc1", session: dns)
        #expect(rows.map(\.status) == [.ok, .timedOut])
        #expect(rows[1].ip == nil)
        #expect(rows[1].detail?.hasPrefix("AAAA lookup of pc1") == true)
    }
}

@Suite struct DNSNamingTests {
    @Test func buildsReverseNames() {
        #expect(ReverseName.of("10.1.0.4") == "4.0.1.10.in-addr.arpa.")
        #expect(ReverseName.of("2001:db8::1")
            == "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.")
        #expect(ReverseName.of("pc1") == nil)
    }

    @Test func parsesServerAddresses() throws {
        #expect(try DNSServerAddress(parsing: "10.0.0.53") == DNSServerAddress(host: "10.0.0.53", port: 53))
        #expect(try DNSServerAddress(parsing: "127.0.0.1:5353") == DNSServerAddress(host: "127.0.0.1", port: 5353))
        #expect(try DNSServerAddress(parsing: "::1") == DNSServerAddress(host: "::1", port: 53))
        #expect(try DNSServerAddress(parsing: "[::1]:5353") == DNSServerAddress(host: "::1", port: 5353))
        #expect(DNSServerAddress(host: "::1", port: 5353).description == "[::1]:5353")
        for bad in ["dns.corp.example", "10.0.0.53:0", "10.0.0.53:99999", "[::1", "[::1]5353", "10.0.0:53"] {
            #expect(throws: UsageError.self, "\(bad)") { try DNSServerAddress(parsing: bad) }
        }
    }

    @Test func searchesShortNamesInTheDomainsFirst() {
        let candidates = SearchCandidates.make("pc1", searchDomains: ["corp.example", "lab.example."], ndots: 1)
        #expect(candidates.map(\.name) == ["pc1.corp.example.", "pc1.lab.example.", "pc1."])
        #expect(candidates.map(\.counts) == [true, true, false])
        #expect(SearchCandidates.make("pc1.corp.example", searchDomains: ["corp.example"], ndots: 1).map(\.name)
            == ["pc1.corp.example.", "pc1.corp.example.corp.example."])
        #expect(SearchCandidates.make("pc1.", searchDomains: ["corp.example"], ndots: 1).map(\.name) == ["pc1."])
        #expect(SearchCandidates.make("pc1", searchDomains: [], ndots: 1) == [SearchCandidate(name: "pc1.", counts: true)])
    }

    @Test func aFailureInTheSearchDomainsIsNotANotFound() {
        let candidates = SearchCandidates.make("pc1", searchDomains: ["corp.example"], ndots: 1)
        // The domain's server timed out; the root's NXDOMAIN for the bare name must not win.
        var asked: [String] = []
        let timedOut = SearchCandidates.resolve(candidates) { name in
            asked.append(name)
            return .result(name == "pc1.corp.example." ? .timedOut : .notFound)
        }
        #expect(timedOut == .timedOut)
        #expect(asked == ["pc1.corp.example."])
        // A refusal for the bare last-resort name does not turn a not-found into a failure.
        let refusedBare = SearchCandidates.resolve(candidates) { .result($0 == "pc1." ? .serverFailure : .notFound) }
        #expect(refusedBare == .notFound)
        let foundBare = SearchCandidates.resolve(candidates) { .result($0 == "pc1." ? .records(["10.0.0.1"]) : .notFound) }
        #expect(foundBare == .records(["10.0.0.1"]))
    }

    @Test func aNameWithoutRecordsOfTheTypeEndsTheSearch() {
        let candidates = SearchCandidates.make("pc1", searchDomains: ["corp.example", "lab.example"], ndots: 1)
        var asked: [String] = []
        let result = SearchCandidates.resolve(candidates) { name in
            asked.append(name)
            return name == "pc1.corp.example." ? .nameWithoutRecords : .result(.records(["10.9.9.9"]))
        }
        #expect(result == .notFound)
        #expect(asked == ["pc1.corp.example."])
    }

    @Test func comparesFirstLabels() {
        #expect(MachineName.firstLabel("XYZ3.corp.example") == "xyz3")
        #expect(MachineName.firstLabel("a\\.b.corp") == "a\\.b")
        #expect(MachineName.firstLabel("pc1") == "pc1")
    }
}

/// Counts lookups in flight; each takes a little while so the workers overlap.
private final class InFlightDNS: DNSResolving, DNSSession, @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var peak = 0
    private(set) var sessions = 0

    func makeSession() throws -> any DNSSession {
        lock.withLock { sessions += 1 }
        return self
    }

    func lookup(_ name: String, _ type: DNSRecordType) -> DNSLookupResult {
        lock.withLock { current += 1; peak = max(peak, current) }
        usleep(500)
        lock.withLock { current -= 1 }
        switch type {
        case .a: return .records(["10.0.\(name.dropFirst(2).count).1"])
        case .aaaa: return .notFound
        case .ptr: return .records([String(name)])
        }
    }
}

@Suite struct StaleSystemRunTests {
    @Test func boundsQueriesInFlightAndKeepsListOrder() throws {
        let dns = InFlightDNS()
        let names = (1...400).map { "pc\($0)" }
        let seen = ProgressLog()
        let rows = try StaleSystemCheck.run(names: names, resolver: dns, concurrency: 8) { seen.add($0) }
        #expect(rows.map(\.name) == names)
        #expect(dns.peak <= 8)
        #expect(dns.peak >= 2)
        #expect(dns.sessions == 8)
        #expect(seen.completed.sorted() == Array(1...400))
        #expect(Set(seen.indexes) == Set(0..<400))
    }

    @Test func usesNoMoreWorkersThanNames() throws {
        let dns = InFlightDNS()
        _ = try StaleSystemCheck.run(names: ["pc1", "pc2"], resolver: dns, concurrency: 50)
        #expect(dns.sessions == 2)
        #expect(try StaleSystemCheck.run(names: [], resolver: dns, concurrency: 4).isEmpty)
    }

    @Test func stopsTakingMachinesWhenCancelled() throws {
        let dns = InFlightDNS()
        let cancellation = StaleCheckCancellation()
        let rows = try StaleSystemCheck.run(names: (1...2000).map { "pc\($0)" }, resolver: dns, concurrency: 2,
                                            cancellation: cancellation) { step in
            if step.completed == 10 { cancellation.cancel() }
        }
        #expect(rows.count >= 10)
        #expect(rows.count < 2000)
    }

    @Test func reportsASetupFailureBeforeRunning() {
        struct Broken: DNSResolving {
            func makeSession() throws -> any DNSSession { throw DNSSetupError("no configuration") }
        }
        #expect(throws: DNSSetupError.self) { try StaleSystemCheck.run(names: ["pc1"], resolver: Broken(), concurrency: 4) }
    }

    @Test func refusesANamedServerAtSetup() {
        // Never reaches the network: the address is checked before any query.
        #expect(throws: DNSSetupError.self) {
            try SystemResolver(server: DNSServerAddress(host: "not-an-address", port: 53)).makeSession()
        }
    }
}

private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var completed: [Int] = []
    private(set) var indexes: [Int] = []
    func add(_ step: StaleCheckProgress) {
        lock.withLock {
            completed.append(step.completed)
            indexes.append(step.index)
        }
    }
}

@Suite struct StaleSystemOutputTests {
    private let seedRows = [
        StaleSystemRow(name: "xyz1", ip: "10.1.0.1", reverse: "abc5", status: .registeredToAnotherSystem),
        StaleSystemRow(name: "xyz2", ip: nil, reverse: nil, status: .couldNotResolve),
        StaleSystemRow(name: "xyz3", ip: "10.1.0.3", reverse: "xyz3", status: .ok),
        StaleSystemRow(name: "xyz4", ip: "10.1.0.4", reverse: nil, status: .notInReverseZone),
    ]

    @Test func printsTheSeedsTable() {
        let table = StaleSystemOutput.table(seedRows).map(\.plainText).joined(separator: "\n")
        #expect(table == """
            Name IP       Reverse Status
            ---- --       ------- ------
            xyz1 10.1.0.1 abc5    IP registered to another system
            xyz2 -        -       Could not Resolve IP
            xyz3 10.1.0.3 xyz3    OK
            xyz4 10.1.0.4 -       IP Address not found in reverse zone
            """)
    }

    @Test func marksOnlyTheStatusWithItsMeaning() {
        let lines = StaleSystemOutput.table(seedRows)
        #expect(lines[4].runs == [StyledText.Run("xyz3 10.1.0.3 xyz3    ", .plain), StyledText.Run("OK", .success)])
        #expect(lines[0].runs.allSatisfy { $0.meaning == .plain })
    }

    @Test func writesCSVAndJSON() {
        #expect(CSVRow.render(StaleSystemOutput.csvHeader) == "Name,IP,Reverse,Status")
        #expect(StaleSystemOutput.csv(seedRows[1]) == "xyz2,,,Could not Resolve IP")
        #expect(StaleSystemOutput.json(seedRows[0])
            == #"{"name":"xyz1","ip":"10.1.0.1","reverse":"abc5","status":"IP registered to another system"}"#)
        #expect(StaleSystemOutput.json(seedRows[3])
            == #"{"name":"xyz4","ip":"10.1.0.4","reverse":null,"status":"IP Address not found in reverse zone"}"#)
    }

    @Test func escapesAHostileReverseName() {
        let row = StaleSystemRow(name: "pc1", ip: "10.0.0.1", reverse: "evil\u{1B}]0;owned\u{7}", status: .registeredToAnotherSystem)
        let text = StaleSystemOutput.table([row]).map(\.plainText).joined()
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("evil^[]0;owned^G"))
    }
}

/// A failed lookup is read by how long it took: a server that said it failed answers at once; one
/// that never answered leaves the query waiting out its timeout, whatever error glibc leaves.
@Suite struct LookupFailureTimingTests {
    @Test func aFailureAfterTheWholeTimeoutIsATimeout() {
        #expect(SystemResolverSession.failure(waited: 2.05, timeoutSeconds: 2) == .timedOut)
        #expect(SystemResolverSession.failure(waited: 4.0, timeoutSeconds: 2) == .timedOut)
        #expect(SystemResolverSession.failure(waited: 0.01, timeoutSeconds: 2) == .serverFailure)
        #expect(SystemResolverSession.failure(waited: 1.2, timeoutSeconds: 2) == .serverFailure)
    }
}
