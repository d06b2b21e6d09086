#define _GNU_SOURCE 1
#define _XOPEN_SOURCE 700
#include <string.h>
#include <wchar.h>
#include "CShims.h"

int cshims_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

const void *cshims_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

const void *cshims_memrchr(const void *haystack, int byte, size_t haystack_length) {
    return memrchr(haystack, byte, haystack_length);
}
