import CMLensCore
import Foundation

/// A deterministic workspace of ConfigMgr client logs for the benchmark: one folder per client, ten
/// CCM logs each, CMTrace records with CRLF endings as the client writes them, and the awkward parts
/// in realistic proportions — multi-line messages (WMI event blocks, policy XML), legacy SMS lines,
/// and cut-off or garbled lines. The same arguments always give the same bytes: every client draws
/// from its own generator seeded by (seed, client number), so clients can be written in parallel.
struct CorpusGenerator {
    var clients: Int
    var recordsPerLog: Int
    var seed: UInt64

    /// Share of records whose message spans several lines, is a legacy SMS line, or is damaged.
    static let multiLineShare = 0.08
    static let legacyShare = 0.01
    static let damagedShare = 0.002

    func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let lock = NSLock()
        nonisolated(unsafe) var failure: Error?
        DispatchQueue.concurrentPerform(iterations: clients) { index in
            do {
                try writeClient(index, under: directory)
            } catch {
                lock.withLock { failure = failure ?? error }
            }
        }
        if let failure { throw failure }
    }

    private func writeClient(_ index: Int, under directory: String) throws {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index))
        let name = String(format: "WKS-%05d", index + 1)
        let folder = directory + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bias = [300, 360, 420, 480, -60, -120, 0][random.below(7)]
        let firstDay = 15_000 + random.below(900)  // days since 1970: 2011–2013
        for log in LogKind.all {
            var text = LogText()
            var millisecond = Int64(firstDay) * 86_400_000 + Int64(random.below(86_400_000))
            let threads = (0..<3).map { _ in 1000 + random.below(9000) }
            for _ in 0..<recordsPerLog {
                millisecond += Int64(1 + random.below(random.below(10) == 0 ? 60_000 : 900))
                let record = RecordDraw(log: log, millisecond: millisecond, bias: bias,
                                        thread: threads[random.below(threads.count)], client: name)
                let roll = random.unit()
                if roll < Self.damagedShare {
                    text.damaged(record, &random)
                } else if roll < Self.damagedShare + Self.legacyShare {
                    text.legacy(record, &random)
                } else {
                    text.cmtrace(record, multiLine: roll < Self.damagedShare + Self.legacyShare + Self.multiLineShare,
                                 &random)
                }
            }
            guard FileManager.default.createFile(atPath: folder + "/" + log.file, contents: Data(text.bytes)) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder + "/" + log.file])
            }
        }
    }
}

/// The corpus's draws, fixed forever like SplitMix64 itself (the standard library's
/// `random(in:using:)` may change how it maps numbers to a range).
extension SplitMix64 {
    /// Uniform in 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(next().multipliedFullWidth(by: UInt64(bound)).high) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func hex(_ digits: Int) -> String {
        String((0..<digits).map { _ in Array("0123456789ABCDEF")[below(16)] })
    }
    mutating func guid() -> String { "{\(hex(8))-\(hex(4))-\(hex(4))-\(hex(4))-\(hex(12))}" }
}

/// One of the ten CCM logs every client folder holds, with the components and sources that write it.
struct LogKind: Sendable {
    var file: String
    var components: [String]
    var sources: [String]
    /// One-line messages, and messages that span lines (an event block, policy XML).
    var messages: [@Sendable (inout SplitMix64) -> String]
    var blocks: [@Sendable (inout SplitMix64) -> String] = []

