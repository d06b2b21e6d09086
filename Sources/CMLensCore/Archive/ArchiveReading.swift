#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an archive's logs into memory, entry by entry, under `ArchiveLimits`: a workspace inside a
/// file. Never throws: what cannot be read becomes a problem naming the archive or the entry, and
/// everything else still loads.
public enum ArchiveReading {
    public static func read(_ path: String, limits: ArchiveLimits = .standard) -> ArchiveContents {
        var contents = ArchiveContents()
        // Opened non-blocking and checked to be a regular file, as every input is: a named pipe
        // called `x.zip` must be refused, not waited on.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            contents.problems.append(LoadProblem(file: path, message: "cannot open this archive (\(SystemErrorText.of(errno)))"))
            return contents
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            contents.problems.append(LoadProblem(file: path, message: "named like an archive but not a regular file; skipped"))
            return contents
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        do {
            let stream = try ArchiveStream(fd: fd)
            var reader = Reader(limits: limits, contents: contents)
            // The stream is freed before `fd` is closed.
            withExtendedLifetime(stream) { reader.walk(stream, display: path, fileName: lastComponent(path), depth: 0) }
            return reader.contents
        } catch {
            contents.problems.append(unreadable(path, error))
            return contents
        }
    }

    /// An archive already in memory, cited as `display`: what the fuzz target reads, with no file.
    static func read(bytes: [UInt8], display: String, limits: ArchiveLimits = .standard) -> ArchiveContents {
        var contents = ArchiveContents()
        do {
            let stream = try ArchiveStream(bytes: bytes)
            var reader = Reader(limits: limits, contents: contents)
            reader.walk(stream, display: display, fileName: lastComponent(display), depth: 0)
            return reader.contents
        } catch {
            contents.problems.append(unreadable(display, error))
            return contents
        }
    }

    static func unreadable(_ display: String, _ error: ArchiveStream.Failure) -> LoadProblem {
        LoadProblem(file: display, message: "cannot be read as an archive (libarchive: \(error.message)); "
                    + "check that it is a whole .zip, .cab, .tar(.gz/.xz/.bz2/.zst) or .7z file")
    }

    static func lastComponent(_ name: String) -> String {
        parts(of: name).last ?? name
    }

    /// A name's parts between slashes. Split on the scalar `/`, not the Character: an entry name is
    /// anyone's bytes, and a combining mark after a slash makes `/` + mark one Character that a
    /// Character split would not see as a slash.
    static func parts(of name: String) -> [String] {
        name.unicodeScalars.split(separator: "/").map { String(String.UnicodeScalarView($0)) }
    }

    private struct Reader {
        let limits: ArchiveLimits
        var contents: ArchiveContents

        /// Every entry of `stream`, an archive cited as `display` (a path, or `outer.zip!/inner.zip`).
        mutating func walk(_ stream: ArchiveStream, display: String, fileName: String, depth: Int) {
            var count = 0
            while true {
                let entry: ArchiveStream.Entry
                do {
                    guard let next = try stream.next() else { return }
                    entry = next
                } catch {
                    contents.problems.append(LoadProblem(
                        file: display, message: "damaged after \(count) entries (libarchive: \(error.message)); "
                            + "the entries before were read, the rest was not"))
                    return
                }
                count += 1
                guard entry.isFile else { continue }
                let shown = ArchiveNames.display(archive: display, entry: entry.name)
                let name = ArchiveReading.lastComponent(entry.name)
                if ArchiveNames.isArchive(name) {
                    guard depth < limits.nesting else {
                        contents.problems.append(LoadProblem(file: shown, message:
                            "refused: an archive nested more than \(limits.nesting) level deep in \(display); "
                            + "cmlens opens an archive and the archives inside it: unpack the outer one and open this"))
                        guard pass(stream, shown) else { return }
                        continue
                    }
                    switch take(stream, entry, shown) {
                    case .bytes(let bytes):
                        do {
                            let inner = try ArchiveStream(bytes: bytes)
                            walk(inner, display: shown, fileName: name, depth: depth + 1)
                        } catch {
                            contents.problems.append(ArchiveReading.unreadable(shown, error))
                        }
                    case .refused: continue
                    case .stop: return
                    }
                    continue
                }
                switch WorkspaceScanner.kind(ofFileNamed: name) {
                case .log:
                    switch take(stream, entry, shown) {
                    case .bytes(let bytes):
                        if contents.bytes[shown] != nil {
                            contents.problems.append(LoadProblem(file: shown, severity: .warning, message:
                                "appears twice in the archive; the later copy is read, as unpacking it would leave"))
                        }
                        let (key, client) = Self.folder(of: entry.name, archive: display, fileName: fileName)
                        contents.add(log: shown, folderKey: key, client: client, bytes: bytes)
                    case .refused: continue
                    case .stop: return
                    }
                case .siteControl, .table, .systemList, .rules:
                    contents.notRead.append(shown)
                    guard pass(stream, shown) else { return }
                case .other:
                    guard pass(stream, shown) else { return }
                }
            }
        }

