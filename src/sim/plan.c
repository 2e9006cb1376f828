/* The plan of a run and the draws of its inputs (see sim.h, plan.h). */
#include "sim/plan.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "sim/rng.h"
#include "util/mem.h"
#include "util/parallel.h"

const struct model *sim_plan_model(const sim_plan *p)
{
	return p->m;
}

void sim_plan_keep_inputs(sim_plan *p, long trials)
{
	p->keep = trials;
}

void sim_plan_cancel_on(sim_plan *p, const atomic_int *flag)
{
	p->cancel = flag;
}

/* ---- the plan ------------------------------------------------------- */

/* Orders items by option, then name.  The array sorted holds pointers,
 * not indices, so that no global is needed: plans may be built on several
 * threads at once (a batch sweep). */
static int cmp_items(const void *a, const void *b)
{
	const struct model_item *x = *(const struct model_item *const *)a;
	const struct model_item *y = *(const struct model_item *const *)b;
	if (x->option != y->option)
		return x->option < y->option ? -1 : 1;
	return strcmp(x->name, y->name);
}

static uint64_t stream_key(const char *kind, const char *a, const char *b)
{
	struct strbuf s = STRBUF_INIT;
	strbuf_printf(&s, "%s:%s%s%s", kind, a, b ? "/" : "", b ? b : "");
	uint64_t k = rng_key(strbuf_str(&s));
	strbuf_free(&s);
	return k;
}

