/// The `--format` of every headless command.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, csv
}
