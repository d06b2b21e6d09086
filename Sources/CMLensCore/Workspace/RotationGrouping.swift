import Foundation

/// Groups a folder's log files into rotated logs, each oldest file first.
enum RotationGrouping {
    static func group(_ files: [String]) -> [RotatedLog] {
        var byName: [String: [(order: String, file: String)]] = [:]
        for file in files {
            let (name, order) = rotationKey(of: (file as NSString).lastPathComponent)
            byName[name, default: []].append((order, file))
        }
        return byName.keys.sorted { $0.lowercased() < $1.lowercased() }.map { name in
            RotatedLog(name: name, files: byName[name]!.sorted { $0.order < $1.order }.map(\.file))
        }
    }

    /// `execmgr-20210714-083000.log` → (`execmgr.log`, "0-20210714-083000"); `.lo_` → "1"; `.log` → "2".
    static func rotationKey(of fileName: String) -> (name: String, order: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".lo_") {
            return (String(fileName.dropLast(4)) + ".log", "1")
        }
        if lower.hasSuffix(".log") {
            let stem = String(fileName.dropLast(4))
            // name-YYYYMMDD-HHMMSS
            let parts = stem.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count >= 3,
               let time = parts.last, time.count == 6, time.allSatisfy(\.isNumber),
               case let date = parts[parts.count - 2], date.count == 8, date.allSatisfy(\.isNumber) {
                let base = parts.dropLast(2).joined(separator: "-")
                return (base + ".log", "0-\(date)-\(time)")
            }
            return (fileName, "2")
        }
        return (fileName, "2")
    }
}
