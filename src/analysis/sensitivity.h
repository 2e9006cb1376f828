/* What drives the answer: one-at-a-time sensitivity (the tornado's data)
 * and a sampling-based importance measure (Spearman rank correlation).
 *
 * Inputs are the uncertain numbers of a model: every parameter whose
 * distribution is not fixed, and every cost item whose unit cost is not
 * fixed.  Outputs are the headline measure net_pv of every option, then
 * the difference net_pv(option) - net_pv(baseline) of every other option,
 * in option order.  A parameter can move every output; an item only the
 * outputs of its own option and the differences that involve it (an item
 * of the baseline moves every difference).
 *
 * One at a time (GAO's method): every input at its point value (SPEC 5.8,
 * risk items at probability times cost) except one, set to the exact 10th
 * and then 90th percentile of its distribution; each output is evaluated
 * deterministically, with no sampling.  A risk item (sim_item_is_risk) is
 * also an input by its occurrence: the event never happening, then
 * happening once, at its point cost, in its first active year (and in no
 * other year), every other input at its point value.
 *
 * Rank correlation: the Spearman correlation (the Pearson correlation of
 * ranks, ties given their average rank) between an input's draws and an
 * output's values, over the first SENSITIVITY_RANK_TRIALS trials of the run
 * (all of them when the run has fewer).  The draws are the run's own,
 * recomputed from their keyed streams (sim_input_draw), and for an
 * occurrence the number of years the item occurs in the trial
 * (sim_occurrences); the outputs are the run's per-trial values. */
#ifndef EDTCO_ANALYSIS_SENSITIVITY_H
#define EDTCO_ANALYSIS_SENSITIVITY_H

#include <stddef.h>

#include "model/model.h"
#include "sim/sim.h"

/* The most trials the rank correlations use: the first this many trials of
 * a run.  Recomputing every input's draws costs about 37 ns per input and
 * trial (more than the ranking), so at a million trials and 34 inputs all
 * trials would add 0.9 s to a 1.3 s run on two cores; 100,000 trials add
 * 0.09 s.  Their sampling error, at most about 1/sqrt(100,000) = 0.003,
 * is below the 0.01 to which findings show a correlation from that many
 * trials, and far below any difference between inputs that matters. */
#define SENSITIVITY_RANK_TRIALS 100000

/* An uncertain input: a number (a parameter, an item's unit cost), or
 * whether a risk item occurs (occurrence).  For an occurrence, p10 and
 * p90 stand for its two ends: 0 (never) and 1 (once, in program year
 * `year`, the item's first active year); its draws in the rank
 * correlations are the number of years it occurs in each trial. */
struct sensitivity_input {
	int param;  /* index into model.params, or -1 */
	int item;   /* index into model.items, or -1 */
	int option; /* the item's option; -1 for a parameter */
	char *name; /* the parameter's name, or "option/item" */
	int occurrence; /* 1: whether item occurs, not its cost */
	int year;       /* an occurrence's year; 0 otherwise */
	char year_label[16]; /* its label ("2015-16"); "" otherwise */
	struct dist dist;
	double p10, p90; /* exact quantiles of dist */
};

/* An output: net_pv of an option, or its difference from the baseline. */
struct sensitivity_output {
	int option;
	int diff;     /* 1: net_pv(option) - net_pv(baseline) */
	char *name;   /* "cloud" or "cloud-boces" */
	double point; /* at the point estimate */
};

/* One row of sensitivity.csv. */
struct sensitivity_row {
	int input, output;     /* indices into inputs and outputs */
	double at_p10, at_p90; /* the output with the input at P10, P90 */
	double swing;          /* |at_p90 - at_p10| */
	double rank_corr;      /* Spearman; NAN when undefined (fewer than
				* two trials, or a constant input or output) */
};

struct sensitivity {
	struct sensitivity_input *inputs;
	size_t ninputs;
	struct sensitivity_output *outputs;
	size_t noutputs;
	/* By output (in the order of outputs), then swing descending, then
	 * input name. */
	struct sensitivity_row *rows;
	size_t nrows;
	long rank_trials; /* trials the rank correlations use */
};

/* Whether input can move output (see above). */
int sensitivity_enters(const struct model *m,
		       const struct sensitivity_input *in,
		       const struct sensitivity_output *out);

/* Computes the sensitivity of a run: p is the run's plan, res its results
 * (res may be NULL: then only the one-at-a-time part is computed and every
 * rank_corr is NAN).  Uses nthreads threads (0: one); the result does not
 * depend on nthreads.  Free with sensitivity_free. */
void sensitivity_compute(const sim_plan *p, const struct sim_result *res,
			 int nthreads, struct sensitivity *s);
void sensitivity_free(struct sensitivity *s);

/* The rows of one output, in order: the first at *first, *count of them. */
void sensitivity_output_rows(const struct sensitivity *s, size_t output,
			     size_t *first, size_t *count);

/* Centred ranks of x[0..n): rank[i] = (the 1-based rank of x[i], ties
 * given their average rank) - (n + 1) / 2, so that they sum to 0.  Every
 * value is a multiple of 1/2, exact.  work must hold
 * SENSITIVITY_RANK_WORK(n) bytes.  -0 ranks with 0; x must hold no NaN. */
#define SENSITIVITY_RANK_WORK(n) ((size_t)(n)*24 + 64)
void sensitivity_ranks(const double *x, size_t n, double *rank, void *work);

/* The Pearson correlation of two arrays of centred ranks (as
 * sensitivity_ranks gives them): sum(a b) / sqrt(sum(a a) sum(b b)),
 * summed in index order.  NAN when either is constant or n < 2. */
double sensitivity_rank_corr(const double *a, const double *b, size_t n);

#endif
