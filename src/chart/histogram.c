/* The difference histogram: the per-trial difference between an option
 * and the baseline, bins aligned on $0, each side labelled with its share
 * (CHARTS.md 1.5 and 6): of the district's cost (net_pv) and of the
 * public's (gross_pv), two descriptions that share this code.
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

/* At most this many bars; finer bins are merged (edges stay on $0). */
#define HIST_MAX_BARS 120

struct bar {
	double low, high, share;
};

size_t histogram_factor(const struct chart_bin *bins, size_t nb,
			double *width)
{
	if (nb == 0) {
		*width = 0;
		return 1;
	}
	size_t k = layout_bin_factor(nb, HIST_MAX_BARS);
	*width = (bins[0].high - bins[0].low) * (double)k;
	return k;
}

/* The bars of bins[0..nb): the bins merged by histogram_factor.
 * Returns the count; *out is malloc'ed. */
static size_t bars(const struct chart_bin *bins, size_t nb, struct bar **out)
{
	*out = NULL;
	if (nb == 0)
		return 0;
	double w = bins[0].high - bins[0].low, drawn;
	size_t k = histogram_factor(bins, nb, &drawn);
	long m0 = layout_merged_bin(bins[0].low, w, k);
	long m1 = layout_merged_bin(bins[nb - 1].low, w, k);
	size_t n = (size_t)(m1 - m0 + 1);
	struct bar *v = xcalloc(n, sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		/* Edges as multiples of the merged width, never summed. */
		v[i].low = (double)(m0 + (long)i) * (double)k * w;
		v[i].high = (double)(m0 + (long)i + 1) * (double)k * w;
	}
	for (size_t i = 0; i < nb; i++) {
		long m = layout_merged_bin(bins[i].low, w, k);
		v[m - m0].share += bins[i].share;
	}
	*out = v;
	return n;
}

/* A side label: "Cloud portal cheaper" over "in 17% of simulations". */
static void side(const struct exhibit_ctx *c, struct dlist *dl, double x,
		 double y, double width, int o, double share, int right)
{
	char pc[LAYOUT_LABEL_MAX];
	struct strbuf b = STRBUF_INIT;
	/* "cheaper" stays whole: only the name gives way. */
	char *t = frame_fit_names(c,
				  right ? "%s cheaper \xE2\x86\x92"
					: "\xE2\x86\x90 %s cheaper",
				  o, -1, FONT_BOLD, STYLE_LABEL, width);
	strbuf_printf(&b, "in %s of simulations", layout_percent(share, pc));
	enum dl_anchor an = right ? ANCHOR_RIGHT : ANCHOR_LEFT;
	dl_text(dl, x, y, t, FONT_BOLD, STYLE_LABEL, style_option_text(o), an);
	dl_text(dl, x, y + 10, strbuf_str(&b), FONT_REGULAR, STYLE_LABEL,
		STYLE_INK, an);
	free(t);
	strbuf_free(&b);
}