        /// The folder an entry is in, as a client: its last real folder name (`a/PC1/x.log` → PC1);
        /// at the root (or only `..` and `.` above it) the archive's name without extension.
        static func folder(of entry: String, archive: String, fileName: String) -> (key: String, client: String) {
            var parts = ArchiveReading.parts(of: entry)
            _ = parts.popLast()
            let folder = parts.joined(separator: "/")
            let key = folder.isEmpty ? archive : ArchiveNames.display(archive: archive, entry: folder)
            if let name = parts.last(where: { $0 != "." && $0 != ".." }) { return (key, name) }
            return (key, ArchiveNames.stem(fileName))
        }

        enum Taken { case bytes([UInt8]), refused, stop }

        /// The entry's bytes, or a problem saying why they were refused.
        mutating func take(_ stream: ArchiveStream, _ entry: ArchiveStream.Entry, _ shown: String) -> Taken {
            let room = min(limits.entryBytes, max(0, limits.archiveBytes - contents.expanded))
            if let declared = entry.declaredSize, declared > room {
                contents.problems.append(LoadProblem(file: shown, message: refusal(size: declared, claimed: true)))
                return pass(stream, shown) ? .refused : .stop
            }
            let start = stream.compressedPosition
            var bytes: [UInt8] = []
            bytes.reserveCapacity(min(entry.declaredSize ?? 0, room))
            var chunk = [UInt8](repeating: 0, count: 1 << 18)
            while true {
                let got: Int
                do {
                    got = try stream.read(into: &chunk)
                } catch {
                    contents.problems.append(LoadProblem(
                        file: shown, message: "cannot be read (libarchive: \(error.message)); skipped, the rest of the archive was not read"))
                    return .stop
                }
                if got == 0 { break }
                bytes += chunk[..<got]
                if bytes.count > room {
                    contents.problems.append(LoadProblem(file: shown, message: refusal(size: bytes.count, claimed: false)))
                    return pass(stream, shown) ? .refused : .stop
                }
                let packed = max(1, stream.compressedPosition - start)
                if bytes.count > limits.ratioFloor, bytes.count / packed > limits.ratio {
                    contents.problems.append(LoadProblem(file: shown, message:
                        "refused: expands more than \(limits.ratio) times its compressed size "
                        + "(\(ArchiveLimits.size(bytes.count)) from \(ArchiveLimits.size(packed)) when stopped), the mark of "
                        + "an archive bomb, not of logs; the rest of the archive was read. Unpack it yourself if you trust it"))
                    return pass(stream, shown) ? .refused : .stop
                }
            }
            contents.expanded += bytes.count
            return .bytes(bytes)
        }

        private func refusal(size: Int, claimed: Bool) -> String {
            let what = claimed ? "the archive says it expands to \(ArchiveLimits.size(size))"
                : "it expanded past \(ArchiveLimits.size(size))"
            if size > limits.entryBytes || contents.expanded == 0 {
                return "refused: \(what), more than the \(ArchiveLimits.size(limits.entryBytes)) cmlens reads of one "
                    + "entry (logs are far smaller: an archive bomb, or not a log); unpack it yourself if you trust it"
            }
            return "refused: \(what), past the \(ArchiveLimits.size(limits.archiveBytes)) cmlens reads of one archive "
                + "in all; unpack the archive and open its folders"
        }

        /// Moves past the rest of an entry not read: a seek where the format allows, else expanding
        /// and discarding at most `discardBytes`. False when the archive cannot go on.
        mutating func pass(_ stream: ArchiveStream, _ shown: String) -> Bool {
            do {
                if stream.skipIsCheap {
                    try stream.skip()
                    return true
                }
                var chunk = [UInt8](repeating: 0, count: 1 << 18)
                var discarded = 0
                while discarded <= limits.discardBytes {
                    let got = try stream.read(into: &chunk)
                    if got == 0 { return true }
                    discarded += got
                }
                contents.problems.append(LoadProblem(file: shown, message:
                    "the rest of the archive after this entry was not read: passing it means expanding more than "
                    + "\(ArchiveLimits.size(limits.discardBytes)) of it; unpack the archive to read the rest"))
            } catch {
                contents.problems.append(LoadProblem(
                    file: shown, message: "cannot be read (libarchive: \(error.message)); the rest of the archive was not read"))
            }
            return false
        }
    }
}
