/* The cash flows and measures of trials (see sim.h, plan.h).
 *
 * One function evaluates a block of trials, input by input and year by
 * year with the trials innermost: the branches that depend on an item (its
 * quantity, payer, aid, escalation) are taken once per block rather than
 * once per trial, and the results of a block land in rows that are copied
 * out whole.  Each trial's sums are still taken in the order of SPEC 5 --
 * items by option and name, years in order -- so a trial's numbers do not
 * depend on the block it is evaluated in; sim_evaluate is the block of
 * one. */
#include "sim/plan.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/rng.h"
#include "util/mem.h"

/* S, disc, inv: years 0..NY; aid by option and year; escalation factors by
 * slot and year; two uniforms per trial for risk items. */
size_t sim_scratch_len(const sim_plan *p, int n)
{
	size_t rows = 3 * (size_t)(p->net_years + 1) +
		      (size_t)p->noptions * (size_t)(p->net_years + 1) +
		      (size_t)p->nesc * (size_t)(p->years + 1) + 2;
	return rows * (size_t)n;
}

void sim_flows_init(const sim_plan *p, struct sim_flows *f)
{
	size_t no = (size_t)p->noptions;
	f->gross = xcalloc(no * (size_t)p->years + 1, sizeof(double));
	f->net = xcalloc(no * (size_t)p->net_years + 1, sizeof(double));
	f->measure = xcalloc(no * M_COUNT + 1, sizeof(double));
	f->cat_gross_pv = xcalloc(no * (size_t)p->ncat + 1, sizeof(double));
	f->cat_net_pv = xcalloc(no * (size_t)p->ncat + 1, sizeof(double));
	f->risk = xcalloc(no * (size_t)p->net_years + 1, sizeof(double));
	f->events = xcalloc(no + 1, sizeof(double));
	f->aid = xcalloc(no * (size_t)p->net_years + 1, sizeof(double));
	f->students_sum = 0;
	f->scratch = xcalloc(sim_scratch_len(p, 1) + 1, sizeof(double));
}

void sim_flows_free(struct sim_flows *f)
{
	free(f->gross);
	free(f->net);
	free(f->measure);
	free(f->cat_gross_pv);
	free(f->cat_net_pv);
	free(f->risk);
	free(f->events);
	free(f->aid);
	free(f->scratch);
	memset(f, 0, sizeof(*f));
}

/* A number of the model for each trial of a block: a parameter's row, or
 * a literal (step 0). */
struct per_trial {
	const double *v;
	size_t step;
};

static struct per_trial ref_row(const struct model_ref *r, const double *param,
				size_t n, const double *literal)
{
	if (r->param >= 0)
		return (struct per_trial){param + (size_t)r->param * n, 1};
	return (struct per_trial){literal, 0};
}

/* The cost of an item in a year, in each trial where it occurs:
 * quantity * unit cost * escalation, in that order (the factor 1 of
 * occurring changes no bit).  Rows with a step of 0 hold one number. */
static inline double cost_of(const double *qt, size_t qs, const double *c,
			     const double *ef, size_t efs, size_t i)
{
	return qt[i * qs] * c[i] * ef[i * efs];
}

/* sum[i] += cost, cat[i] += cost / (1 + r)^t for every trial. */
static void add_rows(size_t n, const double *qt, size_t qs, const double *c,
		     const double *ef, size_t efs, const double *it,
		     double *sum, double *cat)
{
	for (size_t i = 0; i < n; i++) {
		double v = cost_of(qt, qs, c, ef, efs, i);
		sum[i] += v;
		cat[i] += v * it[i];
	}
}

/* Aid of a * share * cost, paid in year t + L: row aid, discounted by
 * inv_l, taken off the category's net present cost cat. */
static void add_aid(size_t n, const double *a, double share, const double *qt,
		    size_t qs, const double *c, const double *ef, size_t efs,
		    double *aid, const double *inv_l, double *cat)
{
	for (size_t i = 0; i < n; i++) {
		double av = a[i] * share * cost_of(qt, qs, c, ef, efs, i);
		aid[i] += av;
		cat[i] -= av * inv_l[i];
	}
}

