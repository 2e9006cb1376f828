/* The tornado: the inputs that move the difference between an option and
 * the baseline most, one at a time from their 10th to their 90th
 * percentile, sorted by swing (CHARTS.md 1.3 and 6).
 * All of its code is here: the layout of the plot, its words (caption,
 * subtitle, notes, how to read it), its data table, and at the end its
 * description (struct exhibit_kind, see exhibit.h).  Its title comes from
 * the findings. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#define TORNADO_MAX 10
/* The outline of a bar that crosses $0 (the others: 0.4 points). */
#define TORNADO_CROSS_LW 1.25
#define TORNADO_KEY_LEAD 11.0 /* between two lines of the key */

/* ---- Rows and their labels ---- */

char *tornado_label(const struct chart_data *d, const struct chart_sens *s)
{
	const char *slash = strchr(s->input, '/');
	if (!slash)
		return xstrdup(chart_param_label(d, s->input));
	if (!s->occurrence)
		return words_input_label(s->input);
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "%s occurs [%.*s]", slash + 1,
		      (int)(slash - s->input), s->input);
	return strbuf_take(&b);
}

char *tornado_value(const struct chart_data *d, const struct chart_sens *s,
		    int high, char buf[LAYOUT_LABEL_MAX])
{
	if (!s->occurrence)
		return words_input_value(
			d, s->input, high ? s->in_p90 : s->in_p10, buf);
	if (!high)
		snprintf(buf, LAYOUT_LABEL_MAX, "never");
	else if (*s->year)
		snprintf(buf, LAYOUT_LABEL_MAX, "once, in %s", s->year);
	else
		snprintf(buf, LAYOUT_LABEL_MAX, "once");
	return buf;
}

static int cmp_swing(const void *a, const void *b)
{
	const struct chart_sens *x = *(const struct chart_sens *const *)a;
	const struct chart_sens *y = *(const struct chart_sens *const *)b;
	if (x->swing != y->swing)
		return x->swing > y->swing ? -1 : 1;
	return strcmp(x->input, y->input);
}

size_t tornado_rows(const struct chart_data *d, int o,
		    const struct chart_sens ***rows)
{
	const struct chart_sens **v =
		xmalloc((d->nsens + 1) * sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < d->nsens; i++)
		if (d->sens[i].option == o && d->sens[i].diff)
			v[n++] = &d->sens[i];
	qsort(v, n, sizeof(*v), cmp_swing);
	*rows = v;
	return n;
}

/* "input value: difference" at one end of a bar: the input to three
 * significant figures, the difference in the chart's money style. */
static void end_label(const struct chart_data *d, const struct chart_sens *s,
		      const struct numfmt_style *st, int high, char *buf,
		      size_t cap)
{
	char v[LAYOUT_LABEL_MAX], r[NUMFMT_MAX];
	tornado_value(d, s, high, v);
	numfmt_money_in(high ? s->out_p90 : s->out_p10, st, 1, r);
	snprintf(buf, cap, "%s: %s", v, r);
}

/* The key: the two tints of a bar (a risk's two ends named when a bar
 * shows one, occ) and, when some bar crosses $0 (cross), the heavy
 * outline that marks it; an entry that would pass width starts a second
 * line.  Returns the number of lines. */
static int key(const struct exhibit_ctx *c, struct dlist *dl, double x,
	       double y, double width, uint32_t light, uint32_t dark, int occ,
	       int cross)
{
	const double x0 = x;
	int lines = 1;
	static const char *const plain[2] = {"input at its 10th percentile",
					     "at its 90th percentile"};
	static const char *const risk[2] = {
		"input at its 10th percentile (a risk: never)",
		"at its 90th (a risk: once)"};
	const char *words[3] = {
		occ ? risk[0] : plain[0], occ ? risk[1] : plain[1],
		"heavy outline: crosses $0, can reverse which costs less"};
	uint32_t fill[3] = {light, dark, STYLE_WHITE};
	for (int i = 0; i < 2 + cross; i++) {
		double tw = text_width(c->tm, words[i], FONT_REGULAR,
				       STYLE_SMALL);
		if (i > 0 && x + 15 + tw > x0 + width) {
			x = x0;
			y += TORNADO_KEY_LEAD;
			lines++;
		}
		dl_rect(dl, x, y - 7, 12, 8, fill[i], STYLE_INK,
			i == 2 ? TORNADO_CROSS_LW : 0.5);
		dl_text(dl, x + 15, y, words[i], FONT_REGULAR, STYLE_SMALL,
			STYLE_INK, ANCHOR_LEFT);
		x += 15 + tw + 12;
	}
	return lines;
}

/* An input's name right-aligned at x, centred on yc, within width: on
 * two lines when the row (rh high) has room for them, and only then
 * shortened, an item's name before its "[option]" (and an occurrence's
 * "occurs"), which always shows; a parameter by its label. */
