/// ConfigMgr's own codes (facility 2000–2002: 0x87D0xxxx, 0x87D1xxxx, 0x87D2xxxx), which no Windows
/// catalogue lists. Only codes whose meaning is well established are here, in cmlens's own words;
/// any other ConfigMgr code is decoded from its bits and said to be unknown, never guessed.
public enum ConfigMgrErrorCodes {
    public static func meaning(_ value: UInt32) -> String? { meanings[value] }

    /// What the JSON `source` says for a meaning from this table.
    public static let source = "cmlens: ConfigMgr code, meaning in cmlens's own words"

    public static var all: [(value: UInt32, meaning: String)] {
        meanings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private static let meanings: [UInt32: String] = [
        0x87D0_0213: "A ConfigMgr client operation timed out.",
        0x87D0_0215: "An item ConfigMgr looked up (a policy, update, or WMI object) was not found.",
        0x87D0_0323: "The deployment needs a logged-on user and no user is logged on.",
        0x87D0_0324: "The application was not detected after its installer finished: the installer ran, "
            + "but the deployment type's detection method still does not find the application.",
        0x87D0_0325: "The application was still detected after its uninstaller finished: the detection method "
            + "still finds the application.",
        0x87D0_0607: "Content not found: the client found no distribution point (content location) "
            + "holding the content it needs.",
        0x87D0_0664: "The software updates handler job was cancelled before it finished "
            + "(for example when an update ran past its maximum run time).",
        0x87D0_0665: "The software updates job had no updates left to process.",
        0x87D0_0668: "The software update still applies after it was installed: the scan still finds it "
            + "needed (a pending restart is a common cause).",
        0x87D0_1106: "ConfigMgr could not verify the program's executable or build its command line "
            + "(the file named by the command line is not where it is expected, or the command line is malformed).",
    ]
}