/* The program year in which a trial's district leaves: exit_year's draw
 * rounded to the nearest whole year (half up). */
/* 5.4: whether item pi occurs in program year t of trial trial0 + i
 * (0 or 1): with probability pr, drawn afresh each year from the
 * (t-1)-th uniform of its occurrence stream, two years to a Philox block
 * (fresh: the block of year t is not in u yet).  The point estimate
 * (trial0 < 0) takes pr itself, or once in out->force_year for the item
 * whose occurrence is forced. */
static inline double occurrence(const struct model *m,
				const struct plan_item *pi,
				const struct sim_block *out, long trial0,
				size_t i, int t, double pr, int fresh,
				int ublock, double *u)
{
	if (trial0 < 0 && out->force_item == pi->model + 1)
		return t == out->force_year;
	if (trial0 < 0)
		return pr;
	if (pr >= 1)
		return 1;
	if (pr <= 0)
		return 0;
	if (fresh)
		rng_uniform_pair(pi->key_occurs, m->seed,
				 (uint32_t)(trial0 + (long)i), (uint32_t)ublock,
				 u + 2 * i);
	return u[2 * i + (size_t)(t - 1) % 2] < pr;
}

static inline int exit_year_of(double x)
{
	return (int)floor(x + 0.5);
}

/* An item's raw yearly cost R_t for a quantity q under its tiers (SPEC 10):
 * marginal, each tier's rate on the units within it; whole, every unit at
 * the rate of the tier that holds q. */
static double tier_cost(const struct model_terms *tm, double q)
{
	if (tm->tier_whole) {
		int k = 0;
		while (k + 1 < tm->ntiers && !(q <= tm->tiers[k].to))
			k++;
		return q * tm->tiers[k].rate;
	}
	double sum = 0;
	for (int k = 0; k < tm->ntiers && q > tm->tiers[k].from; k++) {
		double top = q < tm->tiers[k].to ? q : tm->tiers[k].to;
		sum += tm->tiers[k].rate * (top - tm->tiers[k].from);
	}
	return sum;
}

/* Adds the cash flows of an item with contract terms, or of an option that
 * leaves (SPEC 10), to every trial of the block:
 * cost_t = occurs * (1 - d_t) * max(R_t * factor_t, minimum), with
 * factor_t = prod_(s = E+1..t) (1 + e'), e' the escalation clamped to its
 * floor and cap.  Occurrence is drawn as add_item draws it. */
