import Foundation

/// The explain tests' view of `CmlensRun`.
enum ExplainRun {
    typealias Result = CmlensRun.Result
    static var repoRoot: String { CmlensRun.repositoryRoot.path }
    static var binary: String { CmlensRun.binary }

    static func cmlens(_ arguments: [String]) throws -> Result { CmlensRun.cmlens(arguments) }
}
