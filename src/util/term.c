/* Text made safe to print on a terminal (see term.h). */
#include "util/term.h"

#include <string.h>

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	unsigned cp = c & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

void term_visible(struct strbuf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = u[i];
		if (c == '\n' || (c >= 0x20 && c < 0x7F)) {
			size_t j = i + 1;
			while (j < n && (u[j] == '\n' ||
					 (u[j] >= 0x20 && u[j] < 0x7F)))
				j++;
			strbuf_add(out, s + i, j - i);
			i = j;
			continue;
		}
		size_t len = c < 0x80 ? 0 : utf8_len(u + i, n - i);
		if (len == 0) {
			strbuf_printf(out, "\\x%02x", c);
			i++;
		} else if (len == 2 && c == 0xC2 && u[i + 1] < 0xA0) {
			strbuf_printf(out, "\\u%04x", (unsigned)u[i + 1]);
			i += 2;
		} else {
			strbuf_add(out, s + i, len);
			i += len;
		}
	}
}

char *term_one_line(const char *s)
{
	struct strbuf b = STRBUF_INIT;
	for (const char *p = s;;) {
		size_t n = strcspn(p, "\n");
		strbuf_add(&b, p, n);
		if (!p[n])
			break;
		strbuf_puts(&b, "\\x0a");
		p += n + 1;
	}
	return strbuf_take(&b);
}
