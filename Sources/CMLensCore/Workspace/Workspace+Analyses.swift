extension Workspace {
    /// Every program's execution history (execmgr.log), its verdicts naming what exit codes mean.
    public func executionHistory() -> ExecutionHistory {
        WorkspaceAnalyses.once(analyses.history) {
            ExecutionHistory.build(logs: logs, policy: policy, explain: ErrorExplainer.exitCodeMeaning)
        }
    }

    /// Every application, task sequence run and software-update job, by kind, then client.
    public func executions() -> [Execution] {
        WorkspaceAnalyses.once(analyses.executions) {
            Executions.build(logs: logs, policy: policy, kinds: ExecutionKindFacts.executionKinds,
                             explain: ErrorExplainer.exitCodeMeaning).others
        }
    }

    /// The rules run over the logs and the facts: the findings, the rules skipped and why.
    public func diagnosis() -> Diagnosis.Output {
        WorkspaceAnalyses.once(analyses.diagnosis) { Diagnosis.run(self) }
    }

    /// Every client of the inventory judged against every KB of the catalogue.
    public func compliance() -> ComplianceReport {
        WorkspaceAnalyses.once(analyses.compliance) { ComplianceEvaluator.evaluate(inventory, catalog: catalog) }
    }

    /// Everything known of each client, from the analyses above.
    public func clientSummaries() -> ClientSummaries {
        WorkspaceAnalyses.once(analyses.summaries) {
            ClientSummaries(inventory: inventory, report: compliance(), history: executionHistory(),
                            findings: diagnosis().findings, logs: logs, executions: executions())
        }
    }
}
