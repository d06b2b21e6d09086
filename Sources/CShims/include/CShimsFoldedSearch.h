#ifndef CMLENS_CSHIMS_FOLDED_SEARCH_H
#define CMLENS_CSHIMS_FOLDED_SEARCH_H
#include <stddef.h>
#include <stdint.h>

/// First occurrence of `needle` in `haystack`, ASCII letters compared without case; `needle` is
/// given lowercased. Returns the offset, or `haystack_length` when there is none.
///
/// glibc has no case-folding memmem, and lowercasing a gigabyte first would copy it. Sixteen
/// positions are tested at a time on the needle's first and last bytes (`b | 0x20` equals a
/// lowercase letter only for that letter in either case, so the test is exact for letters), and
/// only positions where both agree are compared whole.
size_t cshims_find_folded(const uint8_t *haystack, size_t haystack_length, const uint8_t *needle, size_t needle_length);
#endif
