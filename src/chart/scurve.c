/* The S-curve: for each option, the chance that total cost is at or below
 * each amount, with the 50% and 80% levels and the point estimate marked
 * (CHARTS.md 1.2 and 6).
 * All of its code is here: the layout of the plot, its words (caption,
 * subtitle, notes, how to read it), its data table, and at the end its
 * description (struct exhibit_kind, see exhibit.h).  Its title comes from
 * the findings. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

double scurve_point_percentile(const struct chart_data *d, int o)
{
	const double *q = d->opt[o].cdf;
	double x = d->opt[o].m[CM_NET_PV].point;
	int first = -1, last = -1;
	for (int i = 0; i <= 100; i++)
		if (q[i] == x) {
			if (first < 0)
				first = i;
			last = i;
		}
	/* A value the table holds several times: the middle of its run. */
	if (first >= 0)
		return (first + last) / 2.0;
	if (x < q[0])
		return 0;
	if (x > q[100])
		return 100;
	int i = 0;
	while (i < 99 && q[i + 1] < x)
		i++;
	return i + (x - q[i]) / (q[i + 1] - q[i]);
}

/* "1st", "2nd", "3rd", "11th", "43rd". */
static void ordinal(int n, char *buf, size_t cap)
{
	const char *suf = "th";
	if (n % 100 < 11 || n % 100 > 13) {
		if (n % 10 == 1)
			suf = "st";
		else if (n % 10 == 2)
			suf = "nd";
		else if (n % 10 == 3)
			suf = "rd";
	}
	snprintf(buf, cap, "%d%s", n, suf);
}

/* The chart's money style: from the largest amount it labels (each
 * option's median, 80th percentile and base case). */
static void scurve_style(const struct chart_data *d, struct numfmt_style *st)
{
	double largest = 0;
	for (int o = 0; o < d->nopt; o++) {
		const struct chart_stat *s = &d->opt[o].m[CM_NET_PV];
		largest = fmax(largest, fmax(fabs(s->point),
					     fmax(fabs(s->q[CQ_P50]),
						  fabs(s->q[CQ_P80]))));
	}
	numfmt_money_style(largest, st);
}

/* Dots where the curves cross a confidence level, with value labels
 * spread so that they do not overlap. */
static void level(const struct exhibit_ctx *c, struct dlist *dl,
		  const struct scale *sx, const struct scale *sy, int q,
		  int pct, struct box b)
{
	const struct chart_data *d = c->d;
	double y = scale_map(sy, pct);
	dl_line(dl, b.x, y, b.x + b.w, y, STYLE_REF, STYLE_AXIS_LW,
		DASH_DASHED);
	char lab[16];
	snprintf(lab, sizeof(lab), "%d%% level", pct);
	dl_text(dl, b.x + b.w, y - 3, lab, FONT_REGULAR, STYLE_SMALL,
		STYLE_MUTED, ANCHOR_RIGHT);
	int n = d->nopt;
	double *want = xmalloc((size_t)n * sizeof(double));
	double *at = xmalloc((size_t)n * sizeof(double));
	char (*text)[NUMFMT_MAX] = xmalloc((size_t)n * sizeof(*text));
	double maxw = 0;
	struct numfmt_style money;
	scurve_style(d, &money);
	for (int o = 0; o < n; o++) {
		numfmt_money_in(d->opt[o].m[CM_NET_PV].q[q], &money, 0, text[o]);
		double w = text_width(c->tm, text[o], FONT_BOLD, STYLE_SMALL);
		maxw = fmax(maxw, w);
		want[o] = scale_map(sx, d->opt[o].m[CM_NET_PV].q[q]) + 4 +
			  w / 2;
	}
	layout_spread(want, (size_t)n, maxw + 4, b.x, b.x + b.w - maxw / 2,
		      at);
	for (int o = 0; o < n; o++) {
		double x = scale_map(sx, d->opt[o].m[CM_NET_PV].q[q]);
		dl_mark(dl, x, y, 5.5, SHAPE_CIRCLE, style_option_line(o),
			STYLE_WHITE, 0.75);
		/* A white box keeps the label readable over the curves. */
		double w = text_width(c->tm, text[o], FONT_BOLD, STYLE_SMALL);
		dl_rect(dl, at[o] - w / 2 - 1.5, y + 2.5, w + 3,
			STYLE_SMALL * (TEXT_ASCENT + TEXT_DESCENT) + 1,
			STYLE_WHITE, DL_NONE, 0);
		dl_text(dl, at[o], y + 3 + STYLE_SMALL * TEXT_ASCENT, text[o],
			FONT_BOLD, STYLE_SMALL, style_option_text(o),
			ANCHOR_CENTER);
	}
	free(want);
	free(at);
	free(text);
}

