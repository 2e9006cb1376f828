/* Terminal text: the model in one line, the summary table (see text.h). */
#include "output/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/findings.h"
#include "output/decision_out.h"
#include "util/mem.h"
#include "util/numfmt.h"
#include "util/term.h"

void text_describe(const struct model *m, const char *path,
		   struct strbuf *out)
{
	char a[32], b[32];
	strbuf_printf(out, "%s: %zu option%s (", path, m->noptions,
		      m->noptions == 1 ? "" : "s");
	for (size_t o = 0; o < m->noptions; o++)
		strbuf_printf(out, "%s%s", o ? ", " : "", m->options[o].id);
	strbuf_printf(out, "), %zu cost item%s, %d year%s", m->nitems,
		      m->nitems == 1 ? "" : "s", m->years,
		      m->years == 1 ? "" : "s");
	if (m->has_base_year)
		strbuf_printf(out, " (%s to %s)",
			      model_year_label(m, 1, a, sizeof(a)),
			      model_year_label(m, m->years, b, sizeof(b)));
	size_t u = model_count_uncertain(m);
	strbuf_printf(out, ", %zu uncertain input%s, baseline %s", u,
		      u == 1 ? "" : "s", m->options[m->baseline].id);
}

/* A table of text cells, printed with aligned columns. */
#define TABLE_COLS 5
struct table {
	char *cell[16][TABLE_COLS];
	int nrows;
};

static size_t width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80; /* UTF-8 characters */
	return n;
}

static void pad(struct strbuf *out, size_t n)
{
	while (n--)
		strbuf_putc(out, ' ');
}

static void print_table(const struct table *t, struct strbuf *out)
{
	size_t w[TABLE_COLS] = {0};
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < TABLE_COLS; c++)
			if (t->cell[r][c] && width(t->cell[r][c]) > w[c])
				w[c] = width(t->cell[r][c]);
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < TABLE_COLS; c++) {
			const char *s = t->cell[r][c] ? t->cell[r][c] : "";
			size_t gap = w[c] - width(s);
			if (c > 0)
				strbuf_puts(out, "  ");
			/* Text left, numbers right. */
			if (c == 0 || c == TABLE_COLS - 1) {
				strbuf_puts(out, s);
				if (c < TABLE_COLS - 1)
					pad(out, gap);
			} else {
				pad(out, gap);
				strbuf_puts(out, s);
			}
		}
		while (out->len && out->s[out->len - 1] == ' ')
			out->len--;
		out->s[out->len] = '\0';
		strbuf_putc(out, '\n');
	}
}

static char *dollars(double x)
{
	char buf[NUMFMT_MAX];
	return xstrdup(numfmt_money(x, 0, buf));
}

/* A share as a whole percentage, or with one decimal when the sampling
 * error is small enough to support it; its margin as findings_margin
 * gives it (never a standard error of 0 shown as certainty). */
static char *share(double p, double se, long n)
{
	struct strbuf b = STRBUF_INIT;
	int decimals = se * 100 < 0.05 && se > 0 ? 1 : 0;
	char num[NUMFMT_MAX], err[NUMFMT_MAX], mg[FINDINGS_NUM];
	numfmt_fixed(p * 100, decimals, num);
	if (se > 0 && n >= FINDINGS_MIN_TRIALS) {
		numfmt_fixed(se * 100, se * 100 < 0.05 ? 2 : 1, err);
		strbuf_printf(&b, "%s%% (±%s%%)", num, err);
	} else {
		strbuf_printf(&b, "%s%% (%s)", num,
			      findings_margin(p, se, n, mg));
	}
	return strbuf_take(&b);
}

/* Three percentiles of a levy measure: "0.21%, 0.27%, 0.32%" (shares,
 * to two significant figures) or "$0.05, $0.06, $0.07" (per $1,000, to
 * the cent; below half a cent to two significant figures). */
static char *levy_triple(const struct summary_stat *st, int money)
{
	struct strbuf b = STRBUF_INIT;
	const int q[] = {Q50, Q80, Q90};
	for (int i = 0; i < 3; i++) {
		char n[NUMFMT_MAX];
		double v = money ? st->q[q[i]] : st->q[q[i]] * 100;
		/* Money to the cent, as the findings give it. */
		if (money && fabs(v) >= 0.005)
			numfmt_fixed(v, 2, n);
		else
			numfmt_sig(v, 2, 1, n);
		strbuf_printf(&b, "%s%s%s%s", i ? ", " : "", money ? "$" : "",
			      n, money ? "" : "%");
	}
	return strbuf_take(&b);
}

/* With a levy: each option's levy measures over the horizon (summary.h),
 * P50, P80 and P90. */