    static let all: [LogKind] = [
        LogKind(file: "execmgr.log", components: ["execmgr"],
                sources: ["execreqmgr.cpp", "executionrequest.cpp", "softdistprogram.cpp"], messages: [
                    { r in "Execution Request for package \(Self.package(&r)) program \(r.pick(Self.programs)) state change from \(r.pick(Self.states)) to \(r.pick(Self.states))" },
                    { r in "Program \(r.pick(Self.programs)) exit code \(r.pick([0, 0, 0, 1, 999, 3010, 1618]))" },
                ], blocks: [
                    { r in "Raising event:\n[SMS_CodePage(437), SMS_LocaleID(1033)]\ninstance of SoftDistProgramStartedEvent\n{\n\tAdvertisementId = \"\(Self.package(&r))\";\n\tClientID = \"GUID:\(r.guid())\";\n\tCommandLine = \"setup.exe /q\";\n\tDateTime = \"20110114151531.123000+000\";\n};" },
                ]),
        LogKind(file: "CAS.log", components: ["ContentAccess"],
                sources: ["contentaccessservice.cpp", "cachemanager.cpp"], messages: [
                    { r in "Download request only, ContentID:\(Self.package(&r)), Version:\(r.below(9) + 1)" },
                    { r in "Location update from CTM for content \(Self.package(&r)).\(r.below(9) + 1) and request \(r.guid())" },
                    { r in "Saved Content ID Mapping \(Self.package(&r)), C:\\WINDOWS\\system32\\CCM\\Cache\\\(Self.package(&r)).System" },
                ]),
        LogKind(file: "ClientIDManagerStartup.log", components: ["ClientIdManagerStartup"],
                sources: ["ccmid.cpp", "regtask.cpp"], messages: [
                    { r in "RegTask: Failed to refresh site code. Error: 0x\(r.pick(["80004005", "8000ffff", "87d00215"]))" },
                    { r in "Client is not registered. Sending registration request for GUID:\(r.guid()) ..." },
                    { _ in "[RegTask] - Sleeping for 60 seconds ..." },
                ]),
        LogKind(file: "UpdateHandler.log", components: ["UpdatesHandler"],
                sources: ["updateshandler.cpp", "cupdatesjob.cpp"], messages: [
                    { r in "Failed to install update \(r.guid()), error = 0x\(r.pick(["80040669", "80070005", "8024402c"]))" },
                    { r in "Update (\(r.guid())) Progress: Status = ciStateDownloading, PercentComplete = \(r.below(101))" },
                ]),
        LogKind(file: "PolicyAgent.log", components: ["PolicyAgent_ReplyAssignments", "PolicyAgent_PolicyDownload"],
                sources: ["policyagent.cpp", "policydownload.cpp"], messages: [
                    { r in "Policy download for \(r.guid()) completed (\(r.below(40)) policies)" },
                ], blocks: [
                    { r in "Raising event:\n<PolicyAssignment PolicyAssignmentID=\"\(r.guid())\">\n  <Condition><Expression>\(r.pick(["x86", "x64"]))</Expression></Condition>\n  <Policy PolicyID=\"\(Self.package(&r))-\(r.hex(8))\" PolicyVersion=\"\(r.below(20))\"/>\n</PolicyAssignment>" },
                ]),
        LogKind(file: "LocationServices.log", components: ["LocationServices"], sources: ["lsad.cpp", "lsutils.cpp"],
                messages: [
                    { r in "Current AD site of machine is \(r.pick(["HQ", "Branch-\(r.below(40))", "Lab"]))" },
                    { r in "Attempting to retrieve local MP from AD, site code \(r.pick(["XYZ", "ABC", "LAB"]))" },
                ]),
        LogKind(file: "ContentTransferManager.log", components: ["ContentTransferManager"], sources: ["ctmjob.cpp"],
                messages: [
                    { r in "CTM job \(r.guid()) entered state \(r.pick(["Pending", "Downloading", "Complete", "Suspended"]))" },
                ]),
        LogKind(file: "DataTransferService.log", components: ["DataTransferService"], sources: ["dtsjob.cpp"],
                messages: [
                    { r in "DTSJob \(r.guid()) in state '\(r.pick(["DownloadingData", "RetryingBITS", "Complete"]))'." },
                    { r in "BITS job \(r.guid()) transferred \(r.below(1 << 20)) bytes of \(1 << 20)" },
                ]),
        LogKind(file: "InventoryAgent.log", components: ["InventoryAgent"], sources: ["invagent.cpp", "collectiontask.cpp"],
                messages: [
                    { r in "Collection: Namespace = \\\\.\\root\\cimv2; Query = SELECT * FROM Win32_\(r.pick(["Processor", "DiskDrive", "Service"])); Timeout = 600 secs." },
                    { r in "Inventory: Action completed with \(r.below(4000)) instances" },
                ]),
        LogKind(file: "StatusAgent.log", components: ["StatusAgent"], sources: ["statusagent.cpp"], messages: [
            { r in "Sent status message \(r.below(20000)) for \(Self.package(&r))" },
        ]),
    ]

