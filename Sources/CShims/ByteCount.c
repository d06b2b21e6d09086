#include "CShimsByteScan.h"
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

/* Thirty-two bytes per step, the matches added up bytewise and summed every 255 steps (before a
   lane can overflow): no popcount instruction, which the SSE2 baseline lacks. */
__attribute__((target("avx2")))
static size_t count_byte_avx2(const uint8_t *p, size_t n, uint8_t a, size_t *done) {
    const __m256i va = _mm256_set1_epi8((char)a), zero = _mm256_setzero_si256();
    size_t i = 0, count = 0;
    while (i + 32 <= n) {
        __m256i lanes = zero;
        size_t steps = (n - i) / 32;
        if (steps > 255) steps = 255;
        for (size_t s = 0; s < steps; s++, i += 32) {
            lanes = _mm256_sub_epi8(lanes, _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(p + i)), va));
        }
        __m256i sums = _mm256_sad_epu8(lanes, zero);
        count += (size_t)_mm256_extract_epi64(sums, 0) + (size_t)_mm256_extract_epi64(sums, 1)
            + (size_t)_mm256_extract_epi64(sums, 2) + (size_t)_mm256_extract_epi64(sums, 3);
    }
    *done = i;
    return count;
}
#endif

size_t cshims_count_byte_wide(const uint8_t *p, size_t n, uint8_t a) {
    size_t i = 0, count = 0;
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
    if (__builtin_cpu_supports("avx2")) count = count_byte_avx2(p, n, a, &i);
#endif
    for (; i < n; i++) count += p[i] == a;
    return count;
}
