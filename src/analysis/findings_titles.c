/* The headline and the chart titles of the findings: each at most
 * FINDINGS_TITLE_WORDS words, stating the chart's finding (see
 * findings.h).  This is the one place that words a chart's finding: the
 * exhibits take their titles from findings.csv (title.<key>, the
 * title_key of each chart's description in chart/exhibit.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/findings_impl.h"
#include "util/mem.h"
#include "util/numfmt.h"

/* The headline: the option most often cheapest, when it is clearly ahead
 * of the next and of the ties (findings_headline_winner); otherwise that
 * no option is clearly cheapest, or that options tie.  A tie is nobody's
 * win: an option is never called cheapest in a trial where another costs
 * the same. */
static void title_headline(struct findings_ctx *c)
{
	const struct summary *s = c->s;
	int *ord = findings_by_best(c);
	const char *a = c->name[ord[0]];
	char pc[FINDINGS_NUM], mm[FINDINGS_NUM], nt[NUMFMT_MAX];
	char *cand[3] = {NULL, NULL, NULL};
	double p1 = s->p_best[ord[0]];
	if (c->m->noptions == 1) {
		findings_money(s->measure[ord[0] * M_COUNT + M_NET_PV].q[Q50],
			       mm);
		cand[0] = findings_fmt("Median %s of %s: %s", c->cost, a, mm);
		cand[1] = findings_fmt("Median %s: %s", c->cost, mm);
		findings_add_title(c, "headline", cand, 2);
		free(ord);
		return;
	}
	const char *b = c->name[ord[1]];
	int w = findings_headline_winner(s->p_best, s->p_tied, s->noptions,
					 s->trials);
	if (s->trials < FINDINGS_MIN_TRIALS) {
		long k = lround(p1 * (double)s->trials);
		snprintf(nt, sizeof(nt), "%ld", s->trials);
		numfmt_group(nt);
		cand[0] = findings_fmt("%s cheapest in %ld of only %s trials: "
				       "too few",
				       a, k, nt);
		cand[1] = findings_fmt("Too few trials (%s) to name the "
				       "cheapest",
				       nt);
		findings_add_title(c, "headline", cand, 2);
		free(ord);
		return;
	}
	if (w == FINDINGS_TIED) {
		findings_percent(s->p_tied,
				 findings_share_se(s->p_tied, s->trials), pc);
		if (s->noptions == 2) {
			cand[0] = findings_fmt("%s and %s cost the same in %s "
					       "of futures",
					       a, b, pc);
			cand[1] = findings_fmt("The two options cost the same "
					       "in %s of futures",
					       pc);
		} else {
			cand[0] = findings_fmt("Options tie for cheapest in %s "
					       "of futures",
					       pc);
			cand[1] = findings_fmt("Options tie for cheapest");
		}
		findings_add_title(c, "headline", cand, 2);
	} else if (w >= 0) {
		findings_percent(p1, findings_share_se(p1, s->trials), pc);
		cand[0] = findings_fmt("%s has the lowest %s in %s of futures",
				       a, c->cost, pc);
		cand[1] =
			findings_fmt("%s is cheapest in %s of futures", a, pc);
		cand[2] = findings_fmt("%s is most often cheapest", a);
		findings_add_title(c, "headline", cand, 3);
	} else {
		cand[0] = findings_fmt("No clear winner: %s and %s are close "
				       "on %s",
				       a, b, c->cost);
		cand[1] = findings_fmt("No clear winner: %s and %s are close",
				       a, b);
		cand[2] = findings_fmt("No option is clearly cheapest");
		findings_add_title(c, "headline", cand, 3);
	}
	free(ord);
}

/* The fan chart: the option whose yearly net cost is the most uncertain
 * (the widest P10-P90 range, averaged over years 1..H). */
