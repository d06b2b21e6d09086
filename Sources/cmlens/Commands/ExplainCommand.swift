import ArgumentParser
import CMLensCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "What an error code or a ConfigMgr log means, and what ConfigMgr does with the code where it was met.",
        discussion: """
            CODE may be decimal (5, 1618), negative (-2147024891), unsigned (2147942405), hex (0x80070057, \
            0x80070057L) or bare hex as logs print it (80070057, 87d00324). Bare digits that read both ways \
            (1645) show both readings, the likelier first. A log line in quotes explains every code in it. \
            A log file name (execmgr.log, rotated or renamed copies too: execmgr-20110315-140500.log, \
            execmgr.lo_) says what Microsoft's log file reference says the log records; a log it does not \
            list is said to be unknown.

            Microsoft's words come first (the Windows error catalogue, ConfigMgr's application installation \
            error reference with its resolution, the Windows Update error reference with its component); \
            cmlens's own words are used only for ConfigMgr codes no Microsoft page lists, and are marked so.

            The verdict depends on where the code was met (--context): a program's exit code in execmgr.log \
            is judged by the site's retry list, a deployment type's in AppEnforce.log by its return-code \
            table, a step's in smsts.log by the task sequence; a code in an updates log or any other log is \
            a component's status and gets no retry verdict. Without --context, only a value a program can \
            exit with (0-65535, small negative numbers) gets the retry verdict, read as a program's exit code.
            """)

    // `.allUnrecognized` so that negative codes (-2147024891) are codes, not unknown options.
    @Argument(parsing: .allUnrecognized, help: "Error codes, log text holding them, or log file names.")
    var codes: [String] = []

    @Option(help: ArgumentHelp("Where the codes were met: a log file name, optionally with the component that wrote the line.",
                               valueName: "LOG[:COMPONENT]"))
    var context: String?

    @Option(name: .customLong("site-control"), help: "Site control file whose retry policy to use (default: ConfigMgr's defaults).")
    var siteControl: String?

    @Option(help: "text or json (one object per reading or log).")
    var format: OutputFormat = .text

    func run() throws {
        guard codes.contains(where: { $0 != "--" }) else {
            throw UsageError("explain needs at least one CODE or LOG, e.g. cmlens explain 1618 0x80070005 execmgr.log")
        }
        guard format != .csv else { throw UsageError("--format csv: explain prints text or json") }
        if let context, context.allSatisfy(\.isWhitespace) {
            throw UsageError("--context needs a log file name, e.g. --context execmgr.log or --context AppEnforce.log:AppEnforce")
        }
        let workspace = Workspace.load([], .init(parts: .sitePolicy, siteControl: siteControl))
        let (policy, problems) = (workspace.policy, workspace.problems)
        Diagnostics.report(problems)
        let explainer = ErrorExplainer(policy: policy)
        let place = context.map(ExplanationContext.parse)
        var answers: [Answer] = []
        // `--` may come through `.allUnrecognized`; it only marks the end of the options.
        for code in codes where code != "--" {
            do {
                answers += try explainer.explain(code, context: place).map(Answer.code)
            } catch {
                if let log = ExplainTarget.log(code) {
                    answers.append(.log(code, log))
                    continue
                }
                // Not a number: maybe a log line that holds codes (`(Error: 80070057; Source: Windows)`).
                let found = explainer.explain(text: code, context: place).map(\.explanation)
                if found.isEmpty && ExplainTarget.looksLikeLogFile(code) {
                    answers.append(.log(code, nil))
                    continue
                }
                guard !found.isEmpty else { throw UsageError(error.description) }
                answers += found.map(Answer.code)
            }
        }
        print(answers)
        if problems.contains(where: { $0.severity == .error }) { throw InputHadErrors() }
    }

    private enum Answer {
        case code(ErrorExplanation)
        case log(String, LogFileDescription?)
    }

    private func print(_ answers: [Answer]) {
        let out = StandardOutput.shared
        let style = ANSIStyle(enabled: format == .text && Diagnostics.colorOnStdout)
        for (k, answer) in answers.enumerated() {
            switch (format, answer) {
            case (.json, .code(let explanation)): out.line(ErrorExplanationOutput.json(explanation))
            case (.json, .log(let name, let description)): out.line(LogFileDescriptionOutput.json(fileName: name, description))
            case (_, .code(let explanation)):
                if k > 0 { out.line("") }
                for line in ErrorExplanationOutput.text(explanation) { out.line(style.render(line)) }
            case (_, .log(let name, let description)):
                if k > 0 { out.line("") }
                for line in LogFileDescriptionOutput.text(fileName: name, description) { out.line(style.render(line)) }
            }
        }
        out.flush()
    }
}

/// Whether an argument of `explain` that is not a number names a log file.
enum ExplainTarget {
    /// The reference's description when the argument is a log it lists (any case, rotated, renamed).
    static func log(_ argument: String) -> LogFileDescription? {
        LogFileReference.describe(fileName: argument)
    }

    /// A file name ending like a log (`.log`, `.lo_`) with no spaces: asked about as a log, even an
    /// unknown one, rather than searched for codes.
    static func looksLikeLogFile(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        return !argument.contains(" ") && (lower.hasSuffix(".log") || lower.hasSuffix(".lo_"))
    }
}