static void add_item_terms(const sim_plan *p, const struct plan_item *pi,
			   const double *param, const double *cost,
			   long trial0, struct sim_block *out)
{
	static const struct model_terms none = {.esc_from = 1};
	const struct model *m = p->m;
	const struct model_terms *tm = pi->terms ? pi->terms : &none;
	const int H = p->years, NY = p->net_years, L = p->lag;
	const int o = pi->option, nc = p->ncat;
	const size_t n = (size_t)out->n, Y = (size_t)(NY + 1);
	const double *S = out->scratch, *inv = S + 2 * Y * n;
	double *aidv = out->scratch + 3 * Y * n + (size_t)o * Y * n;
	double *escf = out->scratch + 3 * Y * n + (size_t)p->noptions * Y * n;
	double *u = escf + (size_t)p->nesc * (size_t)(H + 1) * n;
	const double *c = cost + (size_t)pi->model * n;
	const double *a = param + (size_t)m->p_aid_ratio * n;
	struct per_trial prob = ref_row(&pi->probability, param, n,
					&pi->probability.value);
	struct per_trial q = ref_row(&pi->quantity, param, n, &pi->quantity.value);
	if (pi->qty == QTY_NUMBER)
		q = (struct per_trial){&pi->quantity.value, 0};
	struct per_trial e = ref_row(&pi->escalation, param, n,
				     &pi->escalation.value);
	struct per_trial cap = ref_row(&tm->cap, param, n, &tm->cap.value);
	struct per_trial flo = ref_row(&tm->floor, param, n, &tm->floor.value);
	const double *xr = m->p_exit >= 0 ? param + (size_t)m->p_exit * n
					  : NULL;
	double *cg = out->cat_gross_pv + (size_t)(o * nc + pi->category) * n;
	double *cn = out->cat_net_pv + (size_t)(o * nc + pi->category) * n;
	int risk = pi->probability.param >= 0 || pi->probability.value < 1;
	double *rk = out->risk + (size_t)(o * NY) * n;
	double *ev = out->events + (size_t)o * n;
	int ublock = -1;
	for (int t = pi->first; t <= pi->last; t++) {
		const double *qt = pi->qty == QTY_STUDENTS ? S + (size_t)t * n
							   : q.v;
		size_t qs = pi->qty == QTY_STUDENTS ? 1 : q.step;
		double *gro = out->gross + (size_t)(o * H + t - 1) * n;
		double *nto = out->net + (size_t)(o * NY + t - 1) * n;
		const double *it = inv + (size_t)t * n;
		int fresh = (t - 1) / 2 != ublock;
		ublock = (t - 1) / 2;
		double keep = tm->discount_year[t] ? 1 - tm->discount : 1;
		for (size_t i = 0; i < n; i++) {
			if (tm->on_exit) {
				/* a fee, in the exit year before the
				 * horizon (pi->last < H) */
				if (!xr || exit_year_of(xr[i]) != t)
					continue;
			} else if (pi->exits && xr && t > exit_year_of(xr[i])) {
				continue; /* the district has left */
			}
			double occurs = occurrence(m, pi, out, trial0, i, t,
						   prob.v[i * prob.step], fresh,
						   ublock, u);
			if (occurs == 0)
				continue;
			double ei = e.v[i * e.step];
			if (tm->has_floor && ei < flo.v[i * flo.step])
				ei = flo.v[i * flo.step];
			if (tm->has_cap && ei > cap.v[i * cap.step])
				ei = cap.v[i * cap.step];
			double factor = t > tm->esc_from
						? ipow(1 + ei, t - tm->esc_from)
						: 1;
			double raw = tm->tiers ? tier_cost(tm, qt[i * qs])
					       : qt[i * qs] * c[i];
			double v = raw * factor;
			if (tm->has_minimum && v < tm->minimum)
				v = tm->minimum; /* (a credit has none) */
			double cost_t = occurs * keep * v;
			gro[i] += cost_t;
			cg[i] += cost_t * it[i];
			if (!pi->district)
				continue;
			nto[i] += cost_t;
			cn[i] += cost_t * it[i];
			if (risk) {
				rk[(size_t)(t - 1) * n + i] += cost_t;
				ev[i] += occurs;
			}
			if (pi->aid > 0) {
				double av = a[i] * pi->aid * cost_t;
				aidv[(size_t)(t + L) * n + i] += av;
				cn[i] -= av * inv[(size_t)(t + L) * n + i];
				if (risk)
					rk[(size_t)(t + L - 1) * n + i] -= av;
			}
		}
	}
}

