/* CSV writing (see csvout.h). */
#include "io/csvout.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "util/numfmt.h"

static void sep(struct csvout *w)
{
	if (w->col++)
		strbuf_putc(&w->text, ',');
}

static int needs_quotes(const char *s, size_t n)
{
	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
		  s[n - 1] == '\t'))
		return 1;
	return strpbrk(s, ",\"\r\n") != NULL;
}

/* The characters that make a spreadsheet read a cell as a formula. */
static int formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	       c == '\r';
}

int csv_needs_guard(const char *s)
{
	/* Apostrophes first are skipped, so that a text that itself begins
	 * with "'=" reads back whole: it gains one more. */
	s += strspn(s, "'");
	return formula_start(*s);
}

const char *csv_unguard(const char *s)
{
	return s[0] == '\'' && csv_needs_guard(s + 1) ? s + 1 : s;
}

void csvout_text(struct csvout *w, const char *s)
{
	sep(w);
	char *guarded = NULL;
	if (csv_needs_guard(s)) {
		size_t len = strlen(s);
		guarded = xmalloc(len + 2);
		guarded[0] = '\'';
		memcpy(guarded + 1, s, len + 1);
		s = guarded;
	}
	size_t n = strlen(s);
	if (!needs_quotes(s, n)) {
		strbuf_add(&w->text, s, n);
	} else {
		size_t cap = 2 * n + 3;
		char *q = xmalloc(cap);
		size_t m = csv_write(q, cap, s, n);
		strbuf_add(&w->text, q, m);
		free(q);
	}
	free(guarded);
}

void csvout_cents(struct csvout *w, double x)
{
	char buf[NUMFMT_MAX];
	sep(w);
	strbuf_puts(&w->text, numfmt_cents(x, buf));
}

void csvout_number(struct csvout *w, double x)
{
	char buf[NUMFMT_MAX];
	sep(w);
	strbuf_puts(&w->text, numfmt_shortest(x, buf));
}

void csvout_int(struct csvout *w, long long x)
{
	sep(w);
	strbuf_printf(&w->text, "%lld", x);
}

void csvout_bom(struct csvout *w)
{
	strbuf_puts(&w->text, CSVOUT_BOM);
}

void csvout_empty(struct csvout *w)
{
	sep(w);
}

void csvout_end_row(struct csvout *w)
{
	strbuf_puts(&w->text, "\r\n");
	w->col = 0;
}

void csvout_row(struct csvout *w, const char *const *fields)
{
	for (; *fields; fields++)
		csvout_text(w, *fields);
	csvout_end_row(w);
}

void csvout_free(struct csvout *w)
{
	strbuf_free(&w->text);
	w->col = 0;
}
