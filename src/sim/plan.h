/* The plan of a run, shared by the files of the engine (plan.c builds it
 * and draws the inputs, evaluate.c evaluates trials, sim.c runs them).
 * Not for use outside src/sim. */
#ifndef EDTCO_SIM_PLAN_H
#define EDTCO_SIM_PLAN_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/draw.h"
#include "sim/sim.h"

/* x^n for a whole n >= 0 by repeated multiplication, in a fixed order:
 * a pow() per year and item costs more than the rest of a trial. */
static inline double ipow(double x, int n)
{
	double r = 1;
	for (int i = 0; i < n; i++)
		r *= x;
	return r;
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
	/* Contract terms (SPEC 10), NULL for an item without any; exits: its
	 * option leaves in exit_year (SPEC 10).  Either sends the item
	 * through add_item_terms, the others keep the arithmetic of SPEC 5
	 * alone, to the bit. */
	const struct model_terms *terms;
	int exits;
};

struct sim_plan {
	const struct model *m;
	int years, net_years, lag, noptions, ncat;
	int has_aid;
	struct plan_item *items; /* by option, then item name */
	size_t nitems;
	size_t *item_of;         /* [model item]: its index in items */
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
	long keep;           /* trials whose inputs sim_run keeps */
	const atomic_int *cancel; /* sim_run stops when it is set */
};

/* Draws the inputs of trials trial0 .. trial0 + n - 1 into param[j * n + i]
 * and cost[item * n + i] (item in model order); z: n * ngroups doubles of
 * working space. */
void sim_draw_inputs(const sim_plan *p, uint32_t trial0, int n, gsl_rng *r,
		     double *param, double *cost, double *z);

/* The outputs of n evaluations, each array [x * n + i] for evaluation i
 * (x as in struct sim_flows). */
struct sim_block {
	int n;
	double *gross, *net, *measure, *cat_gross_pv, *cat_net_pv;
	double *risk, *events, *aid; /* as in struct sim_flows */
	double *students_sum; /* [i] */
	double *scratch;      /* sim_scratch_len(p, n) doubles */
	/* Point evaluations only (trial0 < 0): 1 + the model index of a
	 * risk item whose occurrence is forced, to once in program year
	 * force_year (0: never) instead of probability times cost; 0 for
	 * none.  Zero, the default, changes nothing. */
	int force_item, force_year;
};

size_t sim_scratch_len(const sim_plan *p, int n);

/* Evaluates n trials at once, inputs as sim_draw_inputs leaves them:
 * trials trial0 .. trial0 + n - 1, or with trial0 < 0 the point-estimate
 * rule for risk items (see sim_evaluate).  Every trial's numbers are
 * summed in the order one evaluation alone would use, so the block size
 * changes no bit. */
void sim_evaluate_block(const sim_plan *p, const double *param,
			const double *cost, long trial0, struct sim_block *out);

#endif