static void histogram_draw(const struct exhibit_ctx *c, struct box b,
		    struct dlist *dl)
{
	const struct chart_data *d = c->d;
	int o = c->ex->option, base = d->baseline;
	int pub = c->ex->kind->variant;
	const struct chart_option *op = &d->opt[o];
	const struct chart_stat *cmp = &op->cmp[pub ? CM_GROSS_PV : CM_NET_PV];
	struct bar *v;
	size_t n = pub ? bars(op->pub_bins, op->npub_bins, &v)
		       : bars(op->bins, op->nbins, &v);
	double lo = cmp->q[CQ_P5], hi = cmp->q[CQ_P95], top_share = 0;
	for (size_t i = 0; i < n; i++) {
		lo = fmin(lo, v[i].low);
		hi = fmax(hi, v[i].high);
		top_share = fmax(top_share, v[i].share);
	}
	struct ticks tx, ty;
	layout_ticks(0, top_share * 100, 4, TICKS_ZERO, &ty);
	double lw = text_width(c->tm, "100.0%", FONT_REGULAR, STYLE_LABEL);
	double left = b.x + 12 + lw;
	frame_money_ticks(c, lo, hi, b.x + b.w - left, 8, TICKS_ZERO, 1, &tx);
	double bottom = b.y + b.h - 26, bars_top = b.y + 58;
	struct scale sx = {tx.lo, tx.hi, left, b.x + b.w};
	struct scale sy = {0, ty.hi, bottom, bars_top};
	side(c, dl, left, b.y + 8, (b.x + b.w - left) / 2 - 6, o,
	     cmp->p_cheaper, 0);
	side(c, dl, b.x + b.w, b.y + 8, (b.x + b.w - left) / 2 - 6, base,
	     1 - cmp->p_cheaper, 1);
	for (int i = 0; i < ty.n; i++) {
		double y = scale_map(&sy, ty.v[i]);
		char num[LAYOUT_LABEL_MAX], buf[LAYOUT_LABEL_MAX + 2];
		numfmt_fixed(ty.v[i], ty.decimals, num);
		snprintf(buf, sizeof(buf), "%s%%", num);
		dl_line(dl, left, y, b.x + b.w, y, i ? STYLE_GRID : STYLE_INK,
			i ? STYLE_GRID_LW : STYLE_AXIS_LW, DASH_SOLID)
			->snap = 1;
		dl_text(dl, left - 4, y + STYLE_LABEL * TEXT_CAP / 2, buf,
			FONT_REGULAR, STYLE_LABEL, STYLE_INK, ANCHOR_RIGHT);
	}
	dl_text(dl, b.x + 8, (bars_top + bottom) / 2, "% of simulations",
		FONT_REGULAR, STYLE_SMALL, STYLE_MUTED, ANCHOR_CENTER)
		->vertical = 1;
	struct money_axis ax;
	layout_money_axis(&tx, 1, &ax);
	for (int i = 0; i < tx.n; i++) {
		char buf[LAYOUT_LABEL_MAX];
		dl_text(dl, scale_map(&sx, tx.v[i]),
			bottom + 3 + STYLE_LABEL * TEXT_ASCENT,
			layout_money_tick(&ax, tx.v[i], buf), FONT_REGULAR,
			STYLE_LABEL, STYLE_INK, ANCHOR_CENTER);
	}
	uint32_t cl = style_option(o).colour, cr = style_option(base).colour;
	for (size_t i = 0; i < n; i++) {
		if (v[i].share <= 0)
			continue;
		double x0 = scale_map(&sx, v[i].low);
		double x1 = scale_map(&sx, v[i].high);
		double y = scale_map(&sy, v[i].share * 100);
		dl_rect(dl, x0, y, x1 - x0, bottom - y,
			v[i].high <= 0 ? cl : cr, DL_NONE, 0);
	}
	double x0 = scale_map(&sx, 0);
	dl_line(dl, x0, b.y + 46, x0, bottom, STYLE_INK, 1.5, DASH_SOLID);
	/* The middle 90% as a bracket, and the median. */
	char a[NUMFMT_MAX], z[NUMFMT_MAX], m[NUMFMT_MAX];
	struct numfmt_style money; /* one style for the three amounts */
	numfmt_money_style(fmax(fabs(cmp->q[CQ_P50]),
				fmax(fabs(cmp->q[CQ_P5]), fabs(cmp->q[CQ_P95]))),
			   &money);
	double xa = scale_map(&sx, cmp->q[CQ_P5]);
	double xz = scale_map(&sx, cmp->q[CQ_P95]);
	double yb = b.y + 40;
	dl_line(dl, xa, yb, xz, yb, STYLE_INK, STYLE_AXIS_LW, DASH_SOLID);
	dl_line(dl, xa, yb, xa, yb + 4, STYLE_INK, STYLE_AXIS_LW, DASH_SOLID);
	dl_line(dl, xz, yb, xz, yb + 4, STYLE_INK, STYLE_AXIS_LW, DASH_SOLID);
	struct strbuf t = STRBUF_INIT;
	strbuf_printf(&t, "Middle 90%%: %s to %s",
		      numfmt_money_in(cmp->q[CQ_P5], &money, 1, a),
		      numfmt_money_in(cmp->q[CQ_P95], &money, 1, z));
	double tw = text_width(c->tm, strbuf_str(&t), FONT_REGULAR,
			       STYLE_SMALL);
	double tx_ = fmin(fmax((xa + xz) / 2, left + tw / 2),
			  b.x + b.w - tw / 2);
	dl_text(dl, tx_, yb - 2.5, strbuf_str(&t), FONT_REGULAR, STYLE_SMALL,
		STYLE_INK, ANCHOR_CENTER);
	strbuf_reset(&t);
	double xm = scale_map(&sx, cmp->q[CQ_P50]);
	dl_line(dl, xm, yb + 6, xm, bottom, STYLE_INK, 1, DASH_DASHED);
	numfmt_money_in(cmp->q[CQ_P50], &money, 1, m);
	strbuf_printf(&t, "Median %s", m);
	dl_text(dl, xm + 3, yb + 6 + STYLE_SMALL * TEXT_ASCENT, strbuf_str(&t),
		FONT_REGULAR, STYLE_SMALL, STYLE_INK, ANCHOR_LEFT);
	strbuf_free(&t);
	char *xt = frame_fit_names(c,
				   pub ? "%s minus %s, total public cost"
				       : "%s minus %s, total cost",
				   o, base, FONT_REGULAR, STYLE_SMALL,
				   b.x + b.w - left);
	dl_text(dl, (left + b.x + b.w) / 2, b.y + b.h - 1, xt, FONT_REGULAR,
		STYLE_SMALL, STYLE_MUTED, ANCHOR_CENTER);
	free(xt);
	free(v);
}

