#ifndef CMLENS_ARCHIVE_SHIM_H
#define CMLENS_ARCHIVE_SHIM_H
/* libarchive (Debian libarchive-dev) for reading log bundles in place. */
#include <archive.h>
#include <archive_entry.h>

/* Macros with casts, which Swift cannot import. */
static inline int shim_archive_entry_is_regular(struct archive_entry *entry) {
    return archive_entry_filetype(entry) == AE_IFREG;
}
static inline int shim_archive_entry_is_directory(struct archive_entry *entry) {
    return archive_entry_filetype(entry) == AE_IFDIR;
}
static inline int shim_archive_format_is_zip(struct archive *a) {
    return (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
}
#endif
