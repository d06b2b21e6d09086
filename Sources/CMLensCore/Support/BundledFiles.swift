import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where cmlens's own folders (`Themes`, `Samples`) are: in the working folder, beside an installed
/// binary (`PREFIX/bin/cmlens` → `PREFIX/share/cmlens/Samples`, the release archive's layout), or in
/// the checkout a development binary was built in (`.build/<triple>/debug/cmlens`).
public enum BundledFiles {
    /// The running binary's folder. /proc/self/exe, not argv[0]: a binary found on PATH gets a bare
    /// `cmlens` as argv[0], which says nothing about where it is.
    public static let executableFolder: String? = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path: String
        if count > 0 {
            path = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else if let first = CommandLine.arguments.first, first.contains("/") {
            path = URL(fileURLWithPath: first).resolvingSymlinksInPath().path
        } else {
            return nil
        }
        return (path as NSString).deletingLastPathComponent
    }()

    /// Places a folder named `name` may be, most specific first: the working folder's, the
    /// installed one, then the folders above the binary (a checkout's).
    public static func candidates(_ name: String, executableFolder: String? = executableFolder,
                                  workingFolder: String = FileManager.default.currentDirectoryPath) -> [String] {
        var places = [workingFolder + "/" + name]
        guard let folder = executableFolder else { return places }
        places.append(((folder + "/../share/cmlens/" + name) as NSString).standardizingPath)
        var above = folder
        for _ in 0..<5 {
            places.append(above + "/" + name)
            above = (above as NSString).deletingLastPathComponent
        }
        return places
    }

    /// The first of `candidates(name)` that is a folder.
    public static func folder(_ name: String) -> String? {
        candidates(name).first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The sample workspace `cmlens` opens with no path: `Samples` when here, else the bundled one.
    public static var samples: String {
        let here = FileManager.default.currentDirectoryPath + "/" + WorkspaceScanner.samplesFolder
        if FileManager.default.fileExists(atPath: here) { return WorkspaceScanner.samplesFolder }
        return folder(WorkspaceScanner.samplesFolder) ?? WorkspaceScanner.samplesFolder
    }
}
