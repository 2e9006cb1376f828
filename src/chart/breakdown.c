/* The breakdown: each option's expected total cost as a bar stacked by
 * category, categories in one order, each in the colour its name gives
 * it (style_categories), labelled where the name fits.
 * All of its code is here: the layout of the plot, its words (caption,
 * subtitle, notes, how to read it), its data table, and at the end its
 * description (struct exhibit_kind, see exhibit.h).  Its title comes from
 * the findings. */
#include <math.h>
#include <stdlib.h>

#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/strbuf.h"

/* Whether any option has category cat. */
static int used(const struct chart_data *d, int cat)
{
	for (int o = 0; o < d->nopt; o++)
		if (d->opt[o].cat_present[cat])
			return 1;
	return 0;
}

/* The styles of the categories of d (those no option uses too). */
static struct cat_style *cat_styles(const struct chart_data *d)
{
	struct cat_style *st = xcalloc((size_t)d->ncat + 1, sizeof(*st));
	const char **names = xcalloc((size_t)d->ncat + 1, sizeof(char *));
	int *idx = xcalloc((size_t)d->ncat + 1, sizeof(int));
	size_t n = 0;
	for (int cat = 0; cat < d->ncat; cat++)
		if (used(d, cat)) {
			idx[n] = cat;
			names[n++] = d->categories[cat];
		}
	struct cat_style *got = xcalloc(n + 1, sizeof(*got));
	style_categories(names, n, got);
	for (size_t i = 0; i < n; i++)
		st[idx[i]] = got[i];
	free(got);
	free(names);
	free(idx);
	return st;
}

/* The key, wrapped into rows at the bottom of box b; returns its top. */
static double key(const struct exhibit_ctx *c, struct dlist *dl, struct box b,
		  int place, const struct cat_style *st)
{
	const struct chart_data *d = c->d;
	double x = b.x, rows = 1, lead = 11;
	for (int k = 0; k < 2; k++) {
		/* k = 0 counts rows; k = 1 draws them. */
		if (k == 1 && !place)
			break;
		double y = b.y + b.h - (rows - 1) * lead;
		x = b.x;
		for (int cat = 0; cat < d->ncat; cat++) {
			if (!used(d, cat))
				continue;
			double w = 15 + text_width(c->tm, d->categories[cat],
						   FONT_REGULAR, STYLE_SMALL) +
				   10;
			if (x + w > b.x + b.w && x > b.x) {
				x = b.x;
				if (k == 0)
					rows++;
				else
					y += lead;
			}
			if (k == 1) {
				dl_rect(dl, x, y - 7, 11, 8, st[cat].fill,
					STYLE_INK, 0.4)
					->hatch = st[cat].hatch;
				dl_text(dl, x + 15, y, d->categories[cat],
					FONT_REGULAR, STYLE_SMALL, STYLE_INK,
					ANCHOR_LEFT);
			}
			x += w;
		}
	}
	return b.y + b.h - (rows - 1) * lead - 10;
}

/* The name of a category in its segment [x0, x1] centred on yc, on one
 * line or, when that is too wide, on two (bar height bh permitting);
 * nothing when it does not fit.  A hatched segment gets a plain patch of
 * its colour behind the words.  Returns whether it was placed. */
static int seg_label(const struct exhibit_ctx *c, struct dlist *dl,
		      const char *name, const struct cat_style *st, double x0,
		      double x1, double yc, double bh)
{
	const double lead = STYLE_NOTE * 1.15;
	char **lines;
	size_t n = layout_wrap(c->tm, name, FONT_REGULAR, STYLE_NOTE,
			       x1 - x0 - 4, &lines);
	double widest = 0;
	for (size_t i = 0; i < n; i++)
		widest = fmax(widest, text_width(c->tm, lines[i], FONT_REGULAR,
						 STYLE_NOTE));
	if (n <= 2 && widest + 4 <= x1 - x0 &&
	    (double)n * lead + 2 <= bh) {
		double base = yc + STYLE_NOTE * TEXT_CAP / 2 -
			      (double)(n - 1) * lead / 2;
		if (st->hatch)
			dl_rect(dl, (x0 + x1 - widest) / 2 - 1,
				base - STYLE_NOTE * TEXT_ASCENT, widest + 2,
				(double)(n - 1) * lead + STYLE_NOTE * 1.2,
				st->fill, DL_NONE, 0);
		for (size_t i = 0; i < n; i++)
			dl_text(dl, (x0 + x1) / 2, base + (double)i * lead,
				lines[i], FONT_REGULAR, STYLE_NOTE, st->text,
				ANCHOR_CENTER);
	}
	int placed = n <= 2 && widest + 4 <= x1 - x0 &&
		     (double)n * lead + 2 <= bh;
	layout_lines_free(lines, n);
	return placed;
}