/* The key in the lower right: each option's line, marker and point
 * estimate. */
static void key(const struct exhibit_ctx *c, struct dlist *dl, struct box b,
		double bottom)
{
	const struct chart_data *d = c->d;
	int n = d->nopt;
	char **lines = xmalloc((size_t)n * sizeof(char *));
	double w = 0;
	struct numfmt_style money;
	scurve_style(d, &money);
	for (int o = 0; o < n; o++) {
		char m[NUMFMT_MAX], ord[16];
		double p = scurve_point_percentile(d, o);
		ordinal((int)lround(p), ord, sizeof(ord));
		struct strbuf s = STRBUF_INIT;
		strbuf_printf(&s, "%%s: point estimate %s, %s percentile",
			      numfmt_money_in(d->opt[o].m[CM_NET_PV].point,
					      &money, 0, m),
			      ord);
		/* The name gives way (short name, then an ellipsis), never
		 * the figures after it. */
		lines[o] = frame_fit_names(c, strbuf_str(&s), o, -1,
					   FONT_REGULAR, STYLE_SMALL,
					   b.w - 40);
		strbuf_free(&s);
		w = fmax(w, text_width(c->tm, lines[o], FONT_REGULAR,
				       STYLE_SMALL));
	}
	w = fmin(w, b.w - 40);
	double lead = 11, kw = w + 36, kh = n * lead + 6;
	double x0 = b.x + b.w - kw - 2, y0 = bottom - kh - 4;
	dl_rect(dl, x0, y0, kw, kh, STYLE_WHITE, STYLE_GRID, STYLE_GRID_LW);
	for (int o = 0; o < n; o++) {
		double y = y0 + 4 + lead * (o + 0.5);
		double xy[4] = {x0 + 5, y, x0 + 25, y};
		frame_option_line(dl, xy, 2, o, STYLE_DATA_LW);
		struct option_style st = style_option(o);
		dl_mark(dl, x0 + 15, y, 6, st.shape, STYLE_WHITE,
			style_option_line(o), 1.25);
		char *t = layout_ellipsize(c->tm, lines[o], FONT_REGULAR,
					   STYLE_SMALL, w);
		dl_text(dl, x0 + 31, y + STYLE_SMALL * TEXT_CAP / 2, t,
			FONT_REGULAR, STYLE_SMALL, STYLE_INK, ANCHOR_LEFT);
		free(t);
		free(lines[o]);
	}
	free(lines);
}

/* The points of a curve up to where it leaves the axis at x = xmax (the
 * crossing interpolated).  Returns the number of points. */
static size_t curve(const double *q, const struct scale *sx,
		    const struct scale *sy, double xmax, double *xy)
{
	size_t n = 0;
	for (int p = 0; p <= 100; p++) {
		double x = q[p], y = p;
		if (x > xmax) {
			if (p == 0)
				break;
			y = (p - 1) + (xmax - q[p - 1]) / (x - q[p - 1]);
			x = xmax;
		}
		xy[2 * n] = scale_map(sx, x);
		xy[2 * n + 1] = scale_map(sy, y);
		n++;
		if (x == xmax && q[p] > xmax)
			break;
	}
	return n;
}

