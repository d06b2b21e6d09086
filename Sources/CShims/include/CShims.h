#ifndef CMLENS_CSHIMS_H
#define CMLENS_CSHIMS_H
#include <stddef.h>
#include "CShimsByteScan.h"
#include "CShimsFoldedSearch.h"
#include "CShimsLevelSearch.h"
/// Display columns of one Unicode scalar: -1 for non-printable, 0 for combining, 2 for wide.
int cshims_wcwidth(unsigned int scalar);
/// memmem, which glibc declares only under _GNU_SOURCE (Swift's Glibc module does not set it).
const void *cshims_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);
/// memrchr, likewise GNU: the last `byte` in the haystack, or NULL.
const void *cshims_memrchr(const void *haystack, int byte, size_t haystack_length);
#endif
