/* Text made safe to print on a terminal. */
#ifndef EDTCO_UTIL_TERM_H
#define EDTCO_UTIL_TERM_H

#include <stddef.h>

#include "util/strbuf.h"

/* Appends the n bytes of s to out with every byte a terminal could take
 * as a command written as a visible escape instead: a C0 control other
 * than newline (tab included) or DEL as \xHH ("\x1b" for ESC), a C1
 * control written in UTF-8 (U+0080 to U+009F) as \u00HH, and a byte that
 * is not part of valid UTF-8 as \xHH (a terminal in an 8-bit mode would
 * take 0x9B as CSI).  Everything else, other non-ASCII characters
 * included, is copied as it is.  A title or label written into a CSV file
 * can thus not move the cursor, clear the screen or set the window title
 * when edtco prints it. */
void term_visible(struct strbuf *out, const char *s, size_t n);

/* A copy of s (to free) with each newline written as "\x0a": for text
 * from the user's files (a title, a label, a sentence that quotes them)
 * placed on a line of terminal output, where term_visible would keep a
 * newline, since the text layer adds its own. */
char *term_one_line(const char *s);

#endif
