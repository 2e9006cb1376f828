/* The fan chart: each option's cost per year as small multiples on one
 * shared scale, with nested 90%, 80% and 50% bands and the median line
 * (CHARTS.md 1.1 and 6).
 * All of its code is here: the layout of the plot, its words (caption,
 * subtitle, notes, how to read it), its data table, and at the end its
 * description (struct exhibit_kind, see exhibit.h).  Its title comes from
 * the findings. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/strbuf.h"

/* Greyscale lightness of the three bands (outer to inner) and of the
 * median line: steps of at least 10 L* survive photocopying. */
static const double band_l[3] = {91, 81, 68};
#define MEDIAN_L 30.0

/* The band a (0: P5-P95, 1: P10-P90, 2: P25-P75) as a closed polygon. */
static void band(struct dlist *dl, const struct chart_stat *ys, int n,
		 const double *x, const struct scale *sy, int a,
		 uint32_t colour)
{
	static const int lo[3] = {CQ_P5, CQ_P10, CQ_P25};
	static const int hi[3] = {CQ_P95, CQ_P90, CQ_P75};
	double *xy = xmalloc(4 * (size_t)n * sizeof(double));
	for (int i = 0; i < n; i++) {
		xy[2 * i] = x[i];
		xy[2 * i + 1] = scale_map(sy, ys[i].q[hi[a]]);
		xy[2 * (2 * n - 1 - i)] = x[i];
		xy[2 * (2 * n - 1 - i) + 1] = scale_map(sy, ys[i].q[lo[a]]);
	}
	dl_path(dl, xy, 2 * (size_t)n, 1, colour, DL_NONE, 0, DASH_SOLID);
	free(xy);
}

/* The key: swatches of the three bands and the median line. */
static void key(const struct exhibit_ctx *c, struct dlist *dl, double x,
		double y)
{
	static const char *const words[3] = {"9 in 10 outcomes", "8 in 10",
					     "middle half"};
	const uint32_t grey = 0x4A4A4Au;
	for (int a = 2; a >= 0; a--) {
		dl_rect(dl, x, y - 7, 12, 8,
			style_at_lightness(grey, band_l[a]), DL_NONE, 0);
		x += 15;
		dl_text(dl, x, y, words[a], FONT_REGULAR, STYLE_SMALL,
			STYLE_INK, ANCHOR_LEFT);
		x += text_width(c->tm, words[a], FONT_REGULAR, STYLE_SMALL) +
		     10;
	}
	dl_line(dl, x, y - 3, x + 14, y - 3, style_at_lightness(grey, MEDIAN_L),
		STYLE_DATA_LW, DASH_SOLID);
	dl_text(dl, x + 17, y, "median", FONT_REGULAR, STYLE_SMALL, STYLE_INK,
		ANCHOR_LEFT);
}

/* The x of year slot i (0-based) in a panel: the horizon's years evenly
 * spaced, then, after a gap of half a slot, the years that hold only aid
 * paid after the horizon. */
static double slot_x(double px, double pw, int i, int horizon, int nyears)
{
	double gap = nyears > horizon ? 0.5 : 0;
	double at = i + 0.5 + (i >= horizon ? gap : 0);
	return px + pw * at / (nyears + gap);
}

/* A year after the horizon (aid only): a point range, not part of the
 * fan, so that the fan does not seem to collapse. */
static void aid_year(struct dlist *dl, const struct chart_stat *s, double x,
		     const struct scale *sy, uint32_t hue)
{
	double y5 = scale_map(sy, s->q[CQ_P5]);
	double y95 = scale_map(sy, s->q[CQ_P95]);
	double y25 = scale_map(sy, s->q[CQ_P25]);
	double y75 = scale_map(sy, s->q[CQ_P75]);
	dl_rect(dl, x - 3, fmin(y5, y95), 6, fabs(y5 - y95) + 0.01,
		style_at_lightness(hue, band_l[0]), DL_NONE, 0);
	dl_rect(dl, x - 3, fmin(y25, y75), 6, fabs(y25 - y75) + 0.01,
		style_at_lightness(hue, band_l[2]), DL_NONE, 0);
	double ym = scale_map(sy, s->q[CQ_P50]);
	dl_line(dl, x - 6, ym, x + 6, ym, style_at_lightness(hue, MEDIAN_L),
		STYLE_DATA_LW, DASH_SOLID);
}