    static let programs = ["Office 2010 Setup", "Adobe Reader X", "Visio Viewer", "Silent", "Per-system attended"]
    static let states = ["Running", "Ready", "NotifyExecution", "WaitingContent", "FailureRetry", "WaitingRetry", "Success"]
    static func package(_ r: inout SplitMix64) -> String { String(format: "XYZ%05d", r.below(400)) }
}

/// The parts of one record that do not depend on its kind.
struct RecordDraw {
    var log: LogKind
    var millisecond: Int64
    var bias: Int
    var thread: Int
    var client: String

    /// Local time as written: `HH:MM:SS.mmm` and `MM-DD-YYYY`, where local = UTC − bias.
    var localClock: (time: String, date: String) {
        let local = millisecond - Int64(bias) * 60_000
        let day = Int(local / 86_400_000), ms = Int(local % 86_400_000)
        let (year, month, dayOfMonth) = Self.civil(day)
        return (String(format: "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000),
                String(format: "%02d-%02d-%04d", month, dayOfMonth, year))
    }

    var biasText: String { bias < 0 ? String(format: "-%03d", -bias) : String(format: "+%03d", bias) }

    /// Days since 1970 to (year, month, day) in the proleptic Gregorian calendar.
    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A log file's bytes as they are built.
struct LogText {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func cmtrace(_ record: RecordDraw, multiLine: Bool, _ random: inout SplitMix64) {
        var message: String
        if !multiLine {
            message = random.pick(record.log.messages)(&random)
        } else if !record.log.blocks.isEmpty {
            message = random.pick(record.log.blocks)(&random)
        } else {
            // Logs without a block of their own still get wrapped detail lines, as error dumps do.
            message = random.pick(record.log.messages)(&random) + "\n\tat " + random.guid() + "\n\tdetail 0x" + random.hex(8)
        }
        let (time, date) = record.localClock
        let type = random.below(100) < 4 ? 3 : random.below(100) < 8 ? 2 : 1
        append("<![LOG[" + message.replacingOccurrences(of: "\n", with: "\r\n") + "]LOG]!><time=\"\(time)\(record.biasText)\" date=\"\(date)\" component=\"\(random.pick(record.log.components))\" context=\"\" type=\"\(type)\" thread=\"\(record.thread)\" file=\"\(random.pick(record.log.sources)):\(random.below(3000))\">\r\n")
    }

    /// `message  $$<Component><MM-DD-YYYY HH:MM:SS.mmm+bias><thread=N (0xN)>`, as SMS 2003 clients wrote.
    mutating func legacy(_ record: RecordDraw, _ random: inout SplitMix64) {
        let (time, date) = record.localClock
        let message = random.pick(record.log.messages)(&random)
        append("\(message)  $$<\(random.pick(record.log.components))><\(date) \(time)\(record.biasText)><thread=\(record.thread) (0x\(String(record.thread, radix: 16, uppercase: true)))>\r\n")
    }

    /// A record cut off by a crash or a full disk, or bytes that are not text at all.
    mutating func damaged(_ record: RecordDraw, _ random: inout SplitMix64) {
        switch random.below(3) {
        case 0:
            append("<![LOG[\(random.pick(record.log.messages)(&random).prefix(30))\r\n")
        case 1:
            bytes.append(contentsOf: (0..<(8 + random.below(40))).map { _ in UInt8(0x80 + random.below(128)) })
            append("\r\n")
        default:
            append("\r\n")
        }
    }
}