/* Adds the cash flows of item pi to every trial of the block. */
static void add_item(const sim_plan *p, const struct plan_item *pi,
		     const double *param, const double *cost, long trial0,
		     struct sim_block *out)
{
	if (pi->terms || pi->exits) {
		add_item_terms(p, pi, param, cost, trial0, out);
		return;
	}
	const struct model *m = p->m;
	const int H = p->years, NY = p->net_years, L = p->lag;
	const int o = pi->option, nc = p->ncat;
	const size_t n = (size_t)out->n, Y = (size_t)(NY + 1);
	const double *S = out->scratch, *inv = S + 2 * Y * n;
	double *aidv = out->scratch + 3 * Y * n + (size_t)o * Y * n;
	double *escf = out->scratch + 3 * Y * n + (size_t)p->noptions * Y * n;
	double *u = escf + (size_t)p->nesc * (size_t)(H + 1) * n;
	const double *c = cost + (size_t)pi->model * n;
	const double *a = param + (size_t)m->p_aid_ratio * n;
	struct per_trial prob = ref_row(&pi->probability, param, n,
					&pi->probability.value);
	struct per_trial q = ref_row(&pi->quantity, param, n, &pi->quantity.value);
	if (pi->qty == QTY_NUMBER)
		q = (struct per_trial){&pi->quantity.value, 0};
	double *cg = out->cat_gross_pv + (size_t)(o * nc + pi->category) * n;
	double *cn = out->cat_net_pv + (size_t)(o * nc + pi->category) * n;
	/* An item that is not a risk occurs in every trial and year. */
	int risk = pi->probability.param >= 0 || pi->probability.value < 1;
	int always = trial0 >= 0 && !risk;
	/* A risk's part of the net flows, and its events, kept apart too. */
	double *rk = out->risk + (size_t)(o * NY) * n;
	double *ev = out->events + (size_t)o * n;
	int ublock = -1;
	for (int t = pi->first; t <= pi->last; t++) {
		const double *ef = pi->esc_slot < 0
					   ? &pi->esc[t]
					   : escf + ((size_t)pi->esc_slot * (size_t)(H + 1) +
						     (size_t)t) * n;
		size_t efs = pi->esc_slot < 0 ? 0 : 1;
		const double *qt = pi->qty == QTY_STUDENTS ? S + (size_t)t * n
							   : q.v;
		size_t qs = pi->qty == QTY_STUDENTS ? 1 : q.step;
		double *gro = out->gross + (size_t)(o * H + t - 1) * n;
		double *nto = out->net + (size_t)(o * NY + t - 1) * n;
		const double *it = inv + (size_t)t * n;
		int fresh = (t - 1) / 2 != ublock;
		ublock = (t - 1) / 2;
		if (always) {
			add_rows(n, qt, qs, c, ef, efs, it, gro, cg);
			if (!pi->district)
				continue;
			add_rows(n, qt, qs, c, ef, efs, it, nto, cn);
			if (pi->aid > 0)
				add_aid(n, a, pi->aid, qt, qs, c, ef, efs,
					aidv + (size_t)(t + L) * n,
					inv + (size_t)(t + L) * n, cn);
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			double occurs = occurrence(m, pi, out, trial0, i, t,
						   prob.v[i * prob.step], fresh,
						   ublock, u);
			if (occurs == 0)
				continue;
			double cost_t = occurs * qt[i * qs] * c[i] * ef[i * efs];
			/* 5.5: gross counts every payer. */
			gro[i] += cost_t;
			cg[i] += cost_t * it[i];
			if (!pi->district)
				continue;
			nto[i] += cost_t;
			cn[i] += cost_t * it[i];
			if (risk) {
				rk[(size_t)(t - 1) * n + i] += cost_t;
				ev[i] += occurs;
			}
			if (pi->aid > 0) {
				/* Aid of a * share * cost arrives L years
				 * later, after the horizon if need be. */
				double av = a[i] * pi->aid * cost_t;
				aidv[(size_t)(t + L) * n + i] += av;
				cn[i] -= av * inv[(size_t)(t + L) * n + i];
				if (risk)
					rk[(size_t)(t + L - 1) * n + i] -= av;
			}
		}
	}
}

/* sim_evaluate_block with plan items first .. first + count - 1 only. */
static void evaluate_items(const sim_plan *p, const double *param,
			   const double *cost, long trial0,
			   struct sim_block *out, size_t first, size_t count)
{
	const struct model *m = p->m;
	const int H = p->years, NY = p->net_years;
	const int no = p->noptions, nc = p->ncat;
	const size_t n = (size_t)out->n, Y = (size_t)(NY + 1);
	double *S = out->scratch, *disc = S + Y * n, *inv = disc + Y * n;
	double *aidv = inv + Y * n;
	double *escf = aidv + (size_t)no * Y * n;
	const double *students =
		m->p_students >= 0 ? param + (size_t)m->p_students * n : NULL;
	const double *g = param + (size_t)m->p_growth * n;
	const double *r = param + (size_t)m->p_discount * n;

