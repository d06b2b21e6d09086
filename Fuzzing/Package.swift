// swift-tools-version: 6.1
// libFuzzer targets for cmlens's parsers. A package of its own so that `swift build` and
// `swift test` at the root never compile or link them: they only link with
// `-sanitize=fuzzer`, which scripts/fuzz.sh passes (see the README's Fuzzing section).
import PackageDescription

// A path dependency is named by its folder, and the checkout's folder name is not fixed (CI clones
// into another one), so the name is read from where this manifest sits. This folder is not called
// `Fuzz` because a package's name is its folder's, lowercased: a checkout named `fuzz` would clash.
let root = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "cmlens"

let core: Target.Dependency = .product(name: "CMLensCore", package: root)

/// One executable per parser; the bodies live in FuzzTargets, each executable only starts libFuzzer.
func fuzzer(_ name: String, _ extra: [Target.Dependency] = []) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzTargets"] + extra)
}

let package = Package(
    name: "cmlens-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzTargets", dependencies: [core, .product(name: "CMLensTUI", package: root)]),
        fuzzer("FuzzLog"),
        fuzzer("FuzzSiteControl"),
        fuzzer("FuzzInventory"),
        fuzzer("FuzzHotfix"),
        fuzzer("FuzzRules"),
        fuzzer("FuzzTheme"),
        fuzzer("FuzzErrorCode"),
        fuzzer("FuzzVersion"),
        fuzzer("FuzzArchive"),
    ],
    swiftLanguageModes: [.v6]
)
