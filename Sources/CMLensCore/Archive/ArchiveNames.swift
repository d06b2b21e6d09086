/// Which file names are archives cmlens opens as workspaces, and the name a client at an archive's
/// root takes (`PC1.zip` → `PC1`).
public enum ArchiveNames {
    /// Longest first, so `x.tar.gz` loses `.tar.gz`, not just `.gz`.
    static let extensions = [".tar.bz2", ".tar.zst", ".tar.gz", ".tar.xz", ".tbz2", ".tzst", ".tar", ".tgz", ".txz",
                             ".tbz", ".zip", ".cab", ".7z"]

    public static func isArchive(_ fileName: String) -> Bool {
        let lower = fileName.lowercased()
        return extensions.contains { lower.hasSuffix($0) && lower.count > $0.count }
    }

    /// The file name without its archive extension.
    static func stem(_ fileName: String) -> String {
        let lower = fileName.lowercased()
        guard let suffix = extensions.first(where: { lower.hasSuffix($0) && lower.count > $0.count }) else { return fileName }
        return String(fileName.dropLast(suffix.count))
    }

    /// How an entry is cited: `case.zip!/PC1/execmgr.log`. The `!/` keeps it from reading as a path
    /// on disk, and the entry's name stays exactly as stored (`case.zip!/../x.log` is never resolved).
    static func display(archive: String, entry: String) -> String {
        archive + "!/" + entry
    }
}
