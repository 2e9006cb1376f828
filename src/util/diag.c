/* Collecting and formatting diagnostics (see diag.h). */
#include "util/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

static unsigned file_order(struct diags *d, const char *file)
{
	for (size_t i = 0; i < d->nfiles; i++)
		if (strcmp(d->files[i], file) == 0)
			return (unsigned)i;
	GROW(d->files, d->files_cap, d->nfiles + 1);
	d->files[d->nfiles] = xstrdup(file);
	return (unsigned)d->nfiles++;
}

void diags_note_file(struct diags *d, const char *file)
{
	file_order(d, file);
}

void diags_vadd(struct diags *d, enum diag_level level, struct loc at,
		const char *fmt, va_list ap)
{
	struct strbuf msg = STRBUF_INIT;
	strbuf_vprintf(&msg, fmt, ap);
	GROW(d->v, d->cap, d->n + 1);
	struct diag *g = &d->v[d->n];
	g->file = at.file ? xstrdup(at.file) : NULL;
	g->line = at.line;
	g->col = at.col;
	g->order = at.file ? file_order(d, at.file) : 0;
	g->seq = d->n;
	g->level = level;
	g->msg = strbuf_take(&msg);
	d->n++;
	if (level == DIAG_ERROR)
		d->nerrors++;
}

void diags_add(struct diags *d, enum diag_level level, struct loc at,
	       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, level, at, fmt, ap);
	va_end(ap);
}

void diag_error(struct diags *d, struct loc at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, DIAG_ERROR, at, fmt, ap);
	va_end(ap);
}

static int cmp_diag(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	/* Messages without a file come first: they are about the command. */
	int fa = a->file != NULL, fb = b->file != NULL;
	if (fa != fb)
		return fa - fb;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diags_sort(struct diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp_diag);
}

void diag_format(const struct diag *g, struct strbuf *out)
{
	if (g->file) {
		strbuf_puts(out, g->file);
		if (g->line) {
			strbuf_printf(out, ":%u", g->line);
			if (g->col)
				strbuf_printf(out, ":%u", g->col);
		}
		strbuf_puts(out, ": ");
	} else {
		strbuf_puts(out, "edtco: ");
	}
	strbuf_puts(out, g->level == DIAG_ERROR ? "error: " : "warning: ");
	strbuf_puts(out, g->msg);
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	for (size_t i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->v);
	free(d->files);
	memset(d, 0, sizeof(*d));
}

void diags_promote_warnings(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].level == DIAG_WARNING) {
			d->v[i].level = DIAG_ERROR;
			d->nerrors++;
		}
	}
}

void diag_quote(struct strbuf *out, const char *s, size_t max)
{
	size_t n = strlen(s);
	strbuf_putc(out, '"');
	for (size_t i = 0; i < n && i < max; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			strbuf_printf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			strbuf_printf(out, "\\x%02x", c);
		else
			strbuf_putc(out, (char)c);
	}
	if (n > max)
		strbuf_puts(out, "...");
	strbuf_putc(out, '"');
}
