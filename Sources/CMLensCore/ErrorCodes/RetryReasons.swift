/// Why ConfigMgr retries a program that exits with a code on the retry list, in cmlens's own words.
///
/// The list is about infrastructure outside the command line — network, shares, sessions, logons,
/// another installation, the client's own resources — which may be different by the next try; codes like
/// 1 (incorrect function) and 2 (file not found) are the command line's own fault and are never retried.
public enum RetryReasons {
    public static func why(_ code: Int) -> String {
        for group in groups where group.codes.contains(code) { return group.reason }
        return "On the site's retry list, so ConfigMgr runs the program again (its message names no outside condition)."
    }

    private static let groups: [(codes: Set<Int>, reason: String)] = [
        ([51, 53, 54, 55, 59, 64, 67, 70, 1203, 1222, 1231, 1232, 2250],
         "The network or the share holding the program was unavailable; it may be reachable by the next try."),
        ([71, 85, 1219, 1220, 1238],
         "A session or connection limit was reached (or a drive letter was already in use); connections are freed over time."),
        ([5, 65, 86, 1265, 1311, 1323, 1326, 1330],
         "Access or sign-in failed (rights, password, or no domain controller answering); these can change before the next try."),
        ([4, 8, 14, 39, 112, 170, 999],
         "The client was short of memory, disk space or file handles, or a resource was busy; that can clear by the next try."),
        ([1618, 1622],
         "Windows Installer was busy with another installation (or could not open its log); the other installation finishes."),
    ]
}
