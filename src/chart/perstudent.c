/* Cost per student per year: each option's median with its 10th to 90th
 * percentile band, on one axis.
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

void per_student_style(const struct chart_data *d, struct numfmt_style *st)
{
	double largest = 0;
	for (int o = 0; o < d->nopt; o++) {
		const struct chart_stat *s = &d->opt[o].m[CM_PER_STUDENT];
		largest = fmax(largest, fmax(fabs(s->q[CQ_P50]),
					     fmax(fabs(s->q[CQ_P10]),
						  fabs(s->q[CQ_P90]))));
	}
	numfmt_money_style(largest, st);
}

static void perstudent_draw(const struct exhibit_ctx *c, struct box b,
		     struct dlist *dl)
{
	const struct chart_data *d = c->d;
	int np = d->nopt;
	double lo = 0, hi = 0, namew = 0;
	for (int o = 0; o < np; o++) {
		const struct chart_stat *s = &d->opt[o].m[CM_PER_STUDENT];
		lo = fmin(lo, s->q[CQ_P10]);
		hi = fmax(hi, s->q[CQ_P90]);
		namew = fmax(namew, text_width(c->tm, d->opt[o].label,
					       FONT_BOLD, STYLE_SMALL));
	}
	namew = fmin(namew, b.w * 0.28);
	const double nlead = STYLE_SMALL * 1.2;
	/* One money style for every label, and the title (findings_titles.c
	 * chooses it the same way). */
	struct numfmt_style money;
	per_student_style(d, &money);
	/* The key. */
	double kx = b.x + namew + 8, ky = b.y + 7;
	dl_rect(dl, kx, ky - 7, 16, 8, style_at_lightness(0x4A4A4Au, 85),
		STYLE_INK, 0.75);
	dl_text(dl, kx + 20, ky, "10th to 90th percentile", FONT_REGULAR,
		STYLE_SMALL, STYLE_INK, ANCHOR_LEFT);
	kx += 20 + text_width(c->tm, "10th to 90th percentile", FONT_REGULAR,
			      STYLE_SMALL) +
	      14;
	dl_mark(dl, kx + 4, ky - 3, 7, SHAPE_CIRCLE, STYLE_INK, STYLE_WHITE,
		0.75);
	dl_text(dl, kx + 12, ky, "median", FONT_REGULAR, STYLE_SMALL,
		STYLE_INK, ANCHOR_LEFT);
	double left = b.x + namew + 8;
	double pad =
		text_width(c->tm, "$000.00", FONT_REGULAR, STYLE_SMALL) + 6;
	double top = b.y + 18, bottom = b.y + b.h - 26;
	struct ticks t;
	frame_money_ticks(c, lo, hi, b.w - namew - 8 - 2 * pad, 7, TICKS_ZERO,
			  0, &t);
	struct scale sx = {t.lo, t.hi, left + pad, b.x + b.w - pad};
	frame_x_money(c, dl, &t, &sx, top, bottom, 0);
	double rh = (bottom - top) / np, bh = fmin(rh * 0.3, 12);
	for (int o = 0; o < np; o++) {
		const struct chart_stat *s = &d->opt[o].m[CM_PER_STUDENT];
		struct option_style st = style_option(o);
		double yc = top + rh * (o + 0.5);
		/* The name on up to two lines, centred on the bar. */
		const char *name = frame_option_name(c, o, FONT_BOLD,
						     STYLE_SMALL, namew, 2);
		char **nl;
		size_t k = layout_wrap(c->tm, name, FONT_BOLD, STYLE_SMALL,
				       namew, &nl);
		layout_lines_free(nl, k);
		double rows = k < 2 ? 1 : 2;
		frame_lines(c, dl, b.x + namew,
			    yc + STYLE_SMALL * TEXT_CAP / 2 -
				    (rows - 1) * nlead / 2,
			    namew, name, FONT_BOLD, STYLE_SMALL, STYLE_INK,
			    ANCHOR_RIGHT, nlead, 2);
		double x10 = scale_map(&sx, s->q[CQ_P10]);
		double x50 = scale_map(&sx, s->q[CQ_P50]);
		double x90 = scale_map(&sx, s->q[CQ_P90]);
		dl_rect(dl, x10, yc - bh / 2, x90 - x10, bh,
			style_at_lightness(st.colour, 85), style_option_line(o),
			0.75);
		dl_mark(dl, x50, yc, 9, st.shape, style_option_line(o),
			STYLE_WHITE, 0.75);
		char buf[NUMFMT_MAX];
		double ty = yc + STYLE_SMALL * TEXT_CAP / 2;
		numfmt_money_in(s->q[CQ_P10], &money, 0, buf);
		dl_text(dl, x10 - 4, ty, buf, FONT_REGULAR, STYLE_SMALL,
			STYLE_INK, ANCHOR_RIGHT);
		numfmt_money_in(s->q[CQ_P90], &money, 0, buf);
		dl_text(dl, x90 + 4, ty, buf, FONT_REGULAR, STYLE_SMALL,
			STYLE_INK, ANCHOR_LEFT);
		dl_text(dl, x50, yc - bh / 2 - 4,
			numfmt_money_in(s->q[CQ_P50], &money, 0, buf), FONT_BOLD,
			STYLE_SMALL, STYLE_INK, ANCHOR_CENTER);
	}
	dl_text(dl, (left + b.x + b.w) / 2, b.y + b.h - 1,
		"Cost per student per year", FONT_REGULAR, STYLE_SMALL,
		STYLE_MUTED, ANCHOR_CENTER);
}

