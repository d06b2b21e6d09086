import Foundation

/// The query language of a generated collection query.
public enum QueryLanguage: String, Sendable, CaseIterable {
    /// For a ConfigMgr collection membership rule (the SMS Provider's WQL).
    case wql
    /// For the site database's views (SQL Server).
    case sql
}

/// A query that selects the clients missing a KB, with what the user should know about it.
public struct CollectionQuery: Sendable, Hashable {
    public var language: QueryLanguage
    public var kb: String
    public var text: String
    /// Caveats: where WQL's string comparison goes wrong for this inventory, what the query cannot see.
    public var notes: [String]
    /// WQL only: the versions below the KB's, seen in the inventory, that the query enumerates.
    public var lowerVersions: [String]

    /// WQL compares strings only, and `"4.00.6487.999" > "4.00.6487.2161"` as strings, so a
    /// `Version < "…"` test is wrong as soon as versions differ in digit count or zero-padding. The
    /// query therefore names every lower version the inventory has actually seen (`Version in (…)`),
    /// exact strings, which WQL compares correctly. Its limit: a version never seen in this
    /// inventory is not selected, so regenerate after new inventory.
    public static func wql(for hotfix: Hotfix, inventory: Inventory) -> CollectionQuery {
        let seen = versionsSeen(of: hotfix.component, in: inventory)
        let lower = seen.filter { $0 < hotfix.minimumVersion }.map(\.text)
        var notes: [String] = []
        let stateClass = "SMS_G_System_SMS_ADVANCED_CLIENT_STATE"
        var condition: String
        if lower.isEmpty {
            // Nothing to enumerate: fall back to the string test, in the padding the inventory uses.
            let required = paddedLike(hotfix.minimumVersion, seen)
            condition = "\(stateClass).Version < \(wqlString(required))"
            notes.append("no client in the loaded inventory reports \(hotfix.component) below \(hotfix.minimumVersion.text); "
                + "this query falls back to comparing strings, which is right only while every version has the digit counts of \(required)")
        } else {
            condition = "\(stateClass).Version in (" + lower.map(wqlString).joined(separator: ", ") + ")"
            notes.append("the query lists the \(lower.count) \(hotfix.component) version(s) below \(hotfix.minimumVersion.text) "
                + "seen in this inventory; a client with a version not seen here is not selected: regenerate after new inventory")
        }
        if let (a, b) = stringOrderConflict(seen + [hotfix.minimumVersion]) {
            notes.append("string order differs from version order in this inventory ('\(a.text)' vs '\(b.text)'): "
                + "a query comparing Version as a string, like the KB's `Version < \"…\"`, selects the wrong clients")
        }
        notes.append("clients that report no \(hotfix.component) at all are not selected (their status is unknown)")
        let text = """
            select SMS_R_System.ResourceId, SMS_R_System.ResourceType, SMS_R_System.Name, \
            SMS_R_System.SMSUniqueIdentifier, SMS_R_System.ResourceDomainORWorkgroup, SMS_R_System.Client
            from SMS_R_System
            inner join \(stateClass)
            on \(stateClass).ResourceID = SMS_R_System.ResourceId
            where SMS_R_System.ClientType = 1
            and \(stateClass).Name = \(wqlString(hotfix.component))
            and \(condition)
            """
        return CollectionQuery(language: .wql, kb: hotfix.kb, text: text, notes: notes, lowerVersions: lower)
    }

    /// SQL compares the four parts as integers with `PARSENAME` (which numbers parts from the
    /// right, as ConfigMgr's four-part versions need). cmlens's own database defines PARSENAME,
    /// so `cmlens sql` runs this query too.
    public static func sql(for hotfix: Hotfix) -> CollectionQuery {
        var notes: [String] = []
        let required = hotfix.minimumVersion
        if required.parts.count > 4 && required.parts[4...].contains(where: { $0 != 0 }) {
            notes.append("PARSENAME reads four parts; \(required.text) has more, so only the first four are compared")
        }
        notes.append("PARSENAME needs four-part versions; a Version0 that is not numeric makes SQL Server fail the CAST "
            + "(on SQL Server 2012 and later, TRY_CAST skips it instead)")
        notes.append("clients that report no \(hotfix.component) at all are not selected (their status is unknown)")
        let part = { (k: Int) in "CAST(PARSENAME(AC.Version0, \(4 - k)) AS int)" }
        // (a, b, c, d) < (A, B, C, D), written out part by part.
        var comparison = "\(part(3)) < \(required.part(3))"
        for k in stride(from: 2, through: 0, by: -1) {
            comparison = "\(part(k)) < \(required.part(k))\n       OR (\(part(k)) = \(required.part(k)) AND (\(comparison)))"
        }
        let text = """
            SELECT R.ResourceID, R.Name0, AC.Name0 AS Component, AC.Version0
            FROM dbo.v_R_System R
            INNER JOIN dbo.v_GS_SMS_ADVANCED_CLIENT_STATE AC ON AC.ResourceID = R.ResourceID
            WHERE AC.Name0 = \(sqlString(hotfix.component))
              AND (\(comparison))
            ORDER BY R.Name0
            """
        return CollectionQuery(language: .sql, kb: hotfix.kb, text: text, notes: notes, lowerVersions: [])
    }

    /// Distinct readable versions of a component in the inventory, as written, lowest first.
    static func versionsSeen(of component: String, in inventory: Inventory) -> [ComponentVersion] {
        var texts = Set<String>()
        var versions: [ComponentVersion] = []
        for row in inventory.components where row.name.caseInsensitiveCompare(component) == .orderedSame {
            if let version = row.version, texts.insert(version.text).inserted { versions.append(version) }
        }
        return versions.sorted { $0 < $1 || ($0 == $1 && $0.text < $1.text) }
    }

    /// Two versions whose string order is not their version order, if any.
    public static func stringOrderConflict(_ versions: [ComponentVersion]) -> (ComponentVersion, ComponentVersion)? {
        for (k, a) in versions.enumerated() {
            for b in versions[(k + 1)...] where ComponentVersion.stringOrderDiffers(a, b) { return (a, b) }
        }
        return nil
    }

    /// The required version written with the zero-padding most of the inventory uses.
    /// With no inventory to copy, ConfigMgr's own form: `4.00.6487.2157` (the minor part in two digits).
    static func paddedLike(_ version: ComponentVersion, _ seen: [ComponentVersion]) -> String {
        var widths = version.parts.indices.map { $0 == 1 ? 2 : 1 }
        if let model = seen.last {
            guard model.parts.count == version.parts.count else { return version.text }
            widths = model.text.split(separator: ".").map(\.count)
        }
        return zip(version.parts, widths).map { value, width in
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }.joined(separator: ".")
    }

    static func wqlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func sqlString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
