import ArgumentParser
import CMLensCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "What an error code means, and whether ConfigMgr retries it.",
        discussion: """
            CODE may be decimal (5, 1618), negative (-2147024891), unsigned (2147942405), hex (0x80070057, \
            0x80070057L) or bare hex as logs print it (80070057, 87d00324). Bare digits that read both ways \
            (1645) show both readings, the likelier first. A log line in quotes explains every code in it.
            """)

    // `.allUnrecognized` so that negative codes (-2147024891) are codes, not unknown options.
    @Argument(parsing: .allUnrecognized, help: "Error codes, or log text holding them.")
    var codes: [String] = []

    @Option(name: .customLong("site-control"), help: "Site control file whose retry policy to use (default: ConfigMgr's defaults).")
    var siteControl: String?

    @Option(help: "text or json (one object per reading).")
    var format: OutputFormat = .text

    func run() throws {
        guard codes.contains(where: { $0 != "--" }) else { throw UsageError("explain needs at least one CODE, e.g. cmlens explain 1618 0x80070005") }
        guard format != .csv else { throw UsageError("--format csv: explain prints text or json") }
        let (policy, problems) = RetryPolicy.load(siteControlPath: siteControl)
        Diagnostics.report(problems)
        let explainer = ErrorExplainer(policy: policy)
        var explanations: [ErrorExplanation] = []
        // `--` may come through `.allUnrecognized`; it only marks the end of the options.
        for code in codes where code != "--" {
            do {
                explanations += try explainer.explain(code)
            } catch {
                // Not a number: maybe a log line that holds codes (`(Error: 80070057; Source: Windows)`).
                let found = explainer.explain(text: code).map(\.explanation)
                guard !found.isEmpty else { throw UsageError(error.description) }
                explanations += found
            }
        }
        let out = StandardOutput.shared
        let style = TextStyle(enabled: format == .text && Diagnostics.colorOnStdout)
        for (k, explanation) in explanations.enumerated() {
            switch format {
            case .json: out.line(ErrorExplanationOutput.json(explanation))
            default:
                if k > 0 { out.line("") }
                for line in ErrorExplanationOutput.text(explanation, style: style) { out.line(line) }
            }
        }
        out.flush()
        if problems.contains(where: { $0.severity == .error }) { throw InputHadErrors() }
    }
}