static void fan_draw(const struct exhibit_ctx *c, struct box b,
		     struct dlist *dl)
{
	const struct chart_data *d = c->d;
	int ny = d->nyears, nh = d->horizon, np = d->nopt;
	double lo = 0, hi = 0;
	for (int o = 0; o < np; o++)
		for (int y = 0; y < ny; y++) {
			const struct chart_stat *s = &d->opt[o].net[y];
			lo = fmin(lo, s->q[CQ_P5]);
			hi = fmax(hi, s->q[CQ_P95]);
		}
	/* One money style for the options' last-year medians. */
	double largest = 0;
	for (int o = 0; o < np && nh > 0; o++)
		largest = fmax(largest, fabs(d->opt[o].net[nh - 1].q[CQ_P50]));
	struct numfmt_style money;
	numfmt_money_style(largest, &money);
	struct ticks t;
	layout_ticks(lo, hi, 5, TICKS_ZERO, &t);
	double lw = frame_money_label_width(c, &t, 0);
	key(c, dl, b.x, b.y + 7);
	double left = b.x + lw + 6, gap = 10;
	double pw = (b.x + b.w - left - (np - 1) * gap) / np;
	/* Panel names on up to two lines (the panels move down a line when
	 * one needs two). */
	const double nlead = STYLE_LABEL * 1.2;
	size_t *nlines = xcalloc((size_t)np + 1, sizeof(size_t));
	size_t most = 1;
	for (int o = 0; o < np; o++) {
		char **lines;
		nlines[o] = layout_wrap(
			c->tm,
			frame_option_name(c, o, FONT_BOLD, STYLE_LABEL, pw, 2),
			FONT_BOLD, STYLE_LABEL, pw, &lines);
		layout_lines_free(lines, nlines[o]);
		if (nlines[o] > 2)
			nlines[o] = 2;
		if (nlines[o] > most)
			most = nlines[o];
	}
	double top = b.y + 14 + 14 + (double)(most - 1) * nlead;
	double bottom = b.y + b.h - 14;
	struct scale sy = {t.lo, t.hi, bottom, top};
	/* Every k-th year is labelled, counting back from the horizon's
	 * last, so that labels do not collide. */
	double maxw = 0;
	for (int y = 0; y < ny; y++)
		maxw = fmax(maxw, text_width(c->tm, d->year_labels[y],
					     FONT_REGULAR, STYLE_SMALL));
	double step = slot_x(0, pw, 1, nh, ny) - slot_x(0, pw, 0, nh, ny);
	int k = (int)ceil((maxw + 4) / step);
	if (k < 1)
		k = 1;
	double *x = xmalloc((size_t)(nh > 1 ? nh : 2) * sizeof(double));
	for (int o = 0; o < np; o++) {
		double px = left + o * (pw + gap);
		double z0 = ny > nh ? (slot_x(px, pw, nh - 1, nh, ny) +
				       slot_x(px, pw, nh, nh, ny)) / 2
				    : px + pw;
		if (ny > nh) {
			dl_rect(dl, z0, top, px + pw - z0, bottom - top,
				0xF2F2F2u, DL_NONE, 0);
			if (ny - nh == 1)
				dl_text(dl, (z0 + px + pw) / 2, top + 8,
					d->year_labels[ny - 1], FONT_REGULAR,
					STYLE_NOTE, STYLE_MUTED, ANCHOR_CENTER);
			dl_text(dl, (z0 + px + pw) / 2, top + 16, "aid only",
				FONT_REGULAR, STYLE_NOTE, STYLE_MUTED,
				ANCHOR_CENTER);
		}
		frame_y_money(c, dl, &t, &sy, o == 0 ? left - 4 : -1, px,
			      px + pw, 0);
		frame_lines(c, dl, px + pw / 2,
			    top - 6 - (double)(nlines[o] - 1) * nlead, pw,
			    frame_option_name(c, o, FONT_BOLD, STYLE_LABEL, pw,
					      2),
			    FONT_BOLD, STYLE_LABEL, STYLE_INK, ANCHOR_CENTER,
			    nlead, 2);
		const struct chart_stat *ys = d->opt[o].net;
		struct chart_stat one[2];
		int n = nh;
		for (int y = 0; y < nh; y++)
			x[y] = slot_x(px, pw, y, nh, ny);
		if (nh == 1) { /* a single year: a short flat band */
			one[0] = one[1] = ys[0];
			ys = one;
			x[0] = x[0] - step * 0.3;
			x[1] = x[0] + step * 0.6;
			n = 2;
		}
		uint32_t hue = style_option(o).colour;
		for (int a = 0; a < 3; a++)
			band(dl, ys, n, x, &sy, a,
			     style_at_lightness(hue, band_l[a]));
		double *xy = xmalloc(2 * (size_t)n * sizeof(double));
		for (int i = 0; i < n; i++) {
			xy[2 * i] = x[i];
			xy[2 * i + 1] = scale_map(&sy, ys[i].q[CQ_P50]);
		}
		dl_path(dl, xy, (size_t)n, 0, DL_NONE,
			style_at_lightness(hue, MEDIAN_L), STYLE_DATA_LW,
			style_option(o).dash);
		free(xy);
		for (int y = nh; y < ny; y++)
			aid_year(dl, &d->opt[o].net[y],
				 slot_x(px, pw, y, nh, ny), &sy, hue);
		/* The median of the last year of the horizon, labelled. */
		const struct chart_stat *last = &d->opt[o].net[nh - 1];
		char buf[NUMFMT_MAX];
		double lx = slot_x(px, pw, nh - 1, nh, ny);
		double ly = fmin(scale_map(&sy, last->q[CQ_P50]),
				 scale_map(&sy, last->q[CQ_P75]));
		dl_text(dl, lx, ly - 4,
			numfmt_money_in(last->q[CQ_P50], &money, 0, buf), FONT_BOLD,
			STYLE_SMALL, STYLE_INK,
			lx > px + pw - 20 ? ANCHOR_RIGHT : ANCHOR_CENTER);
		dl_line(dl, px, bottom, px + pw, bottom, STYLE_INK,
			STYLE_AXIS_LW, DASH_SOLID)
			->snap = 1;
		for (int y = 0; y < nh; y += 1)
			if ((nh - 1 - y) % k == 0)
				dl_text(dl, slot_x(px, pw, y, nh, ny),
					bottom + 3 + STYLE_SMALL * TEXT_ASCENT,
					d->year_labels[y], FONT_REGULAR,
					STYLE_SMALL, STYLE_INK, ANCHOR_CENTER);
	}
	free(x);
	free(nlines);
}

