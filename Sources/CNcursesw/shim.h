#ifndef CMLENS_NCURSESW_SHIM_H
#define CMLENS_NCURSESW_SHIM_H
/* SwiftPM drops the pkg-config cflags that switch on the wide-character API, so set them here. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <curses.h>

/* Macros and globals Swift cannot import (or not concurrency-safely). */
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline int shim_key_f(int n) { return KEY_F(n); }

/* Put one cell: a scalar (plus nothing combined) with attributes and a colour pair. */
static inline int shim_put_cell(int y, int x, wchar_t ch, attr_t attrs, int pair) {
    cchar_t cell;
    wchar_t text[2] = { ch, 0 };
    setcchar(&cell, text, attrs, (short)0, &pair);
    return mvadd_wch(y, x, &cell);
}
#endif
