import Foundation
import PackagePlugin

/// Writes the checkout's git commit into the `cmlens` target before every build, for `--version`.
/// A prebuild command runs each build (a manifest value would be cached past new commits), and
/// scripts/commit-stamp.sh rewrites the file only when the commit changed, so nothing recompiles
/// otherwise. Without git or a checkout (a source tarball), the commit is empty.
@main
struct CommitStamp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let script = context.package.directoryURL.appending(path: "scripts/commit-stamp.sh")
        return [.prebuildCommand(
            displayName: "Stamping the git commit for --version",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [script.path, context.package.directoryURL.path, output.appending(path: "BuildCommit.swift").path],
            outputFilesDirectory: output)]
    }
}
