/// Two or more clients side by side: one row per fact (a KB's verdict, a failing program, the
/// findings), one cell per client, and whether the clients differ on it, so that what sets a
/// broken client apart from a working one stands out.
public struct ClientComparison: Sendable, Hashable {
    public var clients: [ClientSummary]
    public var rows: [Row]

    public struct Row: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// A section's title row; its cells are empty.
            case section
            case hotfix(kb: String)
            case logs, programs, findings, topFinding
            /// A failing program (the k-th of each client), then its verdict, retries left and next retry.
            case failingProgram, programVerdict, retriesLeft, nextRetry
            /// Failing applications, the failed task sequence's step, failed updates.
            case applications, taskSequence, updates
        }

        public var kind: Kind
        public var label: String
        /// One per client, in the comparison's client order.
        public var cells: [Cell]
        /// The clients disagree on this row (two cells say different things).
        public var differs: Bool
    }

    public struct Cell: Sendable, Hashable {
        public enum Tone: Sendable, Hashable { case good, bad, doubtful, neutral, empty }

        public var text: String
        public var tone: Tone
        /// What the cell compares by: two cells with the same key agree, whatever their text.
        public var key: String
        /// The instant a time cell shows (`text` has it as logged), for a screen to write its own way.
        public var time: LogTime?

        public init(_ text: String, tone: Tone = .neutral, key: String? = nil, time: LogTime? = nil) {
            self.text = text
            self.tone = tone
            self.key = key ?? text
            self.time = time
        }

        public static let empty = Cell("—", tone: .empty)
    }

    public init(_ clients: [ClientSummary]) {
        self.clients = clients
        var rows: [Row] = []
        func row(_ kind: Row.Kind, _ label: String, _ cells: [Cell]) {
            let keys = Set(cells.map(\.key))
            rows.append(Row(kind: kind, label: label, cells: cells, differs: keys.count > 1))
        }
        func section(_ label: String) {
            rows.append(Row(kind: .section, label: label, cells: clients.map { _ in Cell("", tone: .empty) }, differs: false))
        }

        section("Hotfixes")
        var kbs: [String] = []
        for client in clients { for verdict in client.hotfixes where !kbs.contains(verdict.kb) { kbs.append(verdict.kb) } }
        for kb in kbs {
            row(.hotfix(kb: kb), "KB" + kb, clients.map { client in
                guard let verdict = client.hotfix(kb) else {
                    return Cell(client.inInventory ? "not judged" : "no inventory", tone: .empty, key: "?")
                }
                let tone: Cell.Tone = switch verdict.status {
                case .installed: .good
                case .missing: .bad
                case .unknown: .doubtful
                }
                return Cell(verdict.status.rawValue + (verdict.found.map { " " + $0 } ?? ""), tone: tone, key: verdict.status.rawValue)
            })
        }
        if kbs.isEmpty { row(.hotfix(kb: ""), "KBs", clients.map { _ in Cell("no inventory", tone: .empty) }) }

        section("Programs")
        row(.programs, "Programs", clients.map { client in
            guard client.hasLogs else { return Cell("no logs", tone: .empty) }
            // Without execmgr.log nothing says whether programs ran: "0 run" would claim none did.
            guard client.logs.contains(where: { ExecutionHistory.isExecmgrLog($0.name) }) else {
                return Cell("unknown (no execmgr.log)", tone: .empty, key: "unknown")
            }
            let failing = client.failingPrograms.count
            return Cell("\(client.programs.count) run, \(failing) failing", tone: failing > 0 ? .bad : client.programs.isEmpty ? .neutral : .good,
                        key: "\(failing)")
        })
        let deepest = clients.map(\.failingPrograms.count).max() ?? 0
        for k in 0..<deepest {
            let failing = clients.map { $0.failingPrograms.indices.contains(k) ? $0.failingPrograms[k] : nil }
            row(.failingProgram, k == 0 ? "Failing" : "Failing \(k + 1)", failing.map { program in
                guard let program else { return .empty }
                return Cell(program.key.program, tone: .bad, key: program.key.program.lowercased())
            })
            row(.programVerdict, "  verdict", failing.map { program in
                guard let program else { return .empty }
                let code = program.verdict.exitCode.map { " (\($0))" } ?? ""
                return Cell(ClientSummary.phrase(program.verdict.kind) + code, tone: program.verdict.kind == .waitingRetry ? .doubtful : .bad)
            })
            row(.retriesLeft, "  retries left", failing.map { program in
                guard let program else { return .empty }
                switch program.verdict.kind {
                case .waitingRetry:
                    guard let left = program.retriesLeft else { return Cell("no limit", tone: .doubtful) }
                    return Cell("\(left) of \(program.verdict.maxAttempts ?? 0)", tone: left > 0 ? .doubtful : .bad)
                case .retryLimitReached: return Cell("none: used up", tone: .bad)
                case .removedWhileWaiting: return Cell("none: removed", tone: .bad)
                default: return Cell("none: final", tone: .bad)
                }
            })
            row(.nextRetry, "  next retry", failing.map { program in
                guard let program else { return .empty }
                guard let due = program.nextRetry else { return Cell("—", tone: .empty) }
                return Cell(due.iso8601, tone: .doubtful, time: due)
            })
        }

        // Applications, task sequences and update jobs: a row each only when some client has a failure.
        if clients.contains(where: { !$0.failingApplications.isEmpty }) {
            row(.applications, "Applications", clients.map { client in
                guard let first = client.failingApplications.first else { return Cell("none failing", tone: .neutral, key: "0") }
                let more = client.failingApplications.count > 1 ? " (+\(client.failingApplications.count - 1))" : ""
                let code = first.verdict.exitCode.map { " " + ExecutionCode.display($0) } ?? ""
                return Cell(first.name + code + more, tone: .bad, key: first.name.lowercased())
            })
        }
        if clients.contains(where: { !$0.failedTaskSequences.isEmpty }) {
            row(.taskSequence, "Task sequence", clients.map { client in
                guard let run = client.failedTaskSequences.last else { return Cell("none failed", tone: .neutral, key: "0") }
                let code = run.verdict.exitCode.map { " " + ExecutionCode.display($0) } ?? ""
                return Cell("failed at " + (run.verdict.failedStep ?? "?") + code, tone: .bad,
                            key: (run.verdict.failedStep ?? "?").lowercased() + code)
            })
        }
        if clients.contains(where: { !$0.failedUpdates.isEmpty }) {
            row(.updates, "Updates", clients.map { client in
                guard !client.failedUpdates.isEmpty else { return Cell("none failed", tone: .neutral, key: "0") }
                let names = client.failedUpdates.map { $0.article.map { "KB" + $0 } ?? $0.name }
                return Cell("\(names.count) failed: " + names.joined(separator: ", "), tone: .bad, key: names.joined(separator: ","))
            })
        }

        section("Findings")
        row(.findings, "Findings", clients.map { client in
            // Without logs only the inventory's findings can be known.
            guard client.hasLogs || !client.findings.isEmpty else { return Cell("no logs", tone: .empty) }
            let errors = client.count(.error), warnings = client.count(.warning)
            return Cell("\(client.findings.count): \(errors) err, \(warnings) warn",
                        tone: errors > 0 ? .bad : warnings > 0 ? .doubtful : .good)
        })
        row(.topFinding, "Top finding", clients.map { client in
            guard let top = client.topFinding else { return .empty }
            let tone: Cell.Tone = top.severity == .error ? .bad : top.severity == .warning ? .doubtful : .neutral
            return Cell(top.title, tone: tone, key: top.rule)
        })

        section("Logs")
        row(.logs, "Logs", clients.map { client in
            guard client.hasLogs else { return Cell("no logs", tone: .empty) }
            // Compared by what the cell says: two clients with 204 and 4 errors differ.
            let text = "\(client.logs.count) log\(client.logs.count == 1 ? "" : "s"), \(client.errors) err, \(client.warnings) warn"
            return Cell(text, tone: client.errors > 0 ? .bad : .neutral, key: text)
        })
        self.rows = rows
    }

    /// The rows the clients disagree on.
    public var differences: [Row] { rows.filter(\.differs) }
}