/* ---- Words ---- */

/* The public's histogram only where the run wrote its bins. */
static int histogram_public_wanted(const struct chart_data *d, int o)
{
	return d->opt[o].npub_bins > 0;
}

static char *histogram_caption(const struct chart_data *d,
			       const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	if (e->kind->variant)
		strbuf_printf(&b, "%s minus %s, cost to the public",
			      d->opt[e->option].label,
			      chart_name(d, d->baseline));
	else
		strbuf_printf(&b, "%s minus %s, simulation by simulation",
			      chart_name(d, e->option),
			      chart_name(d, d->baseline));
	return strbuf_take(&b);
}

static char *histogram_subtitle(const struct chart_data *d,
				const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	char *span = words_span(d, 0);
	char *pv = words_pv_basis(d);
	const char *ol = d->opt[e->option].label;
	const char *bl = d->opt[d->baseline].label;
	if (e->kind->variant)
		strbuf_printf(&b, "Difference in total cost to the public "
				  "(every payer, before state aid), %s minus "
				  "%s, over %s, %s",
			      ol, bl, span, pv);
	else
		strbuf_printf(&b, "Difference in total cost to the district, "
				  "%s minus %s, over %s%s, %s",
			      ol, bl, span, words_aid(d), pv);
	free(span);
	free(pv);
	return strbuf_take(&b);
}

static char *histogram_notes(const struct chart_data *d,
			     const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	char *n = words_trials(d);
	char w[LAYOUT_LABEL_MAX] = "";
	const struct chart_option *p = &d->opt[e->option];
	const char *ol = p->label;
	int pub = e->kind->variant;
	double drawn;
	histogram_factor(pub ? p->pub_bins : p->bins,
			 pub ? p->npub_bins : p->nbins, &drawn);
	layout_money_full(drawn, 0, w);
	strbuf_printf(&b, "Notes: difference = %s minus %s in each of "
			  "%s simulations, both on the same simulated "
			  "inputs; positive: %s costs more%s. Bars %s "
			  "wide, with an edge at $0.",
		      ol, d->opt[d->baseline].label, n, ol,
		      pub ? " (every payer's cost, before state aid)" : "",
		      w);
	free(n);
	return strbuf_take(&b);
}

static char *histogram_howto(const struct chart_data *d,
			     const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "Each simulated future gives one difference "
			  "between the two options' total costs%s. "
			  "Bars left of $0 are futures in which %s is "
			  "cheaper; bars right of $0, futures in which "
			  "%s is cheaper. The shares of the two sides "
			  "are printed above them. The bracket spans "
			  "the middle 90%% of differences.",
		      e->kind->variant
			      ? " to the public: every payer's cost "
				"(the district's, the state's and any "
				"other's), before state aid, which "
				"only moves money from one public "
				"payer to another"
			      : "",
		      d->opt[e->option].label, d->opt[d->baseline].label);
	return strbuf_take(&b);
}

/* ---- Data page ---- */