static void name_label(const struct exhibit_ctx *c, struct dlist *dl,
		       const struct chart_sens *sens, double x, double yc,
		       double width, double rh)
{
	const char *input = sens->input;
	/* Two lines in the note size, one in the label size. */
	const double lead = STYLE_NOTE * 1.06;
	size_t max = rh >= 2 * lead ? 2 : 1;
	double size = STYLE_SMALL;
	const char *slash = strchr(input, '/');
	char *name = xstrdup(slash ? slash + 1
				   : chart_param_label(c->d, input));
	char *suffix = xstrdup("");
	if (slash) {
		struct strbuf sf = STRBUF_INIT;
		strbuf_printf(&sf, "%s [%.*s]",
			      sens->occurrence ? " occurs" : "",
			      (int)(slash - input), input);
		free(suffix);
		suffix = strbuf_take(&sf);
	}
	struct strbuf one = STRBUF_INIT;
	strbuf_printf(&one, "%s%s", name, suffix);
	if (text_width(c->tm, strbuf_str(&one), FONT_REGULAR, size) <= width)
		max = 1;
	else if (max == 2)
		size = STYLE_NOTE;
	strbuf_free(&one);
	double room = text_width(c->tm, name, FONT_REGULAR, size);
	for (;;) {
		struct strbuf s = STRBUF_INIT;
		strbuf_printf(&s, "%s%s", name, suffix);
		char **lines;
		size_t n = layout_wrap(c->tm, strbuf_str(&s), FONT_REGULAR,
				       size, width, &lines);
		int fits = n <= max;
		for (size_t i = 0; i < n && fits; i++)
			fits = text_width(c->tm, lines[i], FONT_REGULAR,
					  size) <= width + 1e-9;
		if (fits || room < 20) {
			double y0 = yc + size * TEXT_CAP / 2 -
				    (double)((n < max ? n : max) - 1) * lead /
					    2;
			for (size_t i = 0; i < n && i < max; i++) {
				char *t = layout_ellipsize(c->tm, lines[i],
							   FONT_REGULAR,
							   size, width);
				dl_text(dl, x, y0 + (double)i * lead, t,
					FONT_REGULAR, size, STYLE_INK,
					ANCHOR_RIGHT);
				free(t);
			}
			layout_lines_free(lines, n);
			strbuf_free(&s);
			break;
		}
		layout_lines_free(lines, n);
		strbuf_free(&s);
		room *= 0.9;
		char *shorter = layout_ellipsize(c->tm, name, FONT_REGULAR,
						 size, room);
		free(name);
		name = shorter;
	}
	free(name);
	free(suffix);
}

