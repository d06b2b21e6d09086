#include "CShimsLevelSearch.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define CSHIMS_HAS_AVX2_PATH 1
#endif

/* Whether the value after the `=` at `at` opens with a digit from `lowest` to '3'; true when the
   buffer ends first (the caller's scanner decides). */
static inline int value_qualifies(const uint8_t *h, size_t n, size_t at, uint8_t lowest) {
    size_t j = at + 1;
    if (j >= n) return 1;
    if (h[j] == '"' || h[j] == '\'') {
        j++;
        if (j >= n) return 1;
    }
    return h[j] >= lowest && h[j] <= '3';
}

static inline int is_type_equals(const uint8_t *h, size_t at) {
    return h[at] == '=' && (h[at - 1] | 0x20) == 'e' && (h[at - 2] | 0x20) == 'p' && (h[at - 3] | 0x20) == 'y';
}

static inline int is_sms_marker_end(const uint8_t *h, size_t at) {
    return h[at] == '<' && h[at - 1] == '$' && h[at - 2] == '$';
}

/* The first of the positions flagged in a block starting at `i` that is a candidate: any SMS
   trailer, or a `type=` whose value qualifies; `n` when none is. One reading for both widths. */
static inline size_t first_candidate(const uint8_t *h, size_t n, size_t i, unsigned types, unsigned markers, uint8_t lowest) {
    unsigned hits = types | markers;
    while (hits) {
        unsigned bit = (unsigned)__builtin_ctz(hits);
        size_t at = i + bit;
        if ((markers >> bit) & 1 || value_qualifies(h, n, at, lowest)) return at;
        hits &= hits - 1;
    }
    return n;
}

#if defined(CSHIMS_HAS_AVX2_PATH)
/* The same test thirty-two positions at a time, on processors that have AVX2 (nearly every x86
   machine a ConfigMgr admin runs): the search is then bound by the copy from the page cache. */
__attribute__((target("avx2")))
static size_t find_type_level_avx2(const uint8_t *h, size_t n, size_t from, uint8_t lowest, size_t *resume) {
    size_t i = from;
    const __m256i fold = _mm256_set1_epi8(0x20);
    const __m256i eq = _mm256_set1_epi8('='), e = _mm256_set1_epi8('e'), p = _mm256_set1_epi8('p'), y = _mm256_set1_epi8('y');
    const __m256i lt = _mm256_set1_epi8('<'), dollar = _mm256_set1_epi8('$');
    for (; i + 32 <= n; i += 32) {
        __m256i v0 = _mm256_loadu_si256((const __m256i *)(h + i));
        __m256i v1 = _mm256_loadu_si256((const __m256i *)(h + i - 1));
        __m256i v2 = _mm256_loadu_si256((const __m256i *)(h + i - 2));
        __m256i v3 = _mm256_loadu_si256((const __m256i *)(h + i - 3));
        __m256i type = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(v0, eq), _mm256_cmpeq_epi8(_mm256_or_si256(v1, fold), e)),
                                        _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_or_si256(v2, fold), p),
                                                         _mm256_cmpeq_epi8(_mm256_or_si256(v3, fold), y)));
        __m256i sms = _mm256_and_si256(_mm256_cmpeq_epi8(v0, lt),
                                       _mm256_and_si256(_mm256_cmpeq_epi8(v1, dollar), _mm256_cmpeq_epi8(v2, dollar)));
        unsigned types = (unsigned)_mm256_movemask_epi8(type), markers = (unsigned)_mm256_movemask_epi8(sms);
        size_t at = first_candidate(h, n, i, types, markers, lowest);
        if (at < n) return at;
    }
    *resume = i;
    return n;
}
#endif

size_t cshims_find_type_level(const uint8_t *h, size_t n, size_t from, uint8_t lowest) {
    /* A trailer's `<` can stand at 2, a `type=`'s `=` at 3 at the earliest; the vector steps look
       three bytes back, so they start at 3 and the one earlier place is looked at alone. */
    if (from <= 2 && n > 2 && is_sms_marker_end(h, 2)) return 2;
    size_t i = from < 3 ? 3 : from;
#if defined(CSHIMS_HAS_AVX2_PATH)
    if (__builtin_cpu_supports("avx2")) {
        size_t at = find_type_level_avx2(h, n, i, lowest, &i);
        if (at < n) return at;
    }
#endif
#if defined(__SSE2__)
    const __m128i fold = _mm_set1_epi8(0x20);
    const __m128i eq = _mm_set1_epi8('='), e = _mm_set1_epi8('e'), p = _mm_set1_epi8('p'), y = _mm_set1_epi8('y');
    const __m128i lt = _mm_set1_epi8('<'), dollar = _mm_set1_epi8('$');
    for (; i + 16 <= n; i += 16) {
        __m128i v0 = _mm_loadu_si128((const __m128i *)(h + i));
        __m128i v1 = _mm_loadu_si128((const __m128i *)(h + i - 1));
        __m128i v2 = _mm_loadu_si128((const __m128i *)(h + i - 2));
        __m128i v3 = _mm_loadu_si128((const __m128i *)(h + i - 3));
        __m128i type = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, eq), _mm_cmpeq_epi8(_mm_or_si128(v1, fold), e)),
                                     _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(v2, fold), p), _mm_cmpeq_epi8(_mm_or_si128(v3, fold), y)));
        __m128i sms = _mm_and_si128(_mm_cmpeq_epi8(v0, lt), _mm_and_si128(_mm_cmpeq_epi8(v1, dollar), _mm_cmpeq_epi8(v2, dollar)));
        unsigned types = (unsigned)_mm_movemask_epi8(type), markers = (unsigned)_mm_movemask_epi8(sms);
        size_t at = first_candidate(h, n, i, types, markers, lowest);
        if (at < n) return at;
    }
#endif
    for (; i < n; i++) {
        if (is_sms_marker_end(h, i) || (is_type_equals(h, i) && value_qualifies(h, n, i, lowest))) return i;
    }
    return n;
}
