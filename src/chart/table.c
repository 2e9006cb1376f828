/* Tables of text for the packet's data, summary and assumptions pages:
 * column widths from the text, wrapping where allowed, and page breaks
 * (see exhibit.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/exhibit.h"
#include "util/mem.h"

#define TABLE_SIZE 7.5
#define TABLE_LEAD 9.2
#define TABLE_PAD 4.0

void table_init(struct table *t, size_t ncols, const char *const *head,
		const enum table_align *align)
{
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	t->head = xcalloc(ncols, sizeof(char *));
	t->align = xcalloc(ncols, sizeof(*t->align));
	t->wrap = xcalloc(ncols, sizeof(int));
	for (size_t i = 0; i < ncols; i++) {
		t->head[i] = xstrdup(head[i]);
		t->align[i] = align ? align[i] : (i ? TA_RIGHT : TA_LEFT);
	}
}

size_t table_row(struct table *t, const char *const *cells)
{
	size_t r = t->nrows++;
	t->cells = xreallocarray(t->cells, t->nrows * t->ncols,
				 sizeof(char *));
	t->rule = xreallocarray(t->rule, t->nrows, sizeof(int));
	t->bold = xreallocarray(t->bold, t->nrows, sizeof(int));
	for (size_t c = 0; c < t->ncols; c++)
		t->cells[r * t->ncols + c] = xstrdup(cells[c] ? cells[c] : "");
	t->rule[r] = 0;
	t->bold[r] = 0;
	return r;
}

void table_wrap(struct table *t, size_t col)
{
	t->wrap[col] = 1;
}

void table_free(struct table *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		free(t->head[i]);
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->head);
	free(t->align);
	free(t->wrap);
	free(t->cells);
	free(t->rule);
	free(t->bold);
	memset(t, 0, sizeof(*t));
}

/* The widest word of text (words split at spaces). */
static double widest_word(const struct exhibit_ctx *c, const char *text,
			  enum dl_font font)
{
	char **lines;
	size_t n = layout_wrap(c->tm, text, font, TABLE_SIZE, 1, &lines);
	double m = 0;
	for (size_t i = 0; i < n; i++)
		m = fmax(m, text_width(c->tm, lines[i], font, TABLE_SIZE));
	layout_lines_free(lines, n);
	return m;
}

/* Column widths.  If every column fits on one line, each is as wide as
 * its widest text.  Otherwise headers wrap at spaces, columns that may
 * wrap share what the others leave in proportion to their one-line
 * widths' square roots (so that one long column does not starve the
 * others; never below their widest word), and if even that does not fit,
 * every column shrinks in proportion (text is then shortened). */
static double *widths(const struct exhibit_ctx *c, const struct table *t,
		      double width)
{
	size_t nc = t->ncols;
	double *w = xcalloc(nc, sizeof(double));
	double *full = xcalloc(nc, sizeof(double));
	double *least = xcalloc(nc, sizeof(double));
	double total = 0;
	for (size_t col = 0; col < nc; col++) {
		double cell = 0, word = 0;
		for (size_t r = 0; r < t->nrows; r++) {
			const char *s = t->cells[r * nc + col];
			enum dl_font f = t->bold[r] ? FONT_BOLD : FONT_REGULAR;
			cell = fmax(cell, text_width(c->tm, s, f, TABLE_SIZE));
			if (t->wrap[col])
				word = fmax(word, widest_word(c, s, f));
		}
		double head = text_width(c->tm, t->head[col], FONT_BOLD,
					 TABLE_SIZE);
		double hword = widest_word(c, t->head[col], FONT_BOLD);
		full[col] = fmax(cell, head) + 2 * TABLE_PAD;
		least[col] = (t->wrap[col] ? fmax(word, hword)
					   : fmax(cell, hword)) +
			     2 * TABLE_PAD;
		total += full[col];
	}
	if (total <= width) {
		memcpy(w, full, nc * sizeof(double));
	} else {
		double fixed = 0, wrapping = 0, need = 0;
		for (size_t col = 0; col < nc; col++) {
			if (t->wrap[col]) {
				wrapping += sqrt(full[col]);
				need += least[col];
			} else {
				fixed += least[col];
			}
		}
		double room = width - fixed;
		for (size_t col = 0; col < nc; col++) {
			double share = room * sqrt(full[col]) / wrapping;
			w[col] = t->wrap[col] ? fmin(full[col], share)
					      : least[col];
		}
		/* Columns given less than their widest word take it, and
		 * the others give it back in proportion. */
		for (int pass = 0; pass < 4 && room >= need; pass++) {
			double excess = 0, spare = 0;
			for (size_t col = 0; col < nc; col++) {
				if (!t->wrap[col])
					continue;
				if (w[col] < least[col]) {
					excess += least[col] - w[col];
					w[col] = least[col];
				} else {
					spare += w[col] - least[col];
				}
			}
			if (excess <= 0 || spare <= 0)
				break;
			for (size_t col = 0; col < nc; col++)
				if (t->wrap[col] && w[col] > least[col])
					w[col] -= excess *
						  (w[col] - least[col]) / spare;
		}
		if (room < need) {
			double k = width / (fixed + need);
			for (size_t col = 0; col < nc; col++)
				w[col] = least[col] * k;
		}
		/* Room left over (when the wrapping columns need less than
		 * they were given): headers that wrapped get it back. */
		double used = 0, want = 0;
		for (size_t col = 0; col < nc; col++) {
			used += w[col];
			want += fmax(0, full[col] - w[col]);
		}
		if (width > used && want > 0) {
			double k = fmin(1, (width - used) / want);
			for (size_t col = 0; col < nc; col++)
				w[col] += k * fmax(0, full[col] - w[col]);
		}
	}
	free(full);
	free(least);
	return w;
}

