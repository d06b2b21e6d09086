/// What a piece of output means, in the domain's words. The core says what text is; each front end
/// decides how it looks: the command line with ANSI colours, the console with its theme's roles.
///
/// Two meanings may look alike in one front end and apart in another (`failure` and `error` are
/// both red on the command line, where only `error` is bold).
public enum Meaning: String, Sendable, Hashable, CaseIterable {
    /// Text with nothing to say about itself.
    case plain
    /// A status that is neither good nor bad (a step that started, an exit code that is no exit
    /// code here): shown as plain text, but set apart as a status.
    case neutral
    /// What a block is about: a client, a KB, a program, an error code being explained.
    case heading
    /// The key of a row within a block: a code in the retry list.
    case emphasis
    /// An error code's symbolic name (`ERROR_INSTALL_ALREADY_RUNNING`).
    case name
    /// The component that wrote a log line.
    case component
    /// What a reader skims: times, `file:line`, labels, reasoning, sources.
    case dim
    /// A verbose log line: detail for a close reading.
    case verbose
    /// An informational log line or finding.
    case info
    /// It went well: an execution succeeded, a hotfix is installed, DNS agrees.
    case success
    /// It failed, and ConfigMgr runs it again.
    case retry
    /// Worth a look: a warning, a state still waiting, a hotfix nobody can tell.
    case warning
    /// An execution or a step that failed.
    case failure
    /// An error: an error log line or finding, a missing hotfix, a stale DNS record.
    case error
    /// Nothing could be told: a DNS server that did not answer.
    case inconclusive
    /// Something cmlens does not recognise (a state execmgr wrote that the model does not know):
    /// shown so that a reader looks at it.
    case unrecognised
}