static void title_fan(struct findings_ctx *c)
{
	const struct summary *s = c->s;
	int best = 0;
	double wbest = -1;
	for (int o = 0; o < s->noptions; o++) {
		double w = 0;
		for (int t = 0; t < s->years; t++) {
			const struct summary_stat *st =
				&s->net[o * s->net_years + t];
			w += st->q[Q90] - st->q[Q10];
		}
		if (w > wbest) {
			wbest = w;
			best = o;
		}
	}
	if (s->noptions == 1) {
		/* Nothing to compare with: the year of the widest range. */
		int wy = 0;
		double ww = -1;
		for (int t = 0; t < s->years; t++) {
			const struct summary_stat *st = &s->net[t];
			if (st->q[Q90] - st->q[Q10] > ww) {
				ww = st->q[Q90] - st->q[Q10];
				wy = t + 1;
			}
		}
		char y[32];
		findings_label(c, wy, y);
		char *cand[] = {
			findings_fmt("Yearly net cost of %s is most uncertain "
				     "in %s%s",
				     c->name[0], c->m->has_base_year ? "" : "year ",
				     y),
			findings_fmt("Yearly net cost is most uncertain in %s%s",
				     c->m->has_base_year ? "" : "year ", y)};
		findings_add_title(c, "title.fan", cand, 2);
		return;
	}
	char *cand[] = {
		findings_fmt("Yearly net cost is most uncertain for %s",
			     c->name[best]),
		findings_fmt("%s: most uncertain yearly cost", c->name[best])};
	findings_add_title(c, "title.fan", cand, 2);
}

/* The S-curve: the budgets (80th percentiles of the net present cost)
 * that the two options with the lowest ones need at 80% confidence, each
 * stated as a budget.  The gap between two 80th percentiles is not a
 * saving held with 80% confidence, so the title never calls it one: the
 * one saving of the findings is the median of the per-trial difference
 * (sentence_saving). */
static void title_scurve(struct findings_ctx *c)
{
	const struct summary *s = c->s;
	int a = -1, b = -1;
	for (int o = 0; o < s->noptions; o++) {
		double v = s->measure[o * M_COUNT + M_NET_PV].q[Q80];
		if (a < 0 || v < s->measure[a * M_COUNT + M_NET_PV].q[Q80]) {
			b = a;
			a = o;
		} else if (b < 0 ||
			   v < s->measure[b * M_COUNT + M_NET_PV].q[Q80]) {
			b = o;
		}
	}
	char ma[FINDINGS_NUM], mb[FINDINGS_NUM];
	findings_money(s->measure[a * M_COUNT + M_NET_PV].q[Q80], ma);
	if (b < 0) {
		char *cand[] = {
			findings_fmt("At 80%% confidence, %s costs %s or less",
				     c->name[a], ma),
			findings_fmt("At 80%% confidence: %s or less", ma)};
		findings_add_title(c, "title.scurve", cand, 2);
		return;
	}
	findings_money(s->measure[b * M_COUNT + M_NET_PV].q[Q80], mb);
	char *cand[] = {
		findings_fmt("At 80%% confidence, %s needs %s, %s %s",
			     c->name[a], ma, c->name[b], mb),
		findings_fmt("80%% confidence budgets: %s %s, %s %s", c->name[a],
			     ma, c->name[b], mb),
		findings_fmt("At 80%% confidence, %s needs the least: %s",
			     c->name[a], ma),
		findings_fmt("Least needed at 80%% confidence: %s, %s",
			     c->name[a], ma)};
	/* Every candidate names the option: a budget of nobody in
	 * particular is no finding. */
	findings_add_title(c, "title.scurve", cand, 4);
}

/* The tornado of option o against the baseline: its largest swing, and
 * whether that input alone can reverse the comparison. */
static void title_tornado(struct findings_ctx *c, int o)
{
	const struct sensitivity *sn = &c->d->sens;
	const char *on = c->name[o], *bn = c->name[c->s->baseline];
	size_t out = findings_diff_output(c, o), first = 0, count = 0;
	if (out < sn->noutputs)
		sensitivity_output_rows(sn, out, &first, &count);
	char *key = findings_fmt("title.tornado.%s", c->m->options[o].id);
	/* rows is NULL when no input is uncertain: no offset from it */
	if (count == 0 || !(sn->rows[first].swing > 0)) {
		char *cand[] = {findings_fmt("No uncertain input moves %s "
					     "versus %s",
					     on, bn),
				findings_fmt("No uncertain input moves the "
					     "difference")};
		findings_add_title(c, key, cand, 2);
		free(key);
		return;
	}
	const struct sensitivity_row *r = &sn->rows[first];
	char *in = findings_input_name(c, r[0].input, 0);
	char *brief = findings_input_name(c, r[0].input, 1);
	/* "whether ... occurs" opens the title with a capital. */
	if (sn->inputs[r[0].input].occurrence) {
		in[0] = 'W';
		brief[0] = 'W';
	}
	char *cand[5];
	if (findings_flips(&r[0])) {
		cand[0] = findings_fmt("%s alone can reverse %s versus %s", in,
				       on, bn);
		cand[1] = findings_fmt("%s alone can reverse %s versus %s",
				       brief, on, bn);
		cand[2] = findings_fmt("%s alone can reverse the comparison",
				       brief);
		cand[3] = findings_fmt("%s alone can reverse it", brief);
	} else {
		cand[0] =
			findings_fmt("%s moves %s versus %s most", in, on, bn);
		cand[1] = findings_fmt("%s moves %s versus %s most", brief, on,
				       bn);
		cand[2] = findings_fmt("%s moves the difference most", brief);
		cand[3] = findings_fmt("%s matters most", brief);
	}
	cand[4] = findings_fmt("Largest driver: %s", brief);
	findings_add_title(c, key, cand, 5);
	free(brief);
	free(in);
	free(key);
}

