/* Composing the findings of a run: the sentences of findings.txt, each with
 * its basis, then the headline and the chart titles (see findings.h).
 * Every number in a sentence comes from one result table, which its basis
 * names, and is rounded by the rules of findings.c. */
#include "analysis/findings.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/findings_impl.h"
#include "util/mem.h"
#include "util/numfmt.h"
#include "util/strbuf.h"

char *findings_fmt(const char *format, ...)
{
	struct strbuf b = STRBUF_INIT;
	va_list ap;
	va_start(ap, format);
	strbuf_vprintf(&b, format, ap);
	va_end(ap);
	return strbuf_take(&b);
}

static void add_sentence(struct findings_ctx *c, char *text, char *basis)
{
	struct findings *f = c->f;
	if (f->n + 1 > c->cap_s) {
		c->cap_s = c->cap_s ? 2 * c->cap_s : 16;
		f->sentence =
			xreallocarray(f->sentence, c->cap_s, sizeof(char *));
		f->basis = xreallocarray(f->basis, c->cap_s, sizeof(char *));
	}
	f->sentence[f->n] = text;
	f->basis[f->n++] = basis;
}

void findings_add_title(struct findings_ctx *c, const char *key, char **cand,
			size_t n)
{
	char *pick = NULL;
	for (size_t i = 0; i < n && !pick; i++)
		if (cand[i] && findings_words(cand[i]) <= FINDINGS_TITLE_WORDS)
			pick = cand[i];
	if (!pick) {
		pick = cand[n - 1];
		int words = 0, in = 0;
		for (char *p = pick; *p; p++) {
			int blank = *p == ' ';
			if (!blank && !in && ++words > FINDINGS_TITLE_WORDS) {
				while (p > pick && p[-1] == ' ')
					p--;
				*p = '\0';
				break;
			}
			in = !blank;
		}
	}
	GROW(c->f->titles, c->cap_t, c->f->ntitles + 1);
	c->f->titles[c->f->ntitles++] =
		(struct findings_entry){xstrdup(key), xstrdup(pick)};
	for (size_t i = 0; i < n; i++)
		free(cand[i]);
}

const char *findings_label(const struct findings_ctx *c, int t, char buf[32])
{
	return model_year_label(c->m, t, buf, 32);
}

/* Year t in a sentence: its label ("2018-19"), or "year 4" when the
 * scenario has no base year. */
static const char *year_words(const struct findings_ctx *c, int t, char buf[40])
{
	char l[32];
	findings_label(c, t, l);
	snprintf(buf, 40, "%s%s", c->m->has_base_year ? "" : "year ", l);
	return buf;
}

static void setup(struct findings_ctx *c)
{
	const struct model *m = c->m;
	char a[32], b[32], r[NUMFMT_MAX];
	c->name = xcalloc(m->noptions, sizeof(char *));
	for (size_t o = 0; o < m->noptions; o++)
		c->name[o] = findings_option_name(m, (int)o);
	snprintf(c->ntrials, sizeof(c->ntrials), "%ld", c->s->trials);
	numfmt_group(c->ntrials);
	const char *y = m->has_base_year ? ""
			: m->years == 1  ? "year "
					 : "years ";
	if (m->years == 1)
		snprintf(c->opening, sizeof(c->opening), "In %s%s", y,
			 findings_label(c, 1, a));
	else
		snprintf(c->opening, sizeof(c->opening), "Over %s%s to %s", y,
			 findings_label(c, 1, a),
			 findings_label(c, m->years, b));
	const struct dist *dr = &m->params[m->p_discount].dist;
	const char *aid = model_has_aid(m) ? "in district cost net of state aid"
					   : "in district cost";
	c->cost = "net present cost";
	if (dr->kind != DIST_FIXED) {
		snprintf(c->basis, sizeof(c->basis),
			 "%s and in present value at an uncertain discount "
			 "rate",
			 aid);
	} else if (dr->likely == 0) {
		snprintf(c->basis, sizeof(c->basis), "%s, undiscounted", aid);
		c->cost = "net cost";
	} else {
		snprintf(c->basis, sizeof(c->basis),
			 "%s and in present value at %s%%", aid,
			 numfmt_shortest(dr->likely * 100, r));
	}
}

