/* One-at-a-time swings and rank correlations of every uncertain input (see
 * sensitivity.h). */
#include "analysis/sensitivity.h"

#include "analysis/stats.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/draw.h"
#include "sim/rng.h"
#include "util/mem.h"
#include "util/numfmt.h"
#include "util/parallel.h"
#include "util/strbuf.h"

/* ---- ranks ---------------------------------------------------------- */

void sensitivity_ranks(const double *x, size_t n, double *rank, void *work)
{
	uint64_t *key = work, *key2 = key + n;
	uint32_t *idx = (uint32_t *)(key2 + n), *idx2 = idx + n;
	for (size_t i = 0; i < n; i++) {
		key[i] = stats_order_key(x[i]);
		idx[i] = (uint32_t)i;
	}
	stats_radix_sort(key, idx, n, key2, idx2);
	/* A run of equal keys at sorted positions a .. b-1 has the average
	 * 1-based rank (a + 1 + b) / 2; centred, (a + b - n) / 2. */
	for (size_t a = 0; a < n;) {
		size_t b = a + 1;
		while (b < n && key[b] == key[a])
			b++;
		double r = ((double)a + (double)b - (double)n) / 2;
		for (size_t j = a; j < b; j++)
			rank[idx[j]] = r;
		a = b;
	}
}

double sensitivity_rank_corr(const double *a, const double *b, size_t n)
{
	if (n < 2)
		return NAN;
	double sab = 0, saa = 0, sbb = 0;
	for (size_t i = 0; i < n; i++) {
		sab += a[i] * b[i];
		saa += a[i] * a[i];
		sbb += b[i] * b[i];
	}
	if (!(saa > 0 && sbb > 0))
		return NAN;
	return sab / sqrt(saa * sbb);
}

/* ---- inputs and outputs --------------------------------------------- */

int sensitivity_enters(const struct model *m,
		       const struct sensitivity_input *in,
		       const struct sensitivity_output *out)
{
	if (in->option < 0)
		return 1;
	if (in->option == out->option)
		return 1;
	return out->diff && in->option == m->baseline;
}

/* Every risk item's occurrence, after the numbers. */
static void list_occurrences(const struct model *m, struct sensitivity *s,
			     size_t *cap)
{
	for (size_t i = 0; i < m->nitems; i++) {
		const struct model_item *it = &m->items[i];
		if (!sim_item_is_risk(m, (int)i))
			continue;
		struct strbuf name = STRBUF_INIT;
		strbuf_printf(&name, "%s/%s", m->options[it->option].id,
			      it->name);
		GROW(s->inputs, *cap, s->ninputs + 1);
		s->inputs[s->ninputs++] = (struct sensitivity_input){
			.param = -1,
			.item = (int)i,
			.option = it->option,
			.name = strbuf_take(&name),
			.occurrence = 1,
			.year = it->start,
			.dist = {DIST_FIXED, NAN, 0, NAN},
			.p10 = 0,
			.p90 = 1};
		struct sensitivity_input *x = &s->inputs[s->ninputs - 1];
		model_year_label(m, it->start, x->year_label,
				 sizeof(x->year_label));
	}
}

static void list_inputs(const struct model *m, struct sensitivity *s)
{
	size_t cap = 0;
	for (size_t i = 0; i < m->nparams; i++) {
		if (!model_param_uncertain(m, (int)i))
			continue;
		GROW(s->inputs, cap, s->ninputs + 1);
		s->inputs[s->ninputs++] = (struct sensitivity_input){
			.param = (int)i,
			.item = -1,
			.option = -1,
			.name = xstrdup(m->params[i].name),
			.dist = m->params[i].dist};
	}
	for (size_t i = 0; i < m->nitems; i++) {
		const struct model_item *it = &m->items[i];
		if (it->cost.kind == DIST_FIXED)
			continue;
		struct strbuf name = STRBUF_INIT;
		strbuf_printf(&name, "%s/%s", m->options[it->option].id,
			      it->name);
		GROW(s->inputs, cap, s->ninputs + 1);
		s->inputs[s->ninputs++] = (struct sensitivity_input){
			.param = -1,
			.item = (int)i,
			.option = it->option,
			.name = strbuf_take(&name),
			.dist = it->cost};
	}
	/* Read to 15 significant digits, as far as a quantile is known, so
	 * that the 90th percentile of a uniform from -2% to 1% is 0.007, not
	 * 0.006999999999999999, in sensitivity.csv and the tornado. */
	for (size_t k = 0; k < s->ninputs; k++) {
		struct sensitivity_input *x = &s->inputs[k];
		x->p10 = numfmt_round_sig(draw_quantile(&x->dist, 0.10), 15);
		x->p90 = numfmt_round_sig(draw_quantile(&x->dist, 0.90), 15);
	}
	list_occurrences(m, s, &cap);
}

