import Foundation

extension Workspace {
    /// The lists of machine names `cmlens stale [FILE]` checks, read: FILE; a folder's `sys.txt` and
    /// `*.sys.txt`; without FILE, `sys.txt` here, else the bundled sample's.
    public static func machineLists(_ argument: String?) throws(UsageError) -> Workspace {
        Workspace.load([], Options(parts: .machineLists, machineLists: try SystemList.paths(for: argument)))
    }
}

extension SystemList {
    /// The files `argument` names as lists of machine names.
    static func paths(for argument: String?) throws(UsageError) -> [String] {
        let fm = FileManager.default
        guard let file = argument else {
            for candidate in ["sys.txt", WorkspaceScanner.samplesFolder + "/sys.txt"] where fm.fileExists(atPath: candidate) {
                return [candidate]
            }
            throw UsageError("no sys.txt here or in Samples/; give the list of machine names: cmlens stale FILE")
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw UsageError("\(file): no such file; give the list of machine names (one per line)")
        }
        guard isDirectory.boolValue else { return [file] }
        let lists = WorkspaceScanner.scan([file]).systemLists
        if lists.isEmpty { throw UsageError("\(file): no sys.txt or *.sys.txt in this folder; give the list's path") }
        return lists
    }
}
