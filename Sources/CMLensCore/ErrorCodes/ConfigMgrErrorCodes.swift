/// ConfigMgr's own codes (facility 2000–2002: 0x87D0xxxx, 0x87D1xxxx, 0x87D2xxxx) that no Microsoft
/// page cmlens quotes lists, in cmlens's own words and marked as such wherever they are shown.
///
/// Microsoft's application-installation error reference (`AppInstallErrorReference`) comes first:
/// a code it lists is explained in Microsoft's words, so this table holds only codes it does not list
/// (a test checks that the two never overlap). Any other ConfigMgr code is decoded from its bits and
/// said to be unknown, never guessed.
public enum ConfigMgrErrorCodes {
    public static func meaning(_ value: UInt32) -> String? { meanings[value] }

    /// What the JSON `source` says for a meaning from this table.
    public static let source = "cmlens's own words: no Microsoft reference cmlens carries lists this ConfigMgr code"

    public static var all: [(value: UInt32, meaning: String)] {
        meanings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private static let meanings: [UInt32: String] = [
        0x87D0_0323: "The deployment needs a logged-on user and no user is logged on.",
        0x87D0_0664: "The software updates handler job was cancelled before it finished "
            + "(for example when an update ran past its maximum run time).",
        0x87D0_0665: "The software updates job had no updates left to process.",
        0x87D0_0668: "The software update still applies after it was installed: the scan still finds it "
            + "needed (a pending restart is a common cause).",
    ]
}