char *findings_input_name(const struct findings_ctx *c, int k, int brief)
{
	const struct sensitivity_input *x = &c->d->sens.inputs[k];
	if (x->param >= 0)
		return xstrdup(x->name);
	if (brief)
		return xstrdup(c->m->items[x->item].name);
	return findings_fmt("%s: %s", c->name[x->option],
			    c->m->items[x->item].name);
}

static const char *count_word(size_t n)
{
	static const char *const w[] = {"no",    "one",  "two", "three",
					"four",  "five", "six", "seven",
					"eight", "nine", "ten"};
	return n <= 10 ? w[n] : NULL;
}

static const char *ordinal_suffix(size_t n)
{
	if (n % 100 >= 11 && n % 100 <= 13)
		return "th";
	return n % 10 == 1   ? "st"
	       : n % 10 == 2 ? "nd"
	       : n % 10 == 3 ? "rd"
			     : "th";
}

double findings_share_se(double p, long n)
{
	return sqrt(p * (1 - p) / (double)n);
}

/* The options in decreasing p_best of net_pv (ties: option order). */
int *findings_by_best(const struct findings_ctx *c)
{
	int no = (int)c->m->noptions;
	int *ord = xcalloc((size_t)no, sizeof(int));
	for (int i = 0; i < no; i++) {
		int j = i;
		double v = c->s->p_best[i];
		while (j > 0 && c->s->p_best[ord[j - 1]] < v) {
			ord[j] = ord[j - 1];
			j--;
		}
		ord[j] = i;
	}
	return ord;
}

/* ---- sentences ------------------------------------------------------ */

/* Of all options (three or more), the share of futures in which each is
 * the cheapest. */
static void sentence_best(struct findings_ctx *c)
{
	const struct model *m = c->m;
	size_t no = m->noptions;
	int *ord = findings_by_best(c);
	struct strbuf t = STRBUF_INIT, b = STRBUF_INIT;
	char pc[FINDINGS_NUM], pm[FINDINGS_NUM], num[NUMFMT_MAX];
	const char *w = count_word(no);
	if (w)
		strbuf_printf(&t, "Of the %s options", w);
	else
		strbuf_printf(&t, "Of the %zu options", no);
	strbuf_puts(&b, "compare.csv, measure net_pv: p_best of each option "
			"(p_best_baseline for the baseline):");
	for (size_t i = 0; i < no; i++) {
		int o = ord[i];
		double p = c->s->p_best[o],
		       se = findings_share_se(p, c->s->trials);
		findings_percent(p, se, pc);
		findings_pm(se, pm);
		if (i == 0)
			strbuf_printf(&t,
				      ", %s has the lowest %s in %s of the "
				      "%s simulated futures (%s)",
				      c->name[o], c->cost, pc, c->ntrials, pm);
		else
			strbuf_printf(&t, "%s%s in %s (%s)",
				      i + 1 == no ? " and " : ", ", c->name[o],
				      pc, pm);
		strbuf_printf(&b, " %s %s%s", m->options[o].id,
			      numfmt_shortest(p, num), i + 1 < no ? "," : ".");
	}
	strbuf_puts(&t, ".");
	add_sentence(c, strbuf_take(&t), strbuf_take(&b));
	free(ord);
}

