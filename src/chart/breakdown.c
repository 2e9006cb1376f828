/* The breakdown: each option's expected total cost as a bar stacked by
 * category, categories in one order and one colour everywhere. */
#include <math.h>
#include <stdlib.h>

#include "chart/exhibit.h"
#include "util/mem.h"

/* Whether any option has category cat. */
static int used(const struct chart_data *d, int cat)
{
	for (int o = 0; o < d->nopt; o++)
		if (d->opt[o].cat_present[cat])
			return 1;
	return 0;
}

/* The key, wrapped into rows at the bottom of box b; returns its top. */
static double key(const struct exhibit_ctx *c, struct dlist *dl, struct box b,
		  int place)
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
				dl_rect(dl, x, y - 7, 11, 8,
					style_category(cat), STYLE_INK, 0.4);
				dl_text(dl, x + 15, y, d->categories[cat],
					FONT_REGULAR, STYLE_SMALL, STYLE_INK,
					ANCHOR_LEFT);
			}
			x += w;
		}
	}
	return b.y + b.h - (rows - 1) * lead - 10;
}

void breakdown_draw(const struct exhibit_ctx *c, struct box b,
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
	struct numfmt_style money; /* one style for the totals */
	numfmt_money_style(largest, &money);
	double keytop = key(c, dl, b, 1);
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
		char **lines;
		size_t nl = layout_wrap(c->tm, p->label, FONT_BOLD, STYLE_SMALL,
					namew, &lines);
		double shown = (double)(nl < 3 ? nl : 3);
		for (size_t i = 0; i < nl && i < 3; i++) {
			double dy = ((double)i - (shown - 1) / 2) * 9;
			dl_text(dl, b.x + namew,
				yc + STYLE_SMALL * TEXT_CAP / 2 + dy, lines[i],
				FONT_BOLD, STYLE_SMALL, STYLE_INK,
				ANCHOR_RIGHT);
		}
		layout_lines_free(lines, nl);
		double pos = 0, neg = 0, total = 0;
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
			uint32_t fill = style_category(cat);
			dl_rect(dl, x0, yc - bh / 2, x1 - x0, bh, fill,
				STYLE_WHITE, 0.75);
			const char *name = d->categories[cat];
			double tw = text_width(c->tm, name, FONT_REGULAR,
					       STYLE_NOTE);
			if (tw + 4 <= x1 - x0)
				dl_text(dl, (x0 + x1) / 2,
					yc + STYLE_NOTE * TEXT_CAP / 2, name,
					FONT_REGULAR, STYLE_NOTE,
					style_lightness(fill) < 55 ? STYLE_WHITE
								   : STYLE_INK,
					ANCHOR_CENTER);
		}
		char buf[NUMFMT_MAX];
		dl_text(dl, scale_map(&sx, pos) + 4,
			yc + STYLE_SMALL * TEXT_CAP / 2,
			numfmt_money_in(total, &money, 0, buf), FONT_BOLD,
			STYLE_SMALL, STYLE_INK, ANCHOR_LEFT);
	}
}
