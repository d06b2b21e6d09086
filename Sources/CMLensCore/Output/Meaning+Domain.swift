/// The one table from the domain's levels, verdicts and statuses to meanings: the command line and
/// the console both read it, so a status looks the same wherever it is shown ("installed" is a
/// success in the compliance report, the Compliance pane and the Client view alike).
extension Meaning {
    public init(_ level: LogLevel) {
        self = switch level {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .verbose: .verbose
        }
    }

    /// A program's verdict reads as the status every kind shares: a removed program did not run.
    public init(_ kind: ExecutionVerdict.Kind) {
        self.init(Execution.status(of: kind))
    }

    public init(_ status: Execution.Verdict.Status) {
        self = switch status {
        case .succeeded: .success
        case .inProgress: .warning
        case .failed: .failure
        }
    }

    /// A step: only what did not go to plan stands out in a list of steps; a step that went well
    /// or only informs is a neutral status.
    public init(_ outcome: Execution.Outcome) {
        self = switch outcome {
        case .failed: .failure
        case .failedContinued: .warning
        case .skipped: .dim
        case .started, .succeeded, .info: .neutral
        }
    }

    /// A program's exit code, read against the retry list: retried reads as the explanation's retry.
    public init(_ kind: ExitCodeClass) {
        self = switch kind {
        case .success, .successRebootRequired: .success
        case .retried: .retry
        case .notRetried: .error
        }
    }

    /// An update in a job: failed, installed, or on its way (downloaded, pending a restart…).
    public init(_ entry: Execution.Entry) {
        self = entry.status == "failed" ? .failure : entry.installed == true ? .success : .neutral
    }

    public init(_ status: ComplianceStatus) {
        self = switch status {
        case .installed: .success
        case .missing: .error
        case .unknown: .warning
        }
    }

    /// A file that could not be read (or only in part).
    public init(_ severity: LoadProblem.Severity) {
        self = severity == .error ? .error : .warning
    }

    public init(_ severity: DiagnosticSeverity) {
        self = switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }

    /// Only a confirmed finding is read at full strength; a likely or possible one is a lead.
    public init(_ confidence: DiagnosticConfidence) {
        self = confidence == .confirmed ? .plain : .dim
    }

    /// A lookup that failed says nothing about the machine: it is inconclusive, not an error.
    public init(_ status: StaleStatus) {
        self = switch status {
        case .ok: .success
        case .registeredToAnotherSystem, .couldNotResolve: .error
        case .notInReverseZone: .warning
        case .timedOut, .serverFailure: .inconclusive
        }
    }

    public init(_ tone: ExitCodeVerdict.Tone) {
        self = switch tone {
        case .success: .success
        case .retry: .retry
        case .failure: .error
        case .none: .neutral
        }
    }

    public init(_ tone: ClientComparison.Cell.Tone) {
        self = switch tone {
        case .good: .success
        case .bad: .error
        case .doubtful: .warning
        case .neutral: .plain
        case .empty: .dim
        }
    }
}