	/* 5.3: enrollment S_t = students * (1 + g)^(t - 1). */
	for (size_t i = 0; i < n; i++)
		out->students_sum[i] = 0;
	for (int t = 1; t <= H && !m->p_students_year; t++) {
		double *st = S + (size_t)t * n;
		for (size_t i = 0; i < n; i++) {
			st[i] = (students ? students[i] : 0) * ipow(1 + g[i], t - 1);
			out->students_sum[i] += st[i];
		}
	}
	/* SPEC 11: students.<year> sets S_b; later years grow from the
	 * latest given year b: S_t = S_b * (1 + g)^(t - b); years before the
	 * first given one as 5.3 (b = 1, S_1 = students). */
	const double *base = students;
	int b = 1;
	for (int t = 1; t <= H && m->p_students_year; t++) {
		double *st = S + (size_t)t * n;
		if (m->p_students_year[t] >= 0) {
			base = param + (size_t)m->p_students_year[t] * n;
			b = t;
		}
		for (size_t i = 0; i < n; i++) {
			st[i] = base[i] * ipow(1 + g[i], t - b);
			out->students_sum[i] += st[i];
		}
	}
	/* 5.6: end-of-year discounting, a flow of year t divided by
	 * (1 + r)^t, as a spreadsheet's NPV does. */
	for (int t = 1; t <= NY; t++)
		for (size_t i = 0; i < n; i++) {
			disc[(size_t)t * n + i] = ipow(1 + r[i], t);
			/* for the breakdown by category only */
			inv[(size_t)t * n + i] = 1 / disc[(size_t)t * n + i];
		}
	memset(out->gross, 0, sizeof(double) * (size_t)(no * H) * n);
	memset(out->net, 0, sizeof(double) * (size_t)(no * NY) * n);
	memset(out->cat_gross_pv, 0, sizeof(double) * (size_t)(no * nc) * n);
	memset(out->cat_net_pv, 0, sizeof(double) * (size_t)(no * nc) * n);
	memset(out->risk, 0, sizeof(double) * (size_t)(no * NY) * n);
	memset(out->events, 0, sizeof(double) * (size_t)no * n);
	/* net holds the district-paid costs first; aid is taken off below. */
	memset(aidv, 0, sizeof(double) * (size_t)no * Y * n);
	for (int j = 0; j < p->nesc; j++) {
		const double *e = param + (size_t)p->esc_params[j] * n;
		for (int t = 1; t <= H; t++)
			for (size_t i = 0; i < n; i++)
				escf[((size_t)j * (size_t)(H + 1) + (size_t)t) * n + i] =
					ipow(1 + e[i], t - 1);
	}

	for (size_t k = first; k < first + count; k++)
		add_item(p, &p->items[k], param, cost, trial0, out);

	for (int o = 0; o < no; o++) {
		for (int t = 1; t <= NY; t++) {
			double *nt = out->net + (size_t)(o * NY + t - 1) * n;
			const double *av = aidv + ((size_t)o * Y + (size_t)t) * n;
			for (size_t i = 0; i < n; i++)
				nt[i] -= av[i];
			memcpy(out->aid + (size_t)(o * NY + t - 1) * n, av,
			       n * sizeof(double));
		}
		/* 5.7: the measures. */
		double *ms = out->measure + (size_t)o * M_COUNT * n;
		for (size_t i = 0; i < n; i++) {
			double gn = 0, nn = 0, gpv = 0, npv = 0;
			for (int t = 1; t <= H; t++) {
				double v = out->gross[(size_t)(o * H + t - 1) * n + i];
				gn += v;
				gpv += v / disc[(size_t)t * n + i];
			}
			for (int t = 1; t <= NY; t++) {
				double v = out->net[(size_t)(o * NY + t - 1) * n + i];
				nn += v;
				npv += v / disc[(size_t)t * n + i];
			}
			ms[M_GROSS_NOMINAL * n + i] = gn;
			ms[M_NET_NOMINAL * n + i] = nn;
			ms[M_GROSS_PV * n + i] = gpv;
			ms[M_NET_PV * n + i] = npv;
			ms[M_NET_PER_STUDENT_YEAR * n + i] =
				students ? nn / out->students_sum[i] : NAN;
		}
	}
}

