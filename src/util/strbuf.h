/* A growable, always NUL-terminated string. */
#ifndef EDTCO_UTIL_STRBUF_H
#define EDTCO_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#define EDTCO_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))

struct strbuf {
	char *s;    /* the text; "" until something is added */
	size_t len; /* bytes used, without the terminating NUL */
	size_t cap; /* bytes allocated */
};

#define STRBUF_INIT {NULL, 0, 0}

void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char c);
void strbuf_printf(struct strbuf *b, const char *fmt, ...) EDTCO_PRINTF(2, 3);
void strbuf_vprintf(struct strbuf *b, const char *fmt, va_list ap)
	EDTCO_PRINTF(2, 0);
/* The text so far; valid until the next change.  Never NULL. */
const char *strbuf_str(const struct strbuf *b);
/* Hands the text to the caller, who frees it; the buffer is left empty. */
char *strbuf_take(struct strbuf *b);
void strbuf_reset(struct strbuf *b);
void strbuf_free(struct strbuf *b);

/* s without its outer blanks, copied into buf (cut to size - 1 bytes);
 * returns buf.  For reading cells: each call needs its own buf. */
const char *strbuf_trim_into(const char *s, char *buf, size_t size);

#endif