/* ---- Words ---- */

static int per_student_wanted(const struct chart_data *d, int o)
{
	(void)o;
	return d->has_students;
}

static char *per_student_caption(const struct chart_data *d,
				 const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("Cost per student per year");
}

static char *per_student_subtitle(const struct chart_data *d,
				  const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	char *span = words_span(d, 0);
	strbuf_printf(&b, "Cost to the district per student per year "
			  "over %s%s, nominal dollars",
		      span, words_aid(d));
	free(span);
	return strbuf_take(&b);
}

static char *per_student_notes(const struct chart_data *d,
			       const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	char *n = words_trials(d);
	strbuf_printf(&b, "Notes: bar from the 10th to the 90th "
			  "percentile of %s simulations; marker: "
			  "median. Total cost divided by the "
			  "student-years enrolled over the horizon.",
		      n);
	free(n);
	return strbuf_take(&b);
}

static char *per_student_howto(const struct chart_data *d,
			       const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("Each row is one option's cost per student per "
		       "year. The marker is the median of the "
		       "simulations; the bar spans the 10th to the "
		       "90th percentile, so 8 in 10 simulated futures "
		       "fall inside it.");
}

/* ---- Data table ---- */

/* Money to cents: "$32.32", "\u2212$4.10". */
static const char *cents(double x, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	numfmt_money(fabs(x), 2, num);
	snprintf(buf, LAYOUT_LABEL_MAX, "%s%s",
		 x < 0 && strcmp(num, "$0.00") != 0 ? LAYOUT_MINUS : "", num);
	return buf;
}

static void per_student_table(const struct exhibit_ctx *c, struct table *t)
{
	const struct chart_data *d = c->d;
	static const char *const head[] = {"Option", "P10",  "Median",
					   "P90",    "Mean", "Point estimate"};
	table_init(t, 6, head, NULL);
	table_wrap(t, 0);
	char b[5][LAYOUT_LABEL_MAX];
	for (int o = 0; o < d->nopt; o++) {
		const struct chart_stat *s = &d->opt[o].m[CM_PER_STUDENT];
		const char *cells[6] = {
			d->opt[o].label,
			cents(s->q[CQ_P10], b[0]), cents(s->q[CQ_P50], b[1]),
			cents(s->q[CQ_P90], b[2]), cents(s->mean, b[3]),
			cents(s->point, b[4])};
		table_row(t, cells);
	}
}

const struct exhibit_kind exhibit_per_student = {
	.stem = "per-student",
	.title_key = "title.per_student",
	.wanted = per_student_wanted,
	.caption = per_student_caption,
	.subtitle = per_student_subtitle,
	.notes = per_student_notes,
	.howto = per_student_howto,
	.draw = perstudent_draw,
	.table = per_student_table,
};