/* The lines of one cell within its column (one line unless it wraps). */
static size_t cell_lines(const struct exhibit_ctx *c, const struct table *t,
			 const char *text, size_t col, double w,
			 enum dl_font font, char ***lines)
{
	if (t->wrap[col])
		return layout_wrap(c->tm, text, font, TABLE_SIZE,
				   w - 2 * TABLE_PAD, lines);
	*lines = xmalloc(sizeof(char *));
	(*lines)[0] = layout_ellipsize(c->tm, text, font, TABLE_SIZE,
				       w - 2 * TABLE_PAD);
	return 1;
}

static void put(struct dlist *dl, const struct table *t, size_t col,
		double x, double w, double y, const char *s, enum dl_font f)
{
	int right = t->align[col] == TA_RIGHT;
	dl_text(dl, right ? x + w - TABLE_PAD : x + TABLE_PAD, y, s, f,
		TABLE_SIZE, STYLE_INK, right ? ANCHOR_RIGHT : ANCHOR_LEFT);
}

/* Lays out one row (header when r is -1) at y; returns its height, or 0
 * (nothing placed) when it would pass y_max. */
static double row(const struct exhibit_ctx *c, const struct table *t,
		  struct dlist *dl, const double *w, double x, double y,
		  double y_max, long r)
{
	size_t nc = t->ncols, most = 1;
	char ***lines = xcalloc(nc, sizeof(char **));
	size_t *n = xcalloc(nc, sizeof(size_t));
	enum dl_font f = r < 0 || t->bold[r] ? FONT_BOLD : FONT_REGULAR;
	for (size_t col = 0; col < nc; col++) {
		const char *s = r < 0 ? t->head[col]
				      : t->cells[(size_t)r * nc + col];
		if (r < 0)
			n[col] = layout_wrap(c->tm, s, f, TABLE_SIZE,
					     w[col] - 2 * TABLE_PAD,
					     &lines[col]);
		else
			n[col] = cell_lines(c, t, s, col, w[col], f,
					    &lines[col]);
		if (n[col] > most)
			most = n[col];
	}
	double h = (double)most * TABLE_LEAD + 3;
	int fits = y + h <= y_max;
	double total = 0;
	for (size_t col = 0; col < nc; col++)
		total += w[col];
	if (fits) {
		if (r < 0)
			dl_rect(dl, x, y, total, h, 0xEEEEEEu, DL_NONE, 0);
		else if (t->rule[r])
			dl_line(dl, x, y, x + total, y, STYLE_INK, 0.5,
				DASH_SOLID)
				->snap = 1;
		double cx = x;
		const char *cell = r < 0 ? "TH" : "TD";
		dl_tag_begin(dl, "TR", NULL);
		for (size_t col = 0; col < nc; col++) {
			/* Headers sit on the bottom line, cells on the top. */
			double off = r < 0 ? (double)(most - n[col]) : 0;
			dl_tag_begin(dl, cell, NULL);
			for (size_t i = 0; i < n[col]; i++)
				put(dl, t, col, cx, w[col],
				    y + 1.5 + TABLE_SIZE * TEXT_ASCENT +
					    (off + (double)i) * TABLE_LEAD,
				    lines[col][i], f);
			dl_tag_end(dl, cell);
			cx += w[col];
		}
		dl_tag_end(dl, "TR");
		dl_line(dl, x, y + h, x + total, y + h,
			r < 0 ? STYLE_INK : 0xE2E2E2u, r < 0 ? 0.5 : 0.4,
			DASH_SOLID)
			->snap = 1;
	}
	for (size_t col = 0; col < nc; col++)
		layout_lines_free(lines[col], n[col]);
	free(lines);
	free(n);
	return fits ? h : 0;
}

double *table_widths(const struct exhibit_ctx *c, const struct table *t,
		     double width)
{
	return widths(c, t, width);
}

double table_layout(const struct exhibit_ctx *c, const struct table *t,
		    struct dlist *dl, double x, double y, double width,
		    double y_max, size_t *next)
{
	double *w = widths(c, t, width);
	y = table_layout_widths(c, t, w, dl, x, y, y_max, next);
	free(w);
	return y;
}

double table_layout_widths(const struct exhibit_ctx *c, const struct table *t,
			   const double *w, struct dlist *dl, double x,
			   double y, double y_max, size_t *next)
{
	/* A Table element for the rows placed here (its header repeated on
	 * every page the table continues on). */
	size_t mark = dl->n;
	dl_tag_begin(dl, "Table", NULL);
	double h = row(c, t, dl, w, x, y, y_max, -1);
	if (h == 0) {
		free(dl->v[mark].text);
		dl->n = mark;
		return y;
	}
	y += h;
	while (h > 0 && *next < t->nrows) {
		double rh = row(c, t, dl, w, x, y, y_max, (long)*next);
		if (rh == 0)
			break;
		y += rh;
		(*next)++;
	}
	dl_tag_end(dl, "Table");
	return y;
}

const char *table_money(double x, char buf[LAYOUT_LABEL_MAX])
{
	return layout_money_dollars(x, 0, buf);
}