/* ---- Words ---- */

static char *fan_caption(const struct chart_data *d, const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("Cost per year (fan chart)");
}

static char *fan_subtitle(const struct chart_data *d, const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	char *all = words_span(d, 1);
	strbuf_printf(&b, "Cost to the district each year%s, nominal "
			  "dollars, %s",
		      words_aid(d), all);
	free(all);
	return strbuf_take(&b);
}

static char *fan_notes(const struct chart_data *d, const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	char *n = words_trials(d);
	strbuf_printf(&b, "Notes: bands hold the middle 50%%, 80%% and "
			  "90%% of %s simulated outcomes of each year, "
			  "computed year by year (they are not paths); "
			  "line: median. Percentiles: Hyndman-Fan type "
			  "7.",
		      n);
	if (d->nyears > d->horizon) {
		/* "2020-21 holds", "Years 5 to 6 hold" */
		const char *a = d->year_labels[d->horizon];
		const char *z = d->year_labels[d->nyears - 1];
		int one = d->nyears - d->horizon == 1;
		int num = strspn(a, "0123456789") == strlen(a) && strlen(a) < 4;
		strbuf_puts(&b, num ? (one ? " Year " : " Years ") : " ");
		strbuf_printf(&b, one ? "%s holds" : "%s to %s hold", a, z);
		strbuf_puts(&b, " only state aid paid for earlier "
				"years.");
	}
	free(n);
	return strbuf_take(&b);
}

static char *fan_howto(const struct chart_data *d, const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	strbuf_puts(&b, "Each panel shows one option. The line is the "
			"median cost of each year: half of the "
			"simulated futures cost more, half less. The "
			"darkest band holds the middle half of the "
			"simulated outcomes, and 9 in 10 fall inside "
			"the whole fan. A fan that widens says the "
			"later years are less certain.");
	if (d->nopt > 1)
		strbuf_puts(&b, " All panels share one scale, so their "
				"heights can be compared.");
	return strbuf_take(&b);
}

/* ---- Data table ---- */

static void fan_table(const struct exhibit_ctx *c, struct table *t)
{
	const struct chart_data *d = c->d;
	static const char *const head[] = {"Option", "Year", "Mean", "P5",
					   "P10",    "P25",  "Median", "P75",
					   "P90",    "P95"};
	static const int q[] = {CQ_P5, CQ_P10, CQ_P25, CQ_P50, CQ_P75, CQ_P90,
				CQ_P95};
	table_init(t, 10, head, NULL);
	table_wrap(t, 0);
	char b[8][LAYOUT_LABEL_MAX];
	for (int o = 0; o < d->nopt; o++)
		for (int y = 0; y < d->nyears; y++) {
			const struct chart_stat *s = &d->opt[o].net[y];
			const char *cells[10] = {y ? "" : d->opt[o].label,
						 d->year_labels[y],
						 table_money(s->mean, b[0])};
			for (int i = 0; i < 7; i++)
				cells[3 + i] =
					table_money(s->q[q[i]], b[1 + i]);
			size_t r = table_row(t, cells);
			t->rule[r] = y == 0 && o > 0;
		}
}

const struct exhibit_kind exhibit_fan = {
	.stem = "fan",
	.title_key = "title.fan",
	.caption = fan_caption,
	.subtitle = fan_subtitle,
	.notes = fan_notes,
	.howto = fan_howto,
	.draw = fan_draw,
	.table = fan_table,
};
