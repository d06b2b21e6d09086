import Foundation

/// The compliance tests' view of `CmlensRun`, with their fixtures folder.
enum ComplianceRun {
    static let repository = CmlensRun.repositoryRoot
    static let binary = CmlensRun.binary
    static let fixtures = repository.appendingPathComponent("Tests/CMLensCoreTests/Fixtures").path
    typealias Result = CmlensRun.Result

    static func run(_ arguments: [String]) throws -> Result { CmlensRun.cmlens(arguments) }
}
