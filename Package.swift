// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cmlens",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cmlens", targets: ["cmlens"]),
        .library(name: "CMLensCore", targets: ["CMLensCore"]),
        // For the fuzz package under Fuzz/ (its theme-file target); nothing else links it.
        .library(name: "CMLensTUI", targets: ["CMLensTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // ncursesw for Swift. No pkgConfig: SwiftPM would drop its feature-macro flags with a
        // warning anyway, so the shim defines them itself and the module map links ncursesw.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // PCRE2's 8-bit library with its JIT: the regular expressions of search, filters, --grep and rules.
        .systemLibrary(
            name: "CPCRE2",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // libarchive, to read log bundles (zip, cab, tar.*, 7z) in place. No pkgConfig, as for ncursesw.
        .systemLibrary(
            name: "CArchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        // wcwidth and memmem need feature macros that Swift's Glibc import does not set.
        .target(name: "CShims"),
        // glibc's DNS client (res_ninit/res_nquery/ns_parserr) for the stale-systems check.
        .target(name: "CResolver", linkerSettings: [.linkedLibrary("resolv")]),
        .target(
            name: "CMLensCore",
            dependencies: [
                "CShims",
                "CResolver",
                "CPCRE2",
                "CArchive",
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "CMLensTUI",
            dependencies: ["CMLensCore", "CNcursesw", "CShims"]
        ),
        .executableTarget(
            name: "cmlens",
            dependencies: [
                "CMLensCore",
                "CMLensTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["CommitStamp"]
        ),
        // The git commit for `cmlens --version`, written before each build.
        .plugin(name: "CommitStamp", capability: .buildTool()),
        .executableTarget(
            name: "cmlens-bench",
            dependencies: ["CMLensCore"],
            path: "Benchmarks/cmlens-bench"
        ),
        .testTarget(name: "CMLensCoreTests", dependencies: ["CMLensCore"], exclude: ["Fixtures"]),
        .testTarget(name: "CMLensTUITests", dependencies: ["CMLensTUI", "CMLensCore"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["cmlens", "CMLensCore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
