/* The trial engine (see sim.h). */
#include "sim/sim.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/draw.h"
#include "sim/rng.h"
#include "util/mem.h"
#include "util/parallel.h"

/* Trials are handed to threads in blocks of this many.  The block size
 * does not affect any result: every trial's draws come from its own keyed
 * streams, and means are reduced block by block in block order. */
#define SIM_BLOCK 4096

/* Years of a scratch row: the longest horizon plus the longest aid lag. */
#define MAX_YEARS (100 + 10 + 1)

/* x^n for a whole n >= 0 by repeated multiplication, in a fixed order:
 * a pow() per year and item costs more than the rest of a trial. */
static double ipow(double x, int n)
{
	double r = 1;
	for (int i = 0; i < n; i++)
		r *= x;
	return r;
}

static const char *const measure_names[M_COUNT] = {
	"gross_nominal", "net_nominal", "gross_pv", "net_pv",
	"net_per_student_year"};

const char *sim_measure_name(enum measure k)
{
	return (unsigned)k < M_COUNT ? measure_names[k] : NULL;
}

struct plan_item {
	int model; /* index into model items (and sim_inputs.cost) */
	int option, category;
	struct dist cost;
	struct draw_dist draw; /* cost, prepared */
	enum qty_kind qty;
	struct model_ref quantity, escalation, probability;
	int first, last; /* active program years */
	int district;
	double aid;
	const double *esc;  /* (1 + e)^(t - 1) by t, for a literal e */
	int esc_slot;       /* else the slot of its parameter's factors */
	int group;                     /* correlated group, or -1 */
	const struct draw_table *table; /* a pert's table */
	uint64_t key_cost, key_occurs;
};

struct sim_plan {
	const struct model *m;
	int years, net_years, lag, noptions, ncat;
	int has_aid;
	struct plan_item *items; /* by option, then item name */
	size_t nitems;
	uint64_t *param_keys;
	struct draw_dist *param_draw; /* each parameter's dist, prepared */
	const struct draw_table **param_table; /* a pert parameter's table */
	uint64_t *group_keys;
	double *group_a, *group_b; /* sqrt(rho), sqrt(1 - rho) */
	struct draw_table *tables; /* one per distinct pert ... */
	struct dist *table_dist;   /* ... of this one */
	size_t ntables;
	double *esc_tables;  /* [item][t], for literal escalations */
	int *esc_params;     /* parameters used as escalations */
	int nesc;
	size_t scratch_len;  /* doubles of sim_flows.scratch */
	long keep;           /* trials whose inputs sim_run keeps */
};

const struct model *sim_plan_model(const sim_plan *p)
{
	return p->m;
}

