/* The headline and the chart titles of the findings: each at most
 * FINDINGS_TITLE_WORDS words, stating the chart's finding (see
 * findings.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/findings_impl.h"
#include "util/mem.h"
#include "util/numfmt.h"

/* The headline: the option most often cheapest, when it is clearly ahead
 * of the next: p1 - p2 >= max(0.10, 2 se(p1 - p2)), the toss-up rule of
 * two options (where p1 + p2 = 1) extended to several. */
static void title_headline(struct findings_ctx *c)
{
	const struct summary *s = c->s;
	int *ord = findings_by_best(c);
	const char *a = c->name[ord[0]];
	char pc[FINDINGS_NUM], mm[FINDINGS_NUM];
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
	double p2 = s->p_best[ord[1]], dd = p1 - p2;
	double se = sqrt((p1 + p2 - dd * dd) / (double)s->trials);
	findings_percent(p1, findings_share_se(p1, s->trials), pc);
	if (dd >= fmax(0.10, 2 * se)) {
		cand[0] = findings_fmt("%s has the lowest %s in %s of futures",
				       a, c->cost, pc);
		cand[1] =
			findings_fmt("%s is cheapest in %s of futures", a, pc);
		cand[2] = findings_fmt("%s is most often cheapest", a);
	} else {
		cand[0] = findings_fmt("No clear winner: %s and %s are close "
				       "on %s",
				       a, b, c->cost);
		cand[1] = findings_fmt("No clear winner: %s and %s are close",
				       a, b);
		cand[2] = findings_fmt("No option is clearly cheapest");
	}
	findings_add_title(c, "headline", cand, 3);
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
	char *cand[] = {
		findings_fmt("Yearly net cost is most uncertain for %s",
			     c->name[best]),
		findings_fmt("%s: most uncertain yearly cost", c->name[best])};
	findings_add_title(c, "title.fan", cand, 2);
}

/* The S-curve: the cheapest option at 80% confidence and its lead over
 * the next (a difference of two budgets, each an 80th percentile). */
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
	char mm[FINDINGS_NUM];
	double va = s->measure[a * M_COUNT + M_NET_PV].q[Q80];
	if (b < 0) {
		findings_money(va, mm);
		char *cand[] = {
			findings_fmt("At 80%% confidence, %s costs %s or less",
				     c->name[a], mm),
			findings_fmt("At 80%% confidence: %s or less", mm)};
		findings_add_title(c, "title.scurve", cand, 2);
		return;
	}
	findings_money(s->measure[b * M_COUNT + M_NET_PV].q[Q80] - va, mm);
	char *cand[] = {
		findings_fmt("At 80%% confidence, %s costs %s less than %s",
			     c->name[a], mm, c->name[b]),
		findings_fmt("80%% confidence: %s is cheapest, by %s",
			     c->name[a], mm),
		findings_fmt("%s is cheapest at 80%% confidence", c->name[a])};
	findings_add_title(c, "title.scurve", cand, 3);
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
 * worded as in findings.txt (a toss-up is never a win). */
static void title_histogram(struct findings_ctx *c, int o)
{
	const struct summary *s = c->s;
	int bl = s->baseline;
	const struct summary_cmp *cmp = &s->cmp[o * M_COUNT + M_NET_PV];
	double p = cmp->p_cheaper, se = cmp->p_cheaper_se;
	char *key = findings_fmt("title.histogram.%s", c->m->options[o].id);
	char pc[FINDINGS_NUM];
	if (findings_tossup(p, se)) {
		char *cand[] = {findings_fmt("%s versus %s is a toss-up",
					     c->name[o], c->name[bl]),
				findings_fmt("A toss-up: each is cheaper about "
					     "half "
					     "the time")};
		findings_add_title(c, key, cand, 2);
	} else {
		int ow = p > 0.5;
		const char *w = c->name[ow ? o : bl], *l = c->name[ow ? bl : o];
		double sh =
			ow ? p : (double)s->hist[o].above / (double)s->trials;
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
	if ((size_t)lead[top] == m->noptions) {
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
	char mm[FINDINGS_NUM];
	findings_money(s->measure[a * M_COUNT + M_NET_PER_STUDENT_YEAR].q[Q50],
		       mm);
	char *cand[] = {
		findings_fmt("Lowest median net cost per student-year: %s, %s",
			     c->name[a], mm),
		findings_fmt("Lowest net cost per student-year: %s",
			     c->name[a]),
		findings_fmt("Lowest median net cost per student-year: %s",
			     mm)};
	findings_add_title(c, "title.per_student", cand, 3);
}

void findings_titles(struct findings_ctx *c)
{
	title_headline(c);
	title_fan(c);
	title_scurve(c);
	for (int o = 0; o < c->s->noptions; o++) {
		if (o == c->s->baseline)
			continue;
		title_tornado(c, o);
		title_histogram(c, o);
	}
	title_breakdown(c);
	title_per_student(c);
}