void sim_evaluate_block(const sim_plan *p, const double *param,
			const double *cost, long trial0, struct sim_block *out)
{
	evaluate_items(p, param, cost, trial0, out, 0, p->nitems);
}

static struct sim_block block_of(struct sim_flows *out)
{
	return (struct sim_block){.n = 1,
				  .gross = out->gross,
				  .net = out->net,
				  .measure = out->measure,
				  .cat_gross_pv = out->cat_gross_pv,
				  .cat_net_pv = out->cat_net_pv,
				  .risk = out->risk,
				  .events = out->events,
				  .aid = out->aid,
				  .students_sum = &out->students_sum,
				  .scratch = out->scratch};
}

void sim_evaluate(const sim_plan *p, const struct sim_inputs *in,
		  long trial, struct sim_flows *out)
{
	struct sim_block b = block_of(out);
	sim_evaluate_block(p, in->param, in->cost, trial, &b);
}

void sim_evaluate_item(const sim_plan *p, const struct sim_inputs *in,
		       size_t item, struct sim_flows *out)
{
	struct sim_block b = block_of(out);
	evaluate_items(p, in->param, in->cost, -1, &b, p->item_of[item], 1);
}

void sim_evaluate_occurrence(const sim_plan *p, const struct sim_inputs *in,
			     int item, int year, struct sim_flows *out)
{
	struct sim_block b = block_of(out);
	b.force_item = item + 1;
	b.force_year = year;
	sim_evaluate_block(p, in->param, in->cost, -1, &b);
}

int sim_item_is_risk(const struct model *m, int item)
{
	const struct model_ref *pr = &m->items[item].probability;
	return pr->param >= 0 ? model_param_uncertain(m, pr->param) ||
					(m->params[pr->param].dist.likely > 0 &&
					 m->params[pr->param].dist.likely < 1)
			      : pr->value > 0 && pr->value < 1;
}

int sim_occurrences(const sim_plan *p, int item, uint32_t trial, gsl_rng *r)
{
	const struct model *m = p->m;
	const struct plan_item *pi = NULL;
	for (size_t k = 0; k < p->nitems && !pi; k++)
		if (p->items[k].model == item)
			pi = &p->items[k];
	if (!pi)
		return 0;
	/* As add_item draws it: the probability of the trial, then one
	 * uniform per year, two years to a Philox block. */
	double pr = pi->probability.param >= 0
			    ? sim_input_draw(p, pi->probability.param, -1,
					     trial, r)
			    : pi->probability.value;
	int count = 0, ublock = -1;
	double u[2];
	/* Leaving (SPEC 10): an exit item only in the exit year, the other
	 * items of a leaving option only up to it. */
	int exit_t = INT_MAX;
	const struct model_terms *tm = pi->terms;
	if (m->p_exit >= 0 && (pi->exits || (tm && tm->on_exit)))
		exit_t = exit_year_of(
			sim_input_draw(p, m->p_exit, -1, trial, r));
	else if (tm && tm->on_exit)
		return 0;
	for (int t = pi->first; t <= pi->last; t++) {
		if (tm && tm->on_exit ? t != exit_t : t > exit_t)
			continue;
		if (pr >= 1) {
			count++;
			continue;
		}
		if (pr <= 0)
			continue;
		if ((t - 1) / 2 != ublock) {
			ublock = (t - 1) / 2;
			rng_uniform_pair(pi->key_occurs, m->seed, trial,
					 (uint32_t)ublock, u);
		}
		count += u[(t - 1) % 2] < pr;
	}
	return count;
}