/* The names of the segments too narrow to hold them (names[i], centred
 * at want[i] in order), under the bar whose bottom is at y, each joined
 * to its segment by a short line; nothing when there is no room (below
 * room points) or they cannot be spread apart within [lo, hi]. */
static void under_labels(const struct exhibit_ctx *c, struct dlist *dl,
			 const char *const *names, const double *want,
			 size_t n, double y, double room, double lo, double hi)
{
	if (n == 0 || room < 5 + STYLE_NOTE * (TEXT_ASCENT + TEXT_DESCENT))
		return;
	double widest = 0;
	for (size_t i = 0; i < n; i++)
		widest = fmax(widest, text_width(c->tm, names[i], FONT_REGULAR,
						 STYLE_NOTE));
	double gap = widest + 6;
	if (gap * (double)n > hi - lo)
		return;
	double *at = xcalloc(n, sizeof(double));
	layout_spread(want, n, gap, lo + gap / 2, hi - gap / 2, at);
	for (size_t i = 0; i < n; i++) {
		dl_line(dl, want[i], y, at[i], y + 4, STYLE_INK, 0.5,
			DASH_SOLID);
		dl_text(dl, at[i], y + 4.5 + STYLE_NOTE * TEXT_ASCENT,
			names[i], FONT_REGULAR, STYLE_NOTE, STYLE_INK,
			ANCHOR_CENTER);
	}
	free(at);
}

static void breakdown_draw(const struct exhibit_ctx *c, struct box b,
		    struct dlist *dl)
{
	const struct chart_data *d = c->d;
	int np = d->nopt;
	double lo = 0, hi = 0, namew = 0, largest = 0;
	for (int o = 0; o < np; o++) {
		double pos = 0, neg = 0;
		for (int cat = 0; cat < d->ncat; cat++) {
			if (!d->opt[o].cat_present[cat])
				continue;
			double v = d->opt[o].cat_net_mean[cat];
			if (v >= 0)
				pos += v;
			else
				neg += v;
		}
		lo = fmin(lo, neg);
		hi = fmax(hi, pos);
		largest = fmax(largest, fabs(pos + neg));
		namew = fmax(namew, text_width(c->tm, d->opt[o].label,
					       FONT_BOLD, STYLE_SMALL));
	}
	namew = fmin(namew, b.w * 0.28);
	struct cat_style *st = cat_styles(d);
	struct numfmt_style money; /* one style for the totals */
	numfmt_money_style(largest, &money);
	double keytop = key(c, dl, b, 1, st);
	double left = b.x + namew + 8;
	double padr = text_width(c->tm, "$000.0K", FONT_BOLD, STYLE_SMALL) + 6;
	struct ticks t;
	frame_money_ticks(c, lo, hi, b.x + b.w - padr - left, 7, TICKS_ZERO, 0,
			  &t);
	double top = b.y + 4, bottom = keytop - 22;
	struct scale sx = {t.lo, t.hi, left, b.x + b.w - padr};
	frame_x_money(c, dl, &t, &sx, top, bottom, 0);
	double rh = (bottom - top) / np, bh = fmin(rh * 0.6, 34);
	for (int o = 0; o < np; o++) {
		const struct chart_option *p = &d->opt[o];
		double yc = top + rh * (o + 0.5);
		/* The name on up to three lines (the short name when the
		 * label needs more), centred on the bar. */
		const char *name = frame_option_name(c, o, FONT_BOLD,
						     STYLE_SMALL, namew, 3);
		char **lines;
		size_t nl = layout_wrap(c->tm, name, FONT_BOLD, STYLE_SMALL,
					namew, &lines);
		layout_lines_free(lines, nl);
		double shown = (double)(nl < 3 ? nl : 3);
		frame_lines(c, dl, b.x + namew,
			    yc + STYLE_SMALL * TEXT_CAP / 2 - (shown - 1) / 2 * 9,
			    namew, name, FONT_BOLD, STYLE_SMALL, STYLE_INK,
			    ANCHOR_RIGHT, 9, 3);
		double pos = 0, neg = 0, total = 0;
		/* Segments too narrow for their names: named under the bar,
		 * so that no segment is told by its colour alone. */
		const char **under = xcalloc((size_t)d->ncat + 1,
					     sizeof(char *));
		double *ux = xcalloc((size_t)d->ncat + 1, sizeof(double));
		size_t nu = 0;
		for (int cat = 0; cat < d->ncat; cat++) {
			if (!p->cat_present[cat])
				continue;
			double v = p->cat_net_mean[cat];
			double from = v >= 0 ? pos : neg + v;
			double to = v >= 0 ? pos + v : neg;
			if (v >= 0)
				pos += v;
			else
				neg += v;
			total += v;
			double x0 = scale_map(&sx, from);
			double x1 = scale_map(&sx, to);
			/* Segments apart by an ink edge, so that two of
			 * near lightness still part in greyscale. */
			dl_rect(dl, x0, yc - bh / 2, x1 - x0, bh, st[cat].fill,
				STYLE_INK, 0.5)
				->hatch = st[cat].hatch;
			/* Every segment that can hold its name is labelled
			 * (the second cue besides colour), on a plain patch
			 * of its colour when it is hatched. */
			if (!seg_label(c, dl, d->categories[cat], &st[cat], x0,
				       x1, yc, bh)) {
				under[nu] = d->categories[cat];
				ux[nu++] = (x0 + x1) / 2;
			}
		}
		under_labels(c, dl, under, ux, nu, yc + bh / 2,
			     rh / 2 - bh / 2, left, b.x + b.w);
		free(under);
		free(ux);
		char buf[NUMFMT_MAX];
		dl_text(dl, scale_map(&sx, pos) + 4,
			yc + STYLE_SMALL * TEXT_CAP / 2,
			numfmt_money_in(total, &money, 0, buf), FONT_BOLD,
			STYLE_SMALL, STYLE_INK, ANCHOR_LEFT);
	}
	free(st);
}

