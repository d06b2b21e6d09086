/// What Microsoft's log file reference says about one log: what it records, on which computer, and
/// under which feature, once per section that lists it (execmgr.log is under "Client operations"
/// and under "Packages and programs", with two wordings).
public struct LogFileDescription: Sendable, Hashable {
    /// How the file name asked about was recognised as the log.
    public enum Match: String, Sendable, Hashable {
        /// The log's own name, in any case (`EXECMGR.LOG`).
        case name
        /// A rotated copy: `execmgr-20110315-140500.log`, `execmgr.lo_`.
        case rotation
        /// A copy renamed with a suffix: `execmgr.PC042-1.log`, `execmgr (2).log`.
        case copy
        /// A name the reference writes with a placeholder: `CCMClient-<date_time>.log`.
        case pattern
    }

    public struct Entry: Sendable, Hashable {
        /// The log's name as this row writes it (`Smsts.log`, `CCMClient-<date_time>.log`).
        public var log: String
        public var description: String
        /// "Computer with log file"; empty for the tables that have no such column (Client operations,
        /// Client installation, Client for Mac computers), where the log is the client's.
        public var computer: String
        /// Headings above the table: "Log files by functionality > Application management".
        public var section: String
        public var document: MicrosoftDocument
    }

    /// The file name as given.
    public var fileName: String
    /// The log's name as the reference writes it (the first row's).
    public var log: String
    public var match: Match
    public var entries: [Entry]

    /// One line for a status bar or a list: what the first section says the log records (the
    /// client sections come first in the page, so a client log reads as a client log).
    public var summary: String { entries.first?.description ?? "" }

    /// The pages the entries come from, each once, for the citation.
    public var documents: [MicrosoftDocument] {
        entries.reduce(into: [MicrosoftDocument]()) { if !$0.contains($1.document) { $0.append($1.document) } }
    }
}
