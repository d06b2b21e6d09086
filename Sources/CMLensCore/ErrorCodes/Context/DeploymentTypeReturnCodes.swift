/// How an application's deployment type reads its installer's exit code (AppEnforce.log): through
/// the deployment type's return-code table, not the site's retry list. The defaults every Windows
/// Installer and script deployment type starts with are below; an administrator may add codes to a
/// deployment type, which cmlens cannot see from a code alone, and says so.
public enum DeploymentTypeReturnCodes {
    /// The default table: code → (the table's code type, what the client does).
    public static let defaults: [(code: Int, type: String, meaning: String)] = [
        (0, "Success", "the installation succeeded; the client runs the detection method to confirm it."),
        (1707, "Success", "the installation succeeded; the client runs the detection method to confirm it."),
        (3010, "Soft Reboot", "the installation succeeded and needs a restart, which the deployment's restart settings schedule."),
        (1641, "Hard Reboot", "the installation succeeded and the installer has started a restart."),
        (1618, "Fast Retry", "another installation was in progress; the client tries the installation again later."),
    ]

    static func judge(_ bits: ErrorCodeBits, policySource: String) -> ExitCodeVerdict {
        let code = bits.signed
        if let row = defaults.first(where: { $0.code == code }) {
            let tone: ExitCodeVerdict.Tone = row.type == "Fast Retry" ? .retry : .success
            return ExitCodeVerdict(retried: nil, reason: "A deployment type's exit code: its default return-code table "
                                   + "matches \(code) to \(row.type): \(row.meaning)", policySource: policySource,
                                   label: row.type, tone: tone)
        }
        return ExitCodeVerdict(retried: nil, reason: "A deployment type's exit code: the default return-code table (0 and 1707 "
                               + "Success, 3010 Soft Reboot, 1641 Hard Reboot, 1618 Fast Retry) does not match \(code), so "
                               + "AppEnforce logs 'Unmatched exit code (\(code)) is considered an execution failure' unless the "
                               + "deployment type's own table lists it. The site's retry list does not apply to applications.",
                               policySource: policySource, label: "failure", tone: .failure)
    }
}
