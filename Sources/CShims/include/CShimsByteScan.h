#ifndef CMLENS_CSHIMS_BYTE_SCAN_H
#define CMLENS_CSHIMS_BYTE_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The scanner's two hot searches, sixteen bytes per step. memchr finds one byte; a CMTrace record
/// needs the first of two or three (`]` or a newline in a message; `"`, a newline or `<` in an
/// attribute value), and two memchr passes cost twice the memory traffic. Header-only and `static
/// inline` so that Swift inlines them like its own code.

/// Index of the first byte of `p[0..<n]` equal to `a` or `b`; `n` when there is none.
static inline __attribute__((always_inline)) size_t cshims_find_either(const uint8_t *p, size_t n, uint8_t a, uint8_t b) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
        if (hits) return i + (size_t)__builtin_ctz((unsigned)hits);
    }
#endif
    for (; i < n; i++) {
        if (p[i] == a || p[i] == b) return i;
    }
    return n;
}

/// Index of the first byte of `p[0..<n]` equal to `a`, `b` or `c`; `n` when there is none.
static inline __attribute__((always_inline)) size_t cshims_find_any(const uint8_t *p, size_t n, uint8_t a, uint8_t b, uint8_t c) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b), vc = _mm_set1_epi8((char)c);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i any = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)), _mm_cmpeq_epi8(v, vc));
        int hits = _mm_movemask_epi8(any);
        if (hits) return i + (size_t)__builtin_ctz((unsigned)hits);
    }
#endif
    for (; i < n; i++) {
        if (p[i] == a || p[i] == b || p[i] == c) return i;
    }
    return n;
}
/// How many bytes of `p[0..<n]` equal `a`: a sparse read counts the lines it skips (for the line
/// numbers of the records it keeps) at memory speed, as `wc -l` does.
static inline __attribute__((always_inline)) size_t cshims_count_byte(const uint8_t *p, size_t n, uint8_t a) {
    size_t i = 0, count = 0;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a);
    for (; i + 64 <= n; i += 64) {
        __m128i e0 = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i)), va);
        __m128i e1 = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i + 16)), va);
        __m128i e2 = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i + 32)), va);
        __m128i e3 = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i + 48)), va);
        uint64_t bits = (uint64_t)(unsigned)_mm_movemask_epi8(e0) | ((uint64_t)(unsigned)_mm_movemask_epi8(e1) << 16)
            | ((uint64_t)(unsigned)_mm_movemask_epi8(e2) << 32) | ((uint64_t)(unsigned)_mm_movemask_epi8(e3) << 48);
        count += (size_t)__builtin_popcountll(bits);
    }
#endif
    for (; i < n; i++) count += p[i] == a;
    return count;
}

/// How many bytes of `p[0..<n]` equal `a`, with AVX2 where the processor has it: a sparse read
/// counts the lines of every byte it skips. For long ranges; `cshims_count_byte` inlines for short.
size_t cshims_count_byte_wide(const uint8_t *p, size_t n, uint8_t a);
#endif
