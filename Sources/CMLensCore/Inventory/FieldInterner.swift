/// Long values that repeat down a column — component names, display names, site codes — share one
/// String instead of costing an allocation per row (a million-row export repeats ten names). A column
/// whose long values rarely repeat (GUIDs, paths) stops being looked up after a while.
struct FieldInterner {
    private struct Column {
        var values: [(bytes: [UInt8], text: String)] = []
        var next = 0
        var hits = 0
        var misses = 0
        var enabled: Bool { misses < 256 || hits > misses }
    }

    private var columns: [Column] = []
    private static let perColumn = 16

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> String {
        // Up to 15 UTF-8 bytes fit inside a String without an allocation: nothing to share.
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        while columns.count <= column { columns.append(Column()) }
        guard columns[column].enabled else { return String(decoding: bytes, as: UTF8.self) }
        for value in columns[column].values where value.bytes.count == bytes.count {
            if value.bytes.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
                columns[column].hits += 1
                return value.text
            }
        }
        columns[column].misses += 1
        let text = String(decoding: bytes, as: UTF8.self)
        let entry = (Array(bytes), text)
        if columns[column].values.count < Self.perColumn {
            columns[column].values.append(entry)
        } else {
            columns[column].values[columns[column].next] = entry
            columns[column].next = (columns[column].next + 1) % Self.perColumn
        }
        return text
    }
}
