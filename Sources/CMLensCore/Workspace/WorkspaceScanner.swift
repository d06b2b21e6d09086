import Foundation

/// Finds what a workspace holds: walks folders (recursively, following symlinks once), and sorts
/// files by what they are. Nothing is opened for writing.
public enum WorkspaceScanner {
    /// The folder `cmlens` opens when given no path.
    public static let samplesFolder = "Samples"

    public static func scan(_ paths: [String]) -> WorkspaceInputs {
        var inputs = WorkspaceInputs()
        var walker = Walker()
        for path in paths {
            walker.visit(path, inputs: &inputs)
        }
        var clients: [ClientFolder] = []
        for (folder, files) in walker.logsByFolder.sorted(by: { $0.key < $1.key }) {
            let name = walker.clientNames[folder] ?? (folder as NSString).lastPathComponent
            clients.append(ClientFolder(name: name.isEmpty ? folder : name, path: folder,
                                        logs: RotationGrouping.group(files)))
        }
        inputs.clients = Self.disambiguated(clients)
        return inputs
    }

    /// Two folders with the same name (`a/PC1`, `b/PC1`) stay two clients, named by their path.
    private static func disambiguated(_ clients: [ClientFolder]) -> [ClientFolder] {
        var counts: [String: Int] = [:]
        for client in clients { counts[client.name, default: 0] += 1 }
        return clients.map { client in
            var copy = client
            if counts[client.name, default: 0] > 1 { copy.name = client.path }
            return copy
        }
    }

    static func kind(ofFileNamed name: String) -> FileKind {
        let lower = name.lowercased()
        if lower.hasSuffix(".log") || lower.hasSuffix(".lo_") { return .log }
        if lower.hasPrefix("sitectrl.ct") { return .siteControl }
        if lower.hasSuffix(".csv") { return .table }
        if lower == "sys.txt" || lower.hasSuffix(".sys.txt") { return .systemList }
        if lower.hasSuffix(".rules.json") { return .rules }
        return .other
    }

    enum FileKind { case log, siteControl, table, systemList, rules, other }

    private struct Walker {
        var logsByFolder: [String: [String]] = [:]
        /// Clients named otherwise than by their folder's path: an archive's (see `ArchiveReading`).
        var clientNames: [String: String] = [:]
        var seenFolders: Set<String> = []
        var seenFiles: Set<String> = []
        let fm = FileManager.default

        mutating func visit(_ path: String, inputs: inout WorkspaceInputs) {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                inputs.problems.append(LoadProblem(
                    file: path, message: "no such file or folder; check the path (cmlens reads files and folders of CCM logs)"))
                return
            }
            if isDirectory.boolValue {
                walk(folder: path, inputs: &inputs, explicit: true)
            } else {
                add(file: path, explicit: true, inputs: &inputs)
            }
        }

        mutating func walk(folder: String, inputs: inout WorkspaceInputs, explicit: Bool) {
            // A folder is known by its device and inode: a link to `.` (or any cycle of links) names the
            // same folder under ever longer paths, which path resolution does not always undo.
            guard seenFolders.insert(Self.identity(of: folder)).inserted else {
                if !explicit {
                    inputs.problems.append(LoadProblem(
                        file: folder, severity: .warning,
                        message: "folder already read (a symlink loop or a second link to it); skipped"))
                }
                return
            }
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: folder).sorted()
            } catch {
                inputs.problems.append(LoadProblem(
                    file: folder, message: "cannot list this folder (\(Self.reason(error))); its logs were not read"))
                return
            }
            for entry in entries where !entry.hasPrefix(".") {
                let child = folder.hasSuffix("/") ? folder + entry : folder + "/" + entry
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: child, isDirectory: &isDirectory) else {
                    inputs.problems.append(LoadProblem(file: child, severity: .warning, message: Self.whyMissing(child)))
                    continue
                }
                if isDirectory.boolValue {
                    walk(folder: child, inputs: &inputs, explicit: false)
                } else {
                    add(file: child, explicit: false, inputs: &inputs)
                }
            }
        }

        mutating func add(file: String, explicit: Bool, inputs: inout WorkspaceInputs) {
            let real = (file as NSString).resolvingSymlinksInPath
            guard seenFiles.insert(real).inserted else { return }
            let name = (file as NSString).lastPathComponent
            if ArchiveNames.isArchive(name) { return add(archive: file, inputs: &inputs) }
            switch WorkspaceScanner.kind(ofFileNamed: name) {
            case .log:
                logsByFolder[Self.folder(of: file), default: []].append(file)
            case .siteControl:
                inputs.siteControlFiles.append(file)
            case .table:
                inputs.tableFiles.append(file)
            case .systemList:
                inputs.systemLists.append(file)
            case .rules:
                inputs.ruleFiles.append(file)
            case .other:
                // A file named on the command line is read as a log whatever its name: the user meant it.
                if explicit { logsByFolder[Self.folder(of: file), default: []].append(file) }
            }
        }

        /// An archive's folders of logs become clients, as folders on disk do; its logs are read now,
        /// in one pass, because an archive can only be read from the start.
        mutating func add(archive: String, inputs: inout WorkspaceInputs) {
            let contents = ArchiveReading.read(archive)
            inputs.archives.append(archive)
            inputs.problems += contents.problems
            if let first = contents.notRead.first {
                let others = contents.notRead.count > 1 ? " and \(contents.notRead.count - 1) more" : ""
                inputs.problems.append(LoadProblem(file: archive, severity: .warning, message:
                    "holds \(first)\(others), not read: cmlens reads only logs from an archive; "
                    + "unpack it to use site control files, inventory exports, machine lists and rules"))
            }
            for folder in contents.folders {
                logsByFolder[folder.key, default: []] += folder.files
                clientNames[folder.key] = folder.client
            }
            inputs.archivedLogs.merge(contents.bytes) { first, _ in first }
        }

        static func identity(of folder: String) -> String {
            var info = stat()
            guard stat(folder, &info) == 0 else { return (folder as NSString).resolvingSymlinksInPath }
            return "\(info.st_dev):\(info.st_ino)"
        }

        /// Why a listed entry cannot be looked at: a link in a cycle, a link to nothing, or a file gone.
        static func whyMissing(_ path: String) -> String {
            var info = stat()
            if stat(path, &info) != 0 && errno == ELOOP { return "symlink loop (the link leads back to itself); skipped" }
            if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK { return "dangling link (its target does not exist); skipped" }
            return "vanished while the folder was read; skipped"
        }

        static func folder(of file: String) -> String {
            let parent = (file as NSString).deletingLastPathComponent
            return parent.isEmpty ? "." : parent
        }

        static func reason(_ error: Error) -> String {
            let nsError = error as NSError
            if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
               underlying.domain == NSPOSIXErrorDomain {
                return SystemErrorText.of(Int32(underlying.code)).lowercased()
            }
            if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoPermissionError {
                return "permission denied"
            }
            return nsError.localizedDescription
        }
    }
}
