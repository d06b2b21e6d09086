import Foundation

/// The software-update lines of UpdatesDeployment.log, UpdatesHandler.log, WUAHandler.log and
/// UpdatesStore.log, read.
///
/// Shapes from the real logs of one client in `../shared/corpus/real` (findingsanity: `Update
/// (Site_…/SUM_<guid>) added to the targeted list of deployment ({…})`, `Raised assignment … StateName =
/// ASSIGNMENT_EVALUATE_SUCCESS`, `IsCompliant = True`, `Updates scan completion received, result =
/// 0x0.`, `Successfully completed scan.`, `Queried Update (<guid>): Status=Installed, Title=…`) and
/// from Microsoft Learn, "Track the software update deployment process in Configuration Manager"
/// (`Update (…) Progress: Status = ciStateDownloading, PercentComplete = 0, Result = 0x0`, `Update 1
/// (<guid>) finished installing (0x00000000), Reboot Required? No`).
enum UpdatesLine: Equatable {
    case targeted(update: String, title: String?, article: String?, assignment: String?)
    case progress(update: String, status: String, result: Int?)
    case finishedInstalling(update: String, result: Int, rebootRequired: Bool)
    case failedToInstall(update: String, error: Int)
    case queried(update: String, status: String, title: String?, article: String?)
    case storeState(update: String, state: String)
    case scanStarted
    case scanCompleted(result: Int)
    case evaluated(assignment: String, state: String)
    case compliance(assignment: String, compliant: Bool)
    case installStarted
    case installCompleted

    static func parse(_ message: String) -> UpdatesLine? {
        let first = message.prefix { $0 != "\n" && $0 != "\r" }
        if first.hasPrefix("Update (") {
            guard let id = between(first, "Update (", ")") else { return nil }
            let update = updateID(id)
            if first.contains(" added to the targeted list of deployment ") {
                let title = name(in: first, after: " Name (", before: ") ArticleID (").map(String.init)
                let article = between(first, "ArticleID (", ")").map(String.init) ?? title.flatMap(kb)
                let assignment = first.range(of: "deployment (", options: .backwards)
                    .flatMap { between(first[$0.lowerBound...], "(", ")") }.map(String.init)
                return .targeted(update: update, title: title, article: article, assignment: assignment)
            }
            if let status = between(first, "Progress: Status = ", ",") ?? first.range(of: "Progress: Status = ").map({ first[$0.upperBound...] }) {
                let result = first.range(of: "Result = ").flatMap { ExecutionCode.parse(first[$0.upperBound...].prefix { $0 != "," && $0 != " " }) }
                return .progress(update: update, status: String(status), result: result)
            }
            return nil
        }
        if first.hasPrefix("Update "), let open = first.range(of: " ("), first.contains(") finished installing (") {
            guard let id = between(first[open.lowerBound...], "(", ")"),
                  let code = between(first, "finished installing (", ")").flatMap({ ExecutionCode.parse($0) }) else { return nil }
            let reboot = first.range(of: "Reboot Required? ").map { first[$0.upperBound...].lowercased().hasPrefix("yes") } ?? false
            return .finishedInstalling(update: updateID(id), result: code, rebootRequired: reboot)
        }
        if first.hasPrefix("Queried Update ("), let id = between(first, "Queried Update (", ")") {
            let status = between(first, "Status=", ",").map(String.init) ?? "?"
            let title = between(first, "Title=", ", BulletinID=").map(String.init)
            let article = between(first, "QNumbers=", ",").flatMap { $0.isEmpty ? nil : String($0) } ?? title.flatMap(kb)
            return .queried(update: updateID(id), status: status, title: title, article: article)
        }
        if first.hasPrefix("Successfully raised state message for update ("),
           let id = between(first, "update (", ")"), let state = between(first, "with state (", ")") {
            return .storeState(update: updateID(id), state: String(state))
        }
        if first.range(of: "failed to install", options: .caseInsensitive) != nil,
           let id = between(first, "(", ")"), let error = first.range(of: "error = ").flatMap({ ExecutionCode.parse(first[$0.upperBound...].prefix { !$0.isWhitespace && $0 != "," && $0 != "." }) }) {
            return .failedToInstall(update: updateID(id), error: error)
        }
        if first.hasPrefix("Initiating updates scan") { return .scanStarted }
        if first.hasPrefix("Updates scan completion received, result = ") {
            let digits = first.dropFirst("Updates scan completion received, result = ".count).prefix { $0 != "." && $0 != " " }
            return ExecutionCode.parse(digits).map { .scanCompleted(result: $0) }
        }
        if first.hasPrefix("Successfully completed scan") { return .scanCompleted(result: 0) }
        if first.hasPrefix("Scan failed with error = ") {
            let digits = first.dropFirst("Scan failed with error = ".count).prefix { $0 != "." && $0 != " " }
            return ExecutionCode.parse(digits).map { .scanCompleted(result: $0) }
        }
        if first.hasPrefix("Raised assignment (TopicID) ("), let assignment = between(first, "(TopicID) (", ")") {
            if let state = between(first, "StateName = ", ",") { return .evaluated(assignment: String(assignment), state: String(state)) }
            if let compliant = first.range(of: "IsCompliant = ") {
                return .compliance(assignment: String(assignment), compliant: first[compliant.upperBound...].lowercased().hasPrefix("true"))
            }
        }
        if first.hasPrefix("Async installation of updates started") { return .installStarted }
        if first.hasPrefix("Installation of updates completed") || first.hasPrefix("Async install completed") { return .installCompleted }
        return nil
    }

    /// `Site_A70…/SUM_d86df50b-…` and `d86df50b-…` are the same update: its GUID, lowercased.
    static func updateID(_ id: Substring) -> String {
        let guid = id.range(of: "SUM_").map { id[$0.upperBound...] } ?? id
        return guid.lowercased()
    }

    /// `KB4589208` out of a title that names it.
    static func kb(_ title: String) -> String? {
        guard let range = title.range(of: "(KB") else { return nil }
        let digits = title[range.upperBound...].prefix { $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }
}
