import CArchive
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pass over an archive's entries through libarchive, reading each entry's bytes in order.
/// The only place that calls libarchive: nothing is ever extracted, and entry names are only returned.
final class ArchiveStream {
    struct Entry {
        /// The name as the archive stores it (`PC1/execmgr.log`, `../x.log`, `/etc/x.log`): a label only.
        var name: String
        var isFile: Bool
        /// The size the archive claims; an attacker's archive may lie, so reading still counts.
        var declaredSize: Int?
    }

    struct Failure: Error {
        /// libarchive's own words.
        var message: String
    }

    private let handle: OpaquePointer
    /// A nested archive's bytes, owned here because libarchive reads them until the stream is freed.
    private let memory: UnsafeMutableRawBufferPointer?

    /// An archive file open on `fd` (the caller's to close, after this stream is gone), read
    /// sequentially; zip and 7z seek to their directory.
    init(fd: Int32) throws(Failure) {
        handle = Self.newReader()
        memory = nil
        guard archive_read_open_fd(handle, fd, 1 << 16) == ARCHIVE_OK else {
            // Every property is set, so deinit runs on this throw and frees the reader.
            throw Failure(message: Self.errorText(handle))
        }
    }

    /// An archive held in memory: one found inside another.
    init(bytes: [UInt8]) throws(Failure) {
        handle = Self.newReader()
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        memory = copy
        guard archive_read_open_memory(handle, copy.baseAddress, bytes.count) == ARCHIVE_OK else {
            throw Failure(message: Self.errorText(handle))
        }
    }

    deinit {
        archive_read_free(handle)
        memory?.deallocate()
    }

    private static func newReader() -> OpaquePointer {
        // archive_read_new fails only when out of memory, where nothing else would work either.
        let reader = archive_read_new()!
        archive_read_support_filter_all(reader)
        archive_read_support_format_all(reader)
        return reader
    }

    /// The next entry, or nil at the end of the archive.
    func next() throws(Failure) -> Entry? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        // ARCHIVE_WARN: a name that did not convert, an unknown extension header; the entry is usable.
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
            throw Failure(message: Self.errorText(handle))
        }
        let name = archive_entry_pathname_utf8(entry).map { String(cString: $0) }
            ?? archive_entry_pathname(entry).map { String(decoding: Self.bytes(of: $0), as: UTF8.self) }
            ?? ""
        let declared = archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : nil
        return Entry(name: name, isFile: shim_archive_entry_is_regular(entry) != 0, declaredSize: declared)
    }

    /// Up to `buffer.count` bytes of the current entry into `buffer`; 0 at its end.
    func read(into buffer: inout [UInt8]) throws(Failure) -> Int {
        let got = buffer.withUnsafeMutableBytes { archive_read_data(handle, $0.baseAddress, $0.count) }
        guard got >= 0 else { throw Failure(message: Self.errorText(handle)) }
        return got
    }

    /// Passes over the rest of the current entry without expanding it. Only cheap where the format
    /// lets libarchive seek (`skipIsCheap`); elsewhere it decompresses, so callers discard instead.
    func skip() throws(Failure) {
        guard archive_read_data_skip(handle) == ARCHIVE_OK else { throw Failure(message: Self.errorText(handle)) }
    }

    /// Zip entries are compressed one by one and an uncompressed tar is read by seeking: skipping one
    /// costs nothing. A compressed tar, a cab folder or a solid 7z block must be expanded to pass it.
    var skipIsCheap: Bool {
        shim_archive_format_is_zip(handle) != 0 || archive_filter_count(handle) <= 1
    }

    /// The archive's own (compressed) bytes consumed so far, for the expansion ratio.
    var compressedPosition: Int { Int(archive_filter_bytes(handle, -1)) }

    private static func errorText(_ handle: OpaquePointer) -> String {
        archive_error_string(handle).map { String(cString: $0) } ?? "unknown libarchive error"
    }

    private static func bytes(of text: UnsafePointer<CChar>) -> [UInt8] {
        UnsafeBufferPointer(start: text, count: strlen(text)).map { UInt8(bitPattern: $0) }
    }
}