static int cmp_keys(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* Two different stream names with one key would share draws.  FNV-1a-64
 * makes that astronomically unlikely, but it is checked, not assumed. */
static int keys_distinct(const sim_plan *p, struct strbuf *err)
{
	size_t n = p->m->nparams + p->m->ngroups + 2 * p->nitems, k = 0;
	uint64_t *all = xmalloc((n + 1) * sizeof(uint64_t));
	for (size_t i = 0; i < p->m->nparams; i++)
		all[k++] = p->param_keys[i];
	for (size_t i = 0; i < p->m->ngroups; i++)
		all[k++] = p->group_keys[i];
	for (size_t i = 0; i < p->nitems; i++) {
		all[k++] = p->items[i].key_cost;
		all[k++] = p->items[i].key_occurs;
	}
	/* sorted, equal keys are neighbours (pairs took O(inputs^2)) */
	qsort(all, n, sizeof(uint64_t), cmp_keys);
	int ok = 1;
	for (size_t i = 1; i < n && ok; i++)
		ok = all[i - 1] != all[i];
	free(all);
	if (!ok)
		strbuf_puts(err, "two inputs have the same random-stream key; "
				 "rename one of them");
	return ok;
}

/* Escalation factors (1 + e)^(t - 1): tabulated once for a literal e, and
 * once per evaluation for each parameter used as an escalation, rather
 * than a pow() per item and year. */
static void plan_escalation(sim_plan *p)
{
	const int H = p->years;
	p->esc_tables = xcalloc(p->nitems * (size_t)(H + 1) + 1, sizeof(double));
	p->esc_params = xcalloc(p->m->nparams + 1, sizeof(int));
	for (size_t k = 0; k < p->nitems; k++) {
		struct plan_item *pi = &p->items[k];
		if (pi->escalation.param < 0) {
			double *f = p->esc_tables + k * (size_t)(H + 1);
			for (int t = 1; t <= H; t++)
				f[t] = ipow(1 + pi->escalation.value, t - 1);
			pi->esc = f;
			pi->esc_slot = -1;
			continue;
		}
		int slot = 0;
		while (slot < p->nesc &&
		       p->esc_params[slot] != pi->escalation.param)
			slot++;
		if (slot == p->nesc)
			p->esc_params[p->nesc++] = pi->escalation.param;
		pi->esc_slot = slot;
	}
}

/* Whether two pert distributions are the same, so share a table. */
static int same_pert(const struct dist *a, const struct dist *b)
{
	return a->low == b->low && a->likely == b->likely && a->high == b->high;
}

static const struct draw_table *find_table(const sim_plan *p,
					   const struct dist *d)
{
	for (size_t j = 0; p && j < p->ntables; j++)
		if (same_pert(&p->table_dist[j], d))
			return &p->tables[j];
	return NULL;
}

/* The table of a pert: one already built by p or by like (a plan that
 * may be NULL), else a new one.  A table depends on the distribution
 * alone, so sharing it changes no draw; it costs under 1 ms to build. */
static const struct draw_table *pert_table(sim_plan *p, const sim_plan *like,
					   const struct dist *d)
{
	if (d->kind != DIST_PERT)
		return NULL;
	const struct draw_table *t = find_table(p, d);
	if (!t)
		t = find_table(like, d);
	if (!t) {
		/* filled by fill_tables */
		p->table_dist[p->ntables] = *d;
		t = &p->tables[p->ntables++];
	}
	return t;
}

/* The new tables are filled on every thread, one table per job. */
struct table_work {
	sim_plan *p;
	atomic_size_t next;
};

static void *table_worker(void *arg)
{
	struct table_work *w = arg;
	for (;;) {
		size_t j = atomic_fetch_add(&w->next, 1);
		if (j >= w->p->ntables)
			break;
		draw_table_init(&w->p->tables[j], &w->p->table_dist[j]);
	}
	return NULL;
}

static void fill_tables(sim_plan *p, int nthreads)
{
	struct table_work w = {p, 0};
	parallel_run(nthreads, p->ntables, table_worker, &w);
}

sim_plan *sim_plan_new(const struct model *m, struct strbuf *err)
{
	return sim_plan_new_like(m, NULL, 1, err);
}

sim_plan *sim_plan_new_like(const struct model *m, const sim_plan *like,
			    int nthreads, struct strbuf *err)
{
	sim_plan *p = xcalloc(1, sizeof(*p));
	p->m = m;
	p->years = m->years;
	p->net_years = model_net_years(m);
	p->has_aid = model_has_aid(m);
	p->lag = m->aid_lag;
	p->noptions = (int)m->noptions;
	p->ncat = (int)m->ncategories;
	p->nitems = m->nitems;

	size_t ninputs = m->nparams + m->nitems;
	p->tables = xmalloc((ninputs + 1) * sizeof(*p->tables));
	p->table_dist = xmalloc((ninputs + 1) * sizeof(*p->table_dist));
	p->param_keys = xmalloc((m->nparams + 1) * sizeof(uint64_t));
	p->param_draw = xmalloc((m->nparams + 1) * sizeof(*p->param_draw));
	p->param_table = xmalloc((m->nparams + 1) * sizeof(*p->param_table));
	for (size_t i = 0; i < m->nparams; i++) {
		p->param_keys[i] = stream_key("param", m->params[i].name, NULL);
		draw_prepare(&p->param_draw[i], &m->params[i].dist);
		p->param_table[i] = pert_table(p, like, &m->params[i].dist);
	}
	p->group_keys = xmalloc((m->ngroups + 1) * sizeof(uint64_t));
	p->group_a = xmalloc((m->ngroups + 1) * sizeof(double));
	p->group_b = xmalloc((m->ngroups + 1) * sizeof(double));
	for (size_t g = 0; g < m->ngroups; g++) {
		p->group_keys[g] = stream_key("group", m->groups[g].name, NULL);
		p->group_a[g] = sqrt(m->groups[g].rho);
		p->group_b[g] = sqrt(1 - m->groups[g].rho);
	}

	const struct model_item **sorted =
		xmalloc((m->nitems + 1) * sizeof(*sorted));
	for (size_t i = 0; i < m->nitems; i++)
		sorted[i] = &m->items[i];
	qsort(sorted, m->nitems, sizeof(*sorted), cmp_items);
	int *order = xmalloc((m->nitems + 1) * sizeof(int));
	for (size_t i = 0; i < m->nitems; i++)
		order[i] = (int)(sorted[i] - m->items);
	free(sorted);

	p->items = xcalloc(m->nitems + 1, sizeof(*p->items));
	p->item_of = xcalloc(m->nitems + 1, sizeof(*p->item_of));
	for (size_t k = 0; k < m->nitems; k++) {
		const struct model_item *it = &m->items[order[k]];
		struct plan_item *pi = &p->items[k];
		pi->model = order[k];
		p->item_of[order[k]] = k;
		pi->option = it->option;
		pi->category = it->category;
		pi->cost = it->cost;
		draw_prepare(&pi->draw, &it->cost);
		pi->qty = it->qty;
		pi->quantity = it->quantity;
		pi->escalation = it->escalation;
		pi->probability = it->probability;
		pi->first = it->start;
		pi->last = it->once ? it->start : it->end;
		pi->district = it->payer == PAYER_DISTRICT;
		pi->aid = pi->district && p->has_aid ? it->aid : 0;
		pi->group = it->group >= 0 && m->groups[it->group].rho > 0
				    ? it->group
				    : -1;
		const char *opt = m->options[it->option].id;
		pi->key_cost = stream_key("cost", opt, it->name);
		pi->key_occurs = stream_key("occurs", opt, it->name);
		pi->table = pert_table(p, like, &it->cost);
		pi->terms = it->terms.has_terms ? &it->terms : NULL;
		pi->exits = m->p_exit >= 0 && m->exits && m->exits[it->option];
		if (it->terms.on_exit)
			pi->last = it->end < m->years - 1 ? it->end
							  : m->years - 1;
	}
	free(order);
	fill_tables(p, nthreads);
	plan_escalation(p);
	if (!keys_distinct(p, err)) {
		sim_plan_free(p);
		return NULL;
	}
	return p;
}

void sim_plan_free(sim_plan *p)
{
	if (!p)
		return;
	free(p->items);
	free(p->item_of);
	free(p->tables);
	free(p->table_dist);
	free(p->param_table);
	free(p->param_keys);
	free(p->param_draw);
	free(p->group_keys);
	free(p->group_a);
	free(p->group_b);
	free(p->esc_tables);
	free(p->esc_params);
	free(p);
}

/* ---- inputs --------------------------------------------------------- */

void sim_inputs_init(const sim_plan *p, struct sim_inputs *in)
{
	in->param = xcalloc(p->m->nparams + 1, sizeof(double));
	in->cost = xcalloc(p->m->nitems + 1, sizeof(double));
}

void sim_inputs_free(struct sim_inputs *in)
{
	free(in->param);
	free(in->cost);
	in->param = in->cost = NULL;
}

void sim_inputs_point(const sim_plan *p, struct sim_inputs *in)
{
	const struct model *m = p->m;
	for (size_t i = 0; i < m->nparams; i++)
		in->param[i] = dist_point(&m->params[i].dist);
	for (size_t i = 0; i < m->nitems; i++)
		in->cost[i] = dist_point(&m->items[i].cost);
}

static double group_factor(const sim_plan *p, int g, uint32_t trial,
			   gsl_rng *r)
{
	double z;
	draw_normal_scores(p->group_keys[g], p->m->seed, trial, 1, r, &z);
	return z;
}

/* An item's unit cost in the trials trial0 .. trial0 + n - 1, into c.
 * Outside a correlation group, draw_keyed.  In a group with rho > 0, the
 * one-factor Gaussian copula of SPEC 5.2: Z = sqrt(rho) Z_g +
 * sqrt(1 - rho) e, X = F^-1(Phi(Z)), with e the first normal draw of the
 * item's stream and zg[i] the group's factor in trial trial0 + i.  So a
 * pert, an item with rho = 0 and one outside any group draw alike. */
static void draw_item_row(const sim_plan *p, const struct plan_item *pi,
			  uint32_t trial0, int n, gsl_rng *r, const double *zg,
			  double *c)
{
	uint64_t seed = p->m->seed;
	if (pi->group < 0 || pi->draw.kind == DIST_FIXED) {
		draw_keyed_n(&pi->draw, pi->table, pi->key_cost, seed, trial0, n,
			     r, c);
		return;
	}
	double ga = p->group_a[pi->group], gb = p->group_b[pi->group];
	draw_normal_scores(pi->key_cost, seed, trial0, n, r, c);
	for (int i = 0; i < n; i++)
		c[i] = draw_score(&pi->draw, pi->table, ga * zg[i] + gb * c[i]);
}

void sim_draw_inputs(const sim_plan *p, uint32_t trial0, int n, gsl_rng *r,
		     double *param, double *cost, double *z)
{
	const struct model *m = p->m;
	const size_t N = (size_t)n;
	/* Input by input, trial by trial: each loop runs one distribution. */
	for (size_t j = 0; j < m->nparams; j++)
		draw_keyed_n(&p->param_draw[j], p->param_table[j],
			     p->param_keys[j], m->seed, trial0, n, r,
			     param + j * N);
	for (size_t g = 0; g < m->ngroups; g++) {
		if (p->group_a[g] > 0)
			draw_normal_scores(p->group_keys[g], m->seed, trial0, n,
					   r, z + g * N);
		else
			memset(z + g * N, 0, N * sizeof(double));
	}
	for (size_t k = 0; k < p->nitems; k++) {
		const struct plan_item *pi = &p->items[k];
		draw_item_row(p, pi, trial0, n, r,
			      pi->group >= 0 ? z + (size_t)pi->group * N : NULL,
			      cost + (size_t)pi->model * N);
	}
}

void sim_inputs_draw(const sim_plan *p, uint32_t trial, gsl_rng *r,
		     struct sim_inputs *in)
{
	size_t ng = p->m->ngroups;
	double zbuf[64];
	double *z = ng <= 64 ? zbuf : xmalloc(ng * sizeof(double));
	sim_draw_inputs(p, trial, 1, r, in->param, in->cost, z);
	if (z != zbuf)
		free(z);
}

double sim_input_draw(const sim_plan *p, int param, int item, uint32_t trial,
		      gsl_rng *r)
{
	double v = NAN;
	if (param >= 0) {
		draw_keyed_n(&p->param_draw[param], p->param_table[param],
			     p->param_keys[param], p->m->seed, trial, 1, r, &v);
		return v;
	}
	for (size_t k = 0; k < p->nitems; k++) {
		const struct plan_item *pi = &p->items[k];
		if (pi->model != item)
			continue;
		double zg = pi->group >= 0 ? group_factor(p, pi->group, trial, r)
					   : 0;
		draw_item_row(p, pi, trial, 1, r, &zg, &v);
		break;
	}
	return v;
}