/* The median and mean difference, its range and the share cheaper. */
static char *histogram_data_note(const struct chart_data *d,
				 const struct exhibit *e)
{
	const struct chart_stat *s =
		&d->opt[e->option].cmp[e->kind->variant ? CM_GROSS_PV
							: CM_NET_PV];
	char a[LAYOUT_LABEL_MAX], m[LAYOUT_LABEL_MAX], lo[LAYOUT_LABEL_MAX],
		hi[LAYOUT_LABEL_MAX], pc[NUMFMT_MAX], se[NUMFMT_MAX];
	struct strbuf b = STRBUF_INIT;
	/* The median is the one saving the packet quotes; the mean is given
	 * as what it is. */
	strbuf_printf(&b, "Median difference %s (the saving the "
			  "findings quote); mean %s; 5th to 95th "
			  "percentile %s to %s. %s is cheaper in %s%% "
			  "of simulations",
		      layout_money_full(s->q[CQ_P50], 1, m),
		      layout_money_full(s->mean, 1, a),
		      layout_money_full(s->q[CQ_P5], 1, lo),
		      layout_money_full(s->q[CQ_P95], 1, hi),
		      d->opt[e->option].label,
		      numfmt_fixed(s->p_cheaper * 100, 1, pc));
	/* A standard error of 0 (a share of exactly 0 or 1, or too few
	 * trials) is no certainty: it is not printed. */
	if (s->p_cheaper_se > 0 && d->trials >= 1000)
		strbuf_printf(&b,
			      " (standard error %s percentage "
			      "points).",
			      numfmt_fixed(s->p_cheaper_se * 100, 2, se));
	else
		strbuf_puts(&b, " (too few trials, or a share of "
				"exactly 0 or 1: no margin given).");
	return strbuf_take(&b);
}

/* The bars drawn, not the finer bins of histogram.csv. */
static void histogram_table(const struct exhibit_ctx *c, struct table *t)
{
	static const char *const head[] = {"Difference from", "to",
					   "Share of simulations"};
	table_init(t, 3, head, NULL);
	const struct chart_option *p = &c->d->opt[c->ex->option];
	int pub = c->ex->kind->variant;
	const struct chart_bin *bins = pub ? p->pub_bins : p->bins;
	size_t nb = pub ? p->npub_bins : p->nbins;
	if (nb == 0)
		return;
	double w = bins[0].high - bins[0].low, drawn;
	size_t k = histogram_factor(bins, nb, &drawn);
	long m0 = layout_merged_bin(bins[0].low, w, k);
	long m1 = layout_merged_bin(bins[nb - 1].low, w, k);
	double *share = xcalloc((size_t)(m1 - m0 + 1), sizeof(double));
	for (size_t i = 0; i < nb; i++)
		share[layout_merged_bin(bins[i].low, w, k) - m0] +=
			bins[i].share;
	char b[3][LAYOUT_LABEL_MAX];
	for (long m = m0; m <= m1; m++) {
		double lo = (double)m * (double)k * w;
		double hi = (double)(m + 1) * (double)k * w;
		double s = share[m - m0] * 100;
		char num[NUMFMT_MAX];
		snprintf(b[2], sizeof(b[2]), "%s%%", numfmt_fixed(s, 2, num));
		const char *cells[3] = {layout_money_dollars(lo, 1, b[0]),
					layout_money_dollars(hi, 1, b[1]),
					b[2]};
		size_t r_ = table_row(t, cells);
		t->rule[r_] = lo == 0;
	}
	free(share);
}

/* The difference in the district's cost (net_pv bins). */
const struct exhibit_kind exhibit_histogram = {
	.stem = "histogram",
	.title_key = "title.histogram",
	.per_option = 1,
	.caption = histogram_caption,
	.subtitle = histogram_subtitle,
	.notes = histogram_notes,
	.howto = histogram_howto,
	.draw = histogram_draw,
	.table = histogram_table,
	.data_note = histogram_data_note,
};

/* The difference in the public's cost (gross_pv bins). */
const struct exhibit_kind exhibit_histogram_public = {
	.stem = "histogram-public",
	.title_key = "title.histogram_public",
	.per_option = 1,
	.variant = 1,
	.wanted = histogram_public_wanted,
	.caption = histogram_caption,
	.subtitle = histogram_subtitle,
	.notes = histogram_notes,
	.howto = histogram_howto,
	.draw = histogram_draw,
	.table = histogram_table,
	.data_note = histogram_data_note,
};
