/// How a task sequence reads a step's exit code (smsts.log): 0 is success, and a Run Command Line
/// step also counts its "Success codes" (0 3010 unless changed); anything else fails the step, and
/// the task sequence stops unless the step or its group continues on error. No retry list applies.
enum TaskSequenceStepCodes {
    static func judge(_ bits: ErrorCodeBits, policySource: String) -> ExitCodeVerdict {
        let code = bits.signed
        switch code {
        case 0:
            return ExitCodeVerdict(retried: nil, reason: "A task sequence step's exit code: 0, the step succeeded.",
                                   policySource: policySource, label: "step succeeded", tone: .success)
        case 3010:
            return ExitCodeVerdict(retried: nil, reason: "A task sequence step's exit code: a Run Command Line step counts 3010 "
                                   + "as success by default (its Success codes are 0 3010), with a restart needed; other "
                                   + "steps treat it as their action defines.", policySource: policySource,
                                   label: "success (restart needed)", tone: .success)
        default:
            return ExitCodeVerdict(retried: nil, reason: "A task sequence step's exit code: not a success code (0, and 3010 for "
                                   + "a Run Command Line step unless its Success codes say otherwise), so the step fails; the task "
                                   + "sequence stops there unless the step or its group is set to continue on error. Nothing "
                                   + "retries the step.", policySource: policySource, label: "step failed", tone: .failure)
        }
    }
}
