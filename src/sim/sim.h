/* The Monte Carlo engine: trials of a model, and the point estimate.
 *
 * A plan (sim_plan_new, plan.c) fixes everything a trial needs: the stream
 * key of every input, the tables of pert inputs, and the order in which
 * items are summed (by option, then item name, so that reordering rows
 * cannot change a sum in its last bit).  sim_run (sim.c) evaluates every
 * trial on all threads and keeps, per trial, the five measures and the cash
 * flows of every option and year, for the analysis layer.
 *
 * The arithmetic is SPEC sections 5 and 7; each step is commented where it
 * is done (evaluate.c). */
#ifndef EDTCO_SIM_SIM_H
#define EDTCO_SIM_SIM_H

#include <gsl/gsl_rng.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "util/diag.h"
#include "util/strbuf.h"

enum measure {
	M_GROSS_NOMINAL,
	M_NET_NOMINAL,
	M_GROSS_PV,
	M_NET_PV, /* the headline */
	M_NET_PER_STUDENT_YEAR,
	M_COUNT
};

/* "gross_nominal", ... */
const char *sim_measure_name(enum measure k);

typedef struct sim_plan sim_plan;

/* Builds the plan of m (borrowed: it must outlive the plan).  Uses
 * m->trials and m->seed.  Returns NULL only when two stream names hash to
 * the same key (message in err). */
sim_plan *sim_plan_new(const struct model *m, struct strbuf *err);
/* As sim_plan_new, on nthreads threads (the tables of pert inputs take
 * under 1 ms each to build), and with the table of a pert whose
 * distribution equals one in like (a plan that must outlive the new one;
 * NULL for none) borrowed rather than computed again: a batch sweep builds
 * one plan per case, and its cases share most tables.  No result changes. */
sim_plan *sim_plan_new_like(const struct model *m, const sim_plan *like,
			    int nthreads, struct strbuf *err);
void sim_plan_free(sim_plan *p);
const struct model *sim_plan_model(const sim_plan *p);

/* The values of every input in one evaluation. */
struct sim_inputs {
	double *param; /* per model parameter */
	double *cost;  /* unit cost per model item (model order) */
};

/* The cash flows and measures of one evaluation, for every option.
 * Years run 1..years for gross flows and 1..net_years for net flows;
 * net_years = H + L when the model has aid (model_net_years). */
struct sim_flows {
	double *gross;       /* [o * years + t - 1] */
	double *net;         /* [o * net_years + t - 1] */
	double *measure;     /* [o * M_COUNT + k]; per-student is NAN when
			      * the model has no students */
	double *cat_gross_pv; /* [o * ncategories + c]: gross_pv by category */
	double *cat_net_pv;   /* [o * ncategories + c]: net_pv by category */
	/* The risk-event part of net: [o * net_years + t - 1], the district's
	 * cost of the risk items that occur (items with a probability below
	 * 1) in year t, less the aid on them received in year t.  net - risk
	 * is the operating cost (no risk event occurring). */
	double *risk;
	/* [o]: the number of the district's risk events over years 1..H (in
	 * the point estimate, the expected number). */
	double *events;
	/* [o * net_years + t - 1]: the state aid option o receives in year
	 * t (already taken off net). */
	double *aid;
	double students_sum; /* sum of S_t over years 1..H */
	double *scratch;     /* working space of sim_evaluate */
};

void sim_inputs_init(const sim_plan *p, struct sim_inputs *in);
void sim_inputs_free(struct sim_inputs *in);
void sim_flows_init(const sim_plan *p, struct sim_flows *f);
void sim_flows_free(struct sim_flows *f);

/* Every input at its point value (SPEC 5.8). */
void sim_inputs_point(const sim_plan *p, struct sim_inputs *in);

/* Every input as drawn in trial (0-based).  r must come from rng_type. */
void sim_inputs_draw(const sim_plan *p, uint32_t trial, gsl_rng *r,
		     struct sim_inputs *in);

/* The value of one input in a trial, recomputed from its stream: a
 * parameter (item < 0) or an item's unit cost (param < 0).  The same value
 * sim_inputs_draw gives. */
double sim_input_draw(const sim_plan *p, int param, int item, uint32_t trial,
		      gsl_rng *r);

/* Evaluates the cash flows of every option for the given inputs.  With
 * trial >= 0 each risk item occurs or not by its draw for that trial and
 * year; with trial < 0 it contributes probability times cost (the point
 * estimate and the sensitivity analysis). */
void sim_evaluate(const sim_plan *p, const struct sim_inputs *in,
		  long trial, struct sim_flows *out);

/* As sim_evaluate at the point estimate (in: point inputs), except that
 * risk item `item` (model index) occurs once, in program year `year`, at
 * its cost in that year, and in no other year; year 0: never.  Every other
 * risk item contributes probability times cost.  The two ends of an
 * occurrence's bar in the sensitivity analysis. */
void sim_evaluate_occurrence(const sim_plan *p, const struct sim_inputs *in,
			     int item, int year, struct sim_flows *out);

