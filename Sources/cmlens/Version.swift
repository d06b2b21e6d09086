import CBuildInfo

/// cmlens's version: the one place it is written. The release archive's name and `--version` both
/// come from here (scripts/package.sh reads `number` from this file).
enum CMLensVersion {
    static let number = "0.9.0"

    /// `0.9.0 (commit 1a2b3c4d5e6f)` when built from a git checkout, else just the number.
    static var text: String {
        let commit = String(cString: cmlens_git_commit())
        return commit.isEmpty ? number : "\(number) (commit \(commit))"
    }
}
