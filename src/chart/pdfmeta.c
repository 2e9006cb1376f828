/* The language and figure text alternatives of a tagged PDF, added as an
 * incremental update (see pdfmeta.h). */
#include "chart/pdfmeta.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* A PDF file in memory. */
struct pdf {
	char *b;
	size_t n;
	long *off;   /* off[k]: offset of object k, or -1 */
	size_t nobj; /* entries of off */
};

static int read_all(const char *path, struct pdf *p)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	size_t cap = 1 << 16;
	p->b = xmalloc(cap + 1);
	p->n = 0;
	size_t got;
	while ((got = fread(p->b + p->n, 1, cap - p->n, fp)) > 0) {
		p->n += got;
		if (p->n == cap) {
			cap *= 2;
			p->b = xreallocarray(p->b, cap + 1, 1);
		}
	}
	int bad = ferror(fp);
	fclose(fp);
	p->b[p->n] = '\0';
	return bad ? -1 : 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	       c == '\0';
}

static int is_delim(char c)
{
	return is_space(c) || strchr("()<>[]{}/%", c) != NULL;
}

/* Reads a non-negative whole number at *i, after blanks; -1 if none. */
static long number(const struct pdf *p, size_t *i)
{
	while (*i < p->n && is_space(p->b[*i]))
		(*i)++;
	if (*i >= p->n || p->b[*i] < '0' || p->b[*i] > '9')
		return -1;
	long v = 0;
	while (*i < p->n && p->b[*i] >= '0' && p->b[*i] <= '9' &&
	       v < 1000000000L)
		v = v * 10 + (p->b[(*i)++] - '0');
	return v;
}

static int starts(const struct pdf *p, size_t i, const char *s)
{
	size_t k = strlen(s);
	return i + k <= p->n && memcmp(p->b + i, s, k) == 0;
}

/* The index of the last character of the string starting at i: a
 * literal string "(...)" (nested parentheses, backslash escapes) or a
 * hex string "<...>". */
static size_t string_end(const struct pdf *p, size_t i)
{
	if (p->b[i] == '<') {
		while (i < p->n && p->b[i] != '>')
			i++;
		return i;
	}
	int nest = 0;
	for (; i < p->n; i++) {
		if (p->b[i] == '\\')
			i++;
		else if (p->b[i] == '(')
			nest++;
		else if (p->b[i] == ')' && --nest == 0)
			break;
	}
	return i;
}

/* The end (one past ">>") of the dictionary starting at i ("<<"), or 0. */
static size_t dict_end(const struct pdf *p, size_t i)
{
	int depth = 0;
	while (i + 1 < p->n) {
		char c = p->b[i];
		if (c == '<' && p->b[i + 1] == '<') {
			depth++;
			i += 2;
		} else if (c == '>' && p->b[i + 1] == '>') {
			i += 2;
			if (--depth == 0)
				return i;
		} else if (c == '<' || c == '(') {
			i = string_end(p, i) + 1;
		} else {
			i++;
		}
	}
	return 0;
}

/* Parses the classic cross-reference table at x and the trailer after
 * it; *tr and *tr_end bound the trailer dictionary.  Returns 0, or -1
 * when the section is not a classic table. */
static int read_xref(struct pdf *p, size_t x, size_t *tr, size_t *tr_end)
{
	if (!starts(p, x, "xref"))
		return -1;
	size_t i = x + 4;
	for (;;) {
		while (i < p->n && is_space(p->b[i]))
			i++;
		if (starts(p, i, "trailer"))
			break;
		long first = number(p, &i), count = number(p, &i);
		if (first < 0 || count < 0 || first + count > 10000000L)
			return -1;
		while (i < p->n && is_space(p->b[i]))
			i++;
		if ((size_t)(first + count) > p->nobj) {
			size_t old = p->nobj;
			p->nobj = (size_t)(first + count);
			p->off = xreallocarray(p->off, p->nobj, sizeof(long));
			for (size_t k = old; k < p->nobj; k++)
				p->off[k] = -1;
		}
		for (long k = 0; k < count; k++, i += 20) {
			if (i + 20 > p->n)
				return -1;
			if (p->b[i + 17] == 'n')
				p->off[first + k] = strtol(p->b + i, NULL, 10);
		}
	}
	size_t d = i + 7;
	while (d < p->n && is_space(p->b[d]))
		d++;
	if (!starts(p, d, "<<") || !(*tr_end = dict_end(p, d)))
		return -1;
	*tr = d;
	return 0;
}

/* The dictionary of object k: [*lo, *hi) from "<<" to one past ">>".
 * Returns 0, or -1 when object k is not a dictionary object. */
