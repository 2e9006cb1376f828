/* The budget by year: for each school year and option, the operating
 * budget (no risk event occurring) at 80% confidence as a bar, with a line
 * from its 50% to its 90% level; the years that hold only aid paid after
 * the contract set apart; and under the plot a risk exposure line per
 * option with risk items (the events' expected cost, the chance of at
 * least one, their 90th percentile), since those are to insure or hold in
 * reserve rather than to budget.  Nominal dollars (budget.csv).
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

/* The risk exposure of option o in words, or NULL when it has none.
 * Caller frees. */
char *budget_risk_line(const struct chart_data *d, int o)
{
	const struct chart_option *p = &d->opt[o];
	const struct chart_budget *b = &p->budget_total;
	if (!(p->p_risk_event > 0) && b->risk_mean == 0)
		return NULL;
	char m[LAYOUT_LABEL_MAX], q[LAYOUT_LABEL_MAX], pc[LAYOUT_LABEL_MAX];
	layout_percent(p->p_risk_event, pc);
	struct strbuf s = STRBUF_INIT;
	strbuf_printf(&s,
		      "%s: risk events cost an expected %s; at least one "
		      "occurs in %s of simulations; in 9 of 10 they cost at "
		      "most %s",
		      p->label, layout_money_short(b->risk_mean, 0, m), pc,
		      layout_money_short(b->risk_p90, 0, q));
	return strbuf_take(&s);
}

static void budget_draw(const struct exhibit_ctx *c, struct box b,
			struct dlist *dl)
{
	const struct chart_data *d = c->d;
	int ny = d->nyears, nh = d->horizon, np = d->nopt;
	/* The risk exposure lines at the bottom, wrapped to the width. */
	char **risk = xcalloc((size_t)np + 1, sizeof(char *));
	int nlines = 0;
	for (int o = 0; o < np; o++) {
		risk[o] = budget_risk_line(d, o);
		if (risk[o])
			nlines += (int)ceil(text_width(c->tm, risk[o],
						       FONT_REGULAR,
						       STYLE_SMALL) /
					    (b.w - 16));
	}
	double risk_h = nlines ? 12 + nlines * 9.5 : 0;
	double lo = 0, hi = 0;
	for (int o = 0; o < np; o++)
		for (int y = 0; y < ny; y++) {
			const struct chart_budget *v = &d->opt[o].budget[y];
			for (int k = 0; k < 3; k++) {
				lo = fmin(lo, v->op[k]);
				hi = fmax(hi, v->op[k]);
			}
		}
	struct ticks t;
	layout_ticks(lo, hi, 5, TICKS_ZERO, &t);
	double lw = frame_money_label_width(c, &t, 0);

	/* The key: one swatch per option, then the bar and the line. */
	double kx = b.x, ky = b.y + 7;
	for (int o = 0; o < np; o++) {
		struct option_style st = style_option(o);
		dl_rect(dl, kx, ky - 7, 10, 8, st.colour,
			st.needs_edge ? STYLE_INK : DL_NONE, 0.5);
		kx += 13;
		char *name = layout_ellipsize(c->tm, d->opt[o].label,
					      FONT_REGULAR, STYLE_SMALL,
					      b.w / np - 23);
		dl_text(dl, kx, ky, name, FONT_REGULAR, STYLE_SMALL, STYLE_INK,
			ANCHOR_LEFT);
		kx += text_width(c->tm, name, FONT_REGULAR, STYLE_SMALL) + 10;
		free(name);
	}
	/* What the bar and the line are. */
	ky += 11;
	dl_rect(dl, b.x + 2, ky - 7, 6, 8, 0x9A9A9Au, DL_NONE, 0);
	dl_line(dl, b.x + 14, ky - 8, b.x + 14, ky + 1, STYLE_INK, 1,
		DASH_SOLID);
	dl_text(dl, b.x + 20, ky,
		"bar: the budget with an 80% chance of being enough; line: "
		"50% to 90%",
		FONT_REGULAR, STYLE_SMALL, STYLE_MUTED, ANCHOR_LEFT);

	double top = b.y + 33, bottom = b.y + b.h - 16 - risk_h;
	struct scale sy = {t.lo, t.hi, bottom, top};
	double left = b.x + lw + 6, right = b.x + b.w;
	frame_y_money(c, dl, &t, &sy, left - 4, left, right, 0);
	/* Year slots; the aid-only years after half a slot's gap. */
	double gap = ny > nh ? 0.5 : 0;
	double slot = (right - left) / (ny + gap);
	double bw = fmin(slot * 0.8 / np, 28);
	if (ny > nh) {
		double z0 = left + slot * nh + slot * gap / 2;
		dl_rect(dl, z0, top, right - z0, bottom - top, 0xF2F2F2u,
			DL_NONE, 0);
		dl_text(dl, (z0 + right) / 2, top + 8, "aid only", FONT_REGULAR,
			STYLE_NOTE, STYLE_MUTED, ANCHOR_CENTER);
	}
	double y0 = scale_map(&sy, 0);
	for (int y = 0; y < ny; y++) {
		double xc = left + slot * (y + 0.5 + (y >= nh ? gap : 0));
		dl_text(dl, xc, bottom + 10, d->year_labels[y], FONT_REGULAR,
			STYLE_SMALL, STYLE_INK, ANCHOR_CENTER);
		for (int o = 0; o < np; o++) {
			const struct chart_budget *v = &d->opt[o].budget[y];
			struct option_style st = style_option(o);
			double x = xc - bw * np / 2 + bw * o;
			double yb = scale_map(&sy, v->op[CB_P80]);
			dl_rect(dl, x + 0.5, fmin(y0, yb), bw - 1,
				fabs(yb - y0) + 0.01, st.colour,
				st.needs_edge ? STYLE_INK : DL_NONE, 0.5);
			double y50 = scale_map(&sy, v->op[CB_P50]);
			double y90 = scale_map(&sy, v->op[CB_P90]);
			double xm = x + bw / 2;
			dl_line(dl, xm, y50, xm, y90, STYLE_INK, 1, DASH_SOLID);
			dl_line(dl, xm - bw / 4, y50, xm + bw / 4, y50,
				STYLE_INK, 1, DASH_SOLID);
			dl_line(dl, xm - bw / 4, y90, xm + bw / 4, y90,
				STYLE_INK, 1, DASH_SOLID);
		}
	}
	dl_line(dl, left, y0, right, y0, STYLE_INK, STYLE_AXIS_LW, DASH_SOLID);
	/* The risk exposure, apart from the budget. */
	double ry = bottom + 24;
	if (nlines) {
		dl_text(dl, b.x, ry, "Risk exposure over the contract (not in "
				     "the bars; to insure or hold in reserve):",
			FONT_BOLD, STYLE_SMALL, STYLE_INK, ANCHOR_LEFT);
		ry += 9.5;
		for (int o = 0; o < np; o++) {
			if (!risk[o])
				continue;
			ry = frame_text(c, dl, b.x + 8, ry, b.w - 16, risk[o],
					FONT_REGULAR, STYLE_SMALL, STYLE_INK,
					9.5);
		}
	}
	for (int o = 0; o < np; o++)
		free(risk[o]);
	free(risk);
}