static void list_outputs(const struct model *m, struct sensitivity *s)
{
	size_t no = m->noptions, b = (size_t)m->baseline;
	s->outputs = xcalloc(2 * no, sizeof(*s->outputs));
	for (size_t o = 0; o < no; o++)
		s->outputs[s->noutputs++] = (struct sensitivity_output){
			(int)o, 0, xstrdup(m->options[o].id), 0};
	for (size_t o = 0; o < no; o++) {
		if (o == b)
			continue;
		struct strbuf name = STRBUF_INIT;
		strbuf_printf(&name, "%s-%s", m->options[o].id,
			      m->options[b].id);
		s->outputs[s->noutputs++] = (struct sensitivity_output){
			(int)o, 1, strbuf_take(&name), 0};
	}
}

static double output_value(const struct model *m,
			   const struct sensitivity_output *out,
			   const struct sim_flows *f)
{
	double v = f->measure[out->option * M_COUNT + M_NET_PV];
	if (out->diff)
		v -= f->measure[m->baseline * M_COUNT + M_NET_PV];
	return v;
}

/* Adds one row per output that input k enters, its outputs at the low
 * and high values in lo and hi. */
static void add_rows(const struct model *m, struct sensitivity *s, size_t k,
		     const double *lo, const double *hi, size_t *cap)
{
	for (size_t o = 0; o < s->noutputs; o++) {
		if (!sensitivity_enters(m, &s->inputs[k], &s->outputs[o]))
			continue;
		GROW(s->rows, *cap, s->nrows + 1);
		s->rows[s->nrows++] = (struct sensitivity_row){
			(int)k, (int)o, lo[o], hi[o], fabs(hi[o] - lo[o]), NAN};
	}
}

/* The one-at-a-time part: two deterministic evaluations per input.  A
 * parameter may move every item, so the model is evaluated whole; an
 * item's cost moves that item alone, and every output is a sum over items,
 * so its outputs are the point values plus the change of the item's own
 * share: O(items) for every item rather than O(items^2) (10,000 uncertain
 * items took 52 s at 100 trials). */
