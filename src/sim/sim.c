/* Running the trials of a plan on every thread (see sim.h). */
#include "sim/sim.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/plan.h"
#include "sim/rng.h"
#include "util/mem.h"
#include "util/parallel.h"

/* Trials are handed to threads in blocks of this many.  The block size
 * does not affect any result: every trial's draws come from its own keyed
 * streams, and means are reduced block by block in block order. */
#define SIM_BLOCK 4096

static const char *const measure_names[M_COUNT] = {
	"gross_nominal", "net_nominal", "gross_pv", "net_pv",
	"net_per_student_year"};

const char *sim_measure_name(enum measure k)
{
	return (unsigned)k < M_COUNT ? measure_names[k] : NULL;
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

const double *sim_risk(const struct sim_result *r, int o, int t)
{
	int slot = r->risk_slot[o];
	if (slot < 0)
		return r->zeros;
	return r->risk +
	       ((size_t)slot * (size_t)r->net_years + (size_t)(t - 1)) *
		       (size_t)r->trials;
}

const double *sim_events(const struct sim_result *r, int o)
{
	int slot = r->risk_slot[o];
	if (slot < 0)
		return r->zeros;
	return r->events + (size_t)slot * (size_t)r->trials;
}

int sim_option_has_risk(const struct model *m, int o)
{
	for (size_t i = 0; i < m->nitems; i++) {
		const struct model_item *it = &m->items[i];
		if (it->option == o && it->payer == PAYER_DISTRICT &&
		    (it->probability.param >= 0 || it->probability.value < 1))
			return 1;
	}
	return 0;
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
	size_t nrisk = 0;
	for (size_t o = 0; o < no; o++)
		nrisk += (size_t)sim_option_has_risk(m, (int)o);
	return no * M_COUNT + no * (size_t)m->years +
	       net_options(m) * (size_t)model_net_years(m) +
	       nrisk * ((size_t)model_net_years(m) + 1) + 1;
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
	double *block_aid; /* [block][no * net_years] */
	atomic_long overflow; /* first trial whose totals are not finite */
};

/* Trials evaluated together: the rows of a block stay in the core's
 * caches. */
#define EVAL_BLOCK 64

/* The buffers of one thread. */
struct lane {
	double *param, *cost, *z; /* inputs [j * EVAL_BLOCK + i] */
	struct sim_block out;
};

static void lane_init(const sim_plan *p, struct lane *l)
{
	const struct model *m = p->m;
	size_t B = EVAL_BLOCK, no = (size_t)p->noptions;
	l->param = xcalloc(B * m->nparams + 1, sizeof(double));
	l->cost = xcalloc(B * m->nitems + 1, sizeof(double));
	l->z = xcalloc(B * m->ngroups + 1, sizeof(double));
	l->out.n = EVAL_BLOCK;
	l->out.gross = xcalloc(B * no * (size_t)p->years + 1, sizeof(double));
	l->out.net = xcalloc(B * no * (size_t)p->net_years + 1, sizeof(double));
	l->out.measure = xcalloc(B * no * M_COUNT + 1, sizeof(double));
	l->out.cat_gross_pv = xcalloc(B * no * (size_t)p->ncat + 1, sizeof(double));
	l->out.cat_net_pv = xcalloc(B * no * (size_t)p->ncat + 1, sizeof(double));
	l->out.risk = xcalloc(B * no * (size_t)p->net_years + 1, sizeof(double));
	l->out.events = xcalloc(B * no + 1, sizeof(double));
	l->out.aid = xcalloc(B * no * (size_t)p->net_years + 1, sizeof(double));
	l->out.students_sum = xcalloc(B, sizeof(double));
	l->out.scratch = xcalloc(sim_scratch_len(p, EVAL_BLOCK) + 1,
				 sizeof(double));
}

static void lane_free(struct lane *l)
{
	free(l->param);
	free(l->cost);
	free(l->z);
	free(l->out.gross);
	free(l->out.net);
	free(l->out.measure);
	free(l->out.cat_gross_pv);
	free(l->out.cat_net_pv);
	free(l->out.risk);
	free(l->out.events);
	free(l->out.aid);
	free(l->out.students_sum);
	free(l->out.scratch);
}

/* Keeps the inputs of trials lo .. lo + n - 1 that are among the first
 * res->kept. */
static void keep_inputs(const sim_plan *p, struct sim_result *res, long lo,
			int n, const struct lane *l)
{
	size_t k = (size_t)res->kept;
	long cnt = res->kept - lo < n ? res->kept - lo : n;
	if (cnt <= 0)
		return;
	size_t bytes = (size_t)cnt * sizeof(double);
	for (size_t j = 0; j < p->m->nparams; j++)
		memcpy(res->kept_param + j * k + (size_t)lo,
		       l->param + j * EVAL_BLOCK, bytes);
	for (size_t j = 0; j < p->m->nitems; j++)
		memcpy(res->kept_cost + j * k + (size_t)lo,
		       l->cost + j * EVAL_BLOCK, bytes);
}

/* Copies the rows of an evaluated block into the per-trial arrays. */
static void store_block(const sim_plan *p, struct sim_result *res, long lo,
			int n, const struct sim_block *b)
{
	const size_t N = (size_t)res->trials, B = EVAL_BLOCK;
	const size_t bytes = (size_t)n * sizeof(double);
	const int no = p->noptions, H = p->years, NY = p->net_years;
	for (int o = 0; o < no; o++) {
		for (int k = 0; k < M_COUNT; k++) {
			size_t row = (size_t)o * M_COUNT + (size_t)k;
			memcpy(res->measure + row * N + (size_t)lo,
			       b->measure + row * B, bytes);
		}
		for (int t = 0; t < H; t++) {
			size_t row = (size_t)o * (size_t)H + (size_t)t;
			memcpy(res->gross + row * N + (size_t)lo,
			       b->gross + row * B, bytes);
		}
		int slot = res->net_slot[o];
		for (int t = 0; slot >= 0 && t < NY; t++)
			memcpy(res->net + ((size_t)slot * (size_t)NY + (size_t)t) * N +
				       (size_t)lo,
			       b->net + ((size_t)o * (size_t)NY + (size_t)t) * B,
			       bytes);
		int rs = res->risk_slot[o];
		if (rs < 0)
			continue;
		for (int t = 0; t < NY; t++)
			memcpy(res->risk + ((size_t)rs * (size_t)NY + (size_t)t) * N +
				       (size_t)lo,
			       b->risk + ((size_t)o * (size_t)NY + (size_t)t) * B,
			       bytes);
		memcpy(res->events + (size_t)rs * N + (size_t)lo,
		       b->events + (size_t)o * B, bytes);
	}
}

/* The largest total cost a trial may have: sums of a run's totals, and
 * differences between options, stay finite below it (doubles end near
 * 1.8e308). */
#define SIM_MAX_COST 1e300

static int too_large(double v)
{
	return !(fabs(v) <= SIM_MAX_COST); /* also NaN */
}

/* The first trial of a block (0 .. m-1) whose totals are too large (or not
 * numbers at all), or -1. */
static int first_overflow(const sim_plan *p, const struct sim_block *b, int m)
{
	int first = -1;
	for (int o = 0; o < p->noptions; o++)
		for (int k = 0; k <= M_NET_PV; k++) {
			const double *v = b->measure +
					  ((size_t)o * M_COUNT + (size_t)k) * EVAL_BLOCK;
			for (int i = 0; i < m && (first < 0 || i < first); i++)
				if (too_large(v[i]))
					first = i;
		}
	return first;
}

static void note_overflow(atomic_long *at, long trial)
{
	long seen = atomic_load(at);
	while (trial < seen &&
	       !atomic_compare_exchange_weak(at, &seen, trial))
		;
}

static void *work(void *arg)
{
	struct worker *w = arg;
	const sim_plan *p = w->p;
	struct sim_result *res = w->res;
	const long n = res->trials;
	const size_t ncat = (size_t)p->noptions * (size_t)p->ncat;
	gsl_rng *r = gsl_rng_alloc(rng_type);
	struct lane l;
	lane_init(p, &l);
	for (;;) {
		long b = atomic_fetch_add(w->next_block, 1);
		if (b >= w->nblocks)
			break;
		if (p->cancel && atomic_load_explicit(p->cancel,
						      memory_order_relaxed))
			break;
		long lo = b * SIM_BLOCK, hi = lo + SIM_BLOCK < n ? lo + SIM_BLOCK : n;
		double *bc = w->block_cat + (size_t)b * 2 * ncat;
		const size_t nay = (size_t)p->noptions * (size_t)p->net_years;
		double *ba = w->block_aid + (size_t)b * nay;
		for (long s = lo; s < hi; s += EVAL_BLOCK) {
			/* The last block of a run may be short: its rows
			 * keep their full length, and only m trials count. */
			int m = hi - s < EVAL_BLOCK ? (int)(hi - s) : EVAL_BLOCK;
			sim_draw_inputs(p, (uint32_t)s, EVAL_BLOCK, r, l.param,
					l.cost, l.z);
			if (s < res->kept)
				keep_inputs(p, res, s, m, &l);
			sim_evaluate_block(p, l.param, l.cost, s, &l.out);
			int bad = first_overflow(p, &l.out, m);
			if (bad >= 0)
				note_overflow(&w->overflow, s + bad);
			store_block(p, res, s, m, &l.out);
			for (size_t c = 0; c < ncat; c++)
				for (int i = 0; i < m; i++) {
					bc[c] += l.out.cat_gross_pv[c * EVAL_BLOCK + (size_t)i];
					bc[ncat + c] += l.out.cat_net_pv[c * EVAL_BLOCK + (size_t)i];
				}
			for (size_t k = 0; k < nay; k++)
				for (int i = 0; i < m; i++)
					ba[k] += l.out.aid[k * EVAL_BLOCK + (size_t)i];
		}
		if (w->progress)
			atomic_fetch_add(w->progress, hi - lo);
	}
	lane_free(&l);
	gsl_rng_free(r);
	return NULL;
}

/* Explains a total too large in trial: the first item (in file order)
 * whose cost alone is too large there, at its row and range; else the
 * whole. */
static void report_overflow(const sim_plan *p, long trial,
			    struct diags *diags, struct strbuf *err)
{
	const struct model *m = p->m;
	gsl_rng *r = gsl_rng_alloc(rng_type);
	struct sim_inputs in, one;
	struct sim_flows f;
	sim_inputs_init(p, &in);
	sim_inputs_init(p, &one);
	sim_flows_init(p, &f);
	sim_inputs_draw(p, (uint32_t)trial, r, &in);
	memcpy(one.param, in.param, m->nparams * sizeof(double));
	const struct model_item *it = NULL;
	for (size_t j = 0; j < m->nitems && !it; j++) {
		one.cost[j] = in.cost[j];
		sim_evaluate(p, &one, trial, &f);
		int o = m->items[j].option;
		for (int k = 0; k <= M_NET_PV; k++)
			if (too_large(f.measure[o * M_COUNT + k]))
				it = &m->items[j];
		one.cost[j] = 0;
	}
	struct strbuf msg = STRBUF_INIT;
	struct loc at = {m->files[0].path, 0, 0};
	if (it) {
		at = (struct loc){m->files[it->file].path, it->line, it->col};
		double c = in.cost[it - m->items];
		strbuf_printf(&msg,
			      "the cost of '%s' (option '%s') is too large to "
			      "compute in trial %ld (seed %llu): ",
			      it->name, m->options[it->option].id, trial,
			      (unsigned long long)m->seed);
		if (!too_large(c))
			strbuf_printf(&msg,
				      "its unit cost drawn there, %g, times its "
				      "quantity and escalation passes",
				      c);
		else
			strbuf_puts(&msg, "its unit cost drawn there passes");
		strbuf_puts(&msg, " 1e300, past which sums of costs overflow "
				  "double precision; narrow its range");
	} else {
		strbuf_printf(&msg,
			      "the total cost of an option is too large to "
			      "compute in trial %ld (seed %llu): it passes 1e300, "
			      "past which sums of costs overflow double "
			      "precision; narrow the widest ranges",
			      trial, (unsigned long long)m->seed);
	}
	if (diags)
		diag_error(diags, at, "%s", strbuf_str(&msg));
	else
		strbuf_puts(err, strbuf_str(&msg));
	strbuf_free(&msg);
	sim_flows_free(&f);
	sim_inputs_free(&one);
	sim_inputs_free(&in);
	gsl_rng_free(r);
}

int sim_run(const sim_plan *p, int nthreads, atomic_long *progress,
	    struct sim_result *res, struct diags *diags, struct strbuf *err)
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
	res->risk_slot = xcalloc(no + 1, sizeof(int));
	size_t nrisk = 0;
	for (size_t o = 0; o < no; o++)
		res->risk_slot[o] =
			sim_option_has_risk(m, (int)o) ? (int)nrisk++ : -1;
	res->risk = malloc(nrisk * (size_t)p->net_years * n * sizeof(double) + 1);
	res->events = malloc(nrisk * n * sizeof(double) + 1);
	if (!res->measure || !res->gross || !res->net || !res->zeros ||
	    !res->risk || !res->events) {
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
	size_t nay = no * (size_t)p->net_years;
	struct worker w = {p, res, &next, progress, nblocks,
			   xcalloc((size_t)nblocks * 2 * ncat + 1, sizeof(double)),
			   xcalloc((size_t)nblocks * nay + 1, sizeof(double)),
			   LONG_MAX};
	parallel_run(nthreads, (size_t)nblocks, work, &w);
	if (p->cancel && atomic_load(p->cancel)) {
		free(w.block_cat);
		free(w.block_aid);
		sim_result_free(res);
		strbuf_puts(err, "cancelled");
		return -1;
	}
	long overflow = atomic_load(&w.overflow);
	if (overflow != LONG_MAX) {
		free(w.block_cat);
		free(w.block_aid);
		sim_result_free(res);
		report_overflow(p, overflow, diags, err);
		return -1;
	}

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
	/* Mean aid by option and year, the same way. */
	res->aid_mean = xcalloc(nay + 1, sizeof(double));
	for (long b = 0; b < nblocks; b++)
		for (size_t k = 0; k < nay; k++)
			res->aid_mean[k] += w.block_aid[(size_t)b * nay + k];
	for (size_t k = 0; k < nay; k++)
		res->aid_mean[k] /= (double)m->trials;
	free(w.block_aid);

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
	free(res->risk);
	free(res->events);
	free(res->risk_slot);
	free(res->kept_param);
	free(res->kept_cost);
	free(res->cat_gross_pv_mean);
	free(res->cat_net_pv_mean);
	free(res->aid_mean);
	if (res->point.gross)
		sim_flows_free(&res->point);
	memset(res, 0, sizeof(*res));
}
