import Foundation

/// What a CSV file is, told by its header columns (case-insensitively), never by its name.
public enum InventoryTableKind: String, Sendable, Hashable {
    /// `v_GS_SMS_ADVANCED_CLIENT_STATE`: ResourceID, Name0 or DisplayName0, Version0.
    case clientComponents
    /// `v_R_System`: ResourceID, Name0, and optionally Client0, Client_Version0, …
    case systems
    /// A hotfix catalogue: KB, Component, Version (see `HotfixCatalog`).
    case hotfixCatalog

    /// The ConfigMgr view the table is stored under.
    public var viewName: String? {
        switch self {
        case .clientComponents: "v_GS_SMS_ADVANCED_CLIENT_STATE"
        case .systems: "v_R_System"
        case .hotfixCatalog: nil
        }
    }

    public static func recognise(header: [String]) -> InventoryTableKind? {
        let columns = Set(header.map { $0.trimmingWhitespace.lowercased() })
        if columns.contains("kb") && columns.contains("component")
            && !columns.isDisjoint(with: HotfixCatalog.versionColumnNames) {
            return .hotfixCatalog
        }
        guard columns.contains("resourceid") else { return nil }
        if columns.contains("version0") && (columns.contains("name0") || columns.contains("displayname0")) {
            return .clientComponents
        }
        if columns.contains("name0") { return .systems }
        return nil
    }

    static let expectation = "expected an inventory export (ResourceID, Name0 or DisplayName0, Version0 — "
        + "v_GS_SMS_ADVANCED_CLIENT_STATE; or ResourceID, Name0, … — v_R_System) or a hotfix catalogue (KB, Component, Version)"
}