/* Who costs less, option o or the baseline, and how often. */
static void sentence_compare(struct findings_ctx *c, int o)
{
	const struct summary *s = c->s;
	int bl = s->baseline;
	const struct summary_cmp *cmp = &s->cmp[o * M_COUNT + M_NET_PV];
	double n = (double)s->trials;
	double p = cmp->p_cheaper, se = cmp->p_cheaper_se;
	double q = (double)s->hist[o].above / n, ties = 1 - p - q;
	char pc[FINDINGS_NUM], pm[FINDINGS_NUM], a[NUMFMT_MAX], e[NUMFMT_MAX];
	struct strbuf t = STRBUF_INIT, b = STRBUF_INIT;
	strbuf_printf(&t, "%s, %s, ", c->opening, c->basis);
	if (findings_tossup(p, se)) {
		strbuf_printf(&t,
			      "%s and %s are a toss-up: %s costs less in %s "
			      "of %s simulated futures (%s)",
			      c->name[o], c->name[bl], c->name[o],
			      findings_percent(p, se, pc), c->ntrials,
			      findings_pm(se, pm));
	} else {
		int ow = p > 0.5;
		double w = ow ? p : q,
		       sw = ow ? se : findings_share_se(q, s->trials);
		strbuf_printf(&t,
			      "%s costs less than %s in %s of %s simulated "
			      "futures (%s)",
			      c->name[ow ? o : bl], c->name[ow ? bl : o],
			      findings_percent(w, sw, pc), c->ntrials,
			      findings_pm(sw, pm));
	}
	if (ties >= 0.005)
		strbuf_printf(
			&t, "; they cost the same in %s",
			findings_percent(
				ties, findings_share_se(ties, s->trials), pc));
	strbuf_puts(&t, ".");
	strbuf_printf(&b,
		      "compare.csv (option %s, baseline %s, measure "
		      "net_pv): p_cheaper %s, p_cheaper_se %s",
		      c->m->options[o].id, c->m->options[bl].id,
		      numfmt_shortest(p, a), numfmt_shortest(se, e));
	if (!findings_tossup(p, se) && p <= 0.5)
		strbuf_printf(&b,
			      "; %s costs less in the other %s of trials "
			      "(histogram.csv: trials with a difference "
			      "above 0)",
			      c->m->options[bl].id, numfmt_shortest(q, a));
	strbuf_puts(&b, ".");
	add_sentence(c, strbuf_take(&t), strbuf_take(&b));
}

/* The median and P10-P90 of the saving (or of the difference, for a
 * toss-up). */
static void sentence_saving(struct findings_ctx *c, int o)
{
	const struct summary *s = c->s;
	int bl = s->baseline;
	const struct summary_cmp *cmp = &s->cmp[o * M_COUNT + M_NET_PV];
	const double *q = cmp->diff.q;
	char x[FINDINGS_NUM], lo[FINDINGS_NUM], hi[FINDINGS_NUM];
	char n1[NUMFMT_MAX], n2[NUMFMT_MAX], n3[NUMFMT_MAX];
	char *t;
	if (findings_tossup(cmp->p_cheaper, cmp->p_cheaper_se)) {
		t = findings_fmt(
			"The median difference, %s minus %s, is %s "
			"(P10\xe2\x80\x93P90: %s to %s).",
			c->name[o], c->name[bl], findings_money(q[Q50], x),
			findings_money(q[Q10], lo), findings_money(q[Q90], hi));
	} else {
		int ow = cmp->p_cheaper > 0.5;
		int w = ow ? o : bl, l = ow ? bl : o;
		double med = ow ? -q[Q50] : q[Q50];
		double a = ow ? -q[Q90] : q[Q10], z = ow ? -q[Q10] : q[Q90];
		struct strbuf neg = STRBUF_INIT;
		if (a < 0)
			strbuf_printf(&neg,
				      "; a negative saving means %s costs "
				      "less",
				      c->name[l]);
		t = findings_fmt("The median saving of %s over %s is %s "
				 "(P10\xe2\x80\x93P90: %s to %s%s).",
				 c->name[w], c->name[l], findings_money(med, x),
				 findings_money(a, lo), findings_money(z, hi),
				 strbuf_str(&neg));
		strbuf_free(&neg);
	}
	char *b = findings_fmt(
		"compare.csv (option %s, baseline %s, measure net_pv): "
		"p10 %s, p50 %s, p90 %s of option minus baseline%s.",
		c->m->options[o].id, c->m->options[bl].id,
		numfmt_cents(q[Q10], n1), numfmt_cents(q[Q50], n2),
		numfmt_cents(q[Q90], n3),
		findings_tossup(cmp->p_cheaper, cmp->p_cheaper_se) ||
				cmp->p_cheaper <= 0.5
			? ""
			: " (a saving of the option is minus that "
			  "difference)");
	add_sentence(c, t, b);
}

/* The output of sensitivity.csv for option o against the baseline. */
size_t findings_diff_output(const struct findings_ctx *c, int o)
{
	const struct sensitivity *sn = &c->d->sens;
	for (size_t j = 0; j < sn->noutputs; j++)
		if (sn->outputs[j].option == o && sn->outputs[j].diff)
			return j;
	return sn->noutputs;
}

int findings_flips(const struct sensitivity_row *r)
{
	return (r->at_p10 < 0 && r->at_p90 > 0) ||
	       (r->at_p10 > 0 && r->at_p90 < 0);
}

