#include "CShimsFoldedSearch.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline uint8_t fold(uint8_t b) { return (uint8_t)(b - 'A') < 26 ? (uint8_t)(b | 0x20) : b; }
static inline int is_lower_letter(uint8_t b) { return (uint8_t)(b - 'a') < 26; }

/* Whether haystack[0..<n] equals the lowercased needle, letters folded. */
static inline int equal_folded(const uint8_t *h, const uint8_t *needle, size_t n) {
    for (size_t j = 0; j < n; j++) {
        if (fold(h[j]) != needle[j]) return 0;
    }
    return 1;
}

size_t cshims_find_folded(const uint8_t *h, size_t n, const uint8_t *needle, size_t m) {
    if (m == 0) return 0;
    if (m > n) return n;
    const size_t last_start = n - m;
    size_t i = 0;
#if defined(__SSE2__)
    const uint8_t first = needle[0], last = needle[m - 1];
    /* For a letter, OR-ing 0x20 maps both cases onto the lowercase byte and nothing else onto it. */
    const __m128i first_or = _mm_set1_epi8(is_lower_letter(first) ? 0x20 : 0);
    const __m128i last_or = _mm_set1_epi8(is_lower_letter(last) ? 0x20 : 0);
    const __m128i vfirst = _mm_set1_epi8((char)first), vlast = _mm_set1_epi8((char)last);
    for (; i + 16 <= last_start + 1; i += 16) {
        __m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + i)), first_or);
        __m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(h + i + m - 1)), last_or);
        unsigned hits = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, vfirst), _mm_cmpeq_epi8(b, vlast)));
        while (hits) {
            size_t at = i + (size_t)__builtin_ctz(hits);
            if (equal_folded(h + at, needle, m)) return at;
            hits &= hits - 1;
        }
    }
#endif
    for (; i <= last_start; i++) {
        if (fold(h[i]) == needle[0] && equal_folded(h + i, needle, m)) return i;
    }
    return n;
}