static void tornado_draw(const struct exhibit_ctx *c, struct box b,
			 struct dlist *dl)
{
	const struct chart_data *d = c->d;
	int o = c->ex->option;
	const struct chart_sens **rows;
	size_t n = tornado_rows(d, o, &rows);
	if (n > TORNADO_MAX)
		n = TORNADO_MAX;
	uint32_t hue = style_option(o).colour;
	uint32_t light = style_at_lightness(hue, 82);
	uint32_t dark = style_at_lightness(hue, 40);
	int occ = 0, any_cross = 0;
	for (size_t i = 0; i < n; i++) {
		occ |= rows[i]->occurrence;
		any_cross |= fmin(rows[i]->out_p10, rows[i]->out_p90) < 0 &&
			     fmax(rows[i]->out_p10, rows[i]->out_p90) > 0;
	}
	int key_lines = key(c, dl, b.x, b.y + 7, b.w, light, dark, occ,
			    any_cross);
	if (n == 0) {
		dl_text(dl, b.x + b.w / 2, b.y + b.h / 2,
			"No uncertain input moves this difference.",
			FONT_REGULAR, STYLE_LABEL, STYLE_MUTED, ANCHOR_CENTER);
		free(rows);
		return;
	}
	double lo = 0, hi = 0, namew = 0, padl = 0, padr = 0;
	char buf[LAYOUT_LABEL_MAX + NUMFMT_MAX + 8];
	/* One money style for the bars' ends and the base case. */
	double largest = 0;
	for (size_t i = 0; i < n; i++)
		largest = fmax(largest,
			       fmax(fabs(rows[i]->out_point),
				    fmax(fabs(rows[i]->out_p10),
					 fabs(rows[i]->out_p90))));
	struct numfmt_style money;
	numfmt_money_style(largest, &money);
	for (size_t i = 0; i < n; i++) {
		const struct chart_sens *s = rows[i];
		lo = fmin(lo, fmin(s->out_point, fmin(s->out_p10, s->out_p90)));
		hi = fmax(hi, fmax(s->out_point, fmax(s->out_p10, s->out_p90)));
		char *name = tornado_label(d, s);
		namew = fmax(namew, text_width(c->tm, name, FONT_REGULAR,
					       STYLE_SMALL));
		free(name);
		for (int h = 0; h < 2; h++) {
			end_label(d, s, &money, h, buf, sizeof(buf));
			double w = text_width(c->tm, buf, FONT_REGULAR,
					      STYLE_NOTE) +
				   4;
			int left = (h ? s->out_p90 : s->out_p10) <
				   (h ? s->out_p10 : s->out_p90);
			if (left)
				padl = fmax(padl, w);
			else
				padr = fmax(padr, w);
		}
	}
	/* Names take up to two fifths of the width before they wrap or are
	 * shortened (the bars and their labels keep the rest). */
	namew = fmin(namew, b.w * 0.40);
	double left = b.x + namew + 6;
	struct ticks t;
	frame_money_ticks(c, lo, hi, b.x + b.w - padr - left - padl, 7,
			  TICKS_ZERO, 1, &t);
	double top = b.y + 16 + 12 + (key_lines - 1) * TORNADO_KEY_LEAD,
	       bottom = b.y + b.h - 26;
	struct scale sx = {t.lo, t.hi, left + padl, b.x + b.w - padr};
	frame_x_money(c, dl, &t, &sx, top - 10, bottom, 1);
	double rh = fmin(22, (bottom - top - 12) / (double)n);
	double bh = rh * 0.62;
	for (size_t i = 0; i < n; i++) {
		const struct chart_sens *s = rows[i];
		double yc = top + rh * ((double)i + 0.5);
		name_label(c, dl, s, b.x + namew, yc, namew, rh);
		double xb = scale_map(&sx, s->out_point);
		double x10 = scale_map(&sx, s->out_p10);
		double x90 = scale_map(&sx, s->out_p90);
		double mn = fmin(s->out_p10, s->out_p90);
		double mx = fmax(s->out_p10, s->out_p90);
		int crosses = mn < 0 && mx > 0;
		dl_rect(dl, fmin(xb, x10), yc - bh / 2, fabs(x10 - xb), bh,
			light, DL_NONE, 0);
		dl_rect(dl, fmin(xb, x90), yc - bh / 2, fabs(x90 - xb), bh,
			dark, DL_NONE, 0);
		double xl = fmin(x10, x90), xr = fmax(x10, x90);
		dl_rect(dl, xl, yc - bh / 2, xr - xl, bh, DL_NONE, STYLE_INK,
			crosses ? TORNADO_CROSS_LW : 0.4);
		for (int h = 0; h < 2; h++) {
			end_label(d, s, &money, h, buf, sizeof(buf));
			double xe = h ? x90 : x10, xo = h ? x10 : x90;
			int at_left = xe < xo || (xe == xo && !h);
			/* A white ground keeps the $0 line from striking
			 * through a label that reaches across it. */
			double tw = text_width(c->tm, buf, FONT_REGULAR,
					       STYLE_NOTE);
			double tx = at_left ? xe - 3 - tw : xe + 3;
			dl_rect(dl, tx - 1, yc - bh / 2, tw + 2, bh, STYLE_WHITE,
				DL_NONE, 0);
			dl_text(dl, at_left ? xe - 3 : xe + 3,
				yc + STYLE_NOTE * TEXT_CAP / 2, buf,
				FONT_REGULAR, STYLE_NOTE, STYLE_INK,
				at_left ? ANCHOR_RIGHT : ANCHOR_LEFT);
		}
	}
	/* The point estimate, and $0 where the options cost the same. */
	double xb = scale_map(&sx, rows[0]->out_point);
	double yend = top + rh * (double)n + 2;
	dl_line(dl, xb, top - 4, xb, yend, STYLE_INK, 1.25, DASH_SOLID);
	char m[NUMFMT_MAX];
	struct strbuf lab = STRBUF_INIT;
	strbuf_printf(&lab, "Point estimate: %s",
		      numfmt_money_in(rows[0]->out_point, &money, 1, m));
	dl_text(dl, xb, top - 6, strbuf_str(&lab), FONT_BOLD, STYLE_SMALL,
		STYLE_INK, ANCHOR_CENTER);
	strbuf_free(&lab);
	double x0 = scale_map(&sx, 0);
	if (fabs(x0 - xb) > 0.5) {
		dl_text(dl, x0, yend + 1 + STYLE_NOTE * TEXT_ASCENT,
			"$0: same cost", FONT_REGULAR, STYLE_NOTE, STYLE_INK,
			x0 < xb ? ANCHOR_RIGHT : ANCHOR_LEFT);
	}
	char *xt = frame_fit_names(c,
				   "Difference in total cost (+ means %s costs "
				   "more)",
				   o, -1, FONT_REGULAR, STYLE_SMALL,
				   b.x + b.w - left);
	dl_text(dl, (left + b.x + b.w) / 2, b.y + b.h - 1, xt, FONT_REGULAR,
		STYLE_SMALL, STYLE_MUTED, ANCHOR_CENTER);
	free(xt);
	free(rows);
}

