/* Which exhibits a result folder supports, each exhibit drawn in its
 * frame, and the data table behind each (see exhibit.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/exhibit.h"
#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

static void add(const struct chart_data *d, struct exhibit **v, size_t *n,
		enum exhibit_kind kind, int option, const char *name,
		const char *caption)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	struct exhibit *e = &(*v)[(*n)++];
	e->kind = kind;
	e->option = option;
	e->number = (int)*n;
	e->name = xstrdup(name);
	e->caption = xstrdup(caption);
	e->title = words_title(d, kind, option);
	e->subtitle = words_subtitle(d, kind, option);
	e->notes = words_notes(d, kind, option);
	e->howto = words_howto(d, kind, option);
}

size_t exhibit_list(const struct chart_data *d, struct exhibit **out)
{
	struct exhibit *v = NULL;
	size_t n = 0;
	struct strbuf name = STRBUF_INIT, cap = STRBUF_INIT;
	add(d, &v, &n, EX_FAN, -1, "fan", "Cost per year (fan chart)");
	add(d, &v, &n, EX_SCURVE, -1, "scurve",
	    "Chance of staying within a budget (S-curve)");
	if (d->has_budget)
		add(d, &v, &n, EX_BUDGET, -1, "budget",
		    "What to budget each year, and the risk exposure");
	/* Captions name options like titles: by their short names. */
	const char *b = chart_name(d, d->baseline);
	for (int o = 0; o < d->nopt && d->has_sens; o++) {
		if (o == d->baseline)
			continue;
		strbuf_reset(&name);
		strbuf_reset(&cap);
		strbuf_printf(&name, "tornado-%s", d->opt[o].id);
		strbuf_printf(&cap, "What drives %s vs %s (tornado)",
			      chart_name(d, o), b);
		add(d, &v, &n, EX_TORNADO, o, strbuf_str(&name),
		    strbuf_str(&cap));
	}
	for (int o = 0; o < d->nopt; o++) {
		if (o == d->baseline)
			continue;
		strbuf_reset(&name);
		strbuf_reset(&cap);
		strbuf_printf(&name, "histogram-%s", d->opt[o].id);
		strbuf_printf(&cap, "%s minus %s, simulation by simulation",
			      chart_name(d, o), b);
		add(d, &v, &n, EX_HISTOGRAM, o, strbuf_str(&name),
		    strbuf_str(&cap));
	}
	/* The public's cost, when the run wrote its bins. */
	for (int o = 0; o < d->nopt; o++) {
		if (o == d->baseline || d->opt[o].npub_bins == 0)
			continue;
		strbuf_reset(&name);
		strbuf_reset(&cap);
		strbuf_printf(&name, "histogram-public-%s", d->opt[o].id);
		strbuf_printf(&cap, "%s minus %s, cost to the public",
			      d->opt[o].label, b);
		add(d, &v, &n, EX_HISTOGRAM_PUBLIC, o, strbuf_str(&name),
		    strbuf_str(&cap));
	}
	if (d->ncat > 0)
		add(d, &v, &n, EX_BREAKDOWN, -1, "breakdown",
		    "Expected cost by category");
	if (d->has_students)
		add(d, &v, &n, EX_PER_STUDENT, -1, "per-student",
		    "Cost per student per year");
	strbuf_free(&name);
	strbuf_free(&cap);
	*out = v;
	return n;
}

char *exhibit_alt(const struct exhibit *e)
{
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "%s. %s.", e->title, e->subtitle);
	return strbuf_take(&b);
}

void exhibit_list_free(struct exhibit *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].caption);
		free(v[i].title);
		free(v[i].subtitle);
		free(v[i].notes);
		free(v[i].howto);
	}
	free(v);
}

void exhibit_draw(const struct exhibit_ctx *c, struct dlist *dl)
{
	struct box b = frame_draw(c, dl);
	switch (c->ex->kind) {
	case EX_FAN: fan_draw(c, b, dl); break;
	case EX_SCURVE: scurve_draw(c, b, dl); break;
	case EX_TORNADO: tornado_draw(c, b, dl); break;
	case EX_HISTOGRAM:
	case EX_HISTOGRAM_PUBLIC: histogram_draw(c, b, dl); break;
	case EX_BREAKDOWN: breakdown_draw(c, b, dl); break;
	case EX_BUDGET: budget_draw(c, b, dl); break;
	default: perstudent_draw(c, b, dl); break;
	}
}

/* ---- Data tables ---- */

/* Money in data tables: exact to the dollar. */
static const char *money(double x, char buf[LAYOUT_LABEL_MAX])
{
	return layout_money_dollars(x, 0, buf);
}

/* Money to cents: "$32.32", "\u2212$4.10". */
static const char *cents(double x, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	numfmt_money(fabs(x), 2, num);
	snprintf(buf, LAYOUT_LABEL_MAX, "%s%s",
		 x < 0 && strcmp(num, "$0.00") != 0 ? LAYOUT_MINUS : "", num);
	return buf;
}