/* The histogram of the difference of option o: the probability finding,
 * worded as in findings.txt (a toss-up is never a win, a tie nobody's). */
static void title_histogram(struct findings_ctx *c, int o)
{
	const struct summary *s = c->s;
	int bl = s->baseline;
	const struct summary_cmp *cmp = &s->cmp[o * M_COUNT + M_NET_PV];
	double n = (double)s->trials;
	double p = cmp->p_cheaper, q = (double)s->hist[o].above / n;
	double ties = fmax(1 - p - q, 0);
	char *key = findings_fmt("title.histogram.%s", c->m->options[o].id);
	char pc[FINDINGS_NUM];
	if (ties > 0 && ties >= fmax(p, q)) {
		findings_percent(ties, findings_share_se(ties, s->trials), pc);
		char *cand[] = {findings_fmt("%s and %s cost the same in %s "
					     "of futures",
					     c->name[o], c->name[bl], pc),
				findings_fmt("They cost the same in %s of "
					     "futures",
					     pc)};
		findings_add_title(c, key, cand, 2);
	} else if (findings_tossup_pair(p, q, s->trials)) {
		char *cand[] = {findings_fmt("%s versus %s is a toss-up",
					     c->name[o], c->name[bl]),
				findings_fmt("A toss-up: each is cheaper about "
					     "as often")};
		findings_add_title(c, key, cand, 2);
	} else {
		int ow = p > q;
		const char *w = c->name[ow ? o : bl], *l = c->name[ow ? bl : o];
		double sh = ow ? p : q;
		findings_percent(sh, findings_share_se(sh, s->trials), pc);
		char *cand[] = {
			findings_fmt("%s costs less than %s in %s of futures",
				     w, l, pc),
			findings_fmt("%s is cheaper in %s of futures", w, pc),
			findings_fmt("Cheaper in %s of futures: %s", pc, w)};
		findings_add_title(c, key, cand, 3);
	}
	free(key);
}

/* The breakdown by category: the category with the largest expected net
 * present cost in the most options (ties: the first in alphabetical
 * order). */
static void title_breakdown(struct findings_ctx *c)
{
	const struct model *m = c->m;
	size_t nc = m->ncategories;
	if (nc == 0)
		return;
	const double *mean = c->res->cat_net_pv_mean;
	int *lead = xcalloc(nc, sizeof(int));
	for (size_t o = 0; o < m->noptions; o++) {
		int best = -1;
		for (size_t i = 0; i < m->nitems; i++) {
			const struct model_item *it = &m->items[i];
			if ((size_t)it->option != o)
				continue;
			double v = mean[o * nc + (size_t)it->category];
			double bv = best < 0 ? 0 : mean[o * nc + (size_t)best];
			if (best < 0 || v > bv ||
			    (v == bv && it->category < best))
				best = it->category;
		}
		if (best >= 0)
			lead[best]++;
	}
	size_t top = 0;
	for (size_t k = 1; k < nc; k++)
		if (lead[k] > lead[top])
			top = k;
	const char *cat = m->categories[top];
	char *cand[3];
	if (m->noptions == 1) {
		cand[0] = findings_fmt("%s is the largest expected net cost of "
				       "%s",
				       cat, c->name[0]);
		cand[1] = findings_fmt("Largest expected net cost: %s", cat);
		cand[2] = findings_fmt("Largest expected cost: %s", cat);
	} else if ((size_t)lead[top] == m->noptions) {
		cand[0] = findings_fmt("%s is the largest expected net cost of "
				       "every option",
				       cat);
		cand[1] = findings_fmt("Largest expected net cost: %s", cat);
		cand[2] = findings_fmt("Largest expected cost: %s", cat);
	} else {
		/* Not every option: the count stays in the title. */
		cand[0] = findings_fmt("%s is the largest expected net cost of "
				       "%d of %zu options",
				       cat, lead[top], m->noptions);
		cand[1] =
			findings_fmt("Largest expected net cost: %s, in %d of "
				     "%zu options",
				     cat, lead[top], m->noptions);
		cand[2] = findings_fmt("Largest in %d of %zu options: %s",
				       lead[top], m->noptions, cat);
	}
	findings_add_title(c, "title.breakdown", cand, 3);
	free(lead);
}