static void scurve_draw(const struct exhibit_ctx *c, struct box b,
			struct dlist *dl)
{
	const struct chart_data *d = c->d;
	/* The axis runs to the largest 99th percentile (and every base
	 * case): the top 1% of a long tail would squeeze the rest. */
	double lo = INFINITY, hi = -INFINITY;
	for (int o = 0; o < d->nopt; o++) {
		lo = fmin(lo, fmin(d->opt[o].cdf[0],
				   d->opt[o].m[CM_NET_PV].point));
		hi = fmax(hi, fmax(d->opt[o].cdf[99],
				   d->opt[o].m[CM_NET_PV].point));
	}
	/* y: 0..100% every 20%, labels and a vertical axis title. */
	const char *ytitle = "Chance the total is at or below the amount";
	double lw = text_width(c->tm, "100%", FONT_REGULAR, STYLE_LABEL);
	double left = b.x + 12 + lw + 4;
	struct ticks tx;
	frame_money_ticks(c, lo, hi, b.x + b.w - left, 8, 0, 0, &tx);
	double bottom = b.y + b.h - 26, top = b.y + 4;
	struct box pb = {left, top, b.x + b.w - left, bottom - top};
	struct scale sy = {0, 100, bottom, top};
	struct scale sx = {tx.lo, tx.hi, left, b.x + b.w};
	dl_text(dl, b.x + 8, (top + bottom) / 2, ytitle, FONT_REGULAR,
		STYLE_SMALL, STYLE_MUTED, ANCHOR_CENTER)
		->vertical = 1;
	for (int p = 0; p <= 100; p += 20) {
		double y = scale_map(&sy, p);
		char buf[16];
		snprintf(buf, sizeof(buf), "%d%%", p);
		dl_line(dl, left, y, b.x + b.w, y, p ? STYLE_GRID : STYLE_INK,
			p ? STYLE_GRID_LW : STYLE_AXIS_LW, DASH_SOLID)
			->snap = 1;
		dl_text(dl, left - 4, y + STYLE_LABEL * TEXT_CAP / 2, buf,
			FONT_REGULAR, STYLE_LABEL, STYLE_INK, ANCHOR_RIGHT);
	}
	frame_x_money(c, dl, &tx, &sx, top, bottom, 0);
	char *span = words_span(d, 0), *pv = words_pv_basis(d);
	struct strbuf xt = STRBUF_INIT;
	strbuf_printf(&xt, "Total cost over %s, %s", span, pv);
	dl_text(dl, (left + b.x + b.w) / 2, b.y + b.h - 1, strbuf_str(&xt),
		FONT_REGULAR, STYLE_SMALL, STYLE_MUTED, ANCHOR_CENTER);
	strbuf_free(&xt);
	free(span);
	free(pv);
	key(c, dl, pb, bottom);
	double xy[2 * 101];
	for (int o = 0; o < d->nopt; o++) {
		size_t n = curve(d->opt[o].cdf, &sx, &sy, tx.hi, xy);
		frame_option_line(dl, xy, n, o, STYLE_DATA_LW);
	}
	level(c, dl, &sx, &sy, CQ_P50, 50, pb);
	level(c, dl, &sx, &sy, CQ_P80, 80, pb);
	for (int o = 0; o < d->nopt; o++) {
		double p = scurve_point_percentile(d, o);
		dl_mark(dl, scale_map(&sx, d->opt[o].m[CM_NET_PV].point),
			scale_map(&sy, p), 7, style_option(o).shape,
			STYLE_WHITE, style_option_line(o), 1.5);
	}
}

/* ---- Words ---- */

static char *scurve_caption(const struct chart_data *d,
			    const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("Chance of staying within a budget (S-curve)");
}