/* ---- Words ---- */

static int tornado_wanted(const struct chart_data *d, int o)
{
	(void)o;
	return d->has_sens;
}

/* Captions name options like titles: by their short names. */
static char *tornado_caption(const struct chart_data *d,
			     const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "What drives %s vs %s (tornado)",
		      chart_name(d, e->option), chart_name(d, d->baseline));
	return strbuf_take(&b);
}

static char *tornado_subtitle(const struct chart_data *d,
			      const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	char *span = words_span(d, 0);
	char *pv = words_pv_basis(d);
	strbuf_printf(&b, "Difference in total cost to the district, "
			  "%s minus %s, over %s%s, %s",
		      d->opt[e->option].label, d->opt[d->baseline].label, span,
		      words_aid(d), pv);
	free(span);
	free(pv);
	return strbuf_take(&b);
}

static char *tornado_notes(const struct chart_data *d,
			   const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	const struct chart_sens **rows;
	size_t k = tornado_rows(d, e->option, &rows);
	int occ = 0;
	for (size_t i = 0; i < k && i < 10; i++)
		occ |= rows[i]->occurrence;
	free(rows);
	strbuf_printf(&b, "Notes: each bar moves one input from its "
			  "10th to its 90th percentile%s with every "
			  "other input at its point value (one at a "
			  "time: interactions are not shown). Labels: "
			  "input value: resulting difference.",
		      occ ? " (a risk: from never occurring to "
			    "occurring once, at its point cost, in its "
			    "first possible year)"
			  : "");
	if (k > 10)
		strbuf_printf(&b, " %zu more input%s move%s it less; "
				  "the data table lists them all with "
				  "their rank correlations.",
			      k - 10, k - 10 == 1 ? "" : "s",
			      k - 10 == 1 ? "s" : "");
	else
		strbuf_puts(&b, " Rank correlations: data table.");
	return strbuf_take(&b);
}

static char *tornado_howto(const struct chart_data *d,
			   const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "Each bar is one uncertain input. The "
			  "vertical line is the point-estimate difference "
			  "between %s and %s. Moving the input from a "
			  "low value (its 10th percentile, light half) "
			  "to a high value (its 90th percentile, dark "
			  "half) moves the difference to the ends of "
			  "the bar. The inputs at the top matter most; "
			  "a bar that crosses $0 can change which "
			  "option is cheaper on its own.",
		      d->opt[e->option].label, d->opt[d->baseline].label);
	return strbuf_take(&b);
}

/* ---- Data table ---- */

/* A rank correlation to two decimals, with a true minus sign. */
static const char *rho_text(double r, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	numfmt_fixed(fabs(r), 2, num);
	snprintf(buf, LAYOUT_LABEL_MAX, "%s%s",
		 r < 0 && strcmp(num, "0.00") != 0 ? LAYOUT_MINUS : "", num);
	return buf;
}

static void tornado_table(const struct exhibit_ctx *c, struct table *t)
{
	const struct chart_data *d = c->d;
	static const char *const head[] = {
		"Rank",
		"Input",
		"Input at P10 (risk: never)",
		"Input at P90 (risk: once)",
		"Difference at P10",
		"Difference at P90",
		"Swing",         "Rank correlation"};
	table_init(t, 8, head, NULL);
	table_wrap(t, 1);
	t->align[1] = TA_LEFT;
	const struct chart_sens **rows;
	size_t n = tornado_rows(d, c->ex->option, &rows);
	char b[8][LAYOUT_LABEL_MAX];
	for (size_t i = 0; i < n; i++) {
		const struct chart_sens *s = rows[i];
		snprintf(b[0], sizeof(b[0]), "%zu", i + 1);
		char *name = tornado_label(d, s);
		const char *cells[8] = {
			b[0],
			name,
			tornado_value(d, s, 0, b[1]),
			tornado_value(d, s, 1, b[2]),
			layout_money_dollars(s->out_p10, 1, b[3]),
			layout_money_dollars(s->out_p90, 1, b[4]),
			layout_money_dollars(s->swing, 0, b[5]),
			s->has_rho ? rho_text(s->rho, b[6]) : ""};
		size_t r_ = table_row(t, cells);
		t->rule[r_] = i == 10;
		free(name);
	}
	free(rows);
}

const struct exhibit_kind exhibit_tornado = {
	.stem = "tornado",
	.title_key = "title.tornado",
	.per_option = 1,
	.wanted = tornado_wanted,
	.caption = tornado_caption,
	.subtitle = tornado_subtitle,
	.notes = tornado_notes,
	.howto = tornado_howto,
	.draw = tornado_draw,
	.table = tornado_table,
};