static void levy_table(const struct model *m, const struct summary *s,
		       struct strbuf *out)
{
	char a[32], b[32], g[NUMFMT_MAX];
	strbuf_printf(out,
		      "\nLevy impact, %s to %s, nominal (P50, P80, P90; the "
		      "levy grows %s a year):\n",
		      model_year_label(m, 1, a, sizeof(a)),
		      model_year_label(m, m->years, b, sizeof(b)),
		      numfmt_rate(m->levy_growth, g));
	struct table t;
	memset(&t, 0, sizeof(t));
	const char *heads[TABLE_COLS] = {
		"Option", m->has_levy ? "Share of the levy" : "",
		m->has_full_value ? "Per $1,000 of full value" : "",
		m->has_levy ? "Share of the room under the cap" : "", ""};
	for (int c = 0; c < TABLE_COLS; c++)
		t.cell[0][c] = xstrdup(heads[c]);
	t.nrows = 1;
	for (int o = 0; o < s->noptions && t.nrows < 16; o++, t.nrows++) {
		char **row = t.cell[t.nrows];
		const struct summary_stat *v = &s->levy_total[o * LV_COUNT];
		row[0] = xstrdup(m->options[o].label);
		row[1] = m->has_levy ? levy_triple(&v[LV_SHARE], 0) : xstrdup("");
		row[2] = m->has_full_value ? levy_triple(&v[LV_RATE], 1)
					   : xstrdup("");
		row[3] = !m->has_levy	  ? xstrdup("")
			 : o == s->baseline ? xstrdup("baseline")
					    : levy_triple(&v[LV_ROOM], 0);
		row[4] = xstrdup("");
	}
	print_table(&t, out);
	for (int r = 0; r < t.nrows; r++)
		for (int c = 0; c < TABLE_COLS; c++)
			free(t.cell[r][c]);
}

void text_summary(const struct model *m, const struct summary *s,
		  struct strbuf *out)
{
	char a[32], b[32], rate[NUMFMT_MAX], n[NUMFMT_MAX];
	const struct model_param *dr = &m->params[m->p_discount];
	char *title = term_one_line(m->title);
	strbuf_printf(out, "%s\n", title);
	free(title);
	if (dr->dist.kind == DIST_FIXED)
		strbuf_printf(out, "Net present value at %s",
			      numfmt_rate(dr->dist.likely, rate));
	else
		strbuf_puts(out, "Net present value (uncertain discount rate)");
	strbuf_printf(out, ", district cost net of state aid, %s to %s",
		      model_year_label(m, 1, a, sizeof(a)),
		      model_year_label(m, m->years, b, sizeof(b)));
	snprintf(n, sizeof(n), "%ld", s->trials);
	numfmt_group(n);
	strbuf_printf(out, " (%d year%s; %s trial%s; seed %llu)\n\n", m->years,
		      m->years == 1 ? "" : "s", n, s->trials == 1 ? "" : "s",
		      (unsigned long long)m->seed);

	struct table t;
	memset(&t, 0, sizeof(t));
	struct strbuf h = STRBUF_INIT;
	/* One option: nothing to compare it with, so no such column. */
	if (s->noptions > 1) {
		char *bl = term_one_line(m->options[s->baseline].label);
		strbuf_printf(&h, "P(cheaper than %s)", bl);
		free(bl);
	}
	const char *heads[TABLE_COLS] = {"Option", "Point estimate", "Mean",
					 "P10 to P90", strbuf_str(&h)};
	for (int c = 0; c < TABLE_COLS; c++)
		t.cell[0][c] = xstrdup(heads[c]);
	t.nrows = 1;
	for (int o = 0; o < s->noptions && t.nrows < 16; o++, t.nrows++) {
		const struct summary_stat *st = &s->measure[o * M_COUNT + M_NET_PV];
		char **row = t.cell[t.nrows];
		row[0] = term_one_line(m->options[o].label);
		row[1] = dollars(s->point[o * M_COUNT + M_NET_PV]);
		row[2] = dollars(st->mean);
		struct strbuf r = STRBUF_INIT;
		char *lo = dollars(st->q[Q10]), *hi = dollars(st->q[Q90]);
		strbuf_printf(&r, "%s to %s", lo, hi);
		free(lo);
		free(hi);
		row[3] = strbuf_take(&r);
		if (s->noptions == 1) {
			row[4] = xstrdup("");
		} else if (o == s->baseline) {
			row[4] = xstrdup("baseline");
		} else {
			const struct summary_cmp *c =
				&s->cmp[o * M_COUNT + M_NET_PV];
			row[4] = share(c->p_cheaper, c->p_cheaper_se,
				       s->trials);
		}
	}
	print_table(&t, out);
	for (int r = 0; r < t.nrows; r++)
		for (int c = 0; c < TABLE_COLS; c++)
			free(t.cell[r][c]);
	strbuf_free(&h);
	if (s->levy_total)
		levy_table(m, s, out);
	/* The findings of the decision analysis, when there is one. */
	if (s->decision) {
		strbuf_putc(out, '\n');
		decision_out_findings_text(s->decision, out);
	}
}
