/* Break-even years, shares of trials where each option is cheapest, and the
 * assembly of the decision analysis (see decision.h). */
#include "analysis/decision.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/stats.h"
#include "util/mem.h"
#include "util/parallel.h"

static int sign(double x)
{
	return (x > 0) - (x < 0);
}

int decision_break_even(const double *c, int n)
{
	if (n < 1)
		return 0;
	int final = sign(c[n - 1]);
	if (final == 0)
		return 0;
	int last_other = 0; /* the last year whose sign is not final's */
	int crossed = 0;    /* some year has the opposite sign */
	for (int t = 1; t <= n; t++) {
		int st = sign(c[t - 1]);
		if (st != final)
			last_other = t;
		if (st == -final)
			crossed = 1;
	}
	return crossed ? last_other + 1 : 0;
}

/* ---- jobs: the medians of the cumulative differences (one option per
 * job) and the shares of trials where each option is cheapest (one
 * measure per job), on every thread ---------------------------------------- */

struct jobs_ctx {
	const struct sim_result *res;
	const struct summary *s;
	struct decision *d;
	atomic_int next;
};

static void cum_job(const struct jobs_ctx *c, int o, double *cum,
		    double *scratch)
{
	const struct sim_result *r = c->res;
	struct decision *d = c->d;
	size_t n = (size_t)r->trials;
	static const double half = 0.5;
	memset(cum, 0, n * sizeof(double));
	for (int t = 1; t <= d->net_years; t++) {
		const double *a = sim_net(r, o, t);
		const double *b = sim_net(r, d->baseline, t);
		for (size_t i = 0; i < n; i++)
			cum[i] += a[i] - b[i];
		stats_quantiles(cum, n, &half, 1,
				&d->cum_diff_median[o * d->net_years + t - 1],
				scratch);
	}
	d->break_even[o] = decision_break_even(
		&d->cum_diff_median[o * d->net_years], d->years);
}

/* p_best for measure k; net_pv's is the summary's. */
static void best_job(const struct jobs_ctx *c, int k)
{
	struct decision *d = c->d;
	if (k == M_NET_PV) {
		for (int o = 0; o < d->noptions; o++)
			d->p_best[o * M_COUNT + k] = c->s->p_best[o];
		d->p_tied[k] = c->s->p_tied;
		return;
	}
	summary_best_shares(c->res, (enum measure)k, d->p_best + k, M_COUNT,
			    &d->p_tied[k]);
}

static void *jobs_worker(void *arg)
{
	struct jobs_ctx *c = arg;
	size_t n = (size_t)c->res->trials;
	int no = c->d->noptions;
	int nk = c->res->has_students ? M_COUNT : M_COUNT - 1;
	double *cum = NULL, *scratch = NULL;
	for (;;) {
		int j = atomic_fetch_add(&c->next, 1);
		if (j >= no + nk)
			break;
		if (j >= no) {
			best_job(c, j - no);
			continue;
		}
		if (j == c->d->baseline)
			continue;
		if (!cum) {
			cum = xmalloc(n * sizeof(double) + 1);
			scratch = xmalloc(n * sizeof(double) + 1);
		}
		cum_job(c, j, cum, scratch);
	}
	free(scratch);
	free(cum);
	return NULL;
}

void decision_compute(const sim_plan *p, const struct sim_result *res,
		      const struct summary *s, int nthreads, struct decision *d)
{
	const struct model *m = sim_plan_model(p);
	memset(d, 0, sizeof(*d));
	d->m = m;
	d->trials = res->trials;
	d->noptions = res->noptions;
	d->years = res->years;
	d->net_years = res->net_years;
	d->baseline = m->baseline;
	size_t no = (size_t)d->noptions;
	d->cum_diff_median =
		xcalloc(no * (size_t)d->net_years + 1, sizeof(double));
	d->break_even = xcalloc(no + 1, sizeof(int));
	d->p_best = xcalloc(no * M_COUNT + 1, sizeof(double));
	d->p_tied = xcalloc(M_COUNT, sizeof(double));
	struct jobs_ctx c = {res, s, d, 0};
	int nk = res->has_students ? M_COUNT : M_COUNT - 1;
	parallel_run(nthreads, (size_t)(d->noptions + nk), jobs_worker, &c);
	sensitivity_compute(p, res, nthreads, &d->sens);
	findings_compose(m, res, s, d, &d->findings);
}

void decision_free(struct decision *d)
{
	free(d->cum_diff_median);
	free(d->break_even);
	free(d->p_best);
	free(d->p_tied);
	sensitivity_free(&d->sens);
	findings_free(&d->findings);
	memset(d, 0, sizeof(*d));
}
