import Foundation

/// Reads site control files. A malformed line becomes a problem naming it; the parse goes on.
public enum SiteControlParser {
    public static func read(path: String) -> SiteControlFile {
        let data: Data
        do {
            data = try InputFile.read(atPath: path, limit: InputFile.Limit.siteControl)
        } catch {
            var file = SiteControlFile(path: path)
            file.problems.append(LoadProblem(file: path, message: "site control file \(error); using the default retry policy"))
            return file
        }
        let bytes = Array(data)
        let sniff = EncodingSniffer.sniff(Array(bytes.prefix(64 << 10)))
        if sniff.isBinary {
            var file = SiteControlFile(path: path)
            file.problems.append(LoadProblem(file: path, message: "binary data, not a site control file (\(sniff.binaryReason)); using the default retry policy"))
            return file
        }
        return parse(text: decode(bytes), path: path)
    }

    /// Site control files are ANSI or UTF-16 depending on who copied them off the server.
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let (utf8, _) = UTF16Transcoding.utf8(from: bytes, bigEndian: bytes[0] == 0xFE, skipBOM: true)
            return TextDecoding.string(utf8)
        }
        return TextDecoding.string(bytes)
    }

    /// Past this many unreadable lines the file is probably not a site control file at all; one
    /// summary says so instead of a warning per line.
    static let lineWarningLimit = 20

    /// Real files nest four or five blocks deep. Deeper ones are not kept as blocks: a tree
    /// 100,000 levels deep would exhaust the stack when it is freed.
    static let maximumDepth = 32

    public static func parse(text: String, path: String) -> SiteControlFile {
        var file = SiteControlFile(path: path)
        var stack: [SiteControlFile.Block] = []
        // A property's value may wrap over lines (a long error-code list): while a `<` is open,
        // the next lines are joined to it (without a separator: the wrap is not part of the value).
        var pending: (text: String, line: Int)?
        var unreadable = 0
        // BEGIN_ lines past the maximum depth still open, so their END_ lines are matched.
        var tooDeep = 0
        let lines = lines(of: text)
        for (k, rawLine) in lines.enumerated() {
            let number = k + 1
            var line = rawLine.trimmingWhitespaceAndNewlines
            if let open = pending {
                if startsStatement(line) {
                    // The value never closed; the statement on this line is not part of it.
                    file.problems.append(LoadProblem(file: path, line: open.line,
                                                     message: "PROPERTY value never closed (missing `>` before line \(number)); ignored"))
                    pending = nil
                } else {
                    line = open.text + line
                    if hasOpenAngle(line) {
                        pending = (line, open.line)
                    } else {
                        pending = nil
                        handleProperty(line, number: open.line, stack: &stack, file: &file)
                    }
                    continue
                }
            }
            if line.isEmpty { continue }
            if line.hasPrefix("BEGIN_") && stack.count >= maximumDepth {
                if tooDeep == 0 {
                    file.problems.append(LoadProblem(file: path, line: number, severity: .warning,
                                                     message: "blocks nested more than \(maximumDepth) deep; from here their contents are read as part of BEGIN_\(stack[stack.count - 1].kind) (line \(stack[stack.count - 1].line))"))
                }
                tooDeep += 1
            } else if line.hasPrefix("END_") && tooDeep > 0 {
                tooDeep -= 1
            } else if line.hasPrefix("BEGIN_") {
                stack.append(SiteControlFile.Block(kind: String(line.dropFirst(6)), line: number))
            } else if line.hasPrefix("END_") {
                let kind = String(line.dropFirst(4))
                guard let top = stack.popLast() else {
                    file.problems.append(LoadProblem(file: path, line: number, severity: .warning,
                                                     message: "\(line) without a matching BEGIN_\(kind); ignored"))
                    continue
                }
                if top.kind != kind {
                    file.problems.append(LoadProblem(file: path, line: number, severity: .warning,
                                                     message: "\(line) closes BEGIN_\(top.kind) (line \(top.line)); read as its end"))
                }
                if stack.isEmpty { file.blocks.append(top) } else { stack[stack.count - 1].children.append(top) }
            } else if line.hasPrefix("PROPERTY") {
                if hasOpenAngle(line) {
                    pending = (line, number)
                } else {
                    handleProperty(line, number: number, stack: &stack, file: &file)
                }
            } else if line.hasPrefix("SITE_KEY_FLAGS") {
                if !stack.isEmpty { stack[stack.count - 1].flags = angleFields(line).first }
            } else if line.hasPrefix("<") {
                guard !stack.isEmpty else {
                    file.problems.append(LoadProblem(file: path, line: number, severity: .warning,
                                                     message: "value outside any BEGIN_…/END_… block; ignored"))
                    continue
                }
                // An item header may carry its flags on the same line: `<Name> <Type> SITE_KEY_FLAGS <1>`.
                var fieldsText = line
                if let flagsAt = line.range(of: "SITE_KEY_FLAGS") {
                    stack[stack.count - 1].flags = angleFields(String(line[flagsAt.upperBound...])).first
                    fieldsText = String(line[..<flagsAt.lowerBound])
                }
                let fields = angleFields(fieldsText)
                // A Bool, not a copy of the block: a copy alive during the append below would make
                // every append copy the whole entry list (quadratic on a long list).
                let isHeader = stack.withUnsafeBufferPointer { blocks in
                    let top = blocks[blocks.count - 1]
                    return isList(top.kind) ? top.header.isEmpty : (top.properties.isEmpty && top.children.isEmpty)
                }
                if isHeader {
                    stack[stack.count - 1].header.append(contentsOf: fields)
                } else {
                    stack[stack.count - 1].entries.append(contentsOf: fields)
                }
            } else if line.hasPrefix("[") || line.hasPrefix(";") {
                continue
            } else {
                unreadable += 1
                if unreadable <= lineWarningLimit {
                    file.problems.append(LoadProblem(file: path, line: number, severity: .warning,
                                                     message: "not a site control line (\(line.prefix(40))); ignored"))
                }
            }
        }
        if unreadable > lineWarningLimit {
            file.problems.append(LoadProblem(file: path, severity: .warning,
                                             message: "\(unreadable - lineWarningLimit) more lines that are not site control lines were ignored; is this a site control file?"))
        }
        if let open = pending {
            file.problems.append(LoadProblem(file: path, line: open.line,
                                             message: "PROPERTY value never closed (missing `>` before the end of the file); ignored"))
        }
        while let top = stack.popLast() {
            file.problems.append(LoadProblem(file: path, line: top.line,
                                             message: "BEGIN_\(top.kind) has no END_\(top.kind); read up to the end of the file"))
            if stack.isEmpty { file.blocks.append(top) } else { stack[stack.count - 1].children.append(top) }
        }
        return file
    }

    /// A line that cannot continue a wrapped value: it opens, closes or defines something.
    /// The lines, split at LF, CRLF and a lone CR, on the UTF-8 bytes (a split on Characters had to find
    /// every grapheme boundary). The same cut: a CR or LF is always a character of its own, or CRLF one.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            guard byte == 0x0A || byte == 0x0D else {
                i = utf8.index(after: i)
                continue
            }
            lines.append(text[start..<i])
            i = utf8.index(after: i)
            if byte == 0x0D, i != utf8.endIndex, utf8[i] == 0x0A { i = utf8.index(after: i) }
            start = i
        }
        lines.append(text[start...])
        return lines
    }

    private static func startsStatement(_ line: String) -> Bool {
        line.hasPrefix("BEGIN_") || line.hasPrefix("END_") || line.hasPrefix("PROPERTY") || line.hasPrefix("SITE_KEY_FLAGS")
    }

    /// Whether a `<` is still open at the end of the line (a value wrapped onto the next line).
    static func hasOpenAngle(_ line: String) -> Bool {
        var depth = 0
        for ch in line {
            if ch == "<" { depth += 1 } else if ch == ">" && depth > 0 { depth -= 1 }
        }
        return depth > 0
    }

    private static func isList(_ kind: String) -> Bool { kind.hasSuffix("_LIST") }

    private static func handleProperty(_ line: String, number: Int, stack: inout [SiteControlFile.Block],
                                       file: inout SiteControlFile) {
        let fields = angleFields(line)
        guard fields.count >= 4 else {
            file.problems.append(LoadProblem(file: file.path, line: number,
                                             message: "PROPERTY needs <Name><Type><String><Integer>; found \(fields.count) field(s); ignored"))
            return
        }
        let property = SiteControlFile.Property(name: fields[0], type: fields[1], string: fields[2], integer: fields[3],
                                                line: number)
        if stack.isEmpty {
            var loose = SiteControlFile.Block(kind: "(top level)", line: number)
            loose.properties.append(property)
            file.blocks.append(loose)
        } else {
            stack[stack.count - 1].properties.append(property)
        }
    }

    /// `<a><b><><1008>` → ["a", "b", "", "1008"]
    static func angleFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var depth = 0
        for ch in line {
            if ch == "<" {
                if depth > 0 { current.append(ch) }
                depth += 1
            } else if ch == ">" && depth > 0 {
                depth -= 1
                if depth == 0 { fields.append(current); current = "" } else { current.append(ch) }
            } else if depth > 0 {
                current.append(ch)
            }
        }
        return fields
    }
}
