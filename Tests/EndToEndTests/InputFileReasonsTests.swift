import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Input files cmlens may not read, or that are not files: each is named with the system's reason
/// and what to do, and the rest of the run goes on.
@Suite struct InputFileReasonsTests {
    static let samples = CmlensRun.repositoryRoot.appendingPathComponent("Samples").path

    /// Run as `nobody` (root reads a `chmod 000` file anyway): the kernel's refusal is reported as
    /// "permission denied", not guessed from a second look at the path.
    @Test(.enabled(if: HostileFilesystemTests.canDropPrivileges, "needs root and setpriv to run cmlens as an unprivileged user"))
    func unreadableRulesSiteControlAndCatalogueSayPermissionDenied() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cmlens-reasons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("x.rules.json").path
        let site = folder.appendingPathComponent("sitectrl.ct0").path
        let catalog = folder.appendingPathComponent("catalog.csv").path
        for path in [rules, site, catalog] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data("[]".utf8)))
            #expect(chmod(path, 0) == 0)
        }
        let diagnose = HostileFilesystemTests.runAsNobody(["diagnose", Self.samples + "/WKS-LAB-007", "--rules", rules, "--site-control", site])
        HostileInputTests.expectNoCrash(diagnose, "diagnose as nobody")
        #expect(diagnose.stderr.contains("\(rules): rules file cannot be read: permission denied; check its permissions"), "\(diagnose.stderr)")
        #expect(diagnose.stderr.contains("\(site): site control file cannot be read: permission denied; using the default retry policy"),
                "\(diagnose.stderr)")

        let compliance = HostileFilesystemTests.runAsNobody(["compliance", Self.samples + "/inventory", "--catalog", catalog])
        HostileInputTests.expectNoCrash(compliance, "compliance as nobody")
        #expect(compliance.stderr.contains("\(catalog): hotfix catalogue cannot be read: permission denied"), "\(compliance.stderr)")
        // The built-in catalogue still judges the inventory.
        #expect(compliance.stdout.contains("KB"), "\(compliance.stdout)")
    }

    /// A folder or a device where a file belongs: said so, with what to give instead.
    @Test func aFolderOrADeviceWhereAFileBelongsIsNamed() throws {
        let diagnose = CmlensRun.cmlens(["diagnose", Self.samples + "/WKS-LAB-007", "--rules", Self.samples, "--site-control", "/dev/null"])
        HostileInputTests.expectNoCrash(diagnose, "diagnose")
        #expect(diagnose.stderr.contains("\(Self.samples): rules file is a folder, not a regular file; give the path of a file"),
                "\(diagnose.stderr)")
        #expect(diagnose.stderr.contains("/dev/null: site control file is a device, not a regular file"), "\(diagnose.stderr)")
    }
}
