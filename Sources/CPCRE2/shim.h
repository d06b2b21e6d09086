/* PCRE2's 8-bit library for Swift. pcre2.h names its functions through macros that pick the code
   unit width; Swift imports no such macro, so the few functions cmlens calls and the constants
   it needs are given plain names here. */
#ifndef CMLENS_CPCRE2_SHIM_H
#define CMLENS_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

static inline pcre2_code_8 *cpcre2_compile(const unsigned char *pattern, size_t length, uint32_t options,
                                          int *error, size_t *offset) {
    return pcre2_compile_8(pattern, length, options, error, offset, NULL);
}
/* The same, with every Unicode line ending (CR, LF, CRLF, VT, FF, NEL, LS, PS) as a newline for
   `.`, `^` and `$`: what ICU's regular expressions take as line terminators. */
static inline pcre2_code_8 *cpcre2_compile_any_newline(const unsigned char *pattern, size_t length, uint32_t options,
                                                      int *error, size_t *offset) {
    pcre2_compile_context_8 *context = pcre2_compile_context_create_8(NULL);
    if (context == NULL) return NULL;
    pcre2_set_newline_8(context, PCRE2_NEWLINE_ANY);
    pcre2_code_8 *code = pcre2_compile_8(pattern, length, options, error, offset, context);
    pcre2_compile_context_free_8(context);
    return code;
}
static inline int cpcre2_jit_compile(pcre2_code_8 *code) { return pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE); }
static inline void cpcre2_code_free(pcre2_code_8 *code) { pcre2_code_free_8(code); }
static inline pcre2_match_data_8 *cpcre2_match_data_create(pcre2_code_8 *code) {
    return pcre2_match_data_create_from_pattern_8(code, NULL);
}
static inline void cpcre2_match_data_free(pcre2_match_data_8 *data) { pcre2_match_data_free_8(data); }
static inline int cpcre2_match(const pcre2_code_8 *code, const unsigned char *subject, size_t length, size_t start,
                               pcre2_match_data_8 *data) {
    return pcre2_match_8(code, subject, length, start, 0, data, NULL);
}
static inline size_t *cpcre2_ovector(pcre2_match_data_8 *data) { return pcre2_get_ovector_pointer_8(data); }
static inline int cpcre2_error_message(int error, unsigned char *buffer, size_t size) {
    return pcre2_get_error_message_8(error, buffer, size);
}
/* The number of a named group, or a negative error. */
static inline int cpcre2_group_number(const pcre2_code_8 *code, const unsigned char *name) {
    return pcre2_substring_number_from_name_8(code, name);
}
static inline uint32_t cpcre2_option_utf(void) { return PCRE2_UTF; }
static inline uint32_t cpcre2_option_caseless(void) { return PCRE2_CASELESS; }
static inline uint32_t cpcre2_option_match_invalid_utf(void) { return PCRE2_MATCH_INVALID_UTF; }
static inline uint32_t cpcre2_option_ucp(void) { return PCRE2_UCP; }
static inline int cpcre2_error_nomatch(void) { return PCRE2_ERROR_NOMATCH; }
static inline size_t cpcre2_unset(void) { return PCRE2_UNSET; }
#endif