static void fan_table(const struct chart_data *d, struct table *t)
{
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
						 money(s->mean, b[0])};
			for (int i = 0; i < 7; i++)
				cells[3 + i] = money(s->q[q[i]], b[1 + i]);
			size_t r = table_row(t, cells);
			t->rule[r] = y == 0 && o > 0;
		}
}

static void scurve_table(const struct chart_data *d, struct table *t)
{
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
			cells[o + 1] = money(d->opt[o].cdf[p], b[o + 1]);
		table_row(t, cells);
	}
	cells[0] = "Mean";
	for (int o = 0; o < d->nopt; o++)
		cells[o + 1] = money(d->opt[o].m[CM_NET_PV].mean, b[o + 1]);
	size_t r_ = table_row(t, cells);
	t->rule[r_] = 1;
	cells[0] = "Point estimate (inputs at their point values, risks at "
		   "probability \xC3\x97 cost)";
	for (int o = 0; o < d->nopt; o++)
		cells[o + 1] = money(d->opt[o].m[CM_NET_PV].point, b[o + 1]);
	table_row(t, cells);
	cells[0] = "Percentile of the point estimate";
	for (int o = 0; o < d->nopt; o++) {
		numfmt_fixed(words_point_percentile(d, o), 0, b[o + 1]);
		cells[o + 1] = b[o + 1];
	}
	table_row(t, cells);
	free(head);
	free(cells);
	free(b);
}

/* A rank correlation to two decimals, with a true minus sign. */
static const char *rho_text(double r, char buf[LAYOUT_LABEL_MAX])
{
	char num[NUMFMT_MAX];
	numfmt_fixed(fabs(r), 2, num);
	snprintf(buf, LAYOUT_LABEL_MAX, "%s%s",
		 r < 0 && strcmp(num, "0.00") != 0 ? LAYOUT_MINUS : "", num);
	return buf;
}

static void tornado_table(const struct chart_data *d, int o, struct table *t)
{
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
	size_t n = words_tornado_rows(d, o, &rows);
	char b[8][LAYOUT_LABEL_MAX];
	for (size_t i = 0; i < n; i++) {
		const struct chart_sens *s = rows[i];
		snprintf(b[0], sizeof(b[0]), "%zu", i + 1);
		char *name = words_sens_label(d, s);
		const char *cells[8] = {
			b[0],
			name,
			words_sens_value(d, s, 0, b[1]),
			words_sens_value(d, s, 1, b[2]),
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

static void histogram_table(const struct chart_data *d, int o, int pub,
			    struct table *t)
{
	static const char *const head[] = {"Difference from", "to",
					   "Share of simulations"};
	table_init(t, 3, head, NULL);
	const struct chart_option *p = &d->opt[o];
	const struct chart_bin *bins = pub ? p->pub_bins : p->bins;
	size_t nb = pub ? p->npub_bins : p->nbins;
	if (nb == 0)
		return;
	/* The bars drawn, not the finer bins of histogram.csv. */
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
					layout_money_dollars(hi, 1, b[1]), b[2]};
		size_t r_ = table_row(t, cells);
		t->rule[r_] = lo == 0;
	}
	free(share);
}

static void breakdown_table(const struct chart_data *d, struct table *t)
{
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
				cells[o + 1] = money(p->cat_net_mean[c],
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
		cells[o + 1] = money(s, b[o + 1]);
	}
	size_t r = table_row(t, cells);
	t->rule[r] = 1;
	t->bold[r] = 1;
	free(head);
	free(cells);
	free(b);
}

static void per_student_table(const struct chart_data *d, struct table *t)
{
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

/* The budget by year: every number of the exhibit, to the dollar. */
static void budget_table(const struct chart_data *d, struct table *t)
{
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
				money(v->op[CB_P50], b[0]),
				money(v->op[CB_P80], b[1]),
				money(v->op[CB_P90], b[2]),
				money(v->risk_mean, b[3]),
				money(v->risk_p90, b[4]),
				money(v->aid, b[5])};
			size_t r = table_row(t, cells);
			if (total)
				t->bold[r] = 1;
		}
	}
}

void exhibit_table(const struct exhibit_ctx *c, struct table *t)
{
	switch (c->ex->kind) {
	case EX_FAN: fan_table(c->d, t); break;
	case EX_SCURVE: scurve_table(c->d, t); break;
	case EX_TORNADO: tornado_table(c->d, c->ex->option, t); break;
	case EX_HISTOGRAM: histogram_table(c->d, c->ex->option, 0, t); break;
	case EX_HISTOGRAM_PUBLIC:
		histogram_table(c->d, c->ex->option, 1, t);
		break;
	case EX_BREAKDOWN: breakdown_table(c->d, t); break;
	case EX_BUDGET: budget_table(c->d, t); break;
	default: per_student_table(c->d, t); break;
	}
}