/* ---- Words ---- */

static int breakdown_wanted(const struct chart_data *d, int o)
{
	(void)o;
	return d->ncat > 0;
}

static char *breakdown_caption(const struct chart_data *d,
			       const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("Expected cost by category");
}

static char *breakdown_subtitle(const struct chart_data *d,
				const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	char *span = words_span(d, 0);
	char *pv = words_pv_basis(d);
	strbuf_printf(&b, "Expected (mean) total cost to the district "
			  "by category over %s%s, %s",
		      span, words_aid(d), pv);
	free(span);
	free(pv);
	return strbuf_take(&b);
}

static char *breakdown_notes(const struct chart_data *d,
			     const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("Notes: means add up, so the segments of a bar "
		       "sum to the option's expected total; "
		       "percentiles do not add, so no range is shown "
		       "per category.");
}

static char *breakdown_howto(const struct chart_data *d,
			     const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("Each bar is one option's expected total cost, "
		       "split into its cost categories. Categories "
		       "keep the same colour and order in every bar. "
		       "The data table gives every amount.");
}

/* ---- Data table ---- */

static void breakdown_table(const struct exhibit_ctx *ctx, struct table *t)
{
	const struct chart_data *d = ctx->d;
	size_t nc = (size_t)d->nopt + 1;
	const char **head = xmalloc(nc * sizeof(char *));
	const char **cells = xmalloc(nc * sizeof(char *));
	char (*b)[LAYOUT_LABEL_MAX] = xmalloc(nc * sizeof(*b));
	head[0] = "Category";
	for (int o = 0; o < d->nopt; o++)
		head[o + 1] = d->opt[o].label;
	table_init(t, nc, head, NULL);
	table_wrap(t, 0);
	for (int c = 0; c < d->ncat; c++) {
		cells[0] = d->categories[c];
		for (int o = 0; o < d->nopt; o++) {
			const struct chart_option *p = &d->opt[o];
			if (p->cat_present[c])
				cells[o + 1] = table_money(p->cat_net_mean[c],
							   b[o + 1]);
			else
				cells[o + 1] = "\xE2\x80\x94"; /* em dash */
		}
		table_row(t, cells);
	}
	cells[0] = "Total (expected)";
	for (int o = 0; o < d->nopt; o++) {
		double s = 0;
		for (int c = 0; c < d->ncat; c++)
			if (d->opt[o].cat_present[c])
				s += d->opt[o].cat_net_mean[c];
		cells[o + 1] = table_money(s, b[o + 1]);
	}
	size_t r = table_row(t, cells);
	t->rule[r] = 1;
	t->bold[r] = 1;
	free(head);
	free(cells);
	free(b);
}

const struct exhibit_kind exhibit_breakdown = {
	.stem = "breakdown",
	.title_key = "title.breakdown",
	.wanted = breakdown_wanted,
	.caption = breakdown_caption,
	.subtitle = breakdown_subtitle,
	.notes = breakdown_notes,
	.howto = breakdown_howto,
	.draw = breakdown_draw,
	.table = breakdown_table,
};