static int object(const struct pdf *p, long k, size_t *lo, size_t *hi)
{
	if (k < 0 || (size_t)k >= p->nobj || p->off[k] < 0 ||
	    (size_t)p->off[k] >= p->n)
		return -1;
	size_t i = (size_t)p->off[k];
	if (number(p, &i) != k || number(p, &i) < 0)
		return -1;
	while (i < p->n && is_space(p->b[i]))
		i++;
	if (!starts(p, i, "obj"))
		return -1;
	i += 3;
	while (i < p->n && is_space(p->b[i]))
		i++;
	if (!starts(p, i, "<<") || !(*hi = dict_end(p, i)))
		return -1;
	*lo = i;
	return 0;
}

/* Whether the dictionary [lo, hi) holds key followed by value (a name),
 * or with value NULL holds key at all.  Only top-level keys count. */
static int has_key(const struct pdf *p, size_t lo, size_t hi,
		   const char *key, const char *value)
{
	size_t kn = strlen(key);
	int depth = 0;
	for (size_t i = lo; i + 1 < hi; i++) {
		char c = p->b[i];
		if (c == '<' && p->b[i + 1] == '<') {
			depth++;
			i++;
		} else if (c == '>' && p->b[i + 1] == '>') {
			depth--;
			i++;
		} else if (c == '(' || c == '<') {
			i = string_end(p, i);
		} else if (depth == 1 && c == '/' && i + kn <= hi &&
			   memcmp(p->b + i, key, kn) == 0 &&
			   is_delim(p->b[i + kn])) {
			if (!value)
				return 1;
			size_t j = i + kn;
			while (j < hi && is_space(p->b[j]))
				j++;
			size_t vn = strlen(value);
			if (j + vn <= hi && memcmp(p->b + j, value, vn) == 0 &&
			    is_delim(p->b[j + vn]))
				return 1;
		}
	}
	return 0;
}

/* Decodes one UTF-8 character at *s (advancing it); U+FFFD if invalid. */
static unsigned long utf8_next(const unsigned char **s)
{
	const unsigned char *p = *s;
	unsigned long c = *p++;
	int extra = c >= 0xF0 && c < 0xF5   ? 3
		    : c >= 0xE0 && c < 0xF0 ? 2
		    : c >= 0xC2 && c < 0xE0 ? 1
		    : c < 0x80		    ? 0
					    : -1;
	if (extra < 0) {
		*s = p;
		return 0xFFFD;
	}
	if (extra)
		c &= 0x3Fu >> extra;
	for (int k = 0; k < extra; k++) {
		if ((*p & 0xC0) != 0x80) {
			*s = p;
			return 0xFFFD;
		}
		c = (c << 6) | (*p++ & 0x3F);
	}
	*s = p;
	if (c > 0x10FFFF || (c >= 0xD800 && c < 0xE000))
		return 0xFFFD;
	return c;
}

void pdfmeta_text_string(struct strbuf *out, const char *s)
{
	int ascii = 1;
	for (const char *q = s; *q; q++)
		if ((unsigned char)*q < 32 || (unsigned char)*q > 126)
			ascii = 0;
	if (ascii) {
		strbuf_putc(out, '(');
		for (const char *q = s; *q; q++) {
			if (*q == '(' || *q == ')' || *q == '\\')
				strbuf_putc(out, '\\');
			strbuf_putc(out, *q);
		}
		strbuf_putc(out, ')');
		return;
	}
	strbuf_puts(out, "<FEFF");
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned long c = utf8_next(&p);
		if (c >= 0x10000) {
			c -= 0x10000;
			strbuf_printf(out, "%04lX%04lX", 0xD800 + (c >> 10),
				      0xDC00 + (c & 0x3FF));
		} else {
			strbuf_printf(out, "%04lX", c);
		}
	}
	strbuf_putc(out, '>');
}

/* Appends a new version of object k, its dictionary [lo, hi) with entry
 * inserted after "<<", to out (which will start at offset base). */
static void rewrite(const struct pdf *p, long k, size_t lo, size_t hi,
		    const char *entry, struct strbuf *out)
{
	strbuf_printf(out, "%ld 0 obj\n<< %s", k, entry);
	strbuf_add(out, p->b + lo + 2, hi - lo - 2);
	strbuf_puts(out, "\nendobj\n");
}

/* The offset of the last cross-reference table, with its trailer in
 * [*tr, *tr_end); -1 when it is not a classic table, or when the file
 * was updated before (a /Prev: older objects would be in other tables). */
static long find_xref(struct pdf *p, size_t *tr, size_t *tr_end)
{
	size_t sx = p->n;
	while (sx > 0 && !starts(p, sx - 1, "startxref"))
		sx--;
	size_t i = sx + 8;
	long x = sx ? number(p, &i) : -1;
	if (x < 0 || (size_t)x >= p->n ||
	    read_xref(p, (size_t)x, tr, tr_end) != 0 ||
	    has_key(p, *tr, *tr_end, "/Prev", NULL))
		return -1;
	return x;
}

