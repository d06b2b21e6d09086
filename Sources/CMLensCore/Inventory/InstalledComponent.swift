/// Where a fact came from: a file and a line, so every verdict can cite the row it rests on.
public struct InventorySource: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// One row of `v_GS_SMS_ADVANCED_CLIENT_STATE`: a client component and its version on one client.
public struct InstalledComponent: Sendable, Hashable {
    public var resourceID: Int
    /// The component's key (`CcmFramework`); from DisplayName0 without spaces when Name0 is absent.
    public var name: String
    /// `CCM Framework`; empty when the export has no DisplayName0.
    public var displayName: String
    /// Version0 as written.
    public var versionText: String
    /// nil when Version0 is not a version (the problem is reported at load).
    public var version: ComponentVersion?
    public var source: InventorySource
    /// The name lowercased: components match catalogue entries case-insensitively.
    var key: String

    public init(resourceID: Int, name: String, displayName: String, versionText: String,
                version: ComponentVersion?, source: InventorySource) {
        self.init(resourceID: resourceID, name: name, key: name.lowercased(), displayName: displayName,
                  versionText: versionText, version: version, source: source)
    }

    /// With the lowercased name given: a loader that sees the same ten names a million times lowercases each once.
    init(resourceID: Int, name: String, key: String, displayName: String, versionText: String,
         version: ComponentVersion?, source: InventorySource) {
        self.resourceID = resourceID
        self.name = name
        self.key = key
        self.displayName = displayName
        self.versionText = versionText
        self.version = version
        self.source = source
    }
}

/// One row of `v_R_System`: a machine ConfigMgr knows.
public struct InventorySystem: Sendable, Hashable {
    public var resourceID: Int
    public var name: String
    /// Client0: 1 when the ConfigMgr client is installed; nil when not exported.
    public var client: Int?
    public var clientVersion: String?
    public var source: InventorySource

    public init(resourceID: Int, name: String, client: Int?, clientVersion: String?, source: InventorySource) {
        self.resourceID = resourceID
        self.name = name
        self.client = client
        self.clientVersion = clientVersion
        self.source = source
    }
}
