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
	/* None short enough (long option names): the shortest whole one.
	 * A title is never cut, which could stop it before its verb or its
	 * number; the exhibit wraps it. */
	int fits = pick != NULL;
	for (size_t i = 0; i < n && !fits; i++)
		if (cand[i] && (!pick || findings_words(cand[i]) <
						 findings_words(pick)))
			pick = cand[i];
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
	snprintf(c->futures, sizeof(c->futures), "%s simulated future%s",
		 c->ntrials, c->s->trials == 1 ? "" : "s");
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
			 "%s and in present value at %s", aid,
			 numfmt_rate(dr->likely, r));
	}
}

/* ---- risk occurrences as inputs (sensitivity.h) ------------------- */

/* Whether a risk item happens, in words: "whether Cloud portal: Privacy
 * breach occurs", or (brief) "whether Privacy breach occurs". */
static char *occurrence_name(const struct findings_ctx *c,
			     const struct sensitivity_input *x, int brief)
{
	const char *item = c->m->items[x->item].name;
	if (brief)
		return findings_fmt("whether %s occurs", item);
	return findings_fmt("whether %s: %s occurs", c->name[x->option], item);
}

/* How the one-at-a-time analysis moves the inputs of rows r[0..n): the
 * numbers' percentiles, and a risk's two ends when one of them is an
 * occurrence. */
static const char *oat_words(const struct findings_ctx *c,
			     const struct sensitivity_row *r, size_t n)
{
	int occ = 0, num = 0;
	for (size_t k = 0; k < n; k++) {
		if (c->d->sens.inputs[r[k].input].occurrence)
			occ = 1;
		else
			num = 1;
	}
	if (occ && num)
		return "Varying one input at a time (a number from its 10th "
		       "to its 90th percentile, a risk from never occurring "
		       "to occurring once)";
	if (occ)
		return "Varying one input at a time (a risk from never "
		       "occurring to occurring once, in its first possible "
		       "year)";
	return "Varying one input at a time from its 10th to its 90th "
	       "percentile";
}

/* The two ends of row r's output in words: "from $1 at its 10th
 * percentile to $2 at its 90th", or for an occurrence "from $1 if it never
 * occurs to $2 if it occurs once, in 2015-16".  The caller frees it. */
static char *ends_words(const struct findings_ctx *c,
			const struct sensitivity_row *r)
{
	const struct sensitivity_input *x = &c->d->sens.inputs[r->input];
	char m1[FINDINGS_NUM], m2[FINDINGS_NUM];
	findings_money(r->at_p10, m1);
	findings_money(r->at_p90, m2);
	if (x->occurrence)
		return findings_fmt("from %s if it never occurs to %s if it "
				    "occurs once, in %s%s",
				    m1, m2,
				    c->m->has_base_year ? "" : "year ",
				    x->year_label);
	return findings_fmt("from %s at its 10th percentile to %s at its 90th",
			    m1, m2);
}

/* After an input's name in a basis: " (kind occurrence)" for an
 * occurrence, whose name is also its item's. */
static const char *kind_note(const struct findings_ctx *c, int k)
{
	return c->d->sens.inputs[k].occurrence ? " (kind occurrence)" : "";
}

