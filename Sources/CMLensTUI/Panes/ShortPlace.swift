/// `WKS-ACCT-014/execmgr.lo_:146`: a record's place as the panes show it — the client folder and the
/// file, not the whole path, which would push the rest of the line off a narrow screen.
enum ShortPlace {
    static func of(file: String, line: Int) -> String {
        file.split(separator: "/").suffix(2).joined(separator: "/") + ":\(line)"
    }
}