static void one_at_a_time(const sim_plan *p, struct sensitivity *s)
{
	const struct model *m = sim_plan_model(p);
	struct sim_inputs point, in;
	struct sim_flows f;
	sim_inputs_init(p, &point);
	sim_inputs_init(p, &in);
	sim_flows_init(p, &f);
	sim_inputs_point(p, &point);
	sim_evaluate(p, &point, -1, &f);
	for (size_t o = 0; o < s->noutputs; o++)
		s->outputs[o].point = output_value(m, &s->outputs[o], &f);
	memcpy(in.param, point.param, m->nparams * sizeof(double));
	memcpy(in.cost, point.cost, m->nitems * sizeof(double));

	size_t cap = 0, no = s->noutputs;
	double *lo = xcalloc(3 * no + 1, sizeof(double));
	double *hi = lo + no, *mid = hi + no;
	for (size_t k = 0; k < s->ninputs; k++) {
		const struct sensitivity_input *x = &s->inputs[k];
		if (x->occurrence) {
			/* Never, then once in its first possible year; every
			 * other input at its point value. */
			sim_evaluate_occurrence(p, &in, x->item, 0, &f);
			for (size_t o = 0; o < no; o++)
				lo[o] = output_value(m, &s->outputs[o], &f);
			sim_evaluate_occurrence(p, &in, x->item, x->year, &f);
			for (size_t o = 0; o < no; o++)
				hi[o] = output_value(m, &s->outputs[o], &f);
		} else if (x->param >= 0) {
			in.param[x->param] = x->p10;
			sim_evaluate(p, &in, -1, &f);
			for (size_t o = 0; o < no; o++)
				lo[o] = output_value(m, &s->outputs[o], &f);
			in.param[x->param] = x->p90;
			sim_evaluate(p, &in, -1, &f);
			for (size_t o = 0; o < no; o++)
				hi[o] = output_value(m, &s->outputs[o], &f);
			in.param[x->param] = point.param[x->param];
		} else {
			size_t i = (size_t)x->item;
			sim_evaluate_item(p, &in, i, &f);
			for (size_t o = 0; o < no; o++)
				mid[o] = output_value(m, &s->outputs[o], &f);
			in.cost[i] = x->p10;
			sim_evaluate_item(p, &in, i, &f);
			for (size_t o = 0; o < no; o++)
				lo[o] = s->outputs[o].point +
					(output_value(m, &s->outputs[o], &f) -
					 mid[o]);
			in.cost[i] = x->p90;
			sim_evaluate_item(p, &in, i, &f);
			for (size_t o = 0; o < no; o++)
				hi[o] = s->outputs[o].point +
					(output_value(m, &s->outputs[o], &f) -
					 mid[o]);
			in.cost[i] = point.cost[i];
		}
		add_rows(m, s, k, lo, hi, &cap);
	}
	free(lo);
	sim_flows_free(&f);
	sim_inputs_free(&in);
	sim_inputs_free(&point);
}

/* A row with its input's name, so that rows sort without a global. */
struct named_row {
	struct sensitivity_row row;
	const char *name;
	int occurrence;
};

static int cmp_rows(const void *pa, const void *pb)
{
	const struct named_row *a = pa, *b = pb;
	if (a->row.output != b->row.output)
		return a->row.output < b->row.output ? -1 : 1;
	if (a->row.swing != b->row.swing)
		return a->row.swing > b->row.swing ? -1 : 1;
	int c = strcmp(a->name, b->name);
	if (c != 0)
		return c;
	return a->occurrence - b->occurrence;
}

/* Sorts the rows by output, then swing descending, then input name, an
 * item's cost before its occurrence: no two rows have the same output and
 * input, so the order is total. */
static void sort_rows(struct sensitivity *s)
{
	struct named_row *t = xcalloc(s->nrows + 1, sizeof(*t));
	for (size_t q = 0; q < s->nrows; q++)
		t[q] = (struct named_row){
			s->rows[q], s->inputs[s->rows[q].input].name,
			s->inputs[s->rows[q].input].occurrence};
	qsort(t, s->nrows, sizeof(*t), cmp_rows);
	for (size_t q = 0; q < s->nrows; q++)
		s->rows[q] = t[q].row;
	free(t);
}

/* ---- rank correlations ---------------------------------------------- */

struct rank_ctx {
	const sim_plan *p;
	const struct sim_result *res;
	struct sensitivity *s;
	size_t n;         /* trials used */
	double *out_rank; /* [output * n + i] */
	atomic_size_t next;
	int phase; /* 0: rank the outputs; 1: the inputs */
};

/* Ranks output j: its per-trial values, then their ranks. */
static void rank_output(struct rank_ctx *c, size_t j, double *x, void *work)
{
	const struct sensitivity_output *out = &c->s->outputs[j];
	const struct model *m = sim_plan_model(c->p);
	const double *a = sim_measure(c->res, out->option, M_NET_PV);
	const double *b = sim_measure(c->res, m->baseline, M_NET_PV);
	for (size_t i = 0; i < c->n; i++)
		x[i] = out->diff ? a[i] - b[i] : a[i];
	sensitivity_ranks(x, c->n, c->out_rank + j * c->n, work);
}

/* Draws input k in every trial used, ranks the draws, and correlates them
 * with each output the input enters.  Each row is written by one job
 * only. */
