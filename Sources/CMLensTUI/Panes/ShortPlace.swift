/// `WKS-ACCT-014/execmgr.lo_:146`: a record's place as the panes show it — the client folder and the
/// file, not the whole path, which would push the rest of the line off a narrow screen.
enum ShortPlace {
    static func of(file: String, line: Int) -> String {
        file.split(separator: "/").suffix(2).joined(separator: "/") + ":\(line)"
    }
}

extension ShortPlace {
    /// A path that fits `room` columns: its start gives way to `…`, never its file name.
    static func path(_ path: String, room: Int) -> String {
        let room = max(room, 12)
        guard path.count > room else { return path }
        return "…" + String(path.suffix(room - 1))
    }

    /// The last `components` parts of a path (`Samples/site/sitectrl.ct0`), for on-screen citations.
    static func tail(_ path: String, components: Int) -> String {
        let parts = path.split(separator: "/")
        return parts.count <= components ? path : parts.suffix(components).joined(separator: "/")
    }
}