static char *scurve_subtitle(const struct chart_data *d,
			     const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	char *span = words_span(d, 0);
	char *pv = words_pv_basis(d);
	strbuf_printf(&b, "Total cost to the district over %s%s, %s", span,
		      words_aid(d), pv);
	free(span);
	free(pv);
	return strbuf_take(&b);
}

static char *scurve_notes(const struct chart_data *d, const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	char *n = words_trials(d);
	double top = -INFINITY;
	for (int o = 0; o < d->nopt; o++)
		top = fmax(top, d->opt[o].cdf[100]);
	char m[LAYOUT_LABEL_MAX];
	strbuf_printf(&b, "Notes: each curve orders %s simulated "
			  "totals. Hollow markers: the point estimate "
			  "(likely values; medians for uniform, normal "
			  "and lognormal inputs; risk items at "
			  "probability \xC3\x97 cost) and its "
			  "percentile, rounded to a whole number. "
			  "The axis stops near the 99th percentile; "
			  "the largest total is %s.",
		      n, layout_money_short(top, 0, m));
	free(n);
	return strbuf_take(&b);
}

static char *scurve_howto(const struct chart_data *d, const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	strbuf_puts(&b, "Pick an amount on the horizontal axis and "
			"read up to a curve: the height is the chance "
			"that the option's total cost stays at or "
			"below that amount. ");
	if (d->nopt > 1)
		strbuf_puts(&b, "A curve further left is cheaper. ");
	strbuf_puts(&b, "The dots on the dashed lines give "
			"the budget needed for a 50% and an 80% "
			"chance of staying within it. The hollow "
			"marker on each curve is the point estimate, "
			"the cost with every input at its point value "
			"and each risk counted at its probability "
			"times its cost, with the share of simulations "
			"that cost less than it.");
	return strbuf_take(&b);
}

/* ---- Data table ---- */

static void scurve_table(const struct exhibit_ctx *c, struct table *t)
{
	const struct chart_data *d = c->d;
	size_t nc = (size_t)d->nopt + 1;
	const char **head = xmalloc(nc * sizeof(char *));
	const char **cells = xmalloc(nc * sizeof(char *));
	char (*b)[LAYOUT_LABEL_MAX] = xmalloc(nc * sizeof(*b));
	head[0] = "Chance the total is at or below";
	for (int o = 0; o < d->nopt; o++)
		head[o + 1] = d->opt[o].label;
	table_init(t, nc, head, NULL);
	table_wrap(t, 0);
	for (int p = 0; p <= 100; p += 5) {
		char pc[16];
		snprintf(pc, sizeof(pc), "%d%%", p);
		cells[0] = pc;
		for (int o = 0; o < d->nopt; o++)
			cells[o + 1] = table_money(d->opt[o].cdf[p], b[o + 1]);
		table_row(t, cells);
	}
	cells[0] = "Mean";
	for (int o = 0; o < d->nopt; o++)
		cells[o + 1] = table_money(d->opt[o].m[CM_NET_PV].mean,
					   b[o + 1]);
	size_t r_ = table_row(t, cells);
	t->rule[r_] = 1;
	cells[0] = "Point estimate (inputs at their point values, risks at "
		   "probability \xC3\x97 cost)";
	for (int o = 0; o < d->nopt; o++)
		cells[o + 1] = table_money(d->opt[o].m[CM_NET_PV].point,
					   b[o + 1]);
	table_row(t, cells);
	cells[0] = "Percentile of the point estimate";
	for (int o = 0; o < d->nopt; o++) {
		numfmt_fixed(scurve_point_percentile(d, o), 0, b[o + 1]);
		cells[o + 1] = b[o + 1];
	}
	table_row(t, cells);
	free(head);
	free(cells);
	free(b);
}

const struct exhibit_kind exhibit_scurve = {
	.stem = "scurve",
	.title_key = "title.scurve",
	.caption = scurve_caption,
	.subtitle = scurve_subtitle,
	.notes = scurve_notes,
	.howto = scurve_howto,
	.draw = scurve_draw,
	.table = scurve_table,
};