void sim_plan_keep_inputs(sim_plan *p, long trials)
{
	p->keep = trials;
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
	int ok = 1;
	for (size_t i = 0; i < n && ok; i++)
		for (size_t j = i + 1; j < n && ok; j++)
			ok = all[i] != all[j];
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
	/* scratch: aid by option and year, then the factors by slot. */
	p->scratch_len = (size_t)p->noptions * MAX_YEARS +
			 (size_t)p->nesc * (size_t)(H + 1);
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
 * alone, so sharing it changes no draw; it costs some 3 ms to build. */
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

/* The new tables are filled in parts, on every thread. */
#define TABLE_PARTS 8

struct table_work {
	sim_plan *p;
	atomic_size_t next;
};

static void *table_worker(void *arg)
{
	struct table_work *w = arg;
	const int step = (DRAW_TABLE_N + TABLE_PARTS) / TABLE_PARTS;
	for (;;) {
		size_t j = atomic_fetch_add(&w->next, 1);
		if (j >= w->p->ntables * TABLE_PARTS)
			break;
		size_t t = j / TABLE_PARTS;
		int from = (int)(j % TABLE_PARTS) * step;
		draw_table_fill(&w->p->tables[t], &w->p->table_dist[t], from,
				from + step);
	}
	return NULL;
}

static void fill_tables(sim_plan *p, int nthreads)
{
	struct table_work w = {p, 0};
	parallel_run(nthreads, p->ntables * TABLE_PARTS, table_worker, &w);
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
	for (size_t k = 0; k < m->nitems; k++) {
		const struct model_item *it = &m->items[order[k]];
		struct plan_item *pi = &p->items[k];
		pi->model = order[k];
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

/* An input's value in a trial: outside a correlation group, draw_keyed.
 * In a group with rho > 0, the one-factor Gaussian copula of SPEC 5.2:
 * Z = sqrt(rho) Z_g + sqrt(1 - rho) e, X = F^-1(Phi(Z)), with e the first
 * normal draw of the input's stream and z_group the group's factor.  So a
 * pert, an item with rho = 0 and one outside any group draw alike. */
static double draw_input(const sim_plan *p, const struct draw_dist *d,
			 const struct draw_table *t, uint64_t key, int group,
			 double z_group, uint32_t trial, gsl_rng *r)
{
	if (group < 0 || d->kind == DIST_FIXED)
		return draw_keyed(d, t, key, p->m->seed, trial, r);
	rng_seek(r, key, p->m->seed, trial);
	double e = gsl_ran_gaussian_ziggurat(r, 1.0);
	double z = p->group_a[group] * z_group + p->group_b[group] * e;
	return draw_score(d, t, z);
}

static double draw_param(const sim_plan *p, int i, uint32_t trial,
			 gsl_rng *r)
{
	return draw_input(p, &p->param_draw[i], p->param_table[i],
			  p->param_keys[i], -1, 0, trial, r);
}

static double group_factor(const sim_plan *p, int g, uint32_t trial,
			   gsl_rng *r)
{
	rng_seek(r, p->group_keys[g], p->m->seed, trial);
	return gsl_ran_gaussian_ziggurat(r, 1.0);
}

static double draw_item(const sim_plan *p, const struct plan_item *pi,
			uint32_t trial, gsl_rng *r, double z_group)
{
	return draw_input(p, &pi->draw, pi->table, pi->key_cost, pi->group,
			  z_group, trial, r);
}

void sim_inputs_draw(const sim_plan *p, uint32_t trial, gsl_rng *r,
		     struct sim_inputs *in)
{
	const struct model *m = p->m;
	for (size_t i = 0; i < m->nparams; i++)
		in->param[i] = draw_param(p, (int)i, trial, r);
	double zbuf[64];
	double *z = m->ngroups <= 64 ? zbuf
				     : xmalloc(m->ngroups * sizeof(double));
	for (size_t g = 0; g < m->ngroups; g++)
		z[g] = p->group_a[g] > 0 ? group_factor(p, (int)g, trial, r) : 0;
	for (size_t k = 0; k < p->nitems; k++) {
		const struct plan_item *pi = &p->items[k];
		in->cost[pi->model] = draw_item(p, pi, trial, r,
						pi->group >= 0 ? z[pi->group] : 0);
	}
	if (z != zbuf)
		free(z);
}

double sim_input_draw(const sim_plan *p, int param, int item, uint32_t trial,
		      gsl_rng *r)
{
	if (param >= 0)
		return draw_param(p, param, trial, r);
	for (size_t k = 0; k < p->nitems; k++) {
		const struct plan_item *pi = &p->items[k];
		if (pi->model != item)
			continue;
		double zg = pi->group >= 0 ? group_factor(p, pi->group, trial, r)
					   : 0;
		return draw_item(p, pi, trial, r, zg);
	}
	return NAN;
}

/* ---- one evaluation ------------------------------------------------- */

void sim_flows_init(const sim_plan *p, struct sim_flows *f)
{
	size_t no = (size_t)p->noptions;
	f->gross = xcalloc(no * (size_t)p->years + 1, sizeof(double));
	f->net = xcalloc(no * (size_t)p->net_years + 1, sizeof(double));
	f->measure = xcalloc(no * M_COUNT + 1, sizeof(double));
	f->cat_gross_pv = xcalloc(no * (size_t)p->ncat + 1, sizeof(double));
	f->cat_net_pv = xcalloc(no * (size_t)p->ncat + 1, sizeof(double));
	f->students_sum = 0;
	f->scratch = xcalloc(p->scratch_len + 1, sizeof(double));
}

void sim_flows_free(struct sim_flows *f)
{
	free(f->gross);
	free(f->net);
	free(f->measure);
	free(f->cat_gross_pv);
	free(f->cat_net_pv);
	free(f->scratch);
	memset(f, 0, sizeof(*f));
}

static double ref_value(const struct model_ref *r, const double *param)
{
	return r->param >= 0 ? param[r->param] : r->value;
}


void sim_evaluate(const sim_plan *p, const struct sim_inputs *in,
		  long trial, struct sim_flows *out)
{
	const struct model *m = p->m;
	const int H = p->years, NY = p->net_years, L = p->lag;
	const int no = p->noptions, nc = p->ncat;
	const double *param = in->param;

	/* 5.3: enrollment S_t = students * (1 + g)^(t - 1). */
	double S[MAX_YEARS], disc[MAX_YEARS], inv[MAX_YEARS];
	double students = m->p_students >= 0 ? param[m->p_students] : 0;
	double g = param[m->p_growth];
	double a = param[m->p_aid_ratio];
	double r = param[m->p_discount];
	double ssum = 0;
	for (int t = 1; t <= H; t++) {
		S[t] = students * ipow(1 + g, t - 1);
		ssum += S[t];
	}
	/* 5.6: end-of-year discounting, a flow of year t divided by
	 * (1 + r)^t, as a spreadsheet's NPV does. */
	for (int t = 1; t <= NY; t++) {
		disc[t] = ipow(1 + r, t);
		inv[t] = 1 / disc[t]; /* for the breakdown by category only */
	}

	memset(out->gross, 0, sizeof(double) * (size_t)(no * H));
	memset(out->net, 0, sizeof(double) * (size_t)(no * NY));
	memset(out->cat_gross_pv, 0, sizeof(double) * (size_t)(no * nc));
	memset(out->cat_net_pv, 0, sizeof(double) * (size_t)(no * nc));
	/* net holds the district-paid costs first; aid is taken off below. */
	double *aidv = out->scratch;
	double *escf = out->scratch + (size_t)no * MAX_YEARS;
	for (int o = 0; o < no; o++)
		memset(aidv + o * MAX_YEARS, 0, sizeof(double) * (size_t)(NY + 1));
	for (int j = 0; j < p->nesc; j++)
		for (int t = 1; t <= H; t++)
			escf[j * (H + 1) + t] =
				ipow(1 + param[p->esc_params[j]], t - 1);

	for (size_t k = 0; k < p->nitems; k++) {
		const struct plan_item *pi = &p->items[k];
		const int o = pi->option;
		double c = in->cost[pi->model];
		const double *ef = pi->esc_slot < 0 ? pi->esc
						    : escf + pi->esc_slot * (H + 1);
		double prob = ref_value(&pi->probability, param);
		double q = pi->qty == QTY_NUMBER ? pi->quantity.value
						 : ref_value(&pi->quantity, param);
		/* The sums by category are carried in registers across the
		 * years (stores through out-> could alias them otherwise),
		 * added in the same order as one addition a year would. */
		double *cg = &out->cat_gross_pv[o * nc + pi->category];
		double *cn = &out->cat_net_pv[o * nc + pi->category];
		double cgv = *cg, cnv = *cn;
		double *gro = out->gross + o * H - 1;  /* by year t */
		double *nto = out->net + o * NY - 1;
		double *aio = aidv + o * MAX_YEARS + L; /* paid in t + L */
		const double aid = a * pi->aid;
		double u[2];
		int ublock = -1;
		for (int t = pi->first; t <= pi->last; t++) {
			/* 5.4: occurs with probability p, drawn afresh each
			 * year (the (t-1)-th uniform of the item's occurrence
			 * stream); the point estimate takes p times the cost. */
			double occurs;
			if (trial < 0)
				occurs = prob;
			else if (prob >= 1)
				occurs = 1;
			else if (prob <= 0)
				occurs = 0;
			else {
				if ((t - 1) / 2 != ublock) {
					ublock = (t - 1) / 2;
					rng_uniform_pair(pi->key_occurs, m->seed,
							 (uint32_t)trial,
							 (uint32_t)ublock, u);
				}
				occurs = u[(t - 1) % 2] < prob;
			}
			if (occurs == 0)
				continue;
			double qt = pi->qty == QTY_STUDENTS ? S[t] : q;
			double cost = occurs * qt * c * ef[t];
			/* 5.5: gross counts every payer. */
			gro[t] += cost;
			cgv += cost * inv[t];
			if (!pi->district)
				continue;
			nto[t] += cost;
			cnv += cost * inv[t];
			if (pi->aid > 0) {
				/* Aid of a * share * cost arrives L years
				 * later, after the horizon if need be. */
				double av = aid * cost;
				aio[t] += av;
				cnv -= av * inv[t + L];
			}
		}
		*cg = cgv;
		*cn = cnv;
	}

	for (int o = 0; o < no; o++) {
		double *gr = &out->gross[o * H];
		double *nt = &out->net[o * NY];
		for (int t = 1; t <= NY; t++)
			nt[t - 1] -= aidv[o * MAX_YEARS + t];
		/* 5.7: the measures. */
		double gn = 0, nn = 0, gpv = 0, npv = 0;
		for (int t = 1; t <= H; t++) {
			gn += gr[t - 1];
			gpv += gr[t - 1] / disc[t];
		}
		for (int t = 1; t <= NY; t++) {
			nn += nt[t - 1];
			npv += nt[t - 1] / disc[t];
		}
		double *ms = &out->measure[o * M_COUNT];
		ms[M_GROSS_NOMINAL] = gn;
		ms[M_NET_NOMINAL] = nn;
		ms[M_GROSS_PV] = gpv;
		ms[M_NET_PV] = npv;
		ms[M_NET_PER_STUDENT_YEAR] =
			m->p_students >= 0 ? nn / ssum : NAN;
	}
	out->students_sum = ssum;
}

/* ---- the run -------------------------------------------------------- */

const double *sim_measure(const struct sim_result *r, int o, enum measure k)
{
	return r->measure + ((size_t)o * M_COUNT + k) * (size_t)r->trials;
}

const double *sim_gross(const struct sim_result *r, int o, int t)
{
	return r->gross +
	       ((size_t)o * (size_t)r->years + (size_t)(t - 1)) *
		       (size_t)r->trials;
}

const double *sim_net(const struct sim_result *r, int o, int t)
{
	int slot = r->net_slot[o];
	if (slot < 0)
		return t <= r->years ? sim_gross(r, o, t) : r->zeros;
	return r->net +
	       ((size_t)slot * (size_t)r->net_years + (size_t)(t - 1)) *
		       (size_t)r->trials;
}

int sim_net_is_gross(const struct model *m, int o)
{
	int aid = model_has_aid(m);
	for (size_t i = 0; i < m->nitems; i++) {
		const struct model_item *it = &m->items[i];
		if (it->option == o &&
		    (it->payer != PAYER_DISTRICT || (aid && it->aid > 0)))
			return 0;
	}
	return 1;
}

static size_t net_options(const struct model *m)
{
	size_t k = 0;
	for (size_t o = 0; o < m->noptions; o++)
		k += !sim_net_is_gross(m, (int)o);
	return k;
}

static size_t arrays_per_trial(const struct model *m)
{
	size_t no = m->noptions;
	return no * M_COUNT + no * (size_t)m->years +
	       net_options(m) * (size_t)model_net_years(m) + 1;
}

size_t sim_result_bytes(const struct model *m, long trials)
{
	size_t per = arrays_per_trial(m) * sizeof(double);
	if (trials > 0 && per > SIZE_MAX / (size_t)trials)
		return SIZE_MAX;
	return per * (size_t)trials;
}

struct worker {
	const sim_plan *p;
	struct sim_result *res;
	atomic_long *next_block;
	atomic_long *progress;
	long nblocks;
	double *block_cat; /* [block][2][no * nc] */
};

static void keep_inputs(const sim_plan *p, struct sim_result *res, long i,
			const struct sim_inputs *in)
{
	size_t k = (size_t)res->kept;
	for (size_t j = 0; j < p->m->nparams; j++)
		res->kept_param[j * k + (size_t)i] = in->param[j];
	for (size_t j = 0; j < p->m->nitems; j++)
		res->kept_cost[j * k + (size_t)i] = in->cost[j];
}

static void *work(void *arg)
{
	struct worker *w = arg;
	const sim_plan *p = w->p;
	struct sim_result *res = w->res;
	const long n = res->trials;
	const int no = p->noptions, H = p->years, NY = p->net_years;
	const size_t ncat = (size_t)no * (size_t)p->ncat;
	gsl_rng *r = gsl_rng_alloc(rng_type);
	struct sim_inputs in;
	struct sim_flows f;
	sim_inputs_init(p, &in);
	sim_flows_init(p, &f);
	/* Where each number of an evaluation goes: out[j][i] = *from[j]. */
	size_t nout = 0, cap = (size_t)no * (M_COUNT + H + NY);
	double **out = xmalloc((cap + 1) * sizeof(double *));
	const double **from = xmalloc((cap + 1) * sizeof(double *));
	for (int o = 0; o < no; o++) {
		for (int k = 0; k < M_COUNT; k++) {
			out[nout] = res->measure + ((size_t)o * M_COUNT + k) * (size_t)n;
			from[nout++] = &f.measure[o * M_COUNT + k];
		}
		for (int t = 0; t < H; t++) {
			out[nout] = res->gross + ((size_t)o * H + t) * (size_t)n;
			from[nout++] = &f.gross[o * H + t];
		}
		int slot = res->net_slot[o];
		for (int t = 0; slot >= 0 && t < NY; t++) {
			out[nout] = res->net + ((size_t)slot * NY + t) * (size_t)n;
			from[nout++] = &f.net[o * NY + t];
		}
	}
	for (;;) {
		long b = atomic_fetch_add(w->next_block, 1);
		if (b >= w->nblocks)
			break;
		long lo = b * SIM_BLOCK, hi = lo + SIM_BLOCK < n ? lo + SIM_BLOCK : n;
		double *bc = w->block_cat + (size_t)b * 2 * ncat;
		for (long i = lo; i < hi; i++) {
			sim_inputs_draw(p, (uint32_t)i, r, &in);
			if (i < res->kept)
				keep_inputs(p, res, i, &in);
			sim_evaluate(p, &in, i, &f);
			for (size_t j = 0; j < nout; j++)
				out[j][i] = *from[j];
			for (size_t c = 0; c < ncat; c++) {
				bc[c] += f.cat_gross_pv[c];
				bc[ncat + c] += f.cat_net_pv[c];
			}
		}
		if (w->progress)
			atomic_fetch_add(w->progress, hi - lo);
	}
	free(out);
	free(from);
	sim_inputs_free(&in);
	sim_flows_free(&f);
	gsl_rng_free(r);
	return NULL;
}

int sim_run(const sim_plan *p, int nthreads, atomic_long *progress,
	    struct sim_result *res, struct strbuf *err)
{
	const struct model *m = p->m;
	memset(res, 0, sizeof(*res));
	res->trials = m->trials;
	res->noptions = p->noptions;
	res->years = p->years;
	res->net_years = p->net_years;
	res->ncategories = p->ncat;
	res->has_students = m->p_students >= 0;
	size_t n = (size_t)m->trials, no = (size_t)p->noptions;
	size_t bytes = sim_result_bytes(m, m->trials);
	res->measure = bytes == SIZE_MAX
			       ? NULL
			       : malloc(no * M_COUNT * n * sizeof(double) + 1);
	res->gross = malloc(no * (size_t)p->years * n * sizeof(double) + 1);
	res->net_slot = xcalloc(no + 1, sizeof(int));
	size_t nnet = 0;
	for (size_t o = 0; o < no; o++)
		res->net_slot[o] = sim_net_is_gross(m, (int)o) ? -1 : (int)nnet++;
	res->net = malloc(nnet * (size_t)p->net_years * n * sizeof(double) + 1);
	res->zeros = calloc(n + 1, sizeof(double));
	if (!res->measure || !res->gross || !res->net || !res->zeros) {
		strbuf_printf(err,
			      "not enough memory for %ld trials (%zu MB); use "
			      "fewer trials",
			      m->trials, bytes / 1000000);
		sim_result_free(res);
		return -1;
	}
	res->kept = p->keep < m->trials ? p->keep : m->trials;
	if (res->kept > 0) {
		size_t k = (size_t)res->kept;
		res->kept_param = malloc(k * (m->nparams + 1) * sizeof(double));
		res->kept_cost = malloc(k * (m->nitems + 1) * sizeof(double));
		if (!res->kept_param || !res->kept_cost) {
			free(res->kept_param);
			free(res->kept_cost);
			res->kept_param = res->kept_cost = NULL;
			res->kept = 0; /* the analysis draws them again */
		}
	}
	size_t ncat = no * (size_t)p->ncat;
	res->cat_gross_pv_mean = xcalloc(ncat + 1, sizeof(double));
	res->cat_net_pv_mean = xcalloc(ncat + 1, sizeof(double));

	long nblocks = (m->trials + SIM_BLOCK - 1) / SIM_BLOCK;
	atomic_long next = 0;
	struct worker w = {p, res, &next, progress, nblocks,
			   xcalloc((size_t)nblocks * 2 * ncat + 1, sizeof(double))};
	parallel_run(nthreads, (size_t)nblocks, work, &w);

	/* Means by category: block sums added in block order. */
	for (long b = 0; b < nblocks; b++) {
		const double *bc = w.block_cat + (size_t)b * 2 * ncat;
		for (size_t c = 0; c < ncat; c++) {
			res->cat_gross_pv_mean[c] += bc[c];
			res->cat_net_pv_mean[c] += bc[ncat + c];
		}
	}
	for (size_t c = 0; c < ncat; c++) {
		res->cat_gross_pv_mean[c] /= (double)m->trials;
		res->cat_net_pv_mean[c] /= (double)m->trials;
	}
	free(w.block_cat);

	struct sim_inputs in;
	sim_inputs_init(p, &in);
	sim_flows_init(p, &res->point);
	sim_inputs_point(p, &in);
	sim_evaluate(p, &in, -1, &res->point);
	sim_inputs_free(&in);
	return 0;
}

void sim_result_free(struct sim_result *res)
{
	free(res->measure);
	free(res->gross);
	free(res->net);
	free(res->net_slot);
	free(res->zeros);
	free(res->kept_param);
	free(res->kept_cost);
	free(res->cat_gross_pv_mean);
	free(res->cat_net_pv_mean);
	if (res->point.gross)
		sim_flows_free(&res->point);
	memset(res, 0, sizeof(*res));
}
