import Foundation

/// The timeline tests' view of `CmlensRun`, with their fixtures folder.
enum TimelineRun {
    static let repo = CmlensRun.repositoryRoot
    static let binary = CmlensRun.binary
    static let fixtures = repo.appendingPathComponent("Tests/CMLensCoreTests/Fixtures").path
    typealias Result = CmlensRun.Result

    static func run(_ arguments: [String]) throws -> Result { CmlensRun.cmlens(arguments) }
}