/* Net cost per student-year: the option with the lowest median. */
static void title_per_student(struct findings_ctx *c)
{
	const struct summary *s = c->s;
	if (!s->has_students)
		return;
	int a = 0;
	for (int o = 1; o < s->noptions; o++)
		if (s->measure[o * M_COUNT + M_NET_PER_STUDENT_YEAR].q[Q50] <
		    s->measure[a * M_COUNT + M_NET_PER_STUDENT_YEAR].q[Q50])
			a = o;
	/* In the chart's money style (per_student_style), so that the
	 * title's amount is the label's: the largest of the options' 10th,
	 * 50th and 90th percentiles chooses it. */
	double largest = 0;
	for (int o = 0; o < s->noptions; o++) {
		const struct summary_stat *st =
			&s->measure[o * M_COUNT + M_NET_PER_STUDENT_YEAR];
		largest = fmax(largest,
			       fmax(fabs(st->q[Q50]),
				    fmax(fabs(st->q[Q10]), fabs(st->q[Q90]))));
	}
	struct numfmt_style money;
	numfmt_money_style(largest, &money);
	char mm[NUMFMT_MAX];
	numfmt_money_in(s->measure[a * M_COUNT + M_NET_PER_STUDENT_YEAR].q[Q50],
			&money, 0, mm);
	if (s->noptions == 1) {
		char *cand[] = {
			findings_fmt("Median net cost per student-year of %s: "
				     "%s",
				     c->name[0], mm),
			findings_fmt("Median net cost per student-year: %s",
				     mm)};
		findings_add_title(c, "title.per_student", cand, 2);
		return;
	}
	/* Every candidate names the option and its figure: a title without
	 * them is no finding. */
	char *cand[] = {
		findings_fmt("Lowest median net cost per student-year: %s, %s",
			     c->name[a], mm),
		findings_fmt("Lowest cost per student-year: %s, %s", c->name[a],
			     mm)};
	findings_add_title(c, "title.per_student", cand, 2);
}

/* The budget by year: the option with the smallest operating budget (no
 * risk event occurring) at 80% confidence over every net year, nominal,
 * as budget.csv's total rows give it; one option is only stated. */
static void title_budget(struct findings_ctx *c)
{
	const struct summary *s = c->s;
	int a = 0;
	for (int o = 1; o < s->noptions; o++)
		if (s->operating_total[o].q[Q80] < s->operating_total[a].q[Q80])
			a = o;
	char mm[FINDINGS_NUM];
	findings_money(s->operating_total[a].q[Q80], mm);
	if (s->noptions == 1) {
		char *cand[] = {
			findings_fmt("Operating budget of %s at 80%% confidence: "
				     "%s in all",
				     c->name[0], mm),
			findings_fmt("Operating budget at 80%% confidence: %s "
				     "in all",
				     mm)};
		findings_add_title(c, "title.budget", cand, 2);
		return;
	}
	char *cand[] = {
		findings_fmt("At 80%% confidence, %s needs the smallest "
			     "operating budget: %s in all",
			     c->name[a], mm),
		findings_fmt("Smallest operating budget, 80%% confidence: %s, "
			     "%s total",
			     c->name[a], mm),
		findings_fmt("Smallest operating budget at 80%% confidence: %s",
			     c->name[a])};
	findings_add_title(c, "title.budget", cand, 3);
}

void findings_titles(struct findings_ctx *c)
{
	title_headline(c);
	title_fan(c);
	title_scurve(c);
	title_budget(c);
	for (int o = 0; o < c->s->noptions; o++) {
		if (o == c->s->baseline)
			continue;
		title_tornado(c, o);
		title_histogram(c, o);
	}
	title_breakdown(c);
	title_per_student(c);
}
