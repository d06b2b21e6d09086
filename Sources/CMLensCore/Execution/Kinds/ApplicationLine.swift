import Foundation

/// The application lines of AppEnforce.log, AppDiscovery.log and AppIntentEval.log, read.
///
/// Shapes from a published AppEnforce.log (pastebin.com/wCS9QPei: `+++ Starting Install enforcement
/// for App DT "NAME" ApplicationDeliveryType - ScopeId_…/DeploymentType_…, Revision - 4, ContentPath -
/// …, Execution Context - Any`, `Performing detection of app deployment type NAME(ScopeId_…, revision 4)
/// for system.`, `+++ Application not discovered. [AppDT Id: ScopeId_…, Revision: 4]`, the `App
/// enforcement environment:` block with `Context: Machine`) and the excerpts issue 19 quotes (`Process
/// 1234 terminated with exitcode: 1603`, `Unmatched exit code (1603) is considered an execution
/// failure.`, `Matched exit code 3010 to a SoftReboot entry in exit codes table.`, `App enforcement
/// completed (97 seconds)`).
enum ApplicationLine: Equatable {
    case enforcementStarted(action: String, name: String, deploymentType: String, revision: String?, context: String?)
    case detecting(deploymentType: String, revision: String?)
    case detected(deploymentType: String, revision: String?, present: Bool)
    case environment(context: String?)
    case commandPrepared(String)
    case commandExecuted(String)
    case postInstall(String)
    case processExit(Int)
    case unmatchedExitCode(Int)
    case matchedExitCode(Int, entry: String)
    case completed(seconds: Int?, deploymentType: String?)
    case intent(deploymentType: String, revision: String?, currentState: String)
    case notDetectedAfterInstall

    static func parse(_ message: String) -> ApplicationLine? {
        let first = message.prefix { $0 != "\n" && $0 != "\r" }
        if first.hasPrefix("+++ Starting "), let mark = first.range(of: " enforcement for App DT \"") {
            let action = String(first[first.index(first.startIndex, offsetBy: "+++ Starting ".count)..<mark.lowerBound])
            let rest = first[mark.upperBound...]
            let name = rest.range(of: "\" ApplicationDeliveryType - ").map { rest[..<$0.lowerBound] } ?? rest.prefix { $0 != "\"" }
            guard let dt = deploymentType(in: first) else { return nil }
            let revision = between(first, "Revision - ", ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            let context = first.range(of: "Execution Context - ").map { String(first[$0.upperBound...]).trimmingCharacters(in: .whitespaces) }
            return .enforcementStarted(action: action, name: String(name), deploymentType: dt, revision: revision, context: context)
        }
        if first.hasPrefix("Performing detection of app deployment type "), let dt = deploymentType(in: first) {
            return .detecting(deploymentType: dt, revision: revision(in: first))
        }
        if first.hasPrefix("+++ Application not discovered"), let dt = deploymentType(in: first) {
            return .detected(deploymentType: dt, revision: revision(in: first), present: false)
        }
        if first.hasPrefix("+++ Discovered application"), let dt = deploymentType(in: first) {
            return .detected(deploymentType: dt, revision: revision(in: first), present: true)
        }
        if first.hasPrefix("App enforcement environment:") {
            let context = message.split(whereSeparator: \.isNewline).first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Context: ") }
                .map { String($0.trimmingCharacters(in: .whitespaces).dropFirst("Context: ".count)) }
            return .environment(context: context)
        }
        if first.hasPrefix("Prepared command line: ") { return .commandPrepared(String(first.dropFirst("Prepared command line: ".count))) }
        if first.hasPrefix("Executing Command line: ") { return .commandExecuted(String(first.dropFirst("Executing Command line: ".count))) }
        if first.hasPrefix("Post install behavior is ") { return .postInstall(String(first.dropFirst("Post install behavior is ".count))) }
        if first.hasPrefix("Process "), let mark = first.range(of: " terminated with exitcode: ") {
            return ExecutionCode.parse(first[mark.upperBound...]).map { .processExit($0) }
        }
        if first.hasPrefix("Unmatched exit code ("), let code = between(first, "(", ")").flatMap({ ExecutionCode.parse($0) }) {
            return .unmatchedExitCode(code)
        }
        if first.hasPrefix("Matched exit code "), let mark = first.range(of: " to a ") {
            let code = ExecutionCode.parse(first[first.index(first.startIndex, offsetBy: "Matched exit code ".count)..<mark.lowerBound])
            let entry = first[mark.upperBound...].prefix { $0 != " " }
            return code.map { .matchedExitCode($0, entry: String(entry)) }
        }
        if first.contains("App enforcement completed (") {
            let seconds = between(first, "completed (", " seconds").flatMap { Int($0) }
            return .completed(seconds: seconds, deploymentType: deploymentType(in: first))
        }
        if first.contains(":- Current State = ") || first.contains(" :- Current State = "), let dt = deploymentType(in: first) {
            let state = between(first, "Current State = ", ",").map(String.init)
                ?? String(first[first.range(of: "Current State = ")!.upperBound...])
            return .intent(deploymentType: dt, revision: nil, currentState: state)
        }
        if first.range(of: "87d00324", options: .caseInsensitive) != nil { return .notDetectedAfterInstall }
        return nil
    }

    /// `ScopeId_…/DeploymentType_…` wherever the line names it.
    static func deploymentType(in text: Substring) -> String? {
        guard let start = text.range(of: "ScopeId_") else { return nil }
        let id = text[start.lowerBound...].prefix { !" ,]):\"".contains($0) }
        guard id.contains("/DeploymentType_") else { return nil }
        // AppIntentEval writes the revision after a last slash (`…/DeploymentType_…/4`).
        let parts = id.split(separator: "/")
        return parts.prefix(2).joined(separator: "/")
    }

    static func revision(in text: Substring) -> String? {
        for marker in ["revision ", "Revision: ", "Revision - "] {
            if let range = text.range(of: marker) {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if !digits.isEmpty { return String(digits) }
            }
        }
        return nil
    }
}
