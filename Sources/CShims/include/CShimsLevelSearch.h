#ifndef CMLENS_CSHIMS_LEVEL_SEARCH_H
#define CMLENS_CSHIMS_LEVEL_SEARCH_H
#include <stddef.h>
#include <stdint.h>

/// First `type=` attribute (name in any case, value quoted with `"` or `'` or bare) whose value
/// starts with a digit from `lowest` to `3` (a CMTrace record of that severity or worse), or SMS
/// trailer `$$<` (whose record's severity is in its words). Returns the offset of the `=` or the
/// `<` at `from` or after, or `haystack_length` when there is none. The bytes before `from` are read
/// as context: a search that goes on after a hit still sees a `type=` that began before it.
///
/// `cmlens log --level error` over a gigabyte log keeps one record in twenty-five; finding them
/// this way costs a pass over the bytes instead of parsing every record. Sixteen positions are
/// tested at a time for `ype=` (letters folded) and `$$<`; a hit too close to the end to check its value is
/// returned, since a candidate may be wrong but never missed.
size_t cshims_find_type_level(const uint8_t *haystack, size_t haystack_length, size_t from, uint8_t lowest);
#endif
