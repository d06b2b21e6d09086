#ifndef CMLENS_CSHIMS_BYTE_SCAN_H
#define CMLENS_CSHIMS_BYTE_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The scanner's two hot searches, sixteen bytes per step. memchr finds one byte; a CMTrace record
/// needs the first of two (`]` or a newline in a message) and the quotes of its attribute block up to
/// a newline or `<`, and separate memchr passes cost more calls and more memory traffic. Header-only
/// and `static inline` so that Swift inlines them like its own code.

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

/// Offsets in `p[1..<n]` of up to `max` double quotes, stopping at the first newline or `<`: the
/// fourteen quotes of a CMTrace attribute block found in one pass. Returns how many were found.
static inline __attribute__((always_inline)) int cshims_quote_offsets(const uint8_t *p, size_t n, uint32_t *out, int max) {
    int count = 0;
    size_t i = 1;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), newline = _mm_set1_epi8('\n'), open = _mm_set1_epi8('<');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        unsigned quotes = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote));
        unsigned stops = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, open)));
        if (stops) quotes &= (1u << __builtin_ctz(stops)) - 1u;
        while (quotes) {
            out[count++] = (uint32_t)(i + (size_t)__builtin_ctz(quotes));
            if (count == max) return count;
            quotes &= quotes - 1u;
        }
        if (stops) return count;
    }
#endif
    for (; i < n; i++) {
        if (p[i] == '\n' || p[i] == '<') return count;
        if (p[i] == '"') {
            out[count++] = (uint32_t)i;
            if (count == max) return count;
        }
    }
    return count;
}
#endif
