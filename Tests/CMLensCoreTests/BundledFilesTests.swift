import Testing
@testable import CMLensCore

/// The release archive's layout (`bin/cmlens`, `share/cmlens/Themes`) and a checkout's
/// (`.build/<triple>/debug/cmlens`) are both found from the binary's own folder.
@Suite struct BundledFilesTests {
    @Test func installedLayoutComesRightAfterTheWorkingFolder() {
        let places = BundledFiles.candidates("Themes", executableFolder: "/opt/cmlens-0.9.0/bin", workingFolder: "/home/admin")
        #expect(places.prefix(2) == ["/home/admin/Themes", "/opt/cmlens-0.9.0/share/cmlens/Themes"])
    }

    @Test func aDevelopmentBuildFindsItsCheckout() {
        let places = BundledFiles.candidates("Samples", executableFolder: "/src/cmlens/.build/x86_64-unknown-linux-gnu/debug",
                                             workingFolder: "/tmp")
        #expect(places.contains("/src/cmlens/Samples"))
    }

    @Test func theRunningBinaryKnowsItsFolder() {
        #expect(BundledFiles.executableFolder?.hasPrefix("/") == true)
    }
}