static void rank_input(struct rank_ctx *c, size_t k, double *x, double *r,
		       void *work, gsl_rng *rng)
{
	const struct sensitivity_input *in = &c->s->inputs[k];
	const struct sim_result *res = c->res;
	size_t kept = (size_t)res->kept;
	if (in->occurrence)
		for (size_t i = 0; i < c->n; i++)
			x[i] = sim_occurrences(c->p, in->item, (uint32_t)i,
					       rng);
	else if (kept >= c->n) /* the run kept its draws */
		memcpy(x, in->param >= 0
				  ? res->kept_param + (size_t)in->param * kept
				  : res->kept_cost + (size_t)in->item * kept,
		       c->n * sizeof(double));
	else
		for (size_t i = 0; i < c->n; i++)
			x[i] = sim_input_draw(c->p, in->param, in->item,
					      (uint32_t)i, rng);
	sensitivity_ranks(x, c->n, r, work);
	for (size_t q = 0; q < c->s->nrows; q++) {
		struct sensitivity_row *row = &c->s->rows[q];
		if ((size_t)row->input == k)
			row->rank_corr = sensitivity_rank_corr(
				r, c->out_rank + (size_t)row->output * c->n,
				c->n);
	}
}

static void *rank_worker(void *arg)
{
	struct rank_ctx *c = arg;
	size_t n = c->n;
	double *x = xmalloc(n * sizeof(double) + 1);
	double *r = xmalloc(n * sizeof(double) + 1);
	void *work = xmalloc(SENSITIVITY_RANK_WORK(n));
	gsl_rng *rng = gsl_rng_alloc(rng_type);
	size_t njobs = c->phase == 0 ? c->s->noutputs : c->s->ninputs;
	for (;;) {
		size_t j = atomic_fetch_add(&c->next, 1);
		if (j >= njobs)
			break;
		if (c->phase == 0)
			rank_output(c, j, x, work);
		else
			rank_input(c, j, x, r, work, rng);
	}
	gsl_rng_free(rng);
	free(work);
	free(r);
	free(x);
	return NULL;
}

static void run_phase(struct rank_ctx *c, int phase, int nthreads)
{
	c->phase = phase;
	atomic_store(&c->next, 0);
	size_t njobs = phase == 0 ? c->s->noutputs : c->s->ninputs;
	parallel_run(nthreads, njobs, rank_worker, c);
}

static void rank_correlations(const sim_plan *p, const struct sim_result *res,
			      int nthreads, struct sensitivity *s)
{
	long n = res->trials < SENSITIVITY_RANK_TRIALS
			 ? res->trials
			 : SENSITIVITY_RANK_TRIALS;
	s->rank_trials = n;
	if (n < 2 || s->ninputs == 0)
		return;
	struct rank_ctx c = {p, res, s, (size_t)n, NULL, 0, 0};
	c.out_rank = xmalloc(s->noutputs * (size_t)n * sizeof(double));
	run_phase(&c, 0, nthreads);
	run_phase(&c, 1, nthreads);
	free(c.out_rank);
}

void sensitivity_compute(const sim_plan *p, const struct sim_result *res,
			 int nthreads, struct sensitivity *s)
{
	const struct model *m = sim_plan_model(p);
	memset(s, 0, sizeof(*s));
	list_inputs(m, s);
	list_outputs(m, s);
	one_at_a_time(p, s);
	if (res)
		rank_correlations(p, res, nthreads, s);
	sort_rows(s);
}

void sensitivity_output_rows(const struct sensitivity *s, size_t output,
			     size_t *first, size_t *count)
{
	size_t a = 0;
	while (a < s->nrows && (size_t)s->rows[a].output < output)
		a++;
	size_t b = a;
	while (b < s->nrows && (size_t)s->rows[b].output == output)
		b++;
	*first = a;
	*count = b - a;
}

void sensitivity_free(struct sensitivity *s)
{
	for (size_t k = 0; k < s->ninputs; k++)
		free(s->inputs[k].name);
	for (size_t o = 0; o < s->noutputs; o++)
		free(s->outputs[o].name);
	free(s->inputs);
	free(s->outputs);
	free(s->rows);
	memset(s, 0, sizeof(*s));
}
