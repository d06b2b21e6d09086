/// What a workspace holds beside its logs and rules: the site's retry policy, the inventory and the
/// hotfix catalogue, the lists of machine names; with the problems met reading each.
struct SiteData: Sendable {
    var policy = RetryPolicy.defaults
    var policyProblems: [LoadProblem] = []
    var inventory = Inventory()
    var catalog = HotfixCatalog.builtIn
    var catalogProblems: [LoadProblem] = []
    var machineList = SystemList()
    /// The stamps of the files read, for a later read to keep what did not change.
    var stamps: [String: FileStamp] = [:]

    /// Site control, then inventory and catalogue, then machine lists.
    var problems: [LoadProblem] { policyProblems + inventory.problems + catalogProblems + machineList.problems }

    /// Reads the parts the options ask for; a part the previous workspace read from the same files,
    /// unchanged since, is kept as it was.
    struct Reader: Sendable {
        var inputs: WorkspaceInputs
        var options: Workspace.Options
        var previous: Workspace?

        var isEmpty: Bool { options.parts.isDisjoint(with: [.sitePolicy, .inventory, .machineLists]) }

        func read() -> SiteData {
            var data = SiteData()
            let parts = options.parts
            if parts.contains(.sitePolicy) {
                if let old = kept(.sitePolicy, into: &data) {
                    (data.policy, data.policyProblems) = (old.policy, old.policyProblems)
                } else {
                    (data.policy, data.policyProblems) = RetryPolicy.forWorkspace(inputs, siteControl: options.siteControl)
                }
            }
            if parts.contains(.inventory) {
                if let old = kept(.inventory, into: &data) {
                    (data.inventory, data.catalog, data.catalogProblems) = (old.inventory, old.catalog, old.catalogProblems)
                } else {
                    data.inventory = Inventory.load(files: inputs.tableFiles)
                    (data.catalog, data.catalogProblems) = HotfixCatalog.forWorkspace(data.inventory, files: options.catalogFiles)
                }
            }
            if parts.contains(.machineLists) {
                if let old = kept(.machineLists, into: &data) {
                    data.machineList = old.machineList
                } else {
                    data.machineList = SystemList.read(paths: Self.files(.machineLists, inputs, options))
                }
            }
            return data
        }

        /// The files a part is read from.
        static func files(_ part: Workspace.Parts, _ inputs: WorkspaceInputs, _ options: Workspace.Options) -> [String] {
            switch part {
            case .sitePolicy: [options.siteControl ?? inputs.siteControlFiles.first].compactMap { $0 }
            case .inventory: inputs.tableFiles + options.catalogFiles
            case .machineLists: options.machineLists ?? inputs.systemLists
            default: []
            }
        }

        /// What the previous workspace read for `part`, when it read it from these same files,
        /// unchanged since; the files' stamps are taken either way.
        private func kept(_ part: Workspace.Parts, into data: inout SiteData) -> SiteData? {
            let files = Self.files(part, inputs, options)
            var same = previous.map { $0.options.parts.contains(part) && Self.files(part, $0.inputs, $0.options) == files } ?? false
            for file in files {
                let stamp = FileStamp.of(file)
                data.stamps[file] = stamp
                if stamp == nil || previous?.stamps[file] != stamp { same = false }
            }
            return same ? previous?.site : nil
        }
    }
}