/* ---- Words ---- */

static int budget_wanted(const struct chart_data *d, int o)
{
	(void)o;
	return d->has_budget;
}

static char *budget_caption(const struct chart_data *d,
			    const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("What to budget each year, and the risk exposure");
}

static char *budget_subtitle(const struct chart_data *d,
			     const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	char *all = words_span(d, 1);
	strbuf_printf(&b, "Operating budget of each school year (no "
			  "risk event occurring)%s, nominal dollars, "
			  "%s",
		      words_aid(d), all);
	free(all);
	return strbuf_take(&b);
}

static char *budget_notes(const struct chart_data *d, const struct exhibit *e)
{
	(void)e;
	struct strbuf b = STRBUF_INIT;
	char *n = words_trials(d);
	strbuf_printf(&b, "Notes: percentiles of each year's operating "
			  "cost over %s simulations (the net cost less "
			  "the risk events that occurred and the aid on "
			  "them), computed year by year: they do not "
			  "add up to the total's. ",
		      n);
	if (d->nyears > d->horizon)
		strbuf_puts(&b, "Years marked aid only hold the state "
				"aid received for the contract's last "
				"years (negative: money back). ");
	strbuf_puts(&b, "The aid received each year is in the data "
			"table. Data: budget.csv.");
	free(n);
	return strbuf_take(&b);
}

static char *budget_howto(const struct chart_data *d, const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("Each bar is what one option needs in that "
		       "school year for an 80% chance of staying "
		       "within budget, if no risk event (such as a "
		       "data breach) occurs; the line spans the "
		       "budgets for a 50% and a 90% chance. State aid "
		       "is taken off in the year it is received. The "
		       "risk events are not in the bars: the lines "
		       "below the chart give their expected cost, "
		       "the chance that at least one occurs over the "
		       "contract, and the cost that 9 in 10 "
		       "simulations stay within, which is what to "
		       "insure or hold in reserve.");
}

/* ---- Data page ---- */

static char *budget_data_note(const struct chart_data *d,
			      const struct exhibit *e)
{
	(void)d;
	(void)e;
	return xstrdup("The All years row gives the percentiles of each "
		       "simulation's total over the years, which are not the "
		       "sums of the yearly percentiles above them; its means "
		       "(risk events, aid) are the sums of the yearly means. "
		       "Aid received is already taken off the operating "
		       "budget.");
}

/* The budget by year: every number of the exhibit, to the dollar. */
static void budget_table(const struct exhibit_ctx *c, struct table *t)
{
	const struct chart_data *d = c->d;
	static const char *const head[] = {
		"Option",	 "Year",	   "Operating budget P50",
		"Operating P80", "Operating P90", "Risk events: mean",
		"Risk events: P90", "Aid received (mean)"};
	table_init(t, 8, head, NULL);
	table_wrap(t, 0);
	char b[6][LAYOUT_LABEL_MAX];
	for (int o = 0; o < d->nopt; o++) {
		const struct chart_option *p = &d->opt[o];
		for (int y = 0; y <= d->nyears; y++) {
			int total = y == d->nyears;
			const struct chart_budget *v =
				total ? &p->budget_total : &p->budget[y];
			char yl[LAYOUT_LABEL_MAX];
			snprintf(yl, sizeof(yl), "%s%s",
				 total ? "All years" : d->year_labels[y],
				 !total && y >= d->horizon ? " (aid only)"
							    : "");
			const char *cells[8] = {
				p->label,
				yl,
				table_money(v->op[CB_P50], b[0]),
				table_money(v->op[CB_P80], b[1]),
				table_money(v->op[CB_P90], b[2]),
				table_money(v->risk_mean, b[3]),
				table_money(v->risk_p90, b[4]),
				table_money(v->aid, b[5])};
			size_t r = table_row(t, cells);
			if (total)
				t->bold[r] = 1;
		}
	}
}

const struct exhibit_kind exhibit_budget = {
	.stem = "budget",
	.title_key = "title.budget",
	.wanted = budget_wanted,
	.caption = budget_caption,
	.subtitle = budget_subtitle,
	.notes = budget_notes,
	.howto = budget_howto,
	.draw = budget_draw,
	.table = budget_table,
	.data_note = budget_data_note,
};