/* The input whose draws rank most closely with the difference, against
 * the largest one-at-a-time swing (r[0]).  A different input is called the
 * closest only when its |rank correlation| beats that of r[0] by at least
 * 2/sqrt(n), about twice the sampling error of the gap; otherwise the two
 * are called comparable. */
static void sentence_rank(struct findings_ctx *c, const char *oid,
			  const struct sensitivity_row *r, size_t best)
{
	const struct sensitivity *sn = &c->d->sens;
	long n = sn->rank_trials;
	char rb[FINDINGS_NUM], r0[FINDINGS_NUM], nt[NUMFMT_MAX];
	char n1[NUMFMT_MAX], n2[NUMFMT_MAX];
	findings_corr(r[best].rank_corr, n, rb);
	findings_corr(r[0].rank_corr, n, r0);
	snprintf(nt, sizeof(nt), "%ld", n);
	numfmt_group(nt);
	struct strbuf where = STRBUF_INIT;
	if (n < c->s->trials)
		strbuf_printf(&where, "the first %s of the %s", nt, c->ntrials);
	else
		strbuf_printf(&where, "the %s", c->ntrials);
	char *top = findings_input_name(c, r[0].input, 0);
	char *in = findings_input_name(c, r[best].input, 0);
	double gap = fabs(r[best].rank_corr) - fabs(r[0].rank_corr);
	char *text;
	if (best == 0)
		text = findings_fmt("Across %s simulated futures, %s also has "
				    "the strongest rank correlation with the "
				    "difference (%s).",
				    strbuf_str(&where), top, r0);
	else if (gap >= 2 / sqrt((double)n))
		text = findings_fmt("Across %s simulated futures, the "
				    "difference ranks most closely with %s "
				    "(rank correlation %s, against %s for "
				    "%s), which ranks %zu%s by one-at-a-time "
				    "swing.",
				    strbuf_str(&where), in, rb, r0, top,
				    best + 1, ordinal_suffix(best + 1));
	else
		text = findings_fmt("Across %s simulated futures, the rank "
				    "correlation of %s with the difference "
				    "(%s) is within sampling error of the "
				    "strongest, that of %s (%s).",
				    strbuf_str(&where), top, r0, in, rb);
	char *basis = findings_fmt(
		"sensitivity.csv (output %s): rank_correlation %s for %s, %s "
		"for %s (Spearman, over the first %ld trials).",
		oid, numfmt_shortest(r[0].rank_corr, n1),
		sn->inputs[r[0].input].name,
		numfmt_shortest(r[best].rank_corr, n2),
		sn->inputs[r[best].input].name, n);
	if (best == 0) {
		free(basis);
		basis = findings_fmt("sensitivity.csv (output %s, input %s): "
				     "rank_correlation %s, the largest in "
				     "absolute value (Spearman, over the first "
				     "%ld trials).",
				     oid, sn->inputs[r[0].input].name,
				     numfmt_shortest(r[0].rank_corr, n1), n);
	}
	add_sentence(c, text, basis);
	free(in);
	free(top);
	strbuf_free(&where);
}

/* What moves the comparison: the largest one-at-a-time swings; an input
 * that can reverse it on its own; the strongest rank correlation. */