/* An incremental update being written. */
struct update {
	struct strbuf s; /* its bytes */
	size_t base;     /* the file offset of its first byte */
	long *obj, *at;  /* the objects rewritten and their offsets */
	size_t n;
};

/* Appends to u a new version of the catalog (object root) with /Lang and
 * of each Figure element with /Alt, alts[i] for the i-th in object order.
 * Returns the number of Figure elements. */
static size_t new_versions(const struct pdf *p, long root, const char *lang,
			   const char *const *alts, size_t nalt,
			   struct update *u)
{
	struct strbuf entry = STRBUF_INIT;
	size_t lo, hi, fig = 0;
	for (long k = 1; (size_t)k < p->nobj; k++) {
		if (object(p, k, &lo, &hi) != 0)
			continue;
		strbuf_reset(&entry);
		if (k == root && lang && !has_key(p, lo, hi, "/Lang", NULL)) {
			strbuf_puts(&entry, "/Lang ");
			pdfmeta_text_string(&entry, lang);
		} else if (has_key(p, lo, hi, "/Type", "/StructElem") &&
			   has_key(p, lo, hi, "/S", "/Figure")) {
			if (fig < nalt && !has_key(p, lo, hi, "/Alt", NULL)) {
				strbuf_puts(&entry, "/Alt ");
				pdfmeta_text_string(&entry, alts[fig]);
			}
			fig++;
		}
		if (!entry.len)
			continue;
		u->obj[u->n] = k;
		u->at[u->n++] = (long)(u->base + u->s.len);
		rewrite(p, k, lo, hi, strbuf_str(&entry), &u->s);
	}
	strbuf_free(&entry);
	return fig;
}

/* Ends u with its cross-reference table and a trailer: the old trailer's
 * entries ([tr, tr_end)) and /Prev pointing at the old table (at x). */
static void end_update(const struct pdf *p, struct update *u, size_t tr,
		       size_t tr_end, long x)
{
	long xref_at = (long)(u->base + u->s.len);
	strbuf_puts(&u->s, "xref\n");
	for (size_t k = 0; k < u->n; k++)
		strbuf_printf(&u->s, "%ld 1\n%010ld 00000 n \n", u->obj[k],
			      u->at[k]);
	strbuf_puts(&u->s, "trailer\n<<");
	strbuf_add(&u->s, p->b + tr + 2, tr_end - tr - 4);
	strbuf_printf(&u->s, " /Prev %ld\n>>\nstartxref\n%ld\n%%%%EOF\n", x,
		      xref_at);
}

int pdfmeta_add(const char *path, const char *lang, const char *const *alts,
		size_t nalt, const char *shown, struct strbuf *err)
{
	struct pdf p = {0};
	struct update u = {STRBUF_INIT, 0, NULL, NULL, 0};
	int rc = -1;
	if (read_all(path, &p) != 0) {
		strbuf_printf(err, "cannot read '%s' back: %s", shown,
			      strerror(errno));
		goto out;
	}
	size_t tr, tr_end;
	long x = find_xref(&p, &tr, &tr_end);
	if (x < 0) {
		rc = 0; /* not a layout we can update: leave it */
		goto out;
	}
	size_t r = tr;
	while (r + 5 < tr_end && !starts(&p, r, "/Root"))
		r++;
	r += 5;
	long root = number(&p, &r);
	u.obj = xcalloc(p.nobj + 1, sizeof(long));
	u.at = xcalloc(p.nobj + 1, sizeof(long));
	u.base = p.n;
	if (p.n && p.b[p.n - 1] != '\n') {
		strbuf_putc(&u.s, '\n');
		u.base = p.n + 1;
	}
	size_t fig = new_versions(&p, root, lang, alts, nalt, &u);
	if (fig != nalt) {
		strbuf_printf(err,
			      "cannot add the text alternatives to '%s': "
			      "%zu figures, %zu alternatives",
			      shown, fig, nalt);
		goto out;
	}
	rc = 0;
	if (!u.n)
		goto out;
	end_update(&p, &u, tr, tr_end, x);
	FILE *fp = fopen(path, "ab");
	int ok = fp && fwrite(u.s.s, 1, u.s.len, fp) == u.s.len;
	if (fp && fclose(fp) != 0)
		ok = 0;
	if (!ok) {
		strbuf_printf(err, "cannot write '%s': %s", shown,
			      strerror(errno));
		rc = -1;
	}
out:
	free(p.b);
	free(p.off);
	free(u.obj);
	free(u.at);
	strbuf_free(&u.s);
	return rc;
}