/* Whether item (model index) is a risk: its probability is a parameter
 * that is uncertain or strictly between 0 and 1, or a literal strictly
 * between 0 and 1.  Such an item occurs in some years of a trial and not
 * in others. */
int sim_item_is_risk(const struct model *m, int item);

/* The number of program years in which item (model index) occurs in trial
 * (0-based): the same draws as the run's, recomputed from the item's
 * occurrence stream and its probability's.  An item that is not a risk
 * occurs in every active year (probability 1) or none (0).  r must come
 * from rng_type. */
int sim_occurrences(const sim_plan *p, int item, uint32_t trial, gsl_rng *r);

/* As sim_evaluate with trial < 0, as if the model held model item `item`
 * alone: its own share of every flow and measure, in O(years) rather
 * than O(items * years).  Every measure but the per-student one is a sum
 * over items, so the one-at-a-time sensitivity, which changes one item's
 * cost at a time, adds the change of that share to the point values. */
void sim_evaluate_item(const sim_plan *p, const struct sim_inputs *in,
		       size_t item, struct sim_flows *out);

/* The results of a run: per-trial arrays, trial i at index i. */
struct sim_result {
	long trials;
	int noptions, years, net_years, ncategories;
	int has_students;
	double *measure; /* [(o * M_COUNT + k) * trials + i] */
	double *gross;   /* [(o * years + t - 1) * trials + i] */
	double *net;     /* net flows of the options that need them; read
			  * them through sim_net() */
	int *net_slot;   /* [o]: row block of option o in net, or -1 when its
			  * net flows are its gross flows (every item paid
			  * by the district, no aid) and 0 after the horizon */
	double *zeros;   /* trials zeros, for those years after the horizon */
	double *risk;    /* risk parts of net flows of the options that have
			  * risk items (sim_option_has_risk); read them
			  * through sim_risk() */
	double *events;  /* [slot * trials + i]: risk events; sim_events() */
	int *risk_slot;  /* [o]: row block of option o in risk and events,
			  * or -1 when it has no risk items (all zeros) */
	/* The inputs as drawn in the first `kept` trials (see
	 * sim_plan_keep_inputs): kept_param[p * kept + i] and
	 * kept_cost[item * kept + i]; NULL when none were kept. */
	long kept;
	double *kept_param, *kept_cost;
	double *cat_gross_pv_mean; /* [o * ncategories + c], over trials */
	double *cat_net_pv_mean;
	double *aid_mean; /* [o * net_years + t - 1]: aid received in year t,
			   * mean over trials */
	struct sim_flows point;    /* the point estimate */
};

/* Pointers into the per-trial arrays. */
const double *sim_measure(const struct sim_result *r, int o, enum measure k);
const double *sim_gross(const struct sim_result *r, int o, int t);
const double *sim_net(const struct sim_result *r, int o, int t);
/* The risk-event part of option o's net flow in year t (1..net_years),
 * and its number of risk events over the horizon, per trial: zeros for an
 * option without risk items. */
const double *sim_risk(const struct sim_result *r, int o, int t);
const double *sim_events(const struct sim_result *r, int o);

/* Whether option o has a risk item the district pays: an item with a
 * probability that is a parameter or below 1. */
int sim_option_has_risk(const struct model *m, int o);

/* Asks sim_run to keep the draws of every input in the first `trials`
 * trials (at most the run's), for an analysis that needs them (the rank
 * correlations of the sensitivity analysis) without drawing them again. */
void sim_plan_keep_inputs(sim_plan *p, long trials);

/* Makes sim_run stop at its next block of trials once *flag is not 0
 * (flag may be NULL: never).  The flag is borrowed; whoever sets it (a
 * signal handler in the command-line layer) is no concern of the
 * simulation. */
void sim_plan_cancel_on(sim_plan *p, const atomic_int *flag);

/* Bytes sim_run allocates for a model and a trial count (for messages and
 * for choosing how many runs fit in memory at once). */
size_t sim_result_bytes(const struct model *m, long trials);

/* Whether option o's net flows are its gross flows (then 0 after year H):
 * every item paid by the district and none aided. */
int sim_net_is_gross(const struct model *m, int o);

/* Runs m->trials trials on nthreads threads (0: one).  progress, when not
 * NULL, is increased by the trials done as they finish.  Returns 0, or -1
 * when the arrays cannot be allocated (message in err), or when a trial's
 * total cost passes 1e300 in size (or is not a number): inputs so wide that
 * sums of costs would overflow double precision (about 1.8e308).  That is
 * the input's fault, so it is reported as an error at the row and range of
 * the first item whose cost alone is too large (in diags; in err when
 * diags is NULL).  Returns -1 with "cancelled" in err when the flag of
 * sim_plan_cancel_on was set. */
int sim_run(const sim_plan *p, int nthreads, atomic_long *progress,
	    struct sim_result *res, struct diags *diags, struct strbuf *err);
void sim_result_free(struct sim_result *res);

#endif