static void sentences_drivers(struct findings_ctx *c, int o)
{
	const struct sensitivity *sn = &c->d->sens;
	size_t out = findings_diff_output(c, o), first, count;
	if (out >= sn->noutputs)
		return;
	sensitivity_output_rows(sn, out, &first, &count);
	/* rows is NULL when no input is uncertain: no offset from it */
	if (count == 0 || !(sn->rows[first].swing > 0))
		return;
	const struct sensitivity_row *r = &sn->rows[first];
	int bl = c->s->baseline;
	const char *oid = sn->outputs[out].name;
	char m1[FINDINGS_NUM], m2[FINDINGS_NUM], n1[NUMFMT_MAX], n2[NUMFMT_MAX];
	char *in1 = findings_input_name(c, r[0].input, 0);
	int two = count > 1 && r[1].swing > 0;
	char *in2 = two ? findings_input_name(c, r[1].input, 0) : NULL;
	struct strbuf t = STRBUF_INIT, b = STRBUF_INIT;
	strbuf_printf(&t,
		      "Varying one input at a time from its 10th to its "
		      "90th percentile, the comparison of %s with %s moves "
		      "most with %s (a swing of %s)",
		      c->name[o], c->name[bl], in1,
		      findings_money(r[0].swing, m1));
	strbuf_printf(&b, "sensitivity.csv (output %s): swing %s for %s", oid,
		      numfmt_cents(r[0].swing, n1),
		      sn->inputs[r[0].input].name);
	if (two) {
		strbuf_printf(&t, " and %s (%s)", in2,
			      findings_money(r[1].swing, m2));
		strbuf_printf(&b, ", %s for %s", numfmt_cents(r[1].swing, n2),
			      sn->inputs[r[1].input].name);
	}
	strbuf_puts(&t, ".");
	strbuf_puts(&b, "; every other input at its point value.");
	add_sentence(c, strbuf_take(&t), strbuf_take(&b));
	free(in2);

	/* The largest swing that reverses the sign of the difference. */
	size_t nflip = 0, fk = count;
	for (size_t k = 0; k < count; k++)
		if (findings_flips(&r[k]) && nflip++ == 0)
			fk = k;
	if (nflip > 0) {
		char *in = findings_input_name(c, r[fk].input, 0);
		struct strbuf more = STRBUF_INIT;
		if (nflip > 1 && count_word(nflip - 1))
			strbuf_printf(&more, "; %s other input%s can too",
				      count_word(nflip - 1),
				      nflip > 2 ? "s" : "");
		else if (nflip > 1)
			strbuf_printf(&more, "; %zu other inputs can too",
				      nflip - 1);
		add_sentence(
			c,
			findings_fmt(
				"On its own, %s can reverse which of the two "
				"costs less: the difference, %s minus %s, goes "
				"from %s at its 10th percentile to %s at its "
				"90th%s.",
				in, c->name[o], c->name[bl],
				findings_money(r[fk].at_p10, m1),
				findings_money(r[fk].at_p90, m2),
				strbuf_str(&more)),
			findings_fmt("sensitivity.csv (output %s, input %s): "
				     "output_at_p10 %s, output_at_p90 %s.",
				     oid, sn->inputs[r[fk].input].name,
				     numfmt_cents(r[fk].at_p10, n1),
				     numfmt_cents(r[fk].at_p90, n2)));
		strbuf_free(&more);
		free(in);
	}

	/* The strongest rank correlation, from the run's own draws. */
	size_t best = count;
	for (size_t k = 0; k < count; k++)
		if (!isnan(r[k].rank_corr) &&
		    (best == count ||
		     fabs(r[k].rank_corr) > fabs(r[best].rank_corr)))
			best = k;
	if (best < count)
		sentence_rank(c, oid, r, best);
	free(in1);
}

/* The break-even year of the cumulative net cost, nominal. */
static void sentence_break_even(struct findings_ctx *c, int o)
{
	const struct decision *d = c->d;
	int bl = c->s->baseline, ny = d->net_years, be = d->break_even[o];
	const double *cum = d->cum_diff_median + (size_t)o * (size_t)ny;
	double last = cum[ny - 1];
	char y1[40], y2[40], num[NUMFMT_MAX];
	year_words(c, ny, y2);
	char *t;
	if (be > 0) {
		/* The last year before be with the opposite sign: years of
		 * equal cost may lie between it and be. */
		int w = be - 1;
		while (w > 1 && !(last < 0 ? cum[w - 1] > 0 : cum[w - 1] < 0))
			w--;
		char y3[40], rest[128];
		if (be < ny)
			snprintf(rest, sizeof(rest), " and stays %s to %s",
				 last < 0 ? "below" : "above", y2);
		else
			snprintf(rest, sizeof(rest), ", the last year");
		t = findings_fmt(
			"In nominal dollars, the median cumulative net cost of "
			"%s %s that of %s in %s (it was %s in %s)%s: %s is the "
			"break-even year.",
			c->name[o], last < 0 ? "falls below" : "rises above",
			c->name[bl], year_words(c, be, y1),
			last < 0 ? "above" : "below", year_words(c, w, y3), rest,
			y1);
	} else if (last != 0)
		t = findings_fmt(
			"In nominal dollars, the median cumulative net cost of "
			"%s never %s that of %s in any year to %s: there is no "
			"break-even year.",
			c->name[o], last < 0 ? "rises above" : "falls below",
			c->name[bl], y2);
	else
		t = findings_fmt("In nominal dollars, the median cumulative "
				 "net costs of %s and %s are equal by %s: "
				 "there is no break-even year.",
				 c->name[o], c->name[bl], y2);
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b,
		      "median over trials of the cumulative net cost "
		      "difference, %s minus %s, nominal (compare.csv: "
		      "break_even_year):",
		      c->m->options[o].id, c->m->options[bl].id);
	for (int t2 = 1; t2 <= ny; t2++)
		strbuf_printf(&b, " %s %s%s", findings_label(c, t2, y1),
			      numfmt_cents(cum[t2 - 1], num),
			      t2 < ny ? ";" : ".");
	add_sentence(c, t, strbuf_take(&b));
}

