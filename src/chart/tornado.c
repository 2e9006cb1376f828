/* The tornado: the inputs that move the difference between an option and
 * the baseline most, one at a time from their 10th to their 90th
 * percentile, sorted by swing (CHARTS.md 1.3 and 6). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

#define TORNADO_MAX 10

/* "input value: difference" at one end of a bar: the input to three
 * significant figures, the difference in the chart's money style. */
static void end_label(const struct chart_data *d, const struct chart_sens *s,
		      const struct numfmt_style *st, int high, char *buf,
		      size_t cap)
{
	char v[LAYOUT_LABEL_MAX], r[NUMFMT_MAX];
	words_input_value(d, s->input, high ? s->in_p90 : s->in_p10, v);
	numfmt_money_in(high ? s->out_p90 : s->out_p10, st, 1, r);
	snprintf(buf, cap, "%s: %s", v, r);
}

static void key(const struct exhibit_ctx *c, struct dlist *dl, double x,
		double y, uint32_t light, uint32_t dark)
{
	static const char *const words[2] = {
		"input at its 10th percentile", "input at its 90th percentile"};
	uint32_t fill[2] = {light, dark};
	for (int i = 0; i < 2; i++) {
		dl_rect(dl, x, y - 7, 12, 8, fill[i], STYLE_INK, 0.5);
		dl_text(dl, x + 15, y, words[i], FONT_REGULAR, STYLE_SMALL,
			STYLE_INK, ANCHOR_LEFT);
		x += 15 + text_width(c->tm, words[i], FONT_REGULAR,
				     STYLE_SMALL) +
		     12;
	}
}

/* An input's name right-aligned at x, centred on yc, within width: an
 * item's name is shortened before its "[option]", which always shows. */
static void name_label(const struct exhibit_ctx *c, struct dlist *dl,
		       const char *input, double x, double yc, double width)
{
	const char *slash = strchr(input, '/');
	struct strbuf s = STRBUF_INIT;
	if (slash) {
		char *suffix = xstrdup(input);
		suffix[slash - input] = '\0';
		struct strbuf sf = STRBUF_INIT;
		strbuf_printf(&sf, " [%s]", suffix);
		double sw = text_width(c->tm, strbuf_str(&sf), FONT_REGULAR,
				       STYLE_SMALL);
		char *item = layout_ellipsize(c->tm, slash + 1, FONT_REGULAR,
					      STYLE_SMALL,
					      fmax(width - sw, 20));
		strbuf_printf(&s, "%s%s", item, strbuf_str(&sf));
		free(item);
		free(suffix);
		strbuf_free(&sf);
	} else {
		char *fit = layout_ellipsize(c->tm, input, FONT_REGULAR,
					     STYLE_SMALL, width);
		strbuf_puts(&s, fit);
		free(fit);
	}
	dl_text(dl, x, yc + STYLE_SMALL * TEXT_CAP / 2, strbuf_str(&s),
		FONT_REGULAR, STYLE_SMALL, STYLE_INK, ANCHOR_RIGHT);
	strbuf_free(&s);
}

void tornado_draw(const struct exhibit_ctx *c, struct box b, struct dlist *dl)
{
	const struct chart_data *d = c->d;
	int o = c->ex->option;
	const struct chart_sens **rows;
	size_t n = words_tornado_rows(d, o, &rows);
	if (n > TORNADO_MAX)
		n = TORNADO_MAX;
	uint32_t hue = style_option(o).colour;
	uint32_t light = style_at_lightness(hue, 82);
	uint32_t dark = style_at_lightness(hue, 40);
	key(c, dl, b.x, b.y + 7, light, dark);
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
		char *name = words_input_label(s->input);
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
	namew = fmin(namew, b.w * 0.32);
	double left = b.x + namew + 6;
	struct ticks t;
	frame_money_ticks(c, lo, hi, b.x + b.w - padr - left - padl, 7,
			  TICKS_ZERO, 1, &t);
	double top = b.y + 16 + 12, bottom = b.y + b.h - 26;
	struct scale sx = {t.lo, t.hi, left + padl, b.x + b.w - padr};
	frame_x_money(c, dl, &t, &sx, top - 10, bottom, 1);
	double rh = fmin(22, (bottom - top - 12) / (double)n);
	double bh = rh * 0.62;
	for (size_t i = 0; i < n; i++) {
		const struct chart_sens *s = rows[i];
		double yc = top + rh * ((double)i + 0.5);
		name_label(c, dl, s->input, b.x + namew, yc, namew);
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
			crosses ? 1.25 : 0.4);
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
	/* The base case, and $0 where the options cost the same. */
	double xb = scale_map(&sx, rows[0]->out_point);
	double yend = top + rh * (double)n + 2;
	dl_line(dl, xb, top - 4, xb, yend, STYLE_INK, 1.25, DASH_SOLID);
	char m[NUMFMT_MAX];
	struct strbuf lab = STRBUF_INIT;
	strbuf_printf(&lab, "Base case: %s",
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
	struct strbuf xt = STRBUF_INIT;
	strbuf_printf(&xt, "Difference in total cost (+ means %s costs more)",
		      d->opt[o].label);
	dl_text(dl, (left + b.x + b.w) / 2, b.y + b.h - 1, strbuf_str(&xt),
		FONT_REGULAR, STYLE_SMALL, STYLE_MUTED, ANCHOR_CENTER);
	strbuf_free(&xt);
	free(rows);
}