char *findings_input_name(const struct findings_ctx *c, int k, int brief)
{
	const struct sensitivity_input *x = &c->d->sens.inputs[k];
	if (x->param >= 0)
		return xstrdup(model_param_label(c->m, x->param));
	if (x->occurrence)
		return occurrence_name(c, x, brief);
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
 * the cheapest of all of them ("of all three", so that a reader does not
 * take it for the pairwise shares that follow), and the share in which
 * two or more tie for cheapest, which is nobody's win. */
static void sentence_best(struct findings_ctx *c)
{
	const struct model *m = c->m;
	size_t no = m->noptions;
	int *ord = findings_by_best(c);
	struct strbuf t = STRBUF_INIT, b = STRBUF_INIT;
	char pc[FINDINGS_NUM], pm[FINDINGS_NUM], num[NUMFMT_MAX];
	const char *w = count_word(no);
	char all[32];
	if (w)
		snprintf(all, sizeof(all), "all %s", w);
	else
		snprintf(all, sizeof(all), "all %zu", no);
	strbuf_puts(&b, "compare.csv, measure net_pv: p_best of each option "
			"(p_best_baseline for the baseline):");
	long n = c->s->trials;
	for (size_t i = 0; i < no; i++) {
		int o = ord[i];
		double p = c->s->p_best[o], se = findings_share_se(p, n);
		findings_percent(p, se, pc);
		findings_margin(p, se, n, pm);
		if (i == 0)
			strbuf_printf(&t,
				      "%s is the cheapest of %s options in %s "
				      "of the %s (%s)",
				      c->name[o], all, pc, c->futures, pm);
		else
			strbuf_printf(&t, "%s%s in %s (%s)",
				      i + 1 == no && c->s->p_tied <= 0 ? " and "
								      : ", ",
				      c->name[o], pc, pm);
		strbuf_printf(&b, " %s %s%s", m->options[o].id,
			      numfmt_shortest(p, num), i + 1 < no ? "," : "");
	}
	if (c->s->p_tied > 0) {
		double p = c->s->p_tied, se = findings_share_se(p, n);
		strbuf_printf(&t, "; two or more tie for cheapest in %s (%s)",
			      findings_percent(p, se, pc),
			      findings_margin(p, se, n, pm));
	}
	strbuf_printf(&b, "; p_tied %s.", numfmt_shortest(c->s->p_tied, num));
	strbuf_puts(&t, ".");
	add_sentence(c, strbuf_take(&t), strbuf_take(&b));
	free(ord);
}

/* Who costs less, option o or the baseline, and how often; the trials in
 * which they cost the same are nobody's.  With three or more options the
 * sentence says that it compares these two only, and gives both shares, so
 * that they are not read as the shares of the cheapest of all. */
static void sentence_compare(struct findings_ctx *c, int o)
{
	const struct summary *s = c->s;
	int bl = s->baseline;
	const struct summary_cmp *cmp = &s->cmp[o * M_COUNT + M_NET_PV];
	long nt = s->trials;
	double n = (double)nt;
	double p = cmp->p_cheaper, se = cmp->p_cheaper_se;
	double q = (double)s->hist[o].above / n, ties = fmax(1 - p - q, 0);
	char pc[FINDINGS_NUM], pm[FINDINGS_NUM], a[NUMFMT_MAX], e[NUMFMT_MAX];
	struct strbuf t = STRBUF_INIT, b = STRBUF_INIT;
	int pair = c->m->noptions >= 3;
	strbuf_printf(&t, "%s, %s, %s", c->opening, c->basis,
		      pair ? "and comparing only these two, " : "");
	if (p <= 0 && q <= 0) {
		strbuf_printf(&t, "%s and %s cost the same in all %s",
			      c->name[o], c->name[bl], c->futures);
	} else if (findings_tossup_pair(p, q, nt)) {
		strbuf_printf(&t,
			      "%s and %s are a toss-up: %s costs less in %s "
			      "of %s (%s)",
			      c->name[o], c->name[bl], c->name[o],
			      findings_percent(p, se, pc), c->futures,
			      findings_margin(p, se, nt, pm));
		if (ties > 0 || pair)
			strbuf_printf(
				&t, ", %s in %s", c->name[bl],
				findings_percent(q, findings_share_se(q, nt),
						 pc));
	} else {
		int ow = p > q;
		double w = ow ? p : q, l = ow ? q : p,
		       sw = ow ? se : findings_share_se(q, nt);
		strbuf_printf(&t,
			      "%s costs less than %s in %s of %s (%s)",
			      c->name[ow ? o : bl], c->name[ow ? bl : o],
			      findings_percent(w, sw, pc), c->futures,
			      findings_margin(w, sw, nt, pm));
		if (pair)
			strbuf_printf(
				&t, " and %s less than %s in %s",
				c->name[ow ? bl : o], c->name[ow ? o : bl],
				findings_percent(l, findings_share_se(l, nt),
						 pc));
	}
	if (ties >= 0.005 && (p > 0 || q > 0))
		strbuf_printf(
			&t, "; they cost the same in %s",
			findings_percent(ties, findings_share_se(ties, nt), pc));
	strbuf_puts(&t, ".");
	strbuf_printf(&b,
		      "compare.csv (option %s, baseline %s, measure "
		      "net_pv): p_cheaper %s, p_cheaper_se %s",
		      c->m->options[o].id, c->m->options[bl].id,
		      numfmt_shortest(p, a), numfmt_shortest(se, e));
	if (q > 0 && (pair || p <= q || ties > 0))
		strbuf_printf(&b,
			      "; %s costs less in %s of trials "
			      "(histogram.csv: trials with a difference "
			      "above 0)",
			      c->m->options[bl].id, numfmt_shortest(q, a));
	if (ties > 0)
		strbuf_printf(&b, "; a difference of exactly 0 in %s",
			      numfmt_shortest(ties, a));
	strbuf_puts(&b, ".");
	add_sentence(c, strbuf_take(&t), strbuf_take(&b));
}

/* The median and P10-P90 of the saving (or of the difference, for a
 * toss-up): the one saving of the packet, the median of the per-trial
 * difference.  Nothing when the two cost the same in every trial. */
static void sentence_saving(struct findings_ctx *c, int o)
{
	const struct summary *s = c->s;
	int bl = s->baseline;
	const struct summary_cmp *cmp = &s->cmp[o * M_COUNT + M_NET_PV];
	const double *q = cmp->diff.q;
	double pa = cmp->p_cheaper,
	       pb = (double)s->hist[o].above / (double)s->trials;
	if (pa <= 0 && pb <= 0)
		return;
	int tossup = findings_tossup_pair(pa, pb, s->trials);
	char x[FINDINGS_NUM], lo[FINDINGS_NUM], hi[FINDINGS_NUM];
	char n1[NUMFMT_MAX], n2[NUMFMT_MAX], n3[NUMFMT_MAX];
	char *t;
	if (tossup) {
		t = findings_fmt(
			"The median difference, %s minus %s, is %s "
			"(P10\xe2\x80\x93P90: %s to %s).",
			c->name[o], c->name[bl], findings_money(q[Q50], x),
			findings_money(q[Q10], lo), findings_money(q[Q90], hi));
	} else {
		int ow = pa > pb;
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
		tossup || pa <= pb ? ""
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
		strbuf_printf(&where, "the first %s of the %s", nt, c->futures);
	else
		strbuf_printf(&where, "the %s", c->futures);
	char *top = findings_input_name(c, r[0].input, 0);
	char *in = findings_input_name(c, r[best].input, 0);
	double gap = fabs(r[best].rank_corr) - fabs(r[0].rank_corr);
	char *text;
	if (best == 0)
		text = findings_fmt("Across %s, %s also has "
				    "the strongest rank correlation with the "
				    "difference (%s).",
				    strbuf_str(&where), top, r0);
	else if (gap >= 2 / sqrt((double)n))
		text = findings_fmt("Across %s, the "
				    "difference ranks most closely with %s "
				    "(rank correlation %s, against %s for "
				    "%s), which ranks %zu%s by one-at-a-time "
				    "swing.",
				    strbuf_str(&where), in, rb, r0, top,
				    best + 1, ordinal_suffix(best + 1));
	else
		text = findings_fmt("Across %s, the rank "
				    "correlation of %s with the difference "
				    "(%s) is within sampling error of the "
				    "strongest, that of %s (%s).",
				    strbuf_str(&where), top, r0, in, rb);
	char *basis = findings_fmt(
		"sensitivity.csv (output %s): rank_correlation %s for %s%s, "
		"%s for %s%s (Spearman, over the first %ld trials).",
		oid, numfmt_shortest(r[0].rank_corr, n1),
		sn->inputs[r[0].input].name, kind_note(c, r[0].input),
		numfmt_shortest(r[best].rank_corr, n2),
		sn->inputs[r[best].input].name, kind_note(c, r[best].input),
		n);
	if (best == 0) {
		free(basis);
		basis = findings_fmt("sensitivity.csv (output %s, input %s%s): "
				     "rank_correlation %s, the largest in "
				     "absolute value (Spearman, over the first "
				     "%ld trials).",
				     oid, sn->inputs[r[0].input].name,
				     kind_note(c, r[0].input),
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
	strbuf_printf(&t, "%s, the comparison of %s with %s moves most with %s "
		      "(a swing of %s)",
		      oat_words(c, r, two ? 2 : 1), c->name[o], c->name[bl],
		      in1, findings_money(r[0].swing, m1));
	strbuf_printf(&b, "sensitivity.csv (output %s): swing %s for %s%s",
		      oid, numfmt_cents(r[0].swing, n1),
		      sn->inputs[r[0].input].name, kind_note(c, r[0].input));
	if (two) {
		strbuf_printf(&t, " and %s (%s)", in2,
			      findings_money(r[1].swing, m2));
		strbuf_printf(&b, ", %s for %s%s",
			      numfmt_cents(r[1].swing, n2),
			      sn->inputs[r[1].input].name,
			      kind_note(c, r[1].input));
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
		char *ends = ends_words(c, &r[fk]);
		add_sentence(
			c,
			findings_fmt(
				"On its own, %s can reverse which of the two "
				"costs less: the difference, %s minus %s, goes "
				"%s%s.",
				in, c->name[o], c->name[bl], ends,
				strbuf_str(&more)),
			findings_fmt("sensitivity.csv (output %s, input %s%s): "
				     "output_at_p10 %s, output_at_p90 %s.",
				     oid, sn->inputs[r[fk].input].name,
				     kind_note(c, r[fk].input),
				     numfmt_cents(r[fk].at_p10, n1),
				     numfmt_cents(r[fk].at_p90, n2)));
		strbuf_free(&more);
		free(ends);
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

/* The break-even year of the cumulative net cost, nominal, within the
 * contract years 1..H (decision.h): aid that arrives after the contract is
 * no year of the contract to break even in, so when it reverses the order
 * the sentence says so apart. */
static void sentence_break_even(struct findings_ctx *c, int o)
{
	const struct decision *d = c->d;
	int bl = c->s->baseline, ny = d->net_years, H = d->years;
	int be = d->break_even[o];
	const double *cum = d->cum_diff_median + (size_t)o * (size_t)ny;
	double last = cum[H - 1], end = cum[ny - 1];
	char y1[40], y2[40], y4[40], num[NUMFMT_MAX], mm[FINDINGS_NUM];
	year_words(c, H, y2);
	struct strbuf t = STRBUF_INIT;
	if (be > 0) {
		/* The last year before be with the opposite sign: years of
		 * equal cost may lie between it and be. */
		int w = be - 1;
		while (w > 1 && !(last < 0 ? cum[w - 1] > 0 : cum[w - 1] < 0))
			w--;
		char y3[40], rest[128];
		if (be < H)
			snprintf(rest, sizeof(rest), " and stays %s to %s",
				 last < 0 ? "below" : "above", y2);
		else
			snprintf(rest, sizeof(rest),
				 ", the last contract year");
		strbuf_printf(
			&t,
			"In nominal dollars, the median cumulative net cost of "
			"%s %s that of %s in %s (it was %s in %s)%s: %s is the "
			"break-even year",
			c->name[o], last < 0 ? "falls below" : "rises above",
			c->name[bl], year_words(c, be, y1),
			last < 0 ? "above" : "below", year_words(c, w, y3), rest,
			y1);
	} else if (last != 0)
		strbuf_printf(
			&t,
			"In nominal dollars, the median cumulative net cost of "
			"%s never %s that of %s in any year to %s: there is no "
			"break-even year within the contract years",
			c->name[o], last < 0 ? "rises above" : "falls below",
			c->name[bl], y2);
	else
		strbuf_printf(&t,
			      "In nominal dollars, the median cumulative net "
			      "costs of %s and %s are equal by %s: there is no "
			      "break-even year within the contract years",
			      c->name[o], c->name[bl], y2);
	/* Aid received after the contract that reverses the order. */
	if (ny > H && end != 0 && (end > 0) != (last > 0))
		strbuf_printf(&t,
			      "; counting the aid received %s %s, %s ends %s "
			      "%s %s",
			      ny == H + 1 ? "in" : "up to", year_words(c, ny, y4),
			      c->name[o], findings_money(fabs(end), mm),
			      end < 0 ? "below" : "above", c->name[bl]);
	strbuf_puts(&t, ".");
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b,
		      "median over trials of the cumulative net cost "
		      "difference, %s minus %s, nominal (compare.csv: "
		      "break_even_year, over the contract years to %s):",
		      c->m->options[o].id, c->m->options[bl].id,
		      findings_label(c, H, y1));
	for (int t2 = 1; t2 <= ny; t2++)
		strbuf_printf(&b, " %s %s%s", findings_label(c, t2, y1),
			      numfmt_cents(cum[t2 - 1], num),
			      t2 < ny ? ";" : ".");
	add_sentence(c, strbuf_take(&t), strbuf_take(&b));
}

/* The risk items of option o the district pays, in words: "Privacy
 * breach", "A and B", "A, B and 2 more". */
static char *risk_names(const struct findings_ctx *c, int o)
{
	const struct model *m = c->m;
	struct strbuf b = STRBUF_INIT;
	size_t n = 0, total = 0;
	for (size_t i = 0; i < m->nitems; i++) {
		const struct model_item *it = &m->items[i];
		total += it->option == o && it->payer == PAYER_DISTRICT &&
			 (it->probability.param >= 0 ||
			  it->probability.value < 1);
	}
	for (size_t i = 0; i < m->nitems && n < 2; i++) {
		const struct model_item *it = &m->items[i];
		if (it->option != o || it->payer != PAYER_DISTRICT ||
		    !(it->probability.param >= 0 || it->probability.value < 1))
			continue;
		n++;
		strbuf_printf(&b, "%s%s",
			      n == 1	      ? ""
			      : total == 2 ? " and "
					     : ", ",
			      it->name);
	}
	if (total > 2)
		strbuf_printf(&b, " and %zu more", total - 2);
	return strbuf_take(&b);
}

/* What to budget for the option most often cheapest: its operating cost
 * (no risk event occurring) at 50, 80 and 90% confidence, then, apart,
 * its risk exposure (the risk events: their expected cost, the chance of
 * at least one, their 90th percentile), so that a board sees what to
 * budget and what to insure or hold in reserve.  No figure is the
 * difference of two others, so nothing printed has to add up. */
static void sentence_budget(struct findings_ctx *c)
{
	const struct summary *s = c->s;
	/* The option most often cheapest when it is clearly so (as the
	 * headline says), else the baseline. */
	int a = findings_headline_winner(s->p_best, s->p_tied, s->noptions,
					 s->trials);
	int winner = a >= 0 && s->trials >= FINDINGS_MIN_TRIALS;
	if (!winner)
		a = s->baseline;
	int risky = s->has_risk[a];
	const struct summary_stat *st = risky
						? &s->operating_total[a]
						: &s->measure[a * M_COUNT +
							      M_NET_NOMINAL];
	char y1[32], y2[32], y3[40], m1[FINDINGS_NUM], m2[FINDINGS_NUM];
	char m3[FINDINGS_NUM];
	char n1[NUMFMT_MAX], n2[NUMFMT_MAX], n3[NUMFMT_MAX];
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
		strbuf_printf(&who, winner ? ", the option most often cheapest"
					   : ", the baseline");
	char *t = findings_fmt(
		"To cover the %s of %s%s, over %s in nominal dollars, budget "
		"%s with 80%% confidence (%s with 50%%, %s with 90%%)%s.",
		risky ? "operating cost (no risk event occurring)"
		      : "net cost",
		c->name[a], strbuf_str(&who), strbuf_str(&per),
		findings_money(st->q[Q80], m1), findings_money(st->q[Q50], m2),
		findings_money(st->q[Q90], m3),
		risky ? "" : "; it has no risk items");
	char *b = findings_fmt(
		"budget.csv (option %s, year total): %s %s, %s %s, %s %s.",
		m->options[a].id, risky ? "operating_p50" : "p50",
		numfmt_cents(st->q[Q50], n1), risky ? "operating_p80" : "p80",
		numfmt_cents(st->q[Q80], n2), risky ? "operating_p90" : "p90",
		numfmt_cents(st->q[Q90], n3));
	add_sentence(c, t, b);
	strbuf_free(&per);
	strbuf_free(&who);
	if (!risky)
		return;

	/* The risk exposure. */
	const struct summary_stat *r = &s->risk_total[a];
	double pe = s->p_risk_event[a];
	double se = findings_share_se(pe, s->trials);
	char pc[FINDINGS_NUM], pm[FINDINGS_NUM], n4[NUMFMT_MAX];
	char *names = risk_names(c, a);
	struct strbuf tail = STRBUF_INIT;
	if (r->q[Q90] > 0)
		strbuf_printf(&tail,
			      ", and at 90%% confidence they cost at most %s: "
			      "to insure or hold in reserve",
			      findings_money(r->q[Q90], m2));
	else
		strbuf_printf(&tail,
			      "; in 9 futures out of 10 they cost nothing, so "
			      "a budget at 90%% confidence holds none of "
			      "them: they are to insure or hold in reserve");
	t = findings_fmt("Apart from that budget, the risk events of %s, "
			 "here %s, cost an expected %s; at least one occurs "
			 "in %s of "
			 "the %s (%s)%s.",
			 c->name[a], names, findings_money(r->mean, m1),
			 findings_percent(pe, se, pc), c->futures,
			 findings_margin(pe, se, s->trials, pm),
			 strbuf_str(&tail));
	b = findings_fmt("budget.csv (option %s, year total): risk_mean %s, "
			 "risk_p90 %s, p_risk_event %s.",
			 m->options[a].id, numfmt_cents(r->mean, n1),
			 numfmt_cents(r->q[Q90], n2),
			 numfmt_shortest(pe, n4));
	add_sentence(c, t, b);
	strbuf_free(&tail);
	free(names);
}

/* ---- the public perspective (issue 9) ------------------------------
 *
 * The district's cost is net_pv (district-paid costs less state aid); the
 * public's is gross_pv (every payer's costs, before aid, which only moves
 * money between public payers).  These sentences, the cover lines and the
 * public histograms' titles exist only when the two can differ
 * (model_public_differs). */

/* Who costs the public less, option o or the baseline, from the paired
 * gross_pv comparison: 1 for o, 0 for the baseline, -1 for a toss-up. */
static int public_winner(const struct findings_ctx *c, int o)
{
	const struct summary_cmp *cmp = &c->s->cmp[o * M_COUNT + M_GROSS_PV];
	if (findings_tossup(cmp->p_cheaper, cmp->p_cheaper_se))
		return -1;
	return cmp->p_cheaper > 0.5;
}

/* The same on net_pv, the district's cost. */
static int district_winner(const struct findings_ctx *c, int o)
{
	const struct summary_cmp *cmp = &c->s->cmp[o * M_COUNT + M_NET_PV];
	if (findings_tossup(cmp->p_cheaper, cmp->p_cheaper_se))
		return -1;
	return cmp->p_cheaper > 0.5;
}

/* The share of trials in which the winner w (1: o, 0: the baseline) of a
 * comparison costs less on measure k, and its standard error. */
static double winner_share(const struct findings_ctx *c, int o, int w,
			   enum measure k, double *se)
{
	const struct summary *s = c->s;
	const struct summary_cmp *cmp = &s->cmp[o * M_COUNT + k];
	const struct summary_hist *h =
		k == M_GROSS_PV ? &s->hist_public[o] : &s->hist[o];
	double p = w ? cmp->p_cheaper : (double)h->above / (double)s->trials;
	*se = findings_share_se(p, s->trials);
	return p;
}

/* "in present value at 3%", "undiscounted", ...: the discounting of the
 * public's cost. */
static void public_discount(const struct findings_ctx *c, char buf[96])
{
	const struct dist *dr = &c->m->params[c->m->p_discount].dist;
	char r[NUMFMT_MAX];
	if (dr->kind != DIST_FIXED)
		snprintf(buf, 96, "in present value at an uncertain discount "
				  "rate");
	else if (dr->likely == 0)
		snprintf(buf, 96, "undiscounted");
	else
		snprintf(buf, 96, "in present value at %s",
			 numfmt_rate(dr->likely, r));
}

/* How often option o or the baseline costs the public less, and the
 * median saving (or difference, for a toss-up). */
static void sentence_public(struct findings_ctx *c, int o)
{
	const struct summary *s = c->s;
	int bl = s->baseline;
	const struct summary_cmp *cmp = &s->cmp[o * M_COUNT + M_GROSS_PV];
	const double *q = cmp->diff.q;
	char disc[96], pc[FINDINGS_NUM], pm[FINDINGS_NUM], x[FINDINGS_NUM];
	char lo[FINDINGS_NUM], hi[FINDINGS_NUM];
	char n1[NUMFMT_MAX], n2[NUMFMT_MAX], n3[NUMFMT_MAX], n4[NUMFMT_MAX];
	char n5[NUMFMT_MAX];
	public_discount(c, disc);
	struct strbuf t = STRBUF_INIT;
	strbuf_printf(&t, "%s, for the public (every payer's cost, before "
			  "state aid, which only moves money between public "
			  "payers) and %s, ",
		      c->opening, disc);
	int w = public_winner(c, o);
	if (w < 0) {
		strbuf_printf(&t,
			      "%s and %s are a toss-up: %s costs less in %s "
			      "of %s (%s); the median "
			      "difference, %s minus %s, is %s "
			      "(P10\xe2\x80\x93P90: %s to %s).",
			      c->name[o], c->name[bl], c->name[o],
			      findings_percent(cmp->p_cheaper,
					       cmp->p_cheaper_se, pc),
			      c->futures,
			      findings_margin(cmp->p_cheaper, cmp->p_cheaper_se,
					      c->s->trials, pm),
			      c->name[o], c->name[bl],
			      findings_money(q[Q50], x),
			      findings_money(q[Q10], lo),
			      findings_money(q[Q90], hi));
	} else {
		double se, p = winner_share(c, o, w, M_GROSS_PV, &se);
		int a = w ? o : bl, z = w ? bl : o;
		double med = w ? -q[Q50] : q[Q50];
		double s10 = w ? -q[Q90] : q[Q10], s90 = w ? -q[Q10] : q[Q90];
		strbuf_printf(&t,
			      "%s costs less than %s in %s of %s (%s), "
			      "with a median saving of %s "
			      "(P10\xe2\x80\x93P90: %s to %s",
			      c->name[a], c->name[z],
			      findings_percent(p, se, pc), c->futures,
			      findings_margin(p, se, c->s->trials, pm),
			      findings_money(med, x),
			      findings_money(s10, lo), findings_money(s90, hi));
		if (s10 < 0)
			strbuf_printf(&t, "; a negative saving means %s costs "
					  "less",
				      c->name[z]);
		strbuf_puts(&t, ").");
	}
	char *b = findings_fmt(
		"compare.csv (option %s, baseline %s, measure gross_pv): "
		"p_cheaper %s, p_cheaper_se %s; p10 %s, p50 %s, p90 %s of "
		"option minus baseline.",
		c->m->options[o].id, c->m->options[bl].id,
		numfmt_shortest(cmp->p_cheaper, n1),
		numfmt_shortest(cmp->p_cheaper_se, n2),
		numfmt_cents(q[Q10], n3), numfmt_cents(q[Q50], n4),
		numfmt_cents(q[Q90], n5));
	add_sentence(c, strbuf_take(&t), b);
}

/* The two perspectives side by side, in words: "for the district (net of
 * state aid), BOCES is cheaper than Cloud portal in 81% of futures; for
 * the public (every payer), Cloud portal is cheaper in 56%".  The caller
 * frees it. */
static char *perspectives_words(const struct findings_ctx *c, int o)
{
	int bl = c->s->baseline;
	struct strbuf t = STRBUF_INIT;
	static const enum measure k[2] = {M_NET_PV, M_GROSS_PV};
	static const char *const who[2] = {
		"For the district (net of state aid)",
		"for the public (every payer, before aid)"};
	for (int i = 0; i < 2; i++) {
		int w = i ? public_winner(c, o) : district_winner(c, o);
		char pc[FINDINGS_NUM];
		if (i)
			strbuf_puts(&t, "; ");
		if (w < 0) {
			const struct summary_cmp *cmp =
				&c->s->cmp[o * M_COUNT + k[i]];
			strbuf_printf(&t, "%s, %s and %s are a toss-up (%s "
					  "cheaper in %s of futures)",
				      who[i], c->name[o], c->name[bl],
				      c->name[o],
				      findings_percent(cmp->p_cheaper,
						       cmp->p_cheaper_se, pc));
			continue;
		}
		double se, p = winner_share(c, o, w, k[i], &se);
		strbuf_printf(&t, "%s, %s is cheaper than %s in %s of futures",
			      who[i], c->name[w ? o : bl],
			      c->name[w ? bl : o], findings_percent(p, se, pc));
	}
	strbuf_puts(&t, ".");
	return strbuf_take(&t);
}

/* When the district and the public would choose differently, one plain
 * sentence that says so; NULL otherwise (agreement, or a toss-up on
 * either side).  The caller frees it. */
static char *disagreement_words(const struct findings_ctx *c, int o)
{
	int d = district_winner(c, o), p = public_winner(c, o);
	if (d < 0 || p < 0 || d == p)
		return NULL;
	int bl = c->s->baseline;
	return findings_fmt("The two perspectives disagree: %s costs the "
			    "district less, but %s costs the public less.",
			    c->name[d ? o : bl], c->name[p ? o : bl]);
}

/* The public sentence of option o, then the disagreement, if any. */
static void sentences_public(struct findings_ctx *c, int o)
{
	sentence_public(c, o);
	char *t = disagreement_words(c, o);
	if (!t)
		return;
	const struct model *m = c->m;
	int bl = c->s->baseline;
	add_sentence(c, t,
		     findings_fmt("compare.csv (option %s, baseline %s): "
				  "measures net_pv and gross_pv, p_cheaper "
				  "on opposite sides of one half, neither "
				  "within the toss-up band.",
				  m->options[o].id, m->options[bl].id));
}

/* Adds key = text to the titles of findings.csv, without the word limit
 * of a chart title; takes text. */
static void add_entry(struct findings_ctx *c, char *key, char *text)
{
	GROW(c->f->titles, c->cap_t, c->f->ntitles + 1);
	c->f->titles[c->f->ntitles++] = (struct findings_entry){key, text};
}

/* After the chart titles: for each option against the baseline, the
 * public histogram's title and the cover's line on both perspectives
 * (with the disagreement, if any). */
static void public_entries(struct findings_ctx *c)
{
	const struct model *m = c->m;
	int bl = c->s->baseline;
	if (!model_public_differs(m))
		return;
	for (int o = 0; o < (int)m->noptions; o++) {
		if (o == bl)
			continue;
		char *key = findings_fmt("title.histogram_public.%s",
					 m->options[o].id);
		int w = public_winner(c, o);
		if (w < 0) {
			char *cand[] = {
				findings_fmt("For the public, %s versus %s is "
					     "a toss-up",
					     c->name[o], c->name[bl]),
				findings_fmt("For the public, a toss-up")};
			findings_add_title(c, key, cand, 2);
		} else {
			double se, p = winner_share(c, o, w, M_GROSS_PV, &se);
			char pc[FINDINGS_NUM];
			findings_percent(p, se, pc);
			const char *a = c->name[w ? o : bl];
			char *cand[] = {
				findings_fmt("For the public, %s is cheaper in "
					     "%s of futures",
					     a, pc),
				findings_fmt("Public cost: %s cheaper in %s of "
					     "futures",
					     a, pc),
				findings_fmt("Cheaper for the public in %s of "
					     "futures: %s",
					     pc, a)};
			findings_add_title(c, key, cand, 3);
		}
		free(key);
		struct strbuf line = STRBUF_INIT;
		char *both = perspectives_words(c, o);
		char *dis = disagreement_words(c, o);
		strbuf_puts(&line, both);
		if (dis)
			strbuf_printf(&line, " %s", dis);
		add_entry(c, findings_fmt("cover.perspectives.%s",
					  m->options[o].id),
			  strbuf_take(&line));
		free(both);
		free(dis);
	}
}

/* ---- the levy (SPEC 12) ---------------------------------------------
 *
 * With `levy`, one sentence per option: in the contract year in which the
 * P80 of its levy share is highest, that share, its cost per $1,000 of
 * full value (with `full_value`) and, for an option other than the
 * baseline, the P80 of the share of that year's room under the tax cap
 * that the choice uses against the baseline.  Each is a P80 of its own
 * per-trial quantity (years.csv), never one derived from another. */

/* A share for people, to two significant figures: "0.31%", "15%". */
static char *levy_percent(double p, char buf[FINDINGS_NUM])
{
	char n[NUMFMT_MAX];
	numfmt_sig(fabs(p) * 100, 2, 1, n);
	snprintf(buf, FINDINGS_NUM, "%s%%", n);
	return buf;
}

static void sentence_levy(struct findings_ctx *c, int o)
{
	const struct summary *s = c->s;
	const struct model *m = c->m;
	int ny = s->net_years, bl = s->baseline;
	const struct summary_stat *share =
		&s->levy_year[(size_t)(o * LV_COUNT + LV_SHARE) * (size_t)ny];
	int t = 1;
	for (int y = 2; y <= m->years; y++)
		if (share[y - 1].q[Q80] > share[t - 1].q[Q80])
			t = y;
	double sh = share[t - 1].q[Q80];
	const struct summary_stat *room =
		o == bl ? NULL
			: &s->levy_year[(size_t)(o * LV_COUNT + LV_ROOM) *
						(size_t)ny +
					(size_t)t - 1];
	const struct summary_stat *rate =
		m->has_full_value
			? &s->levy_year[(size_t)(o * LV_COUNT + LV_RATE) *
						(size_t)ny +
					(size_t)t - 1]
			: NULL;
	char yw[40], p1[FINDINGS_NUM], p2[FINDINGS_NUM];
	char n1[NUMFMT_MAX], n2[NUMFMT_MAX], n3[NUMFMT_MAX], lb[32];
	char gr[NUMFMT_MAX];
	year_words(c, t, yw);
	struct strbuf x = STRBUF_INIT;
	if (rate) {
		/* To the cent; a cost below a cent per $1,000 as such. */
		char r[NUMFMT_MAX];
		if (fabs(rate->q[Q80]) >= 0.005)
			strbuf_printf(&x, " ($%s per $1,000 of full value)",
				      numfmt_fixed(rate->q[Q80], 2, r));
		else
			strbuf_puts(&x, " (under one cent per $1,000 of full "
					"value)");
	}
	if (room && room->q[Q80] >= 0)
		strbuf_printf(&x,
			      ", and its extra cost over %s would use %s of "
			      "that year's room under the tax cap (the "
			      "levy's allowed growth of %s)",
			      c->name[bl], levy_percent(room->q[Q80], p2),
			      numfmt_rate(m->levy_growth, gr));
	else if (room)
		strbuf_printf(&x,
			      ", and even then it would cost less than %s by "
			      "%s of that year's room under the tax cap (the "
			      "levy's allowed growth of %s)",
			      c->name[bl], levy_percent(room->q[Q80], p2),
			      numfmt_rate(m->levy_growth, gr));
	char *text = findings_fmt(
		"At 80%% confidence %s would take %s %s of the district's "
		"tax levy in %s, its heaviest contract year%s.",
		c->name[o], sh < 0 ? "back" : "at most",
		levy_percent(sh, p1), yw, strbuf_str(&x));
	struct strbuf b = STRBUF_INIT;
	strbuf_printf(&b, "years.csv (option %s, year %s): levy_share p80 %s",
		      m->options[o].id, findings_label(c, t, lb),
		      numfmt_shortest(sh, n1));
	if (rate)
		strbuf_printf(&b, ", tax_rate_per_1000 p80 %s",
			      numfmt_shortest(rate->q[Q80], n2));
	if (room)
		strbuf_printf(&b, ", cap_room_share p80 %s",
			      numfmt_shortest(room->q[Q80], n3));
	strbuf_printf(&b, "; levy, levy_growth%s in inputs.csv.",
		      rate ? " and full_value" : "");
	add_sentence(c, text, strbuf_take(&b));
	strbuf_free(&x);
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
		if (model_public_differs(c->m))
			sentences_public(c, o);
		sentences_drivers(c, o);
		/* With one year of net cost there is nothing to break even. */
		if (c->d->net_years > 1)
			sentence_break_even(c, o);
	}
	sentence_budget(c);
	for (int o = 0; c->m->has_levy && c->s->levy_year && o < no; o++)
		sentence_levy(c, o);
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
	public_entries(&c);
	for (size_t o = 0; o < m->noptions; o++)
		free(c.name[o]);
	free(c.name);
}