/* What to budget for the option most often cheapest. */
static void sentence_budget(struct findings_ctx *c)
{
	const struct summary *s = c->s;
	int *ord = findings_by_best(c);
	int a = ord[0];
	free(ord);
	const struct summary_stat *st =
		&s->measure[a * M_COUNT + M_NET_NOMINAL];
	double point = s->point[a * M_COUNT + M_NET_NOMINAL];
	double reserve = st->q[Q80] - point;
	char y1[32], y2[32], y3[40], m1[FINDINGS_NUM], m2[FINDINGS_NUM];
	char m3[FINDINGS_NUM], m4[FINDINGS_NUM], m5[FINDINGS_NUM];
	char n1[NUMFMT_MAX], n2[NUMFMT_MAX], n3[NUMFMT_MAX], n4[NUMFMT_MAX];
	struct strbuf per = STRBUF_INIT;
	const struct model *m = c->m;
	int H = m->years, ny = s->net_years;
	if (H == 1)
		strbuf_printf(&per, "%s%s", m->has_base_year ? "" : "year ",
			      findings_label(c, 1, y1));
	else
		strbuf_printf(
			&per, "%s%s to %s", m->has_base_year ? "" : "years ",
			findings_label(c, 1, y1), findings_label(c, H, y2));
	if (ny > H)
		strbuf_printf(&per, " (with the aid received %s %s)",
			      ny == H + 1 ? "in" : "up to",
			      year_words(c, ny, y3));
	struct strbuf who = STRBUF_INIT;
	if (m->noptions > 1)
		strbuf_printf(&who, ", the option most often cheapest");
	char *t = findings_fmt(
		"To cover the net cost of %s%s, over %s in nominal "
		"dollars with 80%% confidence, budget %s, which is %s %s "
		"its point estimate of %s; at 50%% confidence, %s, and at "
		"90%%, %s.",
		c->name[a], strbuf_str(&who), strbuf_str(&per),
		findings_money(st->q[Q80], m1),
		findings_money(fabs(reserve), m2),
		reserve < 0 ? "below" : "above", findings_money(point, m3),
		findings_money(st->q[Q50], m4), findings_money(st->q[Q90], m5));
	char *b = findings_fmt(
		"budget.csv (option %s, year total): point %s, p50 %s, "
		"p80 %s, p90 %s.",
		m->options[a].id, numfmt_cents(point, n1),
		numfmt_cents(st->q[Q50], n2), numfmt_cents(st->q[Q80], n3),
		numfmt_cents(st->q[Q90], n4));
	add_sentence(c, t, b);
	strbuf_free(&per);
	strbuf_free(&who);
}

static void compose_sentences(struct findings_ctx *c)
{
	int no = (int)c->m->noptions;
	if (no >= 3)
		sentence_best(c);
	for (int o = 0; o < no; o++) {
		if (o == c->s->baseline)
			continue;
		sentence_compare(c, o);
		sentence_saving(c, o);
		sentences_drivers(c, o);
		/* With one year of net cost there is nothing to break even. */
		if (c->d->net_years > 1)
			sentence_break_even(c, o);
	}
	sentence_budget(c);
}

void findings_compose(const struct model *m, const struct sim_result *res,
		      const struct summary *s, const struct decision *d,
		      struct findings *f)
{
	memset(f, 0, sizeof(*f));
	struct findings_ctx c;
	memset(&c, 0, sizeof(c));
	c.m = m;
	c.res = res;
	c.s = s;
	c.d = d;
	c.f = f;
	setup(&c);
	compose_sentences(&c);
	findings_titles(&c);
	for (size_t o = 0; o < m->noptions; o++)
		free(c.name[o]);
	free(c.name);
}
