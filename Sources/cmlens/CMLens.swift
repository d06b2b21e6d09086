import ArgumentParser

struct CMLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cmlens",
        abstract: "A console for Configuration Manager client troubleshooting: logs, executions, error codes, hotfixes, faults, stale systems.",
        discussion: "With no subcommand, opens the console on the given paths (the bundled Samples/ when none).",
        version: CMLensVersion.text,
        subcommands: [
            ConsoleCommand.self, LogCommand.self, ExplainCommand.self, RetryCodesCommand.self, TimelineCommand.self,
            ComplianceCommand.self, SQLCommand.self, DiagnoseCommand.self, StaleCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}
